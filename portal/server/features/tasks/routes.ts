/**
 * The task inbox API. Applicants, case officers, admins and analysts; process owners model and
 * get no tasks. Visibility per task: see `task-visibility.ts`.
 */
import { z } from 'zod';
import type { AnyRoute } from '../../http/route-definition.js';
import { defineRoute } from '../../http/route-definition.js';
import { presentTask, presentTaskWithForm } from './presenter.js';
import type { TaskService } from './service.js';

const inboxRoles = ['applicant', 'case-officer', 'admin', 'analyst'] as const;
const taskParams = z.object({
  taskKey: z.string().regex(/^\d{1,19}$/, 'eine Aufgabennummer (Ziffern)'),
});
const taskSchema = z.object({
  key: z.string(),
  name: z.string(),
  state: z.enum(['CREATED', 'COMPLETED', 'CANCELED', 'FAILED']),
  assignee: z.string().nullable(),
  elementId: z.string(),
  candidateGroups: z.array(z.string()),
  processDefinitionId: z.string(),
  processInstanceKey: z.string(),
  creationDate: z.string(),
  dueDate: z.string().nullable(),
  followUpDate: z.string().nullable(),
  formId: z.string().nullable(),
});

/** The routes of this feature. */
export function taskRoutes(tasks: TaskService): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      summary: 'Aufgabenliste (eigene Fälle bzw. Gruppen der eigenen Rolle)',
      description: 'Abgebrochene Aufgaben erscheinen nicht; Standard ist state=CREATED.',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      query: z.object({
        candidateGroup: z.string().max(80).optional(),
        assignee: z.string().max(255).optional(),
        processDefinitionId: z.string().max(255).optional(),
        elementId: z.string().max(255).optional(),
        state: z.enum(['CREATED', 'COMPLETED']).default('CREATED'),
        from: z.coerce.number().int().min(0).max(10_000).default(0),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        sort: z.enum(['creationDate', 'dueDate', 'priority']).default('creationDate'),
        order: z.enum(['ASC', 'DESC']).default('ASC'),
      }),
      response: z.object({ items: z.array(taskSchema), total: z.number() }),
      handle: ({ principal, query }) =>
        tasks.list(principal!, {
          candidateGroup: query.candidateGroup,
          assignee: query.assignee,
          processDefinitionId: query.processDefinitionId,
          elementId: query.elementId,
          state: query.state,
          page: {
            from: query.from,
            limit: query.limit,
            sort: { field: query.sort, order: query.order },
          },
        }),
      present: (result) => ({
        body: { items: result.items.map(presentTask), total: result.total },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tasks/:taskKey',
      summary: 'Eine Aufgabe mit Formular (JSON Schema und UI-Schema)',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      params: taskParams,
      handle: ({ principal, params, requestId }) =>
        tasks.get(principal!, params.taskKey, requestId),
      present: (result) => ({ body: presentTaskWithForm(result) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskKey/claim',
      summary: 'Aufgabe übernehmen',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      params: taskParams,
      successStatus: 204,
      handle: ({ principal, params }) => tasks.claim(principal!, params.taskKey),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskKey/unclaim',
      summary: 'Aufgabe zurückgeben',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      params: taskParams,
      successStatus: 204,
      handle: ({ principal, params }) => tasks.unclaim(principal!, params.taskKey),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskKey/assignment',
      summary: 'Aufgabe einer Kollegin oder einem Kollegen zuweisen',
      tags: ['Aufgaben'],
      access: { roles: ['case-officer', 'admin'] },
      params: taskParams,
      body: z.object({ assignee: z.string().min(1).max(255) }),
      successStatus: 204,
      handle: ({ principal, params, body }) =>
        tasks.assign(principal!, params.taskKey, body.assignee),
    }),
    defineRoute({
      method: 'put',
      path: '/api/tasks/:taskKey/draft',
      summary: 'Entwurf des Formulars speichern (automatisch, ohne Prüfung)',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      params: taskParams,
      body: z.object({ data: z.record(z.string(), z.unknown()) }),
      successStatus: 204,
      handle: ({ principal, params, body }) =>
        tasks.saveDraft(principal!, params.taskKey, body.data),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:taskKey/completion',
      summary: 'Aufgabe abschließen (Daten gegen das Formular geprüft; wiederholbar)',
      tags: ['Aufgaben'],
      access: { roles: inboxRoles },
      params: taskParams,
      body: z.object({ data: z.record(z.string(), z.unknown()) }),
      response: z.object({ alreadyCompleted: z.boolean() }),
      handle: ({ principal, params, body, requestId }) =>
        tasks.complete(principal!, params.taskKey, body.data, requestId),
    }),
  ];
}
