/**
 * The embedded Zeebe-compatible BPMN engine.
 *
 * @example
 *   const engine = await Engine.open({ file: 'var/engine.sqlite' });
 *   engine.start();
 *   await engine.deployResources([{ name: 'order.bpmn', content: xml }]);
 *   const { processInstanceKey } = await engine.createProcessInstance({ bpmnProcessId: 'order', variables: { id: 1 } });
 *   const [job] = await engine.activateJobs({ type: 'charge', worker: 'w1', timeout: 30_000, maxJobsToActivate: 1 });
 *   await engine.completeJob({ jobKey: job.key, variables: { paid: true } });
 *   await engine.close();
 */
import { createHash } from 'node:crypto';
import type { EngineCommand } from './core/commands/engine-command.js';
import type { ActivatedJob } from './core/commands/job-commands.js';
import type { CreatedInstance } from './core/commands/process-instance-commands.js';
import type { DeployedProcess } from './core/commands/deploy.js';
import { EngineError, invalidArgument, notFound } from './core/engine-error.js';
import type { ExpressionLanguage } from './core/expression/expression-language.js';
import { feelExpressionLanguage } from './feel/index.js';
import type { EngineRecord } from './core/records.js';
import { timeLanguage } from './time/index.js';
import type { TimeLanguage } from './core/time/time-language.js';
import type {
  ActivateJobsRequest,
  CreatedInstanceInfo,
  CreateInstanceRequest,
  DeploymentResult,
  FailJobRequest,
  KeyInput,
  PublishMessageRequest,
  CorrelateMessageRequest,
  ThrowErrorRequest,
  Variables,
} from './engine-api-types.js';
import { parseResources, type Resource } from './model/parse-resource.js';
import { EngineQueries } from './queries/engine-queries.js';
import { presentJob, presentRecord } from './queries/presenters.js';
import { CommandLoop } from './runtime/command-loop.js';
import { systemClock, type Clock } from './runtime/clock.js';
import { CompletionWaiters } from './runtime/completion-waiters.js';
import { JobAvailability } from './runtime/job-availability.js';
import { Scheduler } from './runtime/scheduler.js';
import { EngineStore, type Durability } from './state/engine-store.js';

export { ControlledClock, systemClock, type Clock } from './runtime/clock.js';
export { EngineError, type EngineErrorCode } from './core/engine-error.js';
export { DeploymentError, type DeploymentProblem } from './model/deployment-error.js';
export type { EngineRecord } from './core/records.js';
export type * from './engine-api-types.js';
export type * from './queries/engine-queries.js';
export type { SearchQuery, SearchResult } from './queries/search.js';

/** Where the engine reports problems that are bugs, not business failures. */
export interface EngineLogger {
  error(details: object, message: string): void;
}

/** Options of Engine.open. */
export interface EngineOptions {
  /** SQLite file (created if missing); `:memory:` for a throw-away engine. */
  file: string;
  /** @default systemClock */
  clock?: Clock;
  logger?: EngineLogger;
  /** @default 'full' (see Durability in state/engine-store.ts) */
  durability?: Durability;
  /** @default the FEEL adapter of engine/feel (feelin with Camunda's extra functions) */
  feel?: ExpressionLanguage;
  /** @default the ISO 8601 timer arithmetic of engine/time */
  time?: TimeLanguage;
}

/** A job as handed to a worker (keys as strings). */
export type Job = ReturnType<typeof presentJob>;

const PROCESS_DONE = new Set(['ELEMENT_COMPLETED', 'ELEMENT_TERMINATED']);

/** The embedded engine: commands in, records and state out, all in one SQLite file. */
export class Engine {
  /** Searches over the engine's state (process definitions, instances, variables, ...). */
  readonly search: EngineQueries;
  private readonly loop: CommandLoop;
  private readonly scheduler: Scheduler;
  private readonly jobs = new JobAvailability();
  private readonly completions = new CompletionWaiters();
  private closed = false;

