/**
 * The KfW inbox trigger: a file placed under `kfw-inbox/` in storage starts a `kfw-import`
 * process. Each file is claimed by moving it to `kfw-processed/<time>-<name>` first and the
 * instance is started with that key as `fileKey`, so a restart never imports it again; if the
 * start fails the file goes back to the inbox for the next scan. The `kfw-import` job moves a
 * file it rejects on to `kfw-rejected/<time>-<name>`.
 *
 * With `file://` storage a chokidar watcher on the inbox directory scans as soon as a file is
 * complete; with `s3://` the bucket is polled (`pollIntervalMs`). On AWS, S3 event
 * notifications (`s3:ObjectCreated:*` on prefix `kfw-inbox/`) to an SQS queue would replace the
 * poll: a consumer receives the object key from the queue and calls the same claim-and-start.
 *
 * @example
 *   const inbox = await startKfwInbox({ storage, zeebe, logger, inboxDir: '/srv/now/var/storage/kfw-inbox' });
 *   ...
 *   await inbox.close();
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Zeebe } from '@camunda8/sdk';
import { watch, type FSWatcher } from 'chokidar';
import { PROCESS_IDS, VARIABLES } from '../../domain/index.js';
import type { WorkerLogger } from '../runtime/job-handler.js';
import type { ObjectStore } from '../storage/index.js';
import { KFW_PREFIXES } from '../kfw-import/settle-file.js';

export { KFW_PREFIXES };

/** Options of {@link startKfwInbox}. */
export interface KfwInboxOptions {
  storage: ObjectStore;
  zeebe: Zeebe.ZeebeGrpcClient;
  logger: WorkerLogger;
  /** The inbox as a local directory (file:// storage): watched with chokidar. */
  inboxDir?: string;
  /** Interval of the bucket poll (always on; the safety net beside the watcher). @default 30_000 */
  pollIntervalMs?: number;
  /** @default () => new Date() */
  clock?: () => Date;
  /** Called for each file claimed and started (tests await it). */
  onStarted?: (started: { fileKey: string; processInstanceKey: string }) => void;
}

/** The running trigger. */
export interface KfwInbox {
  /** Claims and starts every file in the inbox now; returns the new `fileKey`s. */
  scan(): Promise<string[]>;
  close(): Promise<void>;
}

/** Files an upload tool is still writing, or that the system left. */
const IGNORED = /(^\.|\.part$|\.tmp$|\.crdownload$|~$)/i;

/** Starts watching (and polling) the inbox; scans once at start. */
export async function startKfwInbox(options: KfwInboxOptions): Promise<KfwInbox> {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<string[]> | undefined;
  let again = false;

  const scanOnce = async (): Promise<string[]> => {
    const started: string[] = [];
    for (const object of await options.storage.list(KFW_PREFIXES.inbox)) {
      const name = object.key.slice(KFW_PREFIXES.inbox.length);
      if (name.includes('/') || IGNORED.test(name)) continue;
      const stamp = clock().toISOString().replace(/[:.]/g, '-');
      const fileKey = `${KFW_PREFIXES.processed}${stamp}-${name}`;
      await options.storage.rename(object.key, fileKey);
      try {
        const created = await options.zeebe.createProcessInstance({
          bpmnProcessId: PROCESS_IDS.kfwImport,
          variables: { [VARIABLES.fileKey]: fileKey },
        });
        const processInstanceKey = String(created.processInstanceKey);
        options.logger.info({ fileKey, processInstanceKey }, 'kfw-import started for inbox file');
        options.onStarted?.({ fileKey, processInstanceKey });
        started.push(fileKey);
      } catch (error) {
        // back to the inbox: the next scan tries again
        await options.storage.rename(fileKey, object.key);
        options.logger.error({ err: error, key: object.key }, 'kfw-import could not be started');
      }
    }
    return started;
  };

  // One scan at a time; a trigger during a scan runs one more scan after it.
  const scan = (): Promise<string[]> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const keys: string[] = [];
      do {
        again = false;
        keys.push(...(await scanOnce()));
      } while (again);
      return keys;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const scanLogged = () => {
    scan().catch((error: unknown) =>
      options.logger.error({ err: error }, 'scan of the KfW inbox failed'),
    );
  };

  let watcher: FSWatcher | undefined;
  if (options.inboxDir) {
    await mkdir(options.inboxDir, { recursive: true });
    watcher = watch(options.inboxDir, {
      depth: 0,
      ignoreInitial: true,
      // a file counts once its size has stopped changing
      awaitWriteFinish: { stabilityThreshold: 500, pollInterval: 100 },
      ignored: (file: string) => IGNORED.test(path.basename(file)),
    });
    watcher.on('add', scanLogged);
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  }
  const timer = setInterval(scanLogged, options.pollIntervalMs ?? 30_000);
  timer.unref();
  await scan();

  return {
    scan,
    async close() {
      clearInterval(timer);
      await watcher?.close();
      await running?.catch(() => undefined);
    },
  };
}
