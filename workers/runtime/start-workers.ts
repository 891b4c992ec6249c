/**
 * Connects job handlers to the engine through `@camunda8/sdk`: one SDK worker per job type,
 * each job validated and handled by `runJob`, ended with exactly one of complete / fail / error.
 *
 * @example
 *   const zeebe = new Camunda8().getZeebeGrpcApiClient();
 *   const workers = await startWorkers({ zeebe, handlers: ALL_HANDLERS, db, storage, mailer, logger, publicUrl });
 *   process.once('SIGTERM', () => void workers.close().then(() => zeebe.close()));
 */
import type { AnyJobHandler, WorkerServices } from './job-handler.js';
import { runJob, type ActivatedJob, type JobResult } from './run-job.js';

/** Options of {@link startWorkers}. */
export interface StartWorkersOptions extends Omit<WorkerServices, 'clock'> {
  readonly handlers: readonly AnyJobHandler[];
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /**
   * `stream`: jobs are pushed over `StreamActivatedJobs` (with the SDK's backfill poll);
   * `poll`: long-polling `ActivateJobs`. @default 'stream'
   */
  readonly activation?: 'stream' | 'poll';
  /** How long a job stays locked to this worker, in ms. @default 60_000 */
  readonly jobTimeoutMs?: number;
  /** Back-off before a retry after a transient failure, in ms. @default 30_000 */
  readonly retryBackOffMs?: number;
  /** Jobs handled at once per job type. @default 32 */
  readonly maxJobsToActivate?: number;
  /** Name the engine records as the worker. @default 'now-workers' */
  readonly workerName?: string;
  /** Called after each job (tests wait on it instead of sleeping). */
  readonly onJobDone?: (
    job: { key: string; type: string; processInstanceKey: string },
    result: JobResult,
  ) => void;
}

/** Running workers. */
export interface RunningWorkers {
  /** The job types served. */
  readonly jobTypes: readonly string[];
  /** Stops taking jobs and waits for the jobs in hand to end. */
  close(): Promise<void>;
}

/** A job type is served by two handlers. */
export class DuplicateHandlerError extends Error {
  readonly code = 'WORKER_HANDLER_DUPLICATE';
  constructor(readonly jobType: string) {
    super(`two handlers for job type ${jobType}`);
    this.name = 'DuplicateHandlerError';
  }
}

const ACK = 'JOB_ACTION_ACKNOWLEDGEMENT' as const;

/** Starts one SDK worker per handler. */
export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const seen = new Set<string>();
  for (const handler of options.handlers) {
    if (seen.has(handler.jobType)) throw new DuplicateHandlerError(handler.jobType);
    seen.add(handler.jobType);
  }
  const services: WorkerServices = {
    db: options.db,
    storage: options.storage,
    mailer: options.mailer,
    zeebe: options.zeebe,
    clock: options.clock ?? (() => new Date()),
    logger: options.logger,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
  };
  const retryBackOffMs = options.retryBackOffMs ?? 30_000;
  const timeout = options.jobTimeoutMs ?? 60_000;
  const workerName = options.workerName ?? 'now-workers';
  const inFlight = new Set<Promise<unknown>>();

  const taskHandlerFor = (handler: AnyJobHandler) => async (job: ActivatedJob) => {
    const done = (async () => {
      const result = await runJob(job, handler, services, { retryBackOffMs });
      const log = { jobKey: job.key, jobType: job.type, action: result.action };
      if (result.action === 'complete') options.logger.debug(log, 'job completed');
      else options.logger.warn({ ...log, message: messageOf(result) }, 'job not completed');
      options.onJobDone?.(
        { key: job.key, type: job.type, processInstanceKey: job.processInstanceKey },
        result,
      );
    })();
    inFlight.add(done);
    try {
      await done;
    } finally {
      inFlight.delete(done);
    }
    return ACK;
  };

  const closers: Array<() => Promise<unknown>> = [];
  for (const handler of options.handlers) {
    const fetchVariables = handler.fetchVariables ?? keysOf(handler);
    if ((options.activation ?? 'stream') === 'stream') {
      const stream = await options.zeebe.streamJobs({
        // the SDK fills in its configured tenant when none is given
        tenantIds: undefined as unknown as string[],
        type: handler.jobType,
        worker: workerName,
        timeout,
        ...(fetchVariables ? { fetchVariables: [...fetchVariables] } : {}),
        pollMaxJobsToActivate: options.maxJobsToActivate ?? 32,
        taskHandler: taskHandlerFor(handler) as never,
      });
      closers.push(async () => stream.close());
    } else {
      const worker = options.zeebe.createWorker({
        taskType: handler.jobType,
        id: workerName,
        timeout,
        maxJobsToActivate: options.maxJobsToActivate ?? 32,
        ...(fetchVariables ? { fetchVariable: [...fetchVariables] } : {}),
        taskHandler: taskHandlerFor(handler) as never,
      });
      closers.push(() => worker.close());
    }
  }
  options.logger.info({ jobTypes: [...seen] }, 'job workers started');

  let closed: Promise<void> | undefined;
  return {
    jobTypes: [...seen],
    close() {
      closed ??= (async () => {
        await Promise.all(closers.map((close) => close()));
        await Promise.allSettled([...inFlight]);
      })();
      return closed;
    },
  };
}

/** The variable names of an object schema, so the engine sends only those. */
function keysOf(handler: AnyJobHandler): readonly string[] | undefined {
  const shape = (handler.variables as { shape?: Record<string, unknown> }).shape;
  // a loose schema reads whatever the process carries: fetch everything
  const loose = (handler.variables as { def?: { catchall?: { def?: { type?: string } } } }).def
    ?.catchall?.def?.type;
  if (!shape || loose === 'unknown') return undefined;
  return Object.keys(shape);
}

function messageOf(result: JobResult): string {
  return result.action === 'complete' ? '' : result.message;
}
