/**
 * `GET /api/cases/:caseId/audit`: the audit trail of a case for case officers and admins (who
 * read or changed what, when). Applicants see what is held about them through `/api/me/data`.
 */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import type { CaseAccess } from '../cases/case-access.js';
import type { AuditService } from './service.js';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  akteurTyp: z.string(),
  akteurId: z.string().nullable(),
  akteur: z.string().nullable(),
  aktion: z.string(),
  objektTyp: z.string(),
  objektId: z.string().nullable(),
  vorher: z.record(z.string(), z.unknown()).nullable(),
  nachher: z.record(z.string(), z.unknown()).nullable(),
  korrelationId: z.string().nullable(),
});

/** The routes of this feature. */
export function auditRoutes(deps: { audit: AuditService; access: CaseAccess }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/audit',
      summary: 'Protokoll eines Förderfalls: wer hat wann was gelesen oder geändert',
      tags: ['Förderfälle'],
      access: { roles: ['case-officer', 'admin'] },
      params: z.object({ caseId: z.uuid() }),
      query: z.object({
        aktion: z.string().max(64).optional(),
        from: z.coerce.number().int().min(0).max(1_000_000).default(0),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ items: z.array(entrySchema), total: z.number() }),
      authorise: ({ principal, params }) =>
        deps.access.assertCaseVisible(principal!, params.caseId),
      handle: ({ params, query }) => deps.audit.ofCase(params.caseId, query),
    }),
  ];
}
