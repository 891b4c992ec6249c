/**
 * Case views: `GET /api/cases/mine` (applicants), `GET /api/cases` (search, case officers and
 * admins), `GET /api/cases/:caseId` (detail; applicants only their own; every read audited).
 */
import { z } from 'zod';
import { bundeslaender, foerderfallStatus } from '../../../../domain/index.js';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import type { CaseAccess } from './case-access.js';
import { exportContentTypes, exportFormats, writeCaseExport } from './case-export.js';
import type { CaseService } from './service.js';

const summarySchema = z.object({
  id: z.string(),
  antragsnummer: z.string(),
  programm: z.string(),
  status: z.string(),
  reportingId: z.string().nullable(),
  empfaenger: z.string(),
  anzahlLadepunkteBeantragt: z.number(),
  naechsteFrist: z.string().nullable(),
});

const searchCriteria = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  programm: z.string().max(32).optional(),
  status: z.enum(foerderfallStatus).optional(),
  bundesland: z.enum(bundeslaender).optional(),
});

/** The routes of this feature. */
export function caseRoutes(deps: { cases: CaseService; access: CaseAccess }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases/mine',
      summary: 'Meine Förderfälle mit Status, Reporting-ID und nächster Frist',
      tags: ['Förderfälle'],
      access: { roles: ['applicant'] },
      response: z.array(summarySchema),
      handle: ({ principal }) => deps.cases.mine(principal!),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases',
      summary: 'Förderfälle suchen (Name, Antragsnummer, Reporting-ID, Programm, Status, Land)',
      tags: ['Förderfälle'],
      access: { roles: ['case-officer', 'admin'] },
      query: searchCriteria.extend({
        from: z.coerce.number().int().min(0).max(100_000).default(0),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: z.object({ items: z.array(summarySchema), total: z.number() }),
      handle: ({ query }) => deps.cases.search(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/export',
      summary: 'Suchergebnis als Datei (xlsx oder CSV mit ; und UTF-8-BOM)',
      description:
        'Dieselben Kriterien wie die Suche, ohne Seitengrenze. Texte, die mit = + - @ beginnen, werden mit einem Apostroph als Text geschrieben.',
      tags: ['Förderfälle'],
      access: { roles: ['case-officer', 'admin'] },
      query: searchCriteria.extend({ format: z.enum(exportFormats).default('xlsx') }),
      async handle({ principal, query, requestId }) {
        await deps.cases.recordExport(principal!, query, requestId);
        return query;
      },
      present: (query) => ({
        headers: {
          'content-disposition': `attachment; filename="foerderfaelle.${query.format}"`,
          'cache-control': 'no-store',
        },
        stream: {
          contentType: exportContentTypes[query.format],
          write: (out) => writeCaseExport(query.format, deps.cases.searchAll(query), out),
        },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId',
      summary: 'Ein Förderfall mit Empfänger, Standorten, Ladesäulengruppen und Berichtszeiträumen',
      tags: ['Förderfälle'],
      access: { roles: ['applicant', 'case-officer', 'admin'] },
      params: z.object({ caseId: z.uuid() }),
      authorise: ({ principal, params }) =>
        deps.access.assertCaseVisible(principal!, params.caseId),
      handle: ({ principal, params, requestId }) =>
        deps.cases.detail(principal!, params.caseId, requestId),
    }),
  ];
}
