/**
 * Where a delivered file goes once its import has an outcome: `kfw-processed/` when it was
 * imported (or had been before), `kfw-rejected/` when the file was rejected whole or broke off
 * on damage inside it. Neither prefix is scanned by the inbox trigger, so a restart never
 * imports the file again. The move keeps the file's name (the inbox trigger's time stamp
 * included), so the two places are predictable from the job's `fileKey`, and a re-delivered
 * job finds a file that an earlier delivery has already moved.
 */
import type { ObjectStore } from '../storage/index.js';

/** Storage prefixes of the KfW hand-over. */
export const KFW_PREFIXES = {
  inbox: 'kfw-inbox/',
  processed: 'kfw-processed/',
  rejected: 'kfw-rejected/',
} as const;

/** Where a handled file ends up. */
export type SettledPlace = 'processed' | 'rejected';

/** The key `fileKey` has once moved to `place` (the name kept, the folder replaced). */
export function settledKey(fileKey: string, place: SettledPlace): string {
  const name = fileKey.split('/').pop() ?? fileKey;
  return `${KFW_PREFIXES[place]}${name}`;
}

/**
 * Moves the file to its place and returns its new key. A file that is no longer under
 * `fileKey` (an earlier delivery of the job moved it) is left where it is.
 */
export async function settleStoredFile(
  storage: ObjectStore,
  fileKey: string,
  place: SettledPlace,
): Promise<string> {
  const target = settledKey(fileKey, place);
  if (target === fileKey) return fileKey;
  if (!(await storage.head(fileKey))) return (await storage.head(target)) ? target : fileKey;
  await storage.rename(fileKey, target);
  return target;
}

/**
 * The key the file of a job has now: `fileKey` itself, or where an earlier delivery of the same
 * job settled it. Unknown files keep `fileKey` (reading it then reports the missing object).
 */
export async function findStoredFile(storage: ObjectStore, fileKey: string): Promise<string> {
  if (await storage.head(fileKey)) return fileKey;
  for (const place of ['processed', 'rejected'] as const) {
    const moved = settledKey(fileKey, place);
    if (moved !== fileKey && (await storage.head(moved))) return moved;
  }
  return fileKey;
}
