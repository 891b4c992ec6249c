/**
 * The dev mailbox (development only, admins): `GET /api/dev-mailbox` lists the newest e-mails the
 * platform wrote to `$DATA_DIR/mailbox`, `GET /api/dev-mailbox/:mailId` shows one. Without a dev
 * mailbox (SMTP configured, or production) both answer 404.
 */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { MAIL_ID, type MailboxService } from './service.js';

/** The routes of this feature. */
export function mailboxRoutes(mailbox: MailboxService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dev-mailbox',
      summary: 'Entwicklungs-Postfach: die neuesten E-Mails (nur ohne SMTP, nie in Produktion)',
      tags: ['Entwicklung'],
      access: { roles: ['admin'] },
      query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      handle: ({ query }) => mailbox.list(query.limit),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dev-mailbox/:mailId',
      summary: 'Eine E-Mail des Entwicklungs-Postfachs mit Text',
      tags: ['Entwicklung'],
      access: { roles: ['admin'] },
      params: z.object({ mailId: z.string().regex(MAIL_ID) }),
      handle: ({ params }) => mailbox.read(params.mailId),
    }),
  ];
}
