/**
 * User tasks through the SDK's REST client (Camunda 8.8 `/v2/user-tasks/...`), the same calls on
 * the embedded engine and on Camunda 8. Narrow on purpose: the inbox needs search, get, assign,
 * unassign and complete.
 */
import { Camunda8 } from '@camunda8/sdk';
import type { SdkConfiguration } from './engine-client.js';

/** A user task as the inbox sees it. */
export interface EngineTask {
  key: string;
  name: string;
  state: 'CREATED' | 'COMPLETED' | 'CANCELED' | 'FAILED';
  assignee: string | null;
  elementId: string;
  candidateGroups: string[];
  processDefinitionId: string;
  processInstanceKey: string;
  creationDate: string;
  dueDate: string | null;
  followUpDate: string | null;
  /** The form id (`zeebe:formDefinition externalReference`), a file stem in `forms/`. */
  formId: string | null;
}

/** Filters of a task search; candidate groups are OR-ed (one search with `$in`). */
export interface TaskFilter {
  candidateGroups?: string[];
  assignee?: string;
  state?: EngineTask['state'];
  processDefinitionId?: string;
  elementId?: string;
}

/** One page of a search. */
export interface TaskPage {
  from: number;
  limit: number;
  sort?: { field: 'creationDate' | 'dueDate' | 'priority'; order: 'ASC' | 'DESC' };
}

/** The user-task API. */
export interface TaskClient {
  search(filter: TaskFilter, page: TaskPage): Promise<{ items: EngineTask[]; total: number }>;
  /** The task, or undefined when the engine does not know it. */
  get(key: string): Promise<EngineTask | undefined>;
  assign(key: string, assignee: string, allowOverride: boolean): Promise<void>;
  unassign(key: string): Promise<void>;
  complete(key: string, variables: Record<string, unknown>): Promise<void>;
  /** The named process variables the task sees (e.g. `periodId`); absent ones are left out. */
  variables(key: string, names: string[]): Promise<Record<string, unknown>>;
}

type SdkTask = Awaited<ReturnType<ReturnType<Camunda8['getCamundaRestClient']>['getUserTask']>>;

function fromSdk(task: SdkTask): EngineTask {
  return {
    key: task.userTaskKey,
    name: task.name,
    state: task.state,
    assignee: task.assignee ?? null,
    elementId: task.elementId,
    candidateGroups: task.candidateGroups ?? [],
    processDefinitionId: task.processDefinitionId,
    processInstanceKey: task.processInstanceKey,
    creationDate: task.creationDate,
    dueDate: task.dueDate ?? null,
    followUpDate: task.followUpDate ?? null,
    formId: task.externalFormReference ?? null,
  };
}

/** A task client over `@camunda8/sdk`'s REST client; connects lazily. */
export function createSdkTaskClient(configuration: SdkConfiguration): TaskClient {
  let rest: ReturnType<Camunda8['getCamundaRestClient']> | undefined;
  const client = () => (rest ??= new Camunda8(configuration).getCamundaRestClient());
  return {
    async search(filter, page) {
      const groups = filter.candidateGroups;
      // One search for all of a person's groups (`$in`), so the engine sorts, pages and counts
      // them together: a task offered to two of the groups is one row, and `from` is exact.
      const candidateGroup =
        groups && groups.length > 0
          ? { candidateGroup: groups.length === 1 ? groups[0]! : { $in: groups } }
          : {};
      const response = await client().searchUserTasks({
        filter: {
          // The SDK's type knows plain values only; the REST API v2 takes `{ $in }` here.
          ...(candidateGroup as { candidateGroup?: string }),
          ...(filter.assignee ? { assignee: filter.assignee } : {}),
          ...(filter.state ? { state: filter.state } : {}),
          ...(filter.processDefinitionId
            ? { processDefinitionId: filter.processDefinitionId }
            : {}),
          ...(filter.elementId ? { elementId: filter.elementId } : {}),
        },
        page: { from: page.from, limit: page.limit },
        ...(page.sort ? { sort: [{ field: page.sort.field, order: page.sort.order }] } : {}),
      });
      return { items: response.items.map(fromSdk), total: response.page.totalItems };
    },
    async get(key) {
      try {
        return fromSdk(await client().getUserTask(key));
      } catch (error) {
        // A key the engine cannot have (400 on the only argument) is a task that does not exist.
        if (/\b(404|400)\b|not found/i.test(String((error as Error).message))) return undefined;
        throw error;
      }
    },
    assign: (key, assignee, allowOverride) =>
      client().assignUserTask({ userTaskKey: key, assignee, allowOverride }),
    unassign: (key) => client().unassignUserTask({ userTaskKey: key }),
    complete: (key, variables) => client().completeUserTask({ userTaskKey: key, variables }),
    async variables(key, names) {
      const found: Record<string, unknown> = {};
      for (const name of names) {
        const response = await client().searchUserTaskVariables({
          userTaskKey: key,
          filter: { name },
          page: { from: 0, limit: 1 },
        });
        const item = response.items[0];
        // Values travel as JSON text (Camunda's REST API); the innermost scope comes first.
        if (item) found[name] = JSON.parse(item.value) as unknown;
      }
      return found;
    },
  };
}
