import { fileURLToPath } from 'node:url';
import type { ProcessId } from '../../../domain/contract.js';
import { CONSISTENT, startProcessEngine, type ProcessEngine } from './process-engine.js';
import { ScenarioWorkers, type ScenarioWorkerOptions } from './scenario-workers.js';

/** Monday 4 January 2027, 08:00 UTC: where every scenario's clock starts. */
export const SCENARIO_START = Date.UTC(2027, 0, 4, 8, 0, 0);

/** The path of a model file in `processes/`. */
export function modelPath(processId: string): string {
  return fileURLToPath(new URL(`../../../processes/${processId}.bpmn`, import.meta.url));
}

/** A user task as the portal's task inbox gets it from `/v2/user-tasks/search`. */
export interface TaskView {
  readonly userTaskKey: string;
  readonly elementId: string;
  readonly name: string | undefined;
  readonly state: string;
  readonly candidateGroups: readonly string[];
  /** `zeebe:formDefinition externalReference`: the form id in `forms/`. */
  readonly formKey: string | undefined;
  readonly dueDate: string | undefined;
  readonly assignee: string | undefined;
  readonly processInstanceKey: string;
}

type RestTask = Awaited<ReturnType<ProcessEngine['camunda']['searchUserTasks']>>['items'][number];

function viewOf(task: RestTask): TaskView {
  return {
    userTaskKey: String(task.userTaskKey),
    elementId: String(task.elementId),
    name: task.name ?? undefined,
    state: String(task.state),
    candidateGroups: task.candidateGroups ?? [],
    formKey: task.externalFormReference ?? undefined,
    dueDate: task.dueDate ?? undefined,
    assignee: task.assignee ?? undefined,
    processInstanceKey: String(task.processInstanceKey),
  };
}

/**
 * A process scenario on the embedded engine: the models deployed through the SDK, a test
 * worker for every job type, and the steps and reads a scenario is written in. Commands go
 * over gRPC (as workers and the portal send them); user tasks, searches and the clock go over
 * the REST API (as the portal's task inbox uses them).
 */
export class Scenario {
  private constructor(
    readonly engine: ProcessEngine,
    readonly workers: ScenarioWorkers,
  ) {}

  /** Starts the engine at SCENARIO_START, deploys the models and opens the workers. */
  static async start(
    models: readonly ProcessId[],
    options: ScenarioWorkerOptions & { start?: number } = {},
  ): Promise<Scenario> {
    const engine = await startProcessEngine(options.start ?? SCENARIO_START);
    try {
      for (const model of models)
        await engine.zeebe.deployResource({ processFilename: modelPath(model) });
      return new Scenario(engine, new ScenarioWorkers(engine, options).start());
    } catch (error) {
      await engine.close();
      throw error;
    }
  }

  /** Creates a process instance over gRPC; answers its key. */
  async startProcess(processId: ProcessId, variables: Record<string, unknown>): Promise<string> {
    const created = await this.engine.zeebe.createProcessInstance({
      bpmnProcessId: processId,
      variables: variables as never,
    });
    return created.processInstanceKey;
  }

  /** Publishes a message over gRPC, as the portal does. */
  async publish(
    name: string,
    correlationKey: string,
    variables: Record<string, unknown> = {},
  ): Promise<void> {
    await this.engine.zeebe.publishMessage({
      name,
      correlationKey,
      variables: variables as never,
      timeToLive: 0,
    });
  }

  /** Waits until the instance has an open user task at `elementId`; answers it as REST shows it. */
  async task(processInstanceKey: string, elementId: string): Promise<TaskView> {
    const userTaskKey = await this.engine.until(`user task ${elementId}`, () => {
      const [task] = this.engine.running.engine.search.userTasks({
        filter: { processInstanceKey, elementId, state: 'CREATED' },
      }).items;
      return task?.userTaskKey;
    });
    const task = await this.engine.camunda.getUserTask({ userTaskKey } as never, CONSISTENT);
    return viewOf(task as RestTask);
  }

  /** The open user tasks of an instance, oldest first. */
  async openTasks(processInstanceKey: string): Promise<TaskView[]> {
    const { items } = await this.engine.camunda.searchUserTasks(
      {
        filter: { processInstanceKey, state: 'CREATED' },
        sort: [{ field: 'creationDate' }],
      } as never,
      CONSISTENT,
    );
    return items.map(viewOf);
  }

  /** Every user task of an instance in any state, oldest first. */
  async allTasks(processInstanceKey: string): Promise<TaskView[]> {
    const { items } = await this.engine.camunda.searchUserTasks(
      { filter: { processInstanceKey }, sort: [{ field: 'creationDate' }] } as never,
      CONSISTENT,
    );
    return items.map(viewOf);
  }

