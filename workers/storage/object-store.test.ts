import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ObjectKeyError,
  ObjectNotFoundError,
  openObjectStore,
  StorageUrlError,
  type ObjectStore,
} from './object-store.js';
import { startS3TestServer, type S3TestServer } from '../snapshot/testing/s3-test-server.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let dir: string;
let s3: S3TestServer;
const stores: Record<string, ObjectStore> = {};
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'now-store-test-'));
  s3 = await startS3TestServer('now-test');
  stores.file = openObjectStore(`file://${dir}`);
  stores.s3 = s3.openStore('platform');
});
afterAll(async () => {
  for (const store of Object.values(stores)) await store.close();
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(['file', 's3'])('object store (%s)', (backend) => {
  const store = () => stores[backend]!;

  it('uploads a streamed body, lists it and downloads the same bytes (checksum matches)', async () => {
    // given 6 MiB of random bytes streamed in 64 KiB pieces (more than one multipart part)
    const data = randomBytes(6 * 1024 * 1024);
    const pieces = Array.from({ length: data.length / 65536 }, (_, i) =>
      data.subarray(i * 65536, (i + 1) * 65536),
    );
    // when it is put, listed and read back
    await store().put('snapshots/big.bin', Readable.from(pieces));
    await store().put('snapshots/small.txt', 'hello');
    await store().put('uploads/other.txt', Buffer.from('x'));
    const listed = await store().list('snapshots/');
    const back = await readAll(await store().get('snapshots/big.bin'));
    // then the listing names both snapshot objects with their sizes and the bytes are the same
    expect(listed).toEqual([
      { key: 'snapshots/big.bin', size: data.length },
      { key: 'snapshots/small.txt', size: 5 },
    ]);
    expect(sha256(back)).toBe(sha256(data));
    expect(await store().head('snapshots/small.txt')).toEqual({
      key: 'snapshots/small.txt',
      size: 5,
    });
  });

  it('renames an object as a whole and deletes it', async () => {
    // given an object under a temporary key
    await store().put('snapshots/tmp/a.part', 'complete');
    // when it is renamed
    await store().rename('snapshots/tmp/a.part', 'snapshots/a.final');
    // then only the final key holds it; after delete nothing does
    expect(await store().head('snapshots/tmp/a.part')).toBeUndefined();
    expect((await readAll(await store().get('snapshots/a.final'))).toString()).toBe('complete');
    await store().delete('snapshots/a.final');
    expect(await store().head('snapshots/a.final')).toBeUndefined();
  });

  it('answers a missing object with ObjectNotFoundError and refuses keys that climb out', async () => {
    await expect(store().get('snapshots/none.sql.gz')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store().put('../outside.txt', 'x')).rejects.toBeInstanceOf(ObjectKeyError);
    await expect(store().put('/abs.txt', 'x')).rejects.toBeInstanceOf(ObjectKeyError);
  });
});

describe('openObjectStore', () => {
  it.each([
    ['ftp://host/dir', 'scheme must be file: or s3:'],
    ['s3:///no-bucket', 'names no bucket'],
    ['not a url', 'not a URL'],
    ['file://./var/storage', 'needs an absolute path'],
  ])('refuses %s', (url, message) => {
    expect(() => openObjectStore(url)).toThrow(StorageUrlError);
    expect(() => openObjectStore(url)).toThrow(message);
  });
});
