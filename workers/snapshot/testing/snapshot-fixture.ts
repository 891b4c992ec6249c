/**
 * Test helpers: a seeded test database (SQLite, or MariaDB under the MySQL suite), a file store
 * in a temp directory, and the text of a dump.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { seedDemo } from '../../../domain/index.js';
import { openTestDatabase, type TestDatabase } from '../../../domain/testing/test-database.js';
import { openObjectStore, type ObjectStore } from '../../storage/index.js';

/** A seeded database and an empty store. */
export interface SnapshotFixture {
  t: TestDatabase;
  store: ObjectStore;
  storeDir: string;
  close(): Promise<void>;
}

/** Opens a migrated test database with `cases` demo cases and an empty file store. */
export async function openSnapshotFixture(cases = 10): Promise<SnapshotFixture> {
  const t = await openTestDatabase();
  await seedDemo(t.db, { cases });
  const storeDir = await mkdtemp(path.join(tmpdir(), 'now-snapshot-store-'));
  const store = openObjectStore(`file://${storeDir}`);
  return {
    t,
    store,
    storeDir,
    async close() {
      await store.close();
      await t.close();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

/** The decompressed SQL of a stored dump. */
export async function readDumpText(store: ObjectStore, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await store.get(key)).pipe(createGunzip())) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The part of a dump that creates and fills `table` (from its `-- table` line to the next). */
export function tableSection(dump: string, table: string): string {
  const start = dump.indexOf(`\n-- ${table}\n`);
  if (start < 0) return '';
  const next = dump.indexOf('\n-- ', start + table.length + 5);
  return dump.slice(start, next < 0 ? undefined : next);
}
