/**
 * The `snapshot` handler (`workers/snapshot/handler.ts`, a plain function) in the worker
 * runtime: bad input raises an incident naming the variable, a finished snapshot is answered
 * from its manifest (idempotent), any other failure is retried.
 */
import { JOB_TYPES, VARIABLES } from '../../domain/index.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';
import { handleSnapshotJob, SnapshotInputError } from '../snapshot/index.js';
import { snapshotJobVariables } from '../snapshot/handler.js';

/** The `snapshot` handler. */
export const snapshotHandler = defineJobHandler({
  jobType: JOB_TYPES.snapshot,
  variables: snapshotJobVariables,
  fetchVariables: [VARIABLES.snapshotId],
  async handle({ variables }, { db, storage, logger }) {
    try {
      const outcome = await handleSnapshotJob(variables, { db, store: storage });
      logger.info({ ...outcome }, 'snapshot written');
      return complete({
        [VARIABLES.snapshotId]: outcome.snapshotId,
        [VARIABLES.suppressedCount]: outcome.suppressedCount,
      });
    } catch (error) {
      if (error instanceof SnapshotInputError) return failPermanently(error.message);
      throw error;
    }
  },
});
