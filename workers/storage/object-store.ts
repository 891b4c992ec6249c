/**
 * Object storage with two backends: `file://<dir>` (a directory on this machine, the embedded
 * default) and `s3://<bucket>` (S3, MinIO or any S3-protocol server, through
 * `@aws-sdk/client-s3`). Bodies stream in both directions. Keys are `/`-separated paths such as
 * `snapshots/2026-11-24T22-33-06.123Z.sql.gz`.
 *
 * @example
 *   const store = openObjectStore('file:///srv/now/var/storage');
 *   await store.put('snapshots/a.txt', Readable.from(['hello']));
 *   for (const entry of await store.list('snapshots/')) console.log(entry.key, entry.size);
 *   await store.close();
 */
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { FileObjectStore } from './file-object-store.js';
import { S3ObjectStore, type S3StoreOptions } from './s3-object-store.js';

/** One stored object as `list` and `head` describe it. */
export interface ObjectInfo {
  key: string;
  size: number;
}

/** What every backend offers. */
export interface ObjectStore {
  /** A readable description of where objects go (no credentials). */
  readonly location: string;
  /** Stores `body` under `key`, replacing what was there. Resolves once the object is complete. */
  put(key: string, body: Readable | Buffer | string): Promise<void>;
  /** The object's bytes as a stream; `ObjectNotFoundError` when there is none. */
  get(key: string): Promise<Readable>;
  /** Size of the object, or undefined when there is none. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Every object whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Makes the object at `from` appear under `to` as a whole, then removes `from`. */
  rename(from: string, to: string): Promise<void>;
  /** Removes the object; no error when there is none. */
  delete(key: string): Promise<void>;
  /** Releases sockets and handles. */
  close(): Promise<void>;
}

/** The storage URL cannot be used. */
export class StorageUrlError extends Error {
  readonly code = 'STORAGE_URL_INVALID';
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`STORAGE_URL ${url}: ${reason}`);
    this.name = 'StorageUrlError';
  }
}

/** A key that is empty, absolute or climbs out of the store (`..`). */
export class ObjectKeyError extends Error {
  readonly code = 'OBJECT_KEY_INVALID';
  constructor(readonly key: string) {
    super(`object key "${key}" is not a relative path of non-empty segments without ".."`);
    this.name = 'ObjectKeyError';
  }
}

/** `get` of a key that holds no object. */
export class ObjectNotFoundError extends Error {
  readonly code = 'OBJECT_NOT_FOUND';
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`no object under "${key}"`, options);
    this.name = 'ObjectNotFoundError';
  }
}

/** Options of `openObjectStore` for the S3 backend. */
export type ObjectStoreOptions = Omit<S3StoreOptions, 'bucket' | 'prefix'>;

/**
 * Opens the store a `STORAGE_URL` names: `file:///abs/dir` or `s3://bucket[/prefix]` (with
 * `endpoint` for MinIO or another S3-protocol server; path-style addressing is then used).
 */
export function openObjectStore(url: string, options: ObjectStoreOptions = {}): ObjectStore {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StorageUrlError(url, 'not a URL (file:///dir or s3://bucket)');
  }
  if (parsed.protocol === 'file:') {
    let dir: string;
    try {
      dir = fileURLToPath(parsed);
    } catch {
      throw new StorageUrlError(url, 'a file URL needs an absolute path: file:///abs/dir');
    }
    return new FileObjectStore(dir);
  }
  if (parsed.protocol === 's3:') {
    if (!parsed.hostname) throw new StorageUrlError(url, 'names no bucket (s3://<bucket>)');
    const prefix = decodeURIComponent(parsed.pathname.replace(/^\/+/, ''));
    return new S3ObjectStore({ ...options, bucket: parsed.hostname, prefix });
  }
  throw new StorageUrlError(url, 'scheme must be file: or s3:');
}

/** Throws `ObjectKeyError` unless `key` is a safe relative key. */
export function checkKey(key: string): string {
  const segments = key.split('/');
  if (!key || key.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new ObjectKeyError(key);
  }
  return key;
}
