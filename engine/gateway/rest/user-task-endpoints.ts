import type { Engine } from '../../index.js';
import { assignmentRequest, completionRequest, parseBody } from './command-requests.js';
import { presentUserTask, presentVariable, type ElementInstanceItem } from './rest-presenters.js';
import { noContent, ok, pathKey, type Route } from './route.js';
import { truncateValues } from './search-endpoints.js';
import { parseSearch, searchResponse } from './search-request.js';
import { USER_TASK_SEARCH, USER_TASK_VARIABLE_SEARCH } from './search-specs.js';

/** Camunda user tasks: search, get, assign, unassign, complete, and their variables. */
export const userTaskEndpoints: Route[] = [
  {
    method: 'POST',
    path: '/v2/user-tasks/search',
    body: 'json',
    async handle({ body }, { engine, names }) {
      const search = parseSearch(body, USER_TASK_SEARCH);
      const rows = searchResponse(
        search,
        (query) => engine.search.userTasks(query),
        (row) => row,
      );
      const items = await Promise.all(
        rows.items.map(async (row) =>
          presentUserTask(
            row,
            await names.names(row.processDefinitionKey, row.processDefinitionId),
          ),
        ),
      );
      return ok({ items, page: rows.page });
    },
  },
  {
    method: 'GET',
    path: '/v2/user-tasks/{userTaskKey}',
    body: 'none',
    async handle(request, { engine, names }) {
      const task = engine.getUserTask(pathKey(request, 'userTaskKey'));
      return ok(
        presentUserTask(
          task,
          await names.names(task.processDefinitionKey, task.processDefinitionId),
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/v2/user-tasks/{userTaskKey}/assignment',
    body: 'json',
    async handle(request, { engine }) {
      const userTaskKey = pathKey(request, 'userTaskKey');
      const { assignee, allowOverride, action } = parseBody(assignmentRequest, request.body);
      await engine.assignUserTask({
        userTaskKey,
        assignee,
        allowOverride: allowOverride ?? true,
        ...(action ? { action } : {}),
      });
      return noContent;
    },
  },
  {
    method: 'DELETE',
    path: '/v2/user-tasks/{userTaskKey}/assignee',
    body: 'none',
    async handle(request, { engine }) {
      await engine.unassignUserTask({ userTaskKey: pathKey(request, 'userTaskKey') });
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/v2/user-tasks/{userTaskKey}/completion',
    body: 'json',
    async handle(request, { engine }) {
      const userTaskKey = pathKey(request, 'userTaskKey');
      const completion = parseBody(completionRequest, request.body);
      await engine.completeUserTask({
        userTaskKey,
        variables: completion?.variables ?? {},
        ...(completion?.action ? { action: completion.action } : {}),
      });
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/v2/user-tasks/{userTaskKey}/variables/search',
    body: 'json',
    handle(request, { engine }) {
      const task = engine.getUserTask(pathKey(request, 'userTaskKey'));
      const search = parseSearch(request.body, USER_TASK_VARIABLE_SEARCH);
      const scopes = scopeChain(engine, task.elementInstanceKey, task.processInstanceKey);
      const truncate = truncateValues(request);
      return ok(
        searchResponse(
          {
            ...search,
            query: { ...search.query, filter: { ...search.query.filter, scopeKey: scopes } },
          },
          (query) => engine.search.variables(query),
          (row) => presentVariable(row, truncate),
        ),
      );
    },
  },
];

/**
 * The scopes whose variables a user task sees: its own element instance, every enclosing
 * (sub-process) scope and the process instance, as Camunda 8.8 answers a task's variables.
 */
function scopeChain(
  engine: Engine,
  elementInstanceKey: string,
  processInstanceKey: string,
): string[] {
  const scopes = [elementInstanceKey];
  let current: string | null = elementInstanceKey;
  while (current && current !== processInstanceKey && scopes.length < 100) {
    const element: ElementInstanceItem | undefined = engine.search.elementInstances({
      filter: { elementInstanceKey: current },
    }).items[0];
    current = element?.flowScopeKey ?? null;
    if (current) scopes.push(current);
  }
  if (!scopes.includes(processInstanceKey)) scopes.push(processInstanceKey);
  return scopes;
}
