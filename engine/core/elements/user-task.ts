import type { ExecutableElement } from '../../model/executable-model.js';
import type { ElementInstanceRow, UserTaskRow } from '../engine-state.js';
import { raiseIncident } from '../incidents.js';
import { cancelJobOf } from '../jobs.js';
import { activated } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';
import { visibleVariables } from '../variables.js';
import type { ElementBehavior } from './element-behavior.js';
import { evaluateNumber, evaluateString, evaluateStringList } from './evaluate-property.js';
import { startJob } from './job-worker-task.js';

/** The job type of job-based user tasks (Zeebe's built-in user task worker type). */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

/**
 * User tasks, both ways Zeebe 8.8 knows them:
 * - Camunda user tasks (`zeebe:userTask`): the engine keeps the task (USER_TASK records) with
 *   its form, assignee, candidates and dates, lifecycle CREATED -> ASSIGNED -> COMPLETED, or
 *   CANCELED when the element is left another way;
 * - job-based user tasks: a job of type `io.camunda.zeebe:userTask` (retries 1) whose custom
 *   headers carry the task data, for task applications that work jobs.
 */
export const userTask: ElementBehavior = {
  onActivate(ctx, instance, element) {
    const data = evaluateTaskData(ctx, instance, element);
    if (!data.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', data.message);
      return;
    }
    if (!element.camundaUserTask) {
      startJob(ctx, instance, element, USER_TASK_JOB_TYPE, '1', {
        ...element.job?.headers,
        ...jobHeaders(data.value),
      });
      return;
    }
    const current = activated(ctx, instance);
    if (!current) return;
    createUserTask(ctx, current, element, data.value);
  },
  onTerminate(ctx, instance) {
    cancelJobOf(ctx, instance);
    cancelUserTaskOf(ctx, instance);
  },
};

interface TaskData {
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  priority: number;
}

function evaluateTaskData(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  element: ExecutableElement,
): { ok: true; value: TaskData } | { ok: false; message: string } {
  const task = element.userTask ?? {};
  let variables: Record<string, unknown> | undefined;
  const scope = () => (variables ??= visibleVariables(ctx, instance.key));
  const assignee = evaluateString(ctx, 'assignee', task.assignee, scope);
  const groups = evaluateStringList(ctx, 'candidate groups', task.candidateGroups, scope);
  const users = evaluateStringList(ctx, 'candidate users', task.candidateUsers, scope);
  const due = evaluateString(ctx, 'due date', task.dueDate, scope);
  const followUp = evaluateString(ctx, 'follow-up date', task.followUpDate, scope);
  const priority = evaluateNumber(ctx, 'priority', task.priority, scope);
  for (const result of [assignee, groups, users, due, followUp, priority])
    if (!result.ok) return result;
  for (const [what, date] of [
    ['due date', due],
    ['follow-up date', followUp],
  ] as const) {
    if (date.ok && date.value !== undefined && ctx.time.parseDateTime(date.value) === undefined) {
      return {
        ok: false,
        message: `Expected the ${what} of '${element.id}' to be an ISO 8601 date-time with zone, but was '${date.value}'`,
      };
    }
  }
  const formKey =
    task.externalFormReference ??
    task.formKey ??
    (task.formId ? `camunda-forms:bpmn:${task.formId}` : undefined);
  return {
    ok: true,
    value: {
      assignee: assignee.ok ? assignee.value : undefined,
      candidateGroups: groups.ok ? groups.value : [],
      candidateUsers: users.ok ? users.value : [],
      dueDate: due.ok ? due.value : undefined,
      followUpDate: followUp.ok ? followUp.value : undefined,
      formKey,
      priority: (priority.ok ? priority.value : undefined) ?? 50,
    },
  };
}

/** The custom headers Zeebe gives a job-based user task. */
function jobHeaders(data: TaskData): Record<string, string> {
  const headers: Record<string, string> = {};
  if (data.formKey) headers['io.camunda.zeebe:formKey'] = data.formKey;
  if (data.assignee) headers['io.camunda.zeebe:assignee'] = data.assignee;
  if (data.candidateGroups.length)
    headers['io.camunda.zeebe:candidateGroups'] = JSON.stringify(data.candidateGroups);
  if (data.candidateUsers.length)
    headers['io.camunda.zeebe:candidateUsers'] = JSON.stringify(data.candidateUsers);
  if (data.dueDate) headers['io.camunda.zeebe:dueDate'] = data.dueDate;
  if (data.followUpDate) headers['io.camunda.zeebe:followUpDate'] = data.followUpDate;
  return headers;
}

function createUserTask(
  ctx: ProcessingContext,
  instance: ElementInstanceRow,
  element: ExecutableElement,
  data: TaskData,
): void {
  const task: UserTaskRow = {
    key: ctx.nextKey(),
    state: 'CREATED',
    assignee: null,
    candidateGroups: data.candidateGroups,
    candidateUsers: data.candidateUsers,
    dueDate: data.dueDate ?? null,
    followUpDate: data.followUpDate ?? null,
    formKey: data.formKey ?? null,
    externalFormReference: element.userTask?.externalFormReference ?? null,
    priority: data.priority,
    creationDate: ctx.now,
    completionDate: null,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    name: element.name ?? null,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionVersion: instance.version,
    customHeaders: element.job?.headers ?? {},
  };
  ctx.state.userTasks.put(task);
  ctx.state.elementInstances.put({ ...ctx.instance(instance.key), userTaskKey: task.key });
  ctx.write('USER_TASK', 'CREATING', task.key, userTaskValue(task));
  ctx.write('USER_TASK', 'CREATED', task.key, userTaskValue(task));
  if (data.assignee) {
    const assigned = { ...task, assignee: data.assignee };
    ctx.state.userTasks.put(assigned);
    ctx.write('USER_TASK', 'ASSIGNING', task.key, userTaskValue(assigned));
    ctx.write('USER_TASK', 'ASSIGNED', task.key, userTaskValue(assigned));
  }
}

function cancelUserTaskOf(ctx: ProcessingContext, instance: ElementInstanceRow): void {
  if (instance.userTaskKey === null) return;
  const task = ctx.state.userTasks.get(instance.userTaskKey);
  if (!task || task.state !== 'CREATED') return;
  const canceled = { ...task, state: 'CANCELED' as const, completionDate: ctx.now };
  ctx.state.userTasks.put(canceled);
  ctx.write('USER_TASK', 'CANCELING', task.key, userTaskValue(canceled));
  ctx.write('USER_TASK', 'CANCELED', task.key, userTaskValue(canceled));
}

/** The USER_TASK record value (Zeebe's UserTaskRecord). */
export function userTaskValue(
  task: UserTaskRow,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    userTaskKey: task.key,
    assignee: task.assignee ?? '',
    candidateGroupsList: task.candidateGroups,
    candidateUsersList: task.candidateUsers,
    dueDate: task.dueDate ?? '',
    followUpDate: task.followUpDate ?? '',
    formKey: task.formKey ?? -1,
    externalFormReference: task.externalFormReference ?? '',
    priority: task.priority,
    elementId: task.elementId,
    elementInstanceKey: task.elementInstanceKey,
    processInstanceKey: task.processInstanceKey,
    processDefinitionKey: task.processDefinitionKey,
    bpmnProcessId: task.bpmnProcessId,
    processDefinitionVersion: task.processDefinitionVersion,
    customHeaders: task.customHeaders,
    creationTimestamp: task.creationDate,
    tenantId: '<default>',
    ...extra,
  };
}
