import type { ObjectStore } from '../storage/index.js';
import type { WorkerLogger } from '../runtime/job-handler.js';

/** Where a running snapshot reports how far it is (removed when it is done). */
export const snapshotProgressKey = (snapshotId: string) => `snapshots/.progress/${snapshotId}.json`;

/** What `now snapshot` and the portal read while a snapshot runs. */
export interface SnapshotProgress {
  tablesDone: number;
  rowsDone: number;
  lastTable: string;
  at: string;
}

/**
 * Writes a snapshot's progress to storage after each table, in order and without holding the
 * snapshot up: a failed write is logged, never thrown into the snapshot.
 */
export function snapshotProgressReporter(
  storage: ObjectStore,
  snapshotId: string,
  logger: WorkerLogger,
  clock: () => Date,
) {
  const key = snapshotProgressKey(snapshotId);
  let progress = { tablesDone: 0, rowsDone: 0 };
  let writes: Promise<void> = Promise.resolve();
  const enqueue = (write: () => Promise<void>) => {
    writes = writes
      .then(write)
      .catch((error: unknown) => logger.warn({ err: error, key }, 'snapshot progress not written'));
    return writes;
  };
  return {
    /** Called by the snapshot after each table. */
    report(table: string, rows: number): void {
      progress = { tablesDone: progress.tablesDone + 1, rowsDone: progress.rowsDone + rows };
      const body: SnapshotProgress = { ...progress, lastTable: table, at: clock().toISOString() };
      void enqueue(() => storage.put(key, JSON.stringify(body)));
    },
    /** Resolves once every report so far is written. */
    flush(): Promise<void> {
      return writes;
    },
    /** Waits for pending writes, then removes the progress object. */
    finish(): Promise<void> {
      return enqueue(() => storage.delete(key));
    },
  };
}
