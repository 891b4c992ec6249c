/**
 * Programmes: `GET /api/programmes`, `POST /api/programmes` (a new programme is data, not a
 * release), `PATCH /api/programmes/:code`. Admins write; case officers and process owners read.
 */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { newProgrammeSchema, programmeChangeSchema } from './programme-schema.js';
import type { ProgrammeService } from './service.js';

/** The routes of this feature. */
export function programmeRoutes(programmes: ProgrammeService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/programmes',
      summary: 'Förderprogramme mit ihren Regeln',
      tags: ['Programme'],
      access: { roles: ['admin', 'case-officer', 'process-owner'] },
      handle: () => programmes.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/programmes',
      summary: 'Förderprogramm anlegen (Daten, kein Release)',
      tags: ['Programme'],
      access: { roles: ['admin'] },
      body: newProgrammeSchema,
      successStatus: 201,
      handle: ({ principal, body, requestId }) => programmes.add(principal!, body, requestId),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/programmes/:code',
      summary: 'Förderprogramm ändern (der Code bleibt)',
      tags: ['Programme'],
      access: { roles: ['admin'] },
      params: z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/) }),
      body: programmeChangeSchema,
      handle: ({ principal, params, body, requestId }) =>
        programmes.change(principal!, params.code, body, requestId),
    }),
  ];
}