  /** Assigns a task to a person, as the task inbox does when someone claims it. */
  async assign(task: TaskView, assignee: string): Promise<void> {
    await this.engine.camunda.assignUserTask({ userTaskKey: task.userTaskKey, assignee } as never);
  }

  /** Completes a user task over REST with the ids and decisions the portal sets. */
  async complete(task: TaskView, variables: Record<string, unknown> = {}): Promise<void> {
    await this.engine.camunda.completeUserTask({
      userTaskKey: task.userTaskKey,
      variables,
    } as never);
  }

  /** Waits until a worker completed `count` jobs of an element; answers them. */
  async jobs(elementId: string, count = 1) {
    const done = await this.engine.until(`${count} job(s) at ${elementId}`, () => {
      const handled = this.workers.handled.filter((job) => job.elementId === elementId);
      return handled.length >= count ? handled : undefined;
    });
    // the engine has processed what followed the completion (e.g. the next wait state)
    await this.engine.running.engine.settle();
    return done;
  }

  /** Waits until the instance completed or was terminated; answers its state as REST shows it. */
  async ended(processInstanceKey: string): Promise<string> {
    await this.engine.until(`the end of instance ${processInstanceKey}`, () => {
      const [instance] = this.engine.running.engine.search.processInstances({
        filter: { processInstanceKey },
      }).items;
      return instance && instance.state !== 'ACTIVE' ? instance.state : undefined;
    });
    return (await this.instance(processInstanceKey)).state;
  }

  /** The instance as REST shows it. */
  instance(processInstanceKey: string) {
    return this.engine.camunda.getProcessInstance({ processInstanceKey } as never, CONSISTENT);
  }

  /** The element ids an instance passed through, in the order they were entered (REST search). */
  async path(processInstanceKey: string): Promise<string[]> {
    return (await this.elements(processInstanceKey)).map((element) => element.elementId);
  }

  /** The element instances of an instance with their states, in the order they were entered. */
  async elements(processInstanceKey: string): Promise<{ elementId: string; state: string }[]> {
    const { items } = await this.engine.camunda.searchElementInstances(
      {
        filter: { processInstanceKey },
        sort: [{ field: 'elementInstanceKey' }],
        page: { from: 0, limit: 1000 },
      } as never,
      CONSISTENT,
    );
    return (items ?? []).map((item) => ({
      elementId: String(item.elementId),
      state: String(item.state),
    }));
  }

  /**
   * How often the instance entered an element. Element instances are written when a timer
   * fires, before `PUT /v2/clock` answers, so this also proves that something did not happen.
   */
  async entered(processInstanceKey: string, elementId: string): Promise<number> {
    return (await this.path(processInstanceKey)).filter((id) => id === elementId).length;
  }

  /** The element ids that are active now. */
  async activeElements(processInstanceKey: string): Promise<string[]> {
    return (await this.elements(processInstanceKey))
      .filter((element) => element.state === 'ACTIVE')
      .map((element) => element.elementId);
  }

  /** The instance's process-level variables (REST search), parsed. */
  async variables(processInstanceKey: string): Promise<Record<string, unknown>> {
    const { items } = await this.engine.camunda.searchVariables(
      {
        filter: { processInstanceKey, scopeKey: processInstanceKey },
        page: { from: 0, limit: 1000 },
      } as never,
      CONSISTENT,
    );
    return Object.fromEntries(items.map((item) => [item.name, JSON.parse(item.value) as unknown]));
  }

  /** Instances of a process (REST search), oldest first. */
  async instancesOf(processId: ProcessId, parentProcessInstanceKey?: string) {
    const { items } = await this.engine.camunda.searchProcessInstances(
      {
        filter: {
          processDefinitionId: processId,
          ...(parentProcessInstanceKey ? { parentProcessInstanceKey } : {}),
        },
        sort: [{ field: 'processInstanceKey' }],
      } as never,
      CONSISTENT,
    );
    return items ?? [];
  }

  /** Waits until an instance of `processId` exists (optionally a child of a parent). */
  async instanceOf(processId: ProcessId, parentProcessInstanceKey?: string): Promise<string> {
    return this.engine.until(`an instance of ${processId}`, () => {
      const [instance] = this.engine.running.engine.search.processInstances({
        filter: {
          processDefinitionId: processId,
          state: 'ACTIVE',
          ...(parentProcessInstanceKey ? { parentProcessInstanceKey } : {}),
        },
      }).items;
      return instance?.processInstanceKey;
    });
  }

  async close(): Promise<void> {
    await this.workers.close();
    await this.engine.close();
  }
}
