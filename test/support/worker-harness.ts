/**
 * Job workers against a real embedded engine, over gRPC with `@camunda8/sdk`: a test engine, a
 * migrated test database, a file storage directory and a mailer, with the workers started by
 * `startWorkers`. Tests start instances and await each job's result by event, never by sleeping.
 *
 * @example
 *   const h = await startWorkerHarness({ handlers: [caseStatusHandler], mailer });
 *   const key = await h.start(singleTaskModel({ processId: 'p', jobType: 'case-status', headers }), { caseId });
 *   const result = await h.nextResult(key); // { action: 'complete', variables }
 *   await h.close();
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import type { AnyJobHandler, Outcome, WorkerLogger } from '../../workers/runtime/job-handler.js';
import type { Mailer } from '../../workers/runtime/mailer.js';
import type { JobResult } from '../../workers/runtime/run-job.js';
import { startWorkers, type RunningWorkers } from '../../workers/runtime/start-workers.js';
import { openObjectStore, type ObjectStore } from '../../workers/snapshot/index.js';
import { startTestEngine, type TestEngine } from './embedded-engine.js';

/** A quiet logger for tests. */
export const silentLogger: WorkerLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** Options of {@link startWorkerHarness}. */
export interface WorkerHarnessOptions {
  handlers: readonly AnyJobHandler[];
  mailer?: Mailer;
  /** @default 'stream' */
  activation?: 'stream' | 'poll';
  clock?: () => Date;
  /** @default 'http://portal.test' */
  publicUrl?: string;
}

/** The running harness. */
export interface WorkerHarness {
  readonly engine: TestEngine;
  readonly database: TestDatabase;
  readonly storage: ObjectStore;
  readonly storageDir: string;
  readonly workers: RunningWorkers;
  /** Deploys the model (once per process id) and starts an instance; returns its key. */
  start(modelXml: string, variables: Record<string, unknown>): Promise<string>;
  /** The next job result of that instance (resolves at once for one already seen and not taken). */
  nextResult(processInstanceKey: string): Promise<JobResult>;
  /** The instance as the engine's search sees it: state, open incidents, variables, end events. */
  inspect(processInstanceKey: string): InstanceView;
  close(): Promise<void>;
}

/** What {@link WorkerHarness.inspect} returns. */
export interface InstanceView {
  state: string | undefined;
  incidents: { errorType: string; errorMessage: string; elementId: string }[];
  variables: Record<string, unknown>;
  /** Ids of the elements that completed, in no particular order. */
  completedElements: string[];
}

/** A mailer that keeps what it was given. */
export function memoryMailer(): Mailer & { sent: Parameters<Mailer['send']>[0][] } {
  const sent: Parameters<Mailer['send']>[0][] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
    async close() {},
  };
}

/**
 * Wraps a handler so that its first run of each job is followed by a failure with one retry
 * fewer and no back-off, as if the completion had been lost on the way: the engine delivers
 * the same job again, and the test sees what a second delivery does.
 */
export function redeliveredOnce(handler: AnyJobHandler): AnyJobHandler {
  const seen = new Set<string>();
  return {
    ...handler,
    async handle(input, context): Promise<Outcome> {
      const outcome = await handler.handle(input, context);
      if (seen.has(context.job.key)) return outcome;
      seen.add(context.job.key);
      return {
        kind: 'fail',
        message: 'completion lost (test)',
        retries: context.job.retries - 1,
        retryBackOffMs: 0,
      };
    },
  };
}

/** Starts engine, database, storage and workers. */
export async function startWorkerHarness(options: WorkerHarnessOptions): Promise<WorkerHarness> {
  const engine = await startTestEngine();
  const database = await openTestDatabase();
  const storageDir = await mkdtemp(path.join(tmpdir(), 'now-worker-storage-'));
  const storage = openObjectStore(`file://${storageDir}`);
  const queues = new Map<string, JobResult[]>();
  const waiters = new Map<string, Array<(result: JobResult) => void>>();
  const workers = await startWorkers({
    zeebe: engine.newClient(),
    handlers: options.handlers,
    db: database.db,
    storage,
    mailer: options.mailer ?? memoryMailer(),
    logger: silentLogger,
    publicUrl: options.publicUrl ?? 'http://portal.test',
    activation: options.activation ?? 'stream',
    retryBackOffMs: 0,
    ...(options.clock ? { clock: options.clock } : {}),
    onJobDone(job, result) {
      const waiting = waiters.get(job.processInstanceKey)?.shift();
      if (waiting) waiting(result);
      else
        queues.set(job.processInstanceKey, [...(queues.get(job.processInstanceKey) ?? []), result]);
    },
  });
  const deployed = new Set<string>();
  return {
    engine,
    database,
    storage,
    storageDir,
    workers,
    async start(modelXml, variables) {
      const processId = /<bpmn:process id="([^"]+)"/.exec(modelXml)?.[1];
      if (!processId) throw new Error('model without a process id');
      if (!deployed.has(modelXml)) {
        await engine.zeebe.deployResource({
          name: `${processId}.bpmn`,
          process: Buffer.from(modelXml),
        });
        deployed.add(modelXml);
      }
      const created = await engine.zeebe.createProcessInstance({
        bpmnProcessId: processId,
        variables: variables as never,
      });
      return String(created.processInstanceKey);
    },
    nextResult(processInstanceKey) {
      const queued = queues.get(processInstanceKey)?.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve) => {
        waiters.set(processInstanceKey, [...(waiters.get(processInstanceKey) ?? []), resolve]);
      });
    },
    inspect(processInstanceKey) {
      const search = engine.embedded.engine.search;
      const filter = { processInstanceKey };
      const [instance] = search.processInstances({ filter }).items;
      const incidents = search
        .incidents({ filter: { ...filter, state: 'ACTIVE' } })
        .items.map(({ errorType, errorMessage, elementId }) => ({
          errorType: String(errorType),
          errorMessage: String(errorMessage),
          elementId: String(elementId),
        }));
      const variables = Object.fromEntries(
        search
          .variables({ filter, page: { limit: 1000 } })
          .items.map((item) => [item.name, JSON.parse(String(item.value)) as unknown]),
      );
      const completedElements = search
        .elementInstances({ filter: { ...filter, state: 'COMPLETED' }, page: { limit: 1000 } })
        .items.map((item) => String(item.elementId));
      return { state: instance?.state, incidents, variables, completedElements };
    },
    async close() {
      await workers.close();
      await engine.close();
      await storage.close();
      await database.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
