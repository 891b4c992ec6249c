/**
 * The `snapshot` worker: an anonymised, k-anonymity-checked MySQL dump of the application
 * database in object storage. The job worker (through `@camunda8/sdk`) and `now snapshot` are
 * thin adapters around `handleSnapshotJob`; see docs/anonymisation.md for every rule.
 *
 * @example
 *   const store = openObjectStore(config.storageUrl, { endpoint: config.s3Endpoint });
 *   const { snapshotId, suppressedCount } = await handleSnapshotJob(job.variables, { db, store });
 */
export {
  handleSnapshotJob,
  readManifest,
  type SnapshotJobDeps,
  type SnapshotJobOutcome,
} from './handler.js';
export { writeSnapshot, type SnapshotOptions, type SnapshotResult } from './write-snapshot.js';
export { snapshotKeys, type SnapshotManifest } from './snapshot-manifest.js';
export {
  openObjectStore,
  ObjectKeyError,
  ObjectNotFoundError,
  StorageUrlError,
  type ObjectInfo,
  type ObjectStore,
  type ObjectStoreOptions,
} from '../storage/index.js';
export {
  KeyRuleConflictError,
  SnapshotInputError,
  SnapshotWriteError,
  UnclassifiedColumnsError,
} from './snapshot-errors.js';
