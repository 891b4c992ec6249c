/**
 * The `snapshot` handler (`workers/snapshot/handler.ts`, a plain function) in the worker
 * runtime: bad input raises an incident naming the variable, any other failure is retried.
 * Idempotent: without a `snapshotId` from the process the snapshot is named after the job
 * (`job-<jobKey>`), so a re-delivered job finds the snapshot it wrote and answers from its
 * manifest instead of writing a second one.
 */
import { JOB_TYPES, VARIABLES } from '../../domain/index.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';
import { handleSnapshotJob, SnapshotInputError } from '../snapshot/index.js';
import { snapshotJobVariables } from '../snapshot/handler.js';
import { snapshotProgressReporter } from './snapshot-progress.js';

/** The `snapshot` handler. */
export const snapshotHandler = defineJobHandler({
  jobType: JOB_TYPES.snapshot,
  variables: snapshotJobVariables,
  fetchVariables: [VARIABLES.snapshotId],
  async handle({ variables }, { db, storage, logger, job, clock }) {
    const snapshotId = variables.snapshotId ?? `job-${job.key}`;
    const progress = snapshotProgressReporter(storage, snapshotId, logger, clock);
    try {
      const outcome = await handleSnapshotJob(
        { ...variables, [VARIABLES.snapshotId]: snapshotId },
        { db, store: storage, onProgress: (table, rows) => progress.report(table, rows) },
      );
      logger.info({ ...outcome }, 'snapshot written');
      return complete({
        [VARIABLES.snapshotId]: outcome.snapshotId,
        [VARIABLES.suppressedCount]: outcome.suppressedCount,
      });
    } catch (error) {
      if (error instanceof SnapshotInputError) return failPermanently(error.message);
      throw error;
    } finally {
      await progress.finish();
    }
  },
});
