import type { ActivatedJob, ActivateJobsInput, EngineFigures, GatewayEngine } from '../gateway-engine.js';

/**
 * A stand-in engine that only holds jobs on a board: tests of the gateway's own behaviour
 * (long polling, streams, shutdown) put jobs up and watch them go out. Every other command
 * refuses with NOT_FOUND. The real engine is used wherever BPMN semantics matter.
 */
export class JobBoardEngine implements GatewayEngine, EngineFigures {
  readonly activations: ActivateJobsInput[] = [];
  #jobs: ActivatedJob[] = [];
  #listeners = new Map<string, Set<() => void>>();
  #nextKey = 1;

  /** Puts an activatable job of a type on the board and announces it, as the engine does. */
  addJob(type: string, variables: Record<string, unknown> = {}): string {
    const key = this.#nextKey++;
    this.#jobs.push({
      key: String(key),
      type,
      processInstanceKey: String(1000 + key),
      bpmnProcessId: 'job-board',
      processDefinitionVersion: 1,
      processDefinitionKey: '1',
      elementId: 'Task_1',
      elementInstanceKey: String(2000 + key),
      customHeaders: {},
      worker: '',
      retries: 3,
      deadline: 0,
      variables,
    });
    for (const listener of this.#listeners.get(type) ?? []) listener();
    return String(key);
  }

  async activateJobs(input: ActivateJobsInput): Promise<ActivatedJob[]> {
    this.activations.push(input);
    const taken = this.#jobs.filter((job) => job.type === input.type).slice(0, input.maxJobsToActivate);
    this.#jobs = this.#jobs.filter((job) => !taken.includes(job));
    return taken.map((job) => ({ ...job, worker: input.worker, deadline: Date.now() + input.timeout }));
  }

  onJobsAvailable(type: string, listener: () => void): () => void {
    const listeners = this.#listeners.get(type) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(type, listeners);
    return () => listeners.delete(listener);
  }

  jobBacklog(): Map<string, number> {
    const backlog = new Map<string, number>();
    for (const job of this.#jobs) backlog.set(job.type, (backlog.get(job.type) ?? 0) + 1);
    return backlog;
  }

  deployResources = refuse;
  createProcessInstance = refuse;
  createProcessInstanceWithResult = refuse;
  cancelProcessInstance = refuse;
  completeJob = refuse;
  failJob = refuse;
  throwError = refuse;
  updateJobRetries = refuse;
  updateJobTimeout = refuse;
  publishMessage = refuse;
  setVariables = refuse;
  resolveIncident = refuse;
}

async function refuse(): Promise<never> {
  throw Object.assign(new Error('The job board holds only jobs'), { code: 'NOT_FOUND' });
}