  private constructor(
    private readonly store: EngineStore,
    readonly clock: Clock,
    private readonly feel: ExpressionLanguage,
    private readonly time: TimeLanguage,
    logger: EngineLogger | undefined,
  ) {
    this.loop = new CommandLoop(store, clock, feel, time, (error, command) =>
      logger?.error(
        { err: error, command: command.type },
        'engine bug while processing a command; it was rolled back',
      ),
    );
    this.scheduler = new Scheduler(store.db, clock, this.loop);
    this.search = new EngineQueries(store.db);
    this.loop.onCommit((records) => this.afterCommit(records));
  }

  /** Opens (or creates) the engine's database and loads the deployed models. */
  static async open(options: EngineOptions): Promise<Engine> {
    const store = new EngineStore(options.file, options.durability ?? 'full');
    const feel = options.feel ?? feelExpressionLanguage;
    const time = options.time ?? timeLanguage;
    try {
      for (const { key, xml } of store.deployedResources()) {
        const [parsed] = await parseResources([{ name: `${key}.bpmn`, content: xml }], feel, time, {
          lenient: (problems) =>
            options.logger?.error(
              { processDefinitionKey: key, problems },
              'a deployed model no longer passes validation',
            ),
        });
        const definition = store.state.definitions.get(key);
        const process = parsed?.processes.find(
          (p) => p.process.bpmnProcessId === definition?.bpmnProcessId,
        )?.process;
        if (process) store.state.definitions.cacheProcess(key, process);
      }
    } catch (error) {
      store.close();
      throw error;
    }
    return new Engine(store, options.clock ?? systemClock, feel, time, options.logger);
  }

  /** Starts the scheduler (timers, job deadlines, back-offs, message expiry). */
  start(): void {
    this.scheduler.start();
  }

  /** Stops the scheduler, lets queued commands finish and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.close();
    this.loop.close();
    this.jobs.close();
    this.completions.rejectAll(
      new Error('The engine closed before the process instance completed'),
    );
    await this.loop.idle();
    this.store.close();
  }

  /** Resolves once nothing is queued and nothing is due at the clock's current time. */
  async settle(): Promise<void> {
    await this.loop.idle();
    await this.scheduler.wake();
    await this.loop.idle();
  }

  /** Deploys BPMN resources; a DeploymentError lists every problem with its element id. */
  async deployResources(resources: readonly Resource[]): Promise<DeploymentResult> {
    const parsed = await parseResources(resources, this.feel, this.time);
    const result = await this.submit<{ key: number; processes: DeployedProcess[] }>({
      type: 'DEPLOY',
      resources: parsed,
    });
    return {
      key: String(result.key),
      processes: result.processes.map((p) => ({
        bpmnProcessId: p.bpmnProcessId,
        version: p.version,
        processDefinitionKey: String(p.processDefinitionKey),
        resourceName: p.resourceName,
        tenantId: '<default>',
      })),
      tenantId: '<default>',
    };
  }

  /**
   * True when a resource with exactly this content was ever deployed (any version, even if a
   * newer one followed). Start-up deployment uses it so a restart never re-deploys an old file
   * over what a process owner deployed since.
   */
  wasDeployed(resource: Resource): boolean {
    const content =
      typeof resource.content === 'string'
        ? resource.content
        : Buffer.from(resource.content).toString('utf8');
    const checksum = createHash('sha256').update(content).digest('hex');
    return (
      this.store.db
        .prepare('SELECT 1 FROM process_definitions WHERE checksum = ? LIMIT 1')
        .get(checksum) !== undefined
    );
  }

  /** Starts a process instance (latest version by id, a given version, or a definition key). */
  async createProcessInstance(request: CreateInstanceRequest): Promise<CreatedInstanceInfo> {
    const created = await this.submit<CreatedInstance>({
      type: 'CREATE_PROCESS_INSTANCE',
      bpmnProcessId: request.bpmnProcessId,
      processDefinitionKey:
        request.processDefinitionKey === undefined
          ? undefined
          : key(request.processDefinitionKey, 'processDefinitionKey'),
      version: request.version,
      variables: request.variables ?? {},
      startElementIds: request.startElementIds,
    });
    return presentCreated(created);
  }

