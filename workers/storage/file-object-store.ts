/**
 * The `file://` backend: objects are files under one directory. A put writes to a hidden
 * temporary file beside the target and renames it, so a reader never sees half an object.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  checkKey,
  ObjectNotFoundError,
  type ObjectInfo,
  type ObjectStore,
} from './object-store.js';

const partialSuffix = '.partial';

/** Objects as files under `root`. */
export class FileObjectStore implements ObjectStore {
  readonly location: string;
  constructor(private readonly root: string) {
    this.location = `file://${root}`;
  }

  private file(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, body: Readable | Buffer | string): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString('hex')}${partialSuffix}`;
    try {
      const source =
        typeof body === 'string' || Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, createWriteStream(partial));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.file(key);
    if (!(await this.head(key))) throw new ObjectNotFoundError(key);
    return createReadStream(file);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const info = await stat(this.file(key));
      return info.isFile() ? { key, size: info.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    await this.walk(this.root, '', prefix, found);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async walk(dir: string, keyPrefix: string, prefix: string, found: ObjectInfo[]) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const key = `${keyPrefix}${entry.name}`;
      if (entry.isDirectory()) {
        // Descend only where keys below can still start with the prefix.
        const dirKey = `${key}/`;
        if (dirKey.startsWith(prefix) || prefix.startsWith(dirKey)) {
          await this.walk(path.join(dir, entry.name), dirKey, prefix, found);
        }
      } else if (entry.isFile() && key.startsWith(prefix) && !key.endsWith(partialSuffix)) {
        const info = await stat(path.join(dir, entry.name));
        found.push({ key, size: info.size });
      }
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const target = this.file(to);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(this.file(from), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ObjectNotFoundError(from, { cause: error });
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async close(): Promise<void> {
    // Nothing is held open between calls.
  }
}
