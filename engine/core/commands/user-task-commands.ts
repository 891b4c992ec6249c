import { failedPrecondition, invalidArgument, notFound } from '../engine-error.js';
import type { UserTaskRow } from '../engine-state.js';
import { applyResultVariables, complete } from '../lifecycle.js';
import type { ProcessingContext } from '../processing-context.js';
import { userTaskValue } from '../elements/user-task.js';
import type { EngineCommand } from './engine-command.js';

function openTask(ctx: ProcessingContext, key: number, action: string): UserTaskRow {
  const task = ctx.state.userTasks.get(key);
  if (!task)
    throw notFound(
      `Expected to ${action} user task with key '${key}', but no such user task was found`,
    );
  if (task.state !== 'CREATED') {
    throw failedPrecondition(
      `Expected to ${action} user task with key '${key}', but it is in state '${task.state}'`,
    );
  }
  return task;
}

/** Assigns (or, with a null assignee, unassigns) a Camunda user task. */
export function assignUserTask(
  ctx: ProcessingContext,
  command: Extract<EngineCommand, { type: 'ASSIGN_USER_TASK' }>,
): void {
  const action = command.assignee === null ? 'unassign' : 'assign';
  const task = openTask(ctx, command.userTaskKey, action);
  if (command.assignee !== null && !command.assignee)
    throw invalidArgument('Expected an assignee, but it was empty');
  if (
    command.assignee !== null &&
    !command.allowOverride &&
    task.assignee &&
    task.assignee !== command.assignee
  ) {
    throw failedPrecondition(
      `Expected to assign user task with key '${task.key}', but it is already assigned to '${task.assignee}' and override is not allowed`,
    );
  }
  const assigned = { ...task, assignee: command.assignee };
  ctx.state.userTasks.put(assigned);
  const extra = { action: command.action ?? action };
  ctx.write('USER_TASK', 'ASSIGNING', task.key, userTaskValue(assigned, extra));
  ctx.write('USER_TASK', 'ASSIGNED', task.key, userTaskValue(assigned, extra));
}

/** Completes a Camunda user task: its variables are the element's output, then the element completes. */
export function completeUserTask(
  ctx: ProcessingContext,
  command: Extract<EngineCommand, { type: 'COMPLETE_USER_TASK' }>,
): void {
  const task = openTask(ctx, command.userTaskKey, 'complete');
  const completed = { ...task, state: 'COMPLETED' as const, completionDate: ctx.now };
  ctx.state.userTasks.put(completed);
  const extra = { action: command.action ?? 'complete', variables: command.variables };
  ctx.write('USER_TASK', 'COMPLETING', task.key, userTaskValue(completed, extra));
  ctx.write('USER_TASK', 'COMPLETED', task.key, userTaskValue(completed, extra));
  const instance = ctx.instance(task.elementInstanceKey);
  applyResultVariables(ctx, instance, command.variables);
  complete(ctx, instance);
}
