/**
 * Invitation API: redeem a token, the people on a case, invite, withdraw, remove.
 * Applicants act on their own cases (linked as Antragsteller or Bevollmächtigter) and may invite
 * Bevollmächtigte, Ansprechpartner and Dienstleister; case officers and admins act on any case
 * and may also invite the Antragsteller.
 */
import { z } from 'zod';
import { personRollen } from '../../../../domain/index.js';
import { ForbiddenError } from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { caseWideRoles, type CaseAccess } from '../cases/case-access.js';
import type { PeopleService } from './people-service.js';
import { presentPeople } from './presenter.js';
import { invitableRoles, type InvitationService } from './service.js';

const caseParams = z.object({ caseId: z.uuid() });
const peopleSchema = z.object({
  people: z.array(
    z.object({
      linkId: z.string(),
      personId: z.string(),
      name: z.string(),
      email: z.string(),
      rolle: z.enum(personRollen),
      registered: z.boolean(),
    }),
  ),
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      rolle: z.enum(personRollen),
      gueltigBis: z.string(),
    }),
  ),
});

const isCaseWide = (principal: Principal) => principal.roles.some((r) => caseWideRoles.includes(r));

/** The routes of this feature. */
export function invitationRoutes(deps: {
  invitations: InvitationService;
  people: PeopleService;
  access: CaseAccess;
}): AnyRoute[] {
  const { invitations, people, access } = deps;

  /** Applicants must be Antragsteller or Bevollmächtigter on the case to manage its people. */
  const mayManage = async (principal: Principal, caseId: string) => {
    await access.assertCaseVisible(principal, caseId);
    if (isCaseWide(principal)) return;
    const roles = await access.rolesOnCase(principal, caseId);
    if (!roles.some((r) => r === 'ANTRAGSTELLER' || r === 'BEVOLLMAECHTIGTER'))
      throw new ForbiddenError();
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/einladungen/einloesen',
      summary: 'Einladung einlösen: verknüpft das Konto mit dem Förderfall',
      tags: ['Einladungen'],
      access: { roles: 'any' },
      body: z.object({ token: z.string().min(20).max(128) }),
      response: z.object({ caseId: z.string() }),
      handle: ({ principal, body, requestId }) =>
        invitations.redeem(body.token, principal!, requestId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/people',
      summary: 'Personen am Förderfall und offene Einladungen',
      tags: ['Einladungen'],
      access: { roles: ['applicant', 'case-officer', 'admin'] },
      params: caseParams,
      response: peopleSchema,
      authorise: ({ principal, params }) => access.assertCaseVisible(principal!, params.caseId),
      handle: async ({ principal, params, requestId }) => {
        const result = await people.list(params.caseId);
        await access.recordCaseRead(principal!, {
          caseId: params.caseId,
          aktion: 'foerderfall.personen.read',
          objektTyp: 'foerderfall',
          objektId: params.caseId,
          requestId,
        });
        return result;
      },
      present: (result) => ({ body: presentPeople(result) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/invitations',
      summary: 'Eine Person zum Förderfall einladen (Link per E-Mail)',
      tags: ['Einladungen'],
      access: { roles: ['applicant', 'case-officer', 'admin'] },
      params: caseParams,
      body: z.object({ email: z.email().max(254), rolle: z.enum(personRollen) }),
      response: z.object({ id: z.string(), gueltigBis: z.string() }),
      successStatus: 201,
      authorise: async ({ principal, params, body }) => {
        await mayManage(principal!, params.caseId);
        if (!isCaseWide(principal!) && !(invitableRoles as readonly string[]).includes(body.rolle))
          throw new ForbiddenError('Diese Rolle kann nur die Sachbearbeitung vergeben');
      },
      handle: ({ principal, params, body, requestId }) =>
        invitations.invite({
          caseId: params.caseId,
          email: body.email,
          rolle: body.rolle,
          invitedBy: principal,
          requestId,
        }),
      present: (result) => ({
        body: { id: result.id, gueltigBis: result.gueltigBis.toISOString() },
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/cases/:caseId/invitations/:invitationId',
      summary: 'Offene Einladung zurückziehen',
      tags: ['Einladungen'],
      access: { roles: ['applicant', 'case-officer', 'admin'] },
      params: z.object({ caseId: z.uuid(), invitationId: z.uuid() }),
      successStatus: 204,
      authorise: ({ principal, params }) => mayManage(principal!, params.caseId),
      handle: ({ principal, params, requestId }) =>
        invitations.withdraw(params.caseId, params.invitationId, principal!, requestId),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/cases/:caseId/people/:linkId',
      summary: 'Person vom Förderfall entfernen',
      tags: ['Einladungen'],
      access: { roles: ['applicant', 'case-officer', 'admin'] },
      params: z.object({ caseId: z.uuid(), linkId: z.uuid() }),
      successStatus: 204,
      authorise: ({ principal, params }) => mayManage(principal!, params.caseId),
      handle: ({ principal, params, requestId }) =>
        people.remove(params.caseId, params.linkId, principal!, isCaseWide(principal!), requestId),
    }),
  ];
}
