/**
 * `GET /api/cases/:caseId/timeline`: the status timeline of a case (applicants their own cases,
 * case officers and admins every case), built from the engine's element instances and the BPMN.
 */
import { z } from 'zod';
import type { CaseProcessClient } from '../../../engine-client/case-process-client.js';
import { DependencyUnavailableError } from '../../../http/portal-errors.js';
import { defineRoute, type AnyRoute } from '../../../http/route-definition.js';
import type { CaseAccess } from '../case-access.js';
import { buildCaseTimeline } from './case-timeline.js';

const step = z.object({
  elementId: z.string(),
  name: z.string(),
  type: z.string(),
  state: z.enum(['COMPLETED', 'ACTIVE', 'TERMINATED']),
  startDate: z.string(),
  endDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  hasIncident: z.boolean(),
});

/** The route. */
export function timelineRoutes(deps: {
  access: CaseAccess;
  processes: CaseProcessClient | undefined;
}): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/timeline',
      summary:
        'Statusverlauf: was erledigt ist, was offen ist, was als Nächstes kommt und bis wann',
      tags: ['Förderfälle'],
      access: { roles: ['applicant', 'case-officer', 'admin'] },
      params: z.object({ caseId: z.uuid() }),
      response: z.object({
        instances: z.array(
          z.object({
            processInstanceKey: z.string(),
            processDefinitionId: z.string(),
            name: z.string(),
            state: z.string(),
            startDate: z.string(),
            endDate: z.string().nullable(),
            done: z.array(step),
            active: z.array(step),
            next: z.array(z.object({ elementId: z.string(), name: z.string(), type: z.string() })),
            timers: z.array(
              z.object({
                elementId: z.string(),
                name: z.string(),
                attachedTo: z.string().nullable(),
                dueDate: z.string().nullable(),
              }),
            ),
          }),
        ),
      }),
      authorise: ({ principal, params }) =>
        deps.access.assertCaseVisible(principal!, params.caseId),
      async handle({ params }) {
        if (!deps.processes) throw new DependencyUnavailableError('Engine (Prozessinstanzen)');
        return { instances: await buildCaseTimeline(deps.processes, params.caseId) };
      },
    }),
  ];
}
