/**
 * An in-memory stand-in for the engine's user-task API with the v2 semantics the inbox relies
 * on: candidate groups OR-ed, assignment with and without override, completion of an open task
 * only (a second completion fails, as the engine's does), canceled tasks kept with their state.
 */
import type { EngineTask, TaskClient, TaskFilter } from '../engine-client/task-client.js';

/** The fake with its tasks and a log of completions. */
export class InMemoryTaskClient implements TaskClient {
  readonly tasks = new Map<string, EngineTask>();
  /** Process variables per task key, as the engine would resolve them for the task. */
  readonly taskVariables = new Map<string, Record<string, unknown>>();
  readonly completions: { key: string; variables: Record<string, unknown> }[] = [];
  private next = 2251799813685249n;

  /** Adds an open task; returns it. */
  add(fields: Partial<EngineTask> & { candidateGroups: string[] }): EngineTask {
    const key = String(this.next++);
    const task: EngineTask = {
      key,
      name: 'Aufgabe',
      state: 'CREATED',
      assignee: null,
      elementId: 'UserTask_1',
      processDefinitionId: 'foerderfall',
      processInstanceKey: String(this.next++),
      creationDate: new Date(Number(this.next % 1000n) * 1000).toISOString(),
      dueDate: null,
      followUpDate: null,
      formId: null,
      ...fields,
    };
    this.tasks.set(key, task);
    return task;
  }

  async search(filter: TaskFilter, page: { from: number; limit: number }) {
    const matching = [...this.tasks.values()].filter(
      (t) =>
        (!filter.candidateGroups ||
          t.candidateGroups.some((g) => filter.candidateGroups!.includes(g))) &&
        (!filter.assignee || t.assignee === filter.assignee) &&
        (!filter.state || t.state === filter.state) &&
        (!filter.processDefinitionId || t.processDefinitionId === filter.processDefinitionId) &&
        (!filter.elementId || t.elementId === filter.elementId),
    );
    return { items: matching.slice(page.from, page.from + page.limit), total: matching.length };
  }

  async get(key: string) {
    const task = this.tasks.get(key);
    return task ? { ...task } : undefined;
  }

  async assign(key: string, assignee: string, allowOverride: boolean) {
    const task = this.open(key);
    if (task.assignee && task.assignee !== assignee && !allowOverride)
      throw new Error('409 already assigned');
    task.assignee = assignee;
  }

  async unassign(key: string) {
    this.open(key).assignee = null;
  }

  async complete(key: string, variables: Record<string, unknown>) {
    const task = this.open(key);
    task.state = 'COMPLETED';
    this.completions.push({ key, variables });
  }

  async variables(key: string, names: string[]) {
    const all = this.taskVariables.get(key) ?? {};
    return Object.fromEntries(names.filter((n) => n in all).map((n) => [n, all[n]]));
  }

  private open(key: string): EngineTask {
    const task = this.tasks.get(key);
    if (!task) throw new Error('404 not found');
    if (task.state !== 'CREATED') throw new Error('409 task is not in state CREATED');
    return task;
  }
}
