/**
 * Object storage for every worker: `file://<dir>` (a directory on this machine, the embedded
 * default) and `s3://<bucket>` (S3, MinIO or any S3-protocol server). One bucket, with the
 * prefixes `kfw-inbox/`, `kfw-processed/`, `kfw-rejected/`, `uploads/`, `snapshots/`, `reports/`.
 *
 * @example
 *   const store = openObjectStore(config.storageUrl, { endpoint: config.s3Endpoint });
 *   await store.put('kfw-inbox/antraege.xlsx', createReadStream(file));
 *   await store.close();
 */
export {
  checkKey,
  openObjectStore,
  ObjectKeyError,
  ObjectNotFoundError,
  StorageUrlError,
  type ObjectInfo,
  type ObjectStore,
  type ObjectStoreOptions,
} from './object-store.js';
export { FileObjectStore } from './file-object-store.js';
export { S3ObjectStore, type S3StoreOptions } from './s3-object-store.js';
