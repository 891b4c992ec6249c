/**
 * A delivered file, copied from object storage (`file://` or `s3://`) to a private temporary
 * file, because the zip checks need random access (the zip directory is at the end). The copy
 * stops at the file size limit, so an oversized upload never fills the disk.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ObjectStore } from '../storage/index.js';
import { FileTooLargeError } from './kfw-file-errors.js';
import { DEFAULT_ZIP_LIMITS } from './zip-guard.js';

/** A local copy of a stored object, deleted by `release()`. */
export interface LocalCopy {
  readonly path: string;
  release(): Promise<void>;
}

/** Copies `key` from `storage` to a temporary file; at most `maxBytes`. */
export async function copyToLocalFile(
  storage: ObjectStore,
  key: string,
  maxBytes = DEFAULT_ZIP_LIMITS.maxFileBytes,
): Promise<LocalCopy> {
  const info = await storage.head(key);
  if (info && info.size > maxBytes) throw new FileTooLargeError(info.size, maxBytes);
  const dir = await mkdtemp(join(tmpdir(), 'now-kfw-import-'));
  const release = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, key.split('/').pop() || 'kfw.xlsx');
  try {
    await pipeline(await storage.get(key), new SizeLimit(maxBytes), createWriteStream(path));
  } catch (error) {
    await release();
    throw error;
  }
  return { path, release };
}

class SizeLimit extends Transform {
  private seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) return callback(new FileTooLargeError(this.seen, this.limit));
    callback(null, chunk);
  }
}
