/** Saved filters of the task list: `GET|POST /api/task-filters`, `DELETE /api/task-filters/:filterId`. */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import type { TaskFilterService } from './service.js';

const inboxRoles = ['applicant', 'case-officer', 'admin', 'analyst'] as const;
const kriterien = z
  .object({
    candidateGroup: z.string().max(80).optional(),
    assignee: z.string().max(255).optional(),
    processDefinitionId: z.string().max(255).optional(),
    elementId: z.string().max(255).optional(),
    state: z.enum(['CREATED', 'COMPLETED']).optional(),
    sort: z.enum(['creationDate', 'dueDate', 'priority']).optional(),
    order: z.enum(['ASC', 'DESC']).optional(),
  })
  .strict();
const filterSchema = z.object({ id: z.string(), name: z.string(), kriterien });

/** The routes of this feature. */
export function taskFilterRoutes(filters: TaskFilterService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/task-filters',
      summary: 'Meine gespeicherten Filter der Aufgabenliste',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      response: z.array(filterSchema),
      handle: ({ principal }) => filters.list(principal!),
    }),
    defineRoute({
      method: 'post',
      path: '/api/task-filters',
      summary: 'Filter der Aufgabenliste unter einem Namen speichern',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      body: z.object({ name: z.string().trim().min(1).max(80), kriterien }),
      response: filterSchema,
      successStatus: 201,
      handle: ({ principal, body }) => filters.save(principal!, body.name, body.kriterien),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/task-filters/:filterId',
      summary: 'Gespeicherten Filter löschen',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      params: z.object({ filterId: z.uuid() }),
      successStatus: 204,
      handle: ({ principal, params }) => filters.remove(principal!, params.filterId),
    }),
  ];
}
