/**
 * Runs a handler the way the runner does (input validation, outcome mapping) against a fake
 * job, without an engine: for the handlers' own tests.
 *
 * @example
 *   const result = await runHandler(caseStatusHandler, { caseId }, { db, headers: { status: 'EINGELADEN' } });
 *   expect(result).toEqual({ action: 'complete', variables: {} });
 */
import type { Database } from '../../../domain/index.js';
import type { AnyJobHandler, WorkerLogger, WorkerServices } from '../job-handler.js';
import type { Mailer } from '../mailer.js';
import { runJob, type JobResult } from '../run-job.js';
import type { ObjectStore } from '../../storage/index.js';

const quiet: WorkerLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** What the fake job and its services are made of. */
export interface RunHandlerOptions {
  db?: Database;
  storage?: ObjectStore;
  mailer?: Mailer;
  zeebe?: WorkerServices['zeebe'];
  headers?: Record<string, string>;
  clock?: () => Date;
  publicUrl?: string;
  /** @default '2251799813685249' */
  jobKey?: string;
  /** @default 3 */
  retries?: number;
}

const missing = (name: string) =>
  new Proxy(
    {},
    {
      get() {
        throw new Error(`this test gave the handler no ${name}`);
      },
    },
  ) as never;

/** Runs one job through `handler` and returns what the runner would have told the engine. */
export async function runHandler(
  handler: AnyJobHandler,
  variables: Record<string, unknown>,
  options: RunHandlerOptions = {},
): Promise<JobResult> {
  const services: WorkerServices = {
    db: options.db ?? missing('database'),
    storage: options.storage ?? missing('storage'),
    mailer: options.mailer ?? missing('mailer'),
    zeebe: options.zeebe ?? missing('engine client'),
    clock: options.clock ?? (() => new Date()),
    logger: quiet,
    publicUrl: options.publicUrl ?? 'http://portal.test',
  };
  const settle = async () => undefined;
  return runJob(
    {
      key: options.jobKey ?? '2251799813685249',
      type: handler.jobType,
      processInstanceKey: '2251799813685248',
      bpmnProcessId: 'test-process',
      elementId: 'Task_Test',
      retries: options.retries ?? 3,
      variables,
      customHeaders: options.headers ?? {},
      complete: settle,
      fail: settle,
      error: settle,
    },
    handler,
    services,
    { retryBackOffMs: 1000 },
  );
}
