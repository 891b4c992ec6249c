/** `GET /api/me`: who is logged in, with which roles (the web front end starts here). */
import { z } from 'zod';
import { realmRoles, type Principal } from '../../http/principal.js';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { presentMe } from './presenter.js';

const meSchema = z.object({
  subject: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  roles: z.array(z.enum(realmRoles)),
  authenticatedBy: z.enum(['session', 'bearer']),
});

/** The routes of this feature. */
export function meRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'Angemeldete Person und ihre Rollen',
      tags: ['Identität'],
      access: { roles: 'any' },
      response: meSchema,
      handle: ({ principal }) => principal as Principal,
      present: (principal) => ({ body: presentMe(principal) }),
    }),
  ];
}
