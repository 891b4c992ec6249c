import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSnapshotJob, readManifest } from './handler.js';
import type { ObjectStore } from '../storage/index.js';
import { SnapshotInputError, SnapshotWriteError } from './snapshot-errors.js';
import { startS3TestServer } from './testing/s3-test-server.js';
import { openSnapshotFixture, type SnapshotFixture } from './testing/snapshot-fixture.js';

let f: SnapshotFixture;
beforeAll(async () => {
  f = await openSnapshotFixture(5);
});
afterAll(() => f.close());

describe('the snapshot job handler', () => {
  it('completes with the snapshot id and the number of suppressed rows', async () => {
    // given a job without variables and a fixed clock
    const now = () => new Date('2026-11-24T22:33:06.123Z');
    // when it runs
    const outcome = await handleSnapshotJob({}, { db: f.t.db, store: f.store, now });
    // then the id comes from the clock and the count from the manifest
    const manifest = await readManifest(f.store, outcome.snapshotId);
    expect(outcome).toEqual({
      snapshotId: '2026-11-24T22-33-06-123Z',
      suppressedCount: manifest!.kAnonymity.suppressedRows,
    });
    expect(await f.store.head('snapshots/2026-11-24T22-33-06-123Z.sql.gz')).toBeDefined();
  });

  it('answers a second delivery of the same job from the finished snapshot', async () => {
    // given a job that already produced its snapshot
    const first = await handleSnapshotJob(
      { snapshotId: 'job-4711' },
      { db: f.t.db, store: f.store },
    );
    const before = await f.store.list('snapshots/');
    // when the job is delivered again (with other process variables beside it)
    const second = await handleSnapshotJob(
      { snapshotId: 'job-4711', caseId: 'ignored' },
      { db: f.t.db, store: f.store },
    );
    // then the outcome is the same and nothing new was written
    expect(second).toEqual(first);
    expect(await f.store.list('snapshots/')).toEqual(before);
  });

  it.each([
    [{ snapshotId: '../etc/passwd' }, 'variables.snapshotId'],
    [{ snapshotId: 42 }, 'variables.snapshotId'],
  ])('refuses the variables %j naming %s', async (variables, field) => {
    await expect(
      handleSnapshotJob(variables, { db: f.t.db, store: f.store }),
    ).rejects.toMatchObject({
      code: 'SNAPSHOT_INPUT_INVALID',
      field,
    });
  });

  it('refuses a k below 2, naming the option', async () => {
    await expect(
      handleSnapshotJob({}, { db: f.t.db, store: f.store, k: 1 }),
    ).rejects.toBeInstanceOf(SnapshotInputError);
  });

  it('leaves nothing behind when storage fails half-way', async () => {
    // given a store that accepts the dump but fails on the manifest
    const failing: ObjectStore = {
      ...f.store,
      location: f.store.location,
      put: (key, body) =>
        key.endsWith('.manifest.json')
          ? Promise.reject(new Error('disk full'))
          : f.store.put(key, body),
      get: (key) => f.store.get(key),
      head: (key) => f.store.head(key),
      list: (prefix) => f.store.list(prefix),
      rename: (from, to) => f.store.rename(from, to),
      delete: (key) => f.store.delete(key),
      close: async () => undefined,
    };
    // when a snapshot is attempted
    const attempt = handleSnapshotJob({ snapshotId: 'half-way' }, { db: f.t.db, store: failing });
    // then it fails with the storage error as cause, and no object of it remains
    await expect(attempt).rejects.toBeInstanceOf(SnapshotWriteError);
    await expect(attempt).rejects.toThrow('disk full');
    const left = (await f.store.list('snapshots/')).map((o) => o.key);
    expect(left.filter((key) => key.includes('half-way'))).toEqual([]);
  });
});

describe('a snapshot in S3 (s3rver)', () => {
  it('is uploaded, listed and downloaded with the checksum of the manifest', async () => {
    // given an S3-protocol server with a bucket
    const s3 = await startS3TestServer('analytics');
    const store = s3.openStore();
    try {
      // when a snapshot is written there
      const { snapshotId } = await handleSnapshotJob({}, { db: f.t.db, store });
      // then both objects are listed, and the dump's SHA-256 is the manifest's
      const keys = (await store.list('snapshots/')).map((o) => o.key);
      expect(keys).toEqual([
        `snapshots/${snapshotId}.manifest.json`,
        `snapshots/${snapshotId}.sql.gz`,
      ]);
      const manifest = await readManifest(store, snapshotId);
      const hash = createHash('sha256');
      for await (const chunk of (await store.get(`snapshots/${snapshotId}.sql.gz`)) as Readable) {
        hash.update(chunk as Buffer);
      }
      expect(hash.digest('hex')).toBe(manifest!.dump.sha256);
      expect(manifest!.dump.bytes).toBe((await store.head(`snapshots/${snapshotId}.sql.gz`))!.size);
    } finally {
      await store.close();
      await s3.close();
    }
  });
});
