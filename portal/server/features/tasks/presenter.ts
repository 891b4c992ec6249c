import type { EngineTask } from '../../engine-client/task-client.js';
import type { TaskWithForm } from './service.js';

/** A task in the list. */
export function presentTask(task: EngineTask) {
  return {
    key: task.key,
    name: task.name,
    state: task.state,
    assignee: task.assignee,
    elementId: task.elementId,
    candidateGroups: task.candidateGroups,
    processDefinitionId: task.processDefinitionId,
    processInstanceKey: task.processInstanceKey,
    creationDate: task.creationDate,
    dueDate: task.dueDate,
    followUpDate: task.followUpDate,
    formId: task.formId,
  };
}

/** A task with its form (schema and UI schema for rjsf). */
export function presentTaskWithForm(result: TaskWithForm) {
  return { task: presentTask(result.task), form: result.form, data: result.data };
}
