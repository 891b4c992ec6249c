import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openObjectStore, type ObjectStore } from '../storage/index.js';
import { FileTooLargeError } from './kfw-file-errors.js';
import { copyToLocalFile } from './stored-file.js';

let root: string;
let store: ObjectStore;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kfw-stored-'));
  store = openObjectStore(pathToFileURL(root).href);
  await store.put('kfw-inbox/antraege.xlsx', Buffer.alloc(4096, 1));
});
afterAll(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('copyToLocalFile', () => {
  it('copies a stored file to a private temporary file and removes it on release', async () => {
    const copy = await copyToLocalFile(store, 'kfw-inbox/antraege.xlsx');
    expect((await readFile(copy.path)).length).toBe(4096);
    await copy.release();
    expect(existsSync(dirname(copy.path))).toBe(false);
  });

  it('refuses a stored file larger than the limit without copying it', async () => {
    const error = await copyToLocalFile(store, 'kfw-inbox/antraege.xlsx', 1000).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).code).toBe('KFW_FILE_TOO_LARGE');
  });
});
