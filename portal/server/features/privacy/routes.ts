/**
 * Data protection: `GET /api/me/data` gives every logged-in person everything held about them
 * (Art. 15 GDPR); `POST /api/admin/erasure-requests` lets an admin handle an erasure request
 * (Art. 17 GDPR) by the retention rules, answering what was deleted, anonymised and kept until
 * when (`dryRun: true` answers without changing anything).
 */
import { z } from 'zod';
import type { Database } from '../../../../domain/index.js';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { eraseSubject } from './erasure.js';
import { collectSubjectData } from './subject-data.js';

const counted = z.object({ table: z.string(), rows: z.number() });

/** The routes of this feature. */
export function privacyRoutes(db: Database): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/me/data',
      summary: 'Auskunft: alle über mich gespeicherten Daten (Art. 15 DSGVO) als JSON',
      tags: ['Datenschutz'],
      access: { roles: 'any' },
      handle: ({ principal, requestId }) => collectSubjectData(db, principal!, requestId),
      present: (document) => ({
        body: document,
        headers: {
          'content-disposition': 'attachment; filename="meine-daten.json"',
          'cache-control': 'no-store',
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/erasure-requests',
      summary: 'Löschersuchen bearbeiten (Art. 17 DSGVO) nach den Aufbewahrungsregeln',
      description:
        'Löscht, was gelöscht werden darf, anonymisiert Kontaktdaten in aufzubewahrenden Akten und nennt, was bis wann aufbewahrt werden muss.',
      tags: ['Datenschutz'],
      access: { roles: ['admin'] },
      body: z.object({ email: z.email().max(254), dryRun: z.boolean().default(false) }),
      response: z.object({
        email: z.string(),
        dryRun: z.boolean(),
        deleted: z.array(counted),
        anonymised: z.array(counted.extend({ columns: z.array(z.string()) })),
        kept: z.array(counted.extend({ until: z.string().nullable(), reason: z.string() })),
      }),
      handle: ({ principal, body, requestId }) =>
        eraseSubject(db, body, principal!.subject, requestId),
    }),
  ];
}
