/**
 * The job workers of the platform: every job type of `domain/contract.ts` served through
 * `@camunda8/sdk` against the engine the given client points at. `now workers` and `now start`
 * call {@link startAllWorkers}; the caller owns the database, storage and engine client and
 * closes them after `close()`.
 *
 * @example
 *   const zeebe = new Camunda8({ ZEEBE_GRPC_ADDRESS, CAMUNDA_AUTH_STRATEGY: 'NONE' }).getZeebeGrpcApiClient();
 *   const workers = await startAllWorkers({
 *     zeebe, db, storage: openObjectStore(config.storageUrl), logger,
 *     smtpUrl: config.smtpUrl, mailboxDir: path.join(config.dataDir, 'mailbox'),
 *     publicUrl: config.publicUrl,
 *   });
 *   process.once('SIGTERM', async () => { await workers.close(); await zeebe.close(); await db.close(); });
 */
import { ALL_HANDLERS } from './registry/all-handlers.js';
import type { WorkerServices } from './runtime/job-handler.js';
import { createMailer } from './runtime/mailer.js';
import {
  startWorkers,
  type RunningWorkers,
  type StartWorkersOptions,
} from './runtime/start-workers.js';

export { ALL_HANDLERS } from './registry/all-handlers.js';
export {
  KFW_PREFIXES,
  startKfwInbox,
  type KfwInbox,
  type KfwInboxOptions,
} from './kfw-inbox/inbox-trigger.js';
export {
  startWorkers,
  type RunningWorkers,
  type StartWorkersOptions,
} from './runtime/start-workers.js';
export {
  createMailer,
  type Mailer,
  type MailerOptions,
  type MailMessage,
} from './runtime/mailer.js';
export type {
  AnyJobHandler,
  JobContext,
  JobHandler,
  Outcome,
  WorkerLogger,
} from './runtime/job-handler.js';
export type { JobResult } from './runtime/run-job.js';

/** Options of {@link startAllWorkers}. */
export interface StartAllWorkersOptions
  extends
    Omit<StartWorkersOptions, 'handlers' | 'mailer' | keyof WorkerServices>,
    Pick<WorkerServices, 'zeebe' | 'db' | 'storage' | 'logger' | 'publicUrl'> {
  /** @default () => new Date() */
  clock?: () => Date;
  /** `SMTP_URL`; unset: e-mails go to the dev mailbox in `mailboxDir`. */
  smtpUrl?: string | undefined;
  /** Dev mailbox directory, e.g. `$DATA_DIR/mailbox` (one `.eml` file per message). */
  mailboxDir: string;
  /** Sender of e-mails. @default 'Förderplattform <noreply@localhost>' */
  mailFrom?: string;
}

/** Starts a worker for every job type; `close()` stops them and the mailer. */
export async function startAllWorkers(options: StartAllWorkersOptions): Promise<RunningWorkers> {
  const { smtpUrl, mailboxDir, mailFrom, ...rest } = options;
  const mailer = createMailer({ smtpUrl, mailboxDir, ...(mailFrom ? { from: mailFrom } : {}) });
  let workers: RunningWorkers;
  try {
    workers = await startWorkers({ ...rest, handlers: ALL_HANDLERS, mailer });
  } catch (error) {
    await mailer.close();
    throw error;
  }
  return {
    jobTypes: workers.jobTypes,
    async close() {
      await workers.close();
      await mailer.close();
    },
  };
}
