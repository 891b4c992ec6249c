/**
 * `POST /api/cases/:caseId/aenderungsmeldungen`: an applicant (own case), case officer or admin
 * files a change notice; it is written to the case's tables and starts the officer's review.
 */
import { z } from 'zod';
import type { Database } from '../../../../../domain/index.js';
import type { EngineClient } from '../../../engine-client/engine-client.js';
import { defineRoute, type AnyRoute } from '../../../http/route-definition.js';
import type { FormRegistry } from '../../forms/form-registry.js';
import type { CaseAccess } from '../case-access.js';
import { fileChangeNotice } from './change-notice-service.js';

/** The route. */
export function changeNoticeRoutes(deps: {
  db: Database;
  engine: EngineClient | undefined;
  forms: FormRegistry;
  access: CaseAccess;
}): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/aenderungsmeldungen',
      summary: 'Änderungsmeldung einreichen (Kontakt, Betreiberwechsel, Stilllegung, Ersatz)',
      description:
        'Geprüft gegen das Formular aenderungsmeldung; die Änderungen werden übernommen und die Prüfung durch die Sachbearbeitung beginnt. Mit idempotencyKey (vom Client je Meldung gewählt) ist eine Wiederholung nach 503 sicher: dieselbe Meldung wird nur einmal übernommen und ihre Prüfung nur einmal gestartet; derselbe Schlüssel mit anderen Daten ist 409 IDEMPOTENCY_KEY_REUSED.',
      tags: ['Förderfälle'],
      access: { roles: ['applicant', 'case-officer', 'admin'] },
      params: z.object({ caseId: z.uuid() }),
      body: z.object({
        data: z.record(z.string(), z.unknown()),
        idempotencyKey: z.string().min(8).max(128).optional(),
      }),
      response: z.object({ changeNoticeId: z.string(), tables: z.array(z.string()) }),
      successStatus: 201,
      authorise: ({ principal, params }) =>
        deps.access.assertCaseVisible(principal!, params.caseId),
      handle: ({ principal, params, body, requestId }) =>
        fileChangeNotice(deps, {
          principal: principal!,
          caseId: params.caseId,
          data: body.data,
          requestId,
          ...(body.idempotencyKey ? { idempotencyKey: body.idempotencyKey } : {}),
        }),
    }),
  ];
}
