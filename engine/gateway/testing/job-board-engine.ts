import type { ActivatedJob, ActivateJobsInput, GatewayEngine } from '../gateway-engine.js';

/**
 * A stand-in engine that only holds jobs on a board: tests of the gateway's own behaviour
 * (long polling, streams, shutdown) put jobs up and watch them go out. Every other command
 * refuses with NOT_FOUND. The real engine is used wherever BPMN semantics matter.
 */
export class JobBoardEngine implements GatewayEngine {
  readonly activations: ActivateJobsInput[] = [];
  /** Jobs failed through the gateway, in order. */
  readonly failures: { jobKey: string; retries: number }[] = [];
  #jobs: ActivatedJob[] = [];
  #activated = new Map<string, ActivatedJob>();
  #gate: Promise<void> | null = null;
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
    this.#announce(type);
    return String(key);
  }

  /** Holds every activation until the returned function is called, to reach races on purpose. */
  holdActivations(): () => void {
    let release!: () => void;
    this.#gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.#gate = null;
      release();
    };
  }

  #announce(type: string): void {
    for (const listener of this.#listeners.get(type) ?? []) listener();
  }

  async activateJobs(input: ActivateJobsInput): Promise<ActivatedJob[]> {
    this.activations.push(input);
    if (this.#gate) await this.#gate;
    const taken = this.#jobs
      .filter((job) => job.type === input.type)
      .slice(0, input.maxJobsToActivate);
    this.#jobs = this.#jobs.filter((job) => !taken.includes(job));
    for (const job of taken) this.#activated.set(job.key, job);
    return taken.map((job) => ({
      ...job,
      worker: input.worker,
      deadline: Date.now() + input.timeout,
    }));
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
  /** Puts an activated job back on the board with the retries given. */
  async failJob(request: { jobKey: string; retries: number }): Promise<void> {
    const job = this.#activated.get(request.jobKey);
    if (!job) return refuse();
    this.#activated.delete(request.jobKey);
    this.failures.push({ jobKey: request.jobKey, retries: request.retries });
    this.#jobs.push({ ...job, retries: request.retries });
    this.#announce(job.type);
  }

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
