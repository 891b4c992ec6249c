/**
 * The `snapshot` job's handler: job variables and dependencies in, the outcome the model's
 * gateway reads out (`snapshotId`, `suppressedCount`). The job worker (through
 * `@camunda8/sdk`) is a thin adapter around it. Idempotent: a job delivered again with the same
 * `snapshotId` finds the finished snapshot and answers from its manifest.
 *
 * @example
 *   const outcome = await handleSnapshotJob(job.variables, { db, store, k: 10 });
 *   await job.complete(outcome);
 */
import { z } from 'zod';
import { VARIABLES } from '../../domain/contract.js';
import type { Database } from '../../domain/index.js';
import { ObjectNotFoundError, type ObjectStore } from '../storage/index.js';
import { SnapshotInputError } from './snapshot-errors.js';
import { snapshotIdPattern, snapshotKeys, type SnapshotManifest } from './snapshot-manifest.js';
import { writeSnapshot, type SnapshotOptions } from './write-snapshot.js';

/** The job's variables (others the process carries are ignored). */
export const snapshotJobVariables = z.looseObject({
  [VARIABLES.snapshotId]: z
    .string()
    .regex(snapshotIdPattern, 'letters, digits, "-" and "_", at most 64')
    .optional(),
});

/** What the job completes with. */
export interface SnapshotJobOutcome {
  snapshotId: string;
  suppressedCount: number;
}

/** What the handler needs; options are the snapshot's tuning (k, gzip level, ...). */
export interface SnapshotJobDeps extends Omit<SnapshotOptions, 'snapshotId'> {
  db: Database;
  store: ObjectStore;
}

/** Takes a snapshot (or finds the one this job already took). */
export async function handleSnapshotJob(
  variables: unknown,
  deps: SnapshotJobDeps,
): Promise<SnapshotJobOutcome> {
  const parsed = snapshotJobVariables.safeParse(variables ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotInputError(
      `variables.${issue.path.join('.') || VARIABLES.snapshotId}`,
      issue.message,
    );
  }
  const requested = parsed.data[VARIABLES.snapshotId];
  if (requested) {
    const existing = await readManifest(deps.store, requested);
    if (existing)
      return { snapshotId: requested, suppressedCount: existing.kAnonymity.suppressedRows };
  }
  const { db, store, ...options } = deps;
  const result = await writeSnapshot(db, store, { ...options, snapshotId: requested });
  return {
    snapshotId: result.snapshotId,
    suppressedCount: result.manifest.kAnonymity.suppressedRows,
  };
}

/** The manifest of a finished snapshot, or undefined. */
export async function readManifest(
  store: ObjectStore,
  snapshotId: string,
): Promise<SnapshotManifest | undefined> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(snapshotKeys(snapshotId).manifest)) {
      chunks.push(Buffer.from(chunk as Buffer));
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as SnapshotManifest;
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined;
    throw error;
  }
}