  /**
   * Starts a process instance and answers when it completes, with its variables (all, or the
   * `fetchVariables`). Rejects with FAILED_PRECONDITION when the instance is terminated.
   */
  async createProcessInstanceWithResult(
    request: CreateInstanceRequest & { fetchVariables?: string[] },
    signal?: AbortSignal,
  ): Promise<CreatedInstanceInfo & { variables: Variables }> {
    const created = await this.createProcessInstance(request);
    const instanceKey = Number(created.processInstanceKey);
    const row = this.store.state.processInstances.get(instanceKey);
    if (row?.state === 'ACTIVE') {
      const record = await this.completions.wait(instanceKey, signal);
      if (record.intent !== 'ELEMENT_COMPLETED') {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `The process instance ${instanceKey} was terminated before it completed`,
        );
      }
    } else if (row?.state === 'TERMINATED') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `The process instance ${instanceKey} was terminated before it completed`,
      );
    }
    let variables = Object.fromEntries(
      this.store.state.variables.ofScope(instanceKey).map((v) => [v.name, JSON.parse(v.value)]),
    );
    if (request.fetchVariables && request.fetchVariables.length > 0) {
      variables = Object.fromEntries(
        request.fetchVariables.filter((n) => n in variables).map((n) => [n, variables[n]]),
      );
    }
    return { ...created, variables };
  }

  /** Cancels a root process instance with everything in it. */
  async cancelProcessInstance(processInstanceKey: KeyInput): Promise<void> {
    await this.submit({
      type: 'CANCEL_PROCESS_INSTANCE',
      processInstanceKey: key(processInstanceKey, 'processInstanceKey'),
    });
  }

  /** Activates up to maxJobsToActivate jobs of a type now (no waiting; see waitForJobs). */
  async activateJobs(request: ActivateJobsRequest): Promise<Job[]> {
    const jobs = await this.submit<ActivatedJob[]>({
      type: 'ACTIVATE_JOBS',
      jobType: request.type,
      worker: request.worker,
      timeout: request.timeout,
      maxJobsToActivate: request.maxJobsToActivate,
      fetchVariable: request.fetchVariable,
    });
    return jobs.map(presentJob);
  }

  /**
   * Calls `listener` whenever jobs of a type may have become activatable (created, timed out,
   * back-off over, incident resolved). The gateway long-polls and pushes with it.
   */
  onJobsAvailable(type: string, listener: () => void): () => void {
    return this.jobs.onType(type, listener);
  }

  /**
   * Calls `listener` with the records of every committed batch, in order, before the commands
   * of the batch are answered (for exporters, metrics and history views).
   */
  onRecords(listener: (records: readonly EngineRecord[]) => void): () => void {
    return this.loop.onCommit(listener);
  }

  /** Calls `listener` with the job type whenever jobs of any type may have become activatable. */
  onJobsActivatable(listener: (type: string) => void): () => void {
    return this.jobs.onAny(listener);
  }

  /** Activatable jobs per type (the backlog a metrics gauge shows). */
  jobBacklog(): Map<string, number> {
    const rows = this.store.db
      .prepare("SELECT type, COUNT(*) AS n FROM jobs WHERE state = 'ACTIVATABLE' GROUP BY type")
      .all() as { type: string; n: number }[];
    return new Map(rows.map((row) => [row.type, row.n]));
  }

  /** Resolves true when jobs of the type may be activatable, false after `timeoutMs`. */
  waitForJobs(type: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    return this.jobs.waitFor(type, timeoutMs, signal);
  }

  /** Completes a job; its variables are the task's output. */
  async completeJob(request: { jobKey: KeyInput; variables?: Variables }): Promise<void> {
    await this.submit({
      type: 'COMPLETE_JOB',
      jobKey: key(request.jobKey, 'jobKey'),
      variables: document(request.variables),
    });
  }

  /** Fails a job with the retries left and an optional back-off. */
  async failJob(request: FailJobRequest): Promise<void> {
    await this.submit({
      type: 'FAIL_JOB',
      jobKey: key(request.jobKey, 'jobKey'),
      retries: request.retries,
      retryBackOff: request.retryBackOff ?? 0,
      errorMessage: request.errorMessage ?? '',
      variables: document(request.variables),
    });
  }

  /** Reports a BPMN error for a job. */
  async throwError(request: ThrowErrorRequest): Promise<void> {
    await this.submit({
      type: 'THROW_ERROR',
      jobKey: key(request.jobKey, 'jobKey'),
      errorCode: request.errorCode,
      errorMessage: request.errorMessage ?? '',
      variables: document(request.variables),
    });
  }

  /** Sets a job's retries. */
  async updateJobRetries(request: { jobKey: KeyInput; retries: number }): Promise<void> {
    await this.submit({
      type: 'UPDATE_JOB_RETRIES',
      jobKey: key(request.jobKey, 'jobKey'),
      retries: request.retries,
    });
  }

  /** Sets an activated job's deadline to now + timeout (ms). */
  async updateJobTimeout(request: { jobKey: KeyInput; timeout: number }): Promise<void> {
    await this.submit({
      type: 'UPDATE_JOB_TIMEOUT',
      jobKey: key(request.jobKey, 'jobKey'),
      timeout: request.timeout,
    });
  }

  /** Publishes a message. */
  async publishMessage(request: PublishMessageRequest): Promise<{ key: string; tenantId: string }> {
    const result = await this.submit<{ key: number }>({
      type: 'PUBLISH_MESSAGE',
      name: request.name,
      correlationKey: request.correlationKey ?? '',
      timeToLive: request.timeToLive ?? 0,
      messageId: request.messageId,
      variables: document(request.variables),
    });
    return { key: String(result.key), tenantId: '<default>' };
  }

  /**
   * Correlates a message to the subscriptions open now, never buffering it: catch events first,
   * then message start events, one of each process. Answers the message key and the first
   * process instance it reached; refused with NOT_FOUND when nothing took it.
   */
  async correlateMessage(
    request: CorrelateMessageRequest,
  ): Promise<{ key: string; processInstanceKey: string; tenantId: string }> {
    const result = await this.submit<{ key: number; processInstanceKey: number }>({
      type: 'CORRELATE_MESSAGE',
      name: request.name,
      correlationKey: request.correlationKey ?? '',
      variables: document(request.variables),
    });
    return {
      key: String(result.key),
      processInstanceKey: String(result.processInstanceKey),
      tenantId: '<default>',
    };
  }

  /** Sets variables in a scope (local) or propagates them outwards. */
  async setVariables(request: {
    elementInstanceKey: KeyInput;
    variables: Variables;
    local?: boolean;
  }): Promise<{ key: string }> {
    const result = await this.submit<{ key: number }>({
      type: 'SET_VARIABLES',
      elementInstanceKey: key(request.elementInstanceKey, 'elementInstanceKey'),
      variables: request.variables,
      local: request.local ?? false,
    });
    return { key: String(result.key) };
  }

  /** Broadcasts a signal to every signal subscription with the name (and signal start events). */
  async broadcastSignal(request: {
    signalName: string;
    variables?: Variables;
  }): Promise<{ key: string; tenantId: string }> {
    const result = await this.submit<{ key: number }>({
      type: 'BROADCAST_SIGNAL',
      signalName: request.signalName,
      variables: document(request.variables),
    });
    return { key: String(result.key), tenantId: '<default>' };
  }

  /** Resolves an incident, retrying the step that failed. */
  async resolveIncident(incidentKey: KeyInput): Promise<void> {
    await this.submit({ type: 'RESOLVE_INCIDENT', incidentKey: key(incidentKey, 'incidentKey') });
  }

  /** Assigns a Camunda user task. */
  async assignUserTask(request: {
    userTaskKey: KeyInput;
    assignee: string;
    allowOverride?: boolean;
    action?: string;
  }): Promise<void> {
    await this.submit({
      type: 'ASSIGN_USER_TASK',
      userTaskKey: key(request.userTaskKey, 'userTaskKey'),
      assignee: request.assignee,
      allowOverride: request.allowOverride ?? true,
      action: request.action,
    });
  }

  /** Removes the assignee of a Camunda user task. */
  async unassignUserTask(request: { userTaskKey: KeyInput }): Promise<void> {
    await this.submit({
      type: 'ASSIGN_USER_TASK',
      userTaskKey: key(request.userTaskKey, 'userTaskKey'),
      assignee: null,
      allowOverride: true,
    });
  }

  /** Completes a Camunda user task; its variables are the task's output. */
  async completeUserTask(request: {
    userTaskKey: KeyInput;
    variables?: Variables;
    action?: string;
  }): Promise<void> {
    await this.submit({
      type: 'COMPLETE_USER_TASK',
      userTaskKey: key(request.userTaskKey, 'userTaskKey'),
      variables: document(request.variables),
      action: request.action,
    });
  }

  /** Records from a position on (inclusive), in order. */
  records(
    options: { fromPosition?: number; limit?: number } = {},
  ): ReturnType<typeof presentRecord>[] {
    const rows = this.store.db
      .prepare('SELECT * FROM records WHERE position >= ? ORDER BY position LIMIT ?')
      .all(options.fromPosition ?? 1, options.limit ?? 1000) as Record<string, unknown>[];
    return rows.map((row) =>
      presentRecord({
        position: row.position as number,
        key: row.key as number,
        recordType: row.record_type as EngineRecord['recordType'],
        valueType: row.value_type as EngineRecord['valueType'],
        intent: row.intent as string,
        timestamp: row.timestamp as number,
        value: JSON.parse(row.value as string),
        ...(row.rejection_type
          ? {
              rejectionType: row.rejection_type as string,
              rejectionReason: row.rejection_reason as string,
            }
          : {}),
      }),
    );
  }

  /** One process instance, or NOT_FOUND. */
  getProcessInstance(processInstanceKey: KeyInput) {
    const [item] = this.search.processInstances({
      filter: { processInstanceKey: String(processInstanceKey) },
    }).items;
    if (!item) throw notFound(`Process instance with key '${processInstanceKey}' not found`);
    return item;
  }

  /** One user task, or NOT_FOUND. */
  getUserTask(userTaskKey: KeyInput) {
    const [item] = this.search.userTasks({ filter: { userTaskKey: String(userTaskKey) } }).items;
    if (!item) throw notFound(`User task with key '${userTaskKey}' not found`);
    return item;
  }

  /** One process definition, or NOT_FOUND. */
  getProcessDefinition(processDefinitionKey: KeyInput) {
    const [item] = this.search.processDefinitions({
      filter: { processDefinitionKey: String(processDefinitionKey) },
    }).items;
    if (!item) throw notFound(`Process definition with key '${processDefinitionKey}' not found`);
    return item;
  }

  private submit<T>(command: EngineCommand): Promise<T> {
    if (this.closed)
      return Promise.reject(new EngineError('FAILED_PRECONDITION', 'The engine is closed'));
    return this.loop.submit<T>(command);
  }

  private afterCommit(records: readonly EngineRecord[]): void {
    const types = new Set<string>();
    for (const record of records) {
      if (
        record.valueType === 'JOB' &&
        ['CREATED', 'TIMED_OUT', 'RECURRED_AFTER_BACKOFF', 'FAILED'].includes(record.intent)
      ) {
        types.add(record.value.type as string);
      } else if (
        record.valueType === 'INCIDENT' &&
        record.intent === 'RESOLVED' &&
        (record.value.jobKey as number) > 0
      ) {
        const job = this.store.state.jobs.get(record.value.jobKey as number);
        if (job) types.add(job.type);
      } else if (
        record.valueType === 'PROCESS_INSTANCE' &&
        record.value.bpmnElementType === 'PROCESS' &&
        PROCESS_DONE.has(record.intent)
      ) {
        this.completions.settle(record);
      }
    }
    if (!this.closed) this.scheduler.arm();
    this.jobs.announce(types);
  }
}

function key(value: KeyInput, field: string): number {
  const parsed = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed <= 0)
    throw invalidArgument(`Expected ${field} to be a key (a positive integer), but was '${value}'`);
  return parsed;
}

function document(variables: Variables | undefined): Variables {
  if (variables === undefined || variables === null) return {};
  if (typeof variables !== 'object' || Array.isArray(variables))
    throw invalidArgument('Expected the variables to be a JSON object document');
  return variables;
}

function presentCreated(created: CreatedInstance): CreatedInstanceInfo {
  return {
    processInstanceKey: String(created.processInstanceKey),
    processDefinitionKey: String(created.processDefinitionKey),
    bpmnProcessId: created.bpmnProcessId,
    version: created.version,
    tenantId: '<default>',
  };
}
