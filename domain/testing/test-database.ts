/**
 * A database for data-layer tests (`*.db.test.ts`). With `DATABASE_URL=mysql://...` (or
 * `mariadb://`) each call creates its own database `<db>_t<random>` on that server and drops
 * it on `close()`, so test files run in parallel; otherwise a fresh SQLite file in a temp
 * directory that `close()` deletes.
 *
 * @example
 *   let t: TestDatabase;
 *   beforeAll(async () => { t = await openTestDatabase(); });
 *   afterAll(() => t.close());
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { parseDatabaseUrl, sequelizeOptions } from '../database/database-url.js';
import { openDatabase, type Database } from '../database/open-database.js';
import { migrateUpSequelize } from '../migrations/migrate.js';

/** An open test database and how to get rid of it. */
export interface TestDatabase {
  db: Database;
  /** The URL the database was opened with. */
  url: string;
  /** Closes the connection and drops the database (or deletes the SQLite file). */
  close(): Promise<void>;
}

/** Options of `openTestDatabase`. */
export interface TestDatabaseOptions {
  /** Apply all migrations first. @default true */
  migrate?: boolean;
}

/**
 * The server URL the data-layer tests run against, if any. Tests are the one place besides the
 * composition root that read the environment: `.ci/run` sets it to rerun them on MariaDB.
 */
export function mysqlTestServerUrl(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const url = env.DATABASE_URL;
  return url && /^(mysql|mariadb):\/\//.test(url) ? url : undefined;
}

/** Opens a fresh, empty (by default migrated) database for one test file. */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const server = mysqlTestServerUrl();
  const opened = server ? await openMysqlTestDatabase(server) : await openSqliteTestDatabase();
  if (options.migrate ?? true) await migrateUpSequelize(opened.db.sequelize);
  return opened;
}

async function openSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'now-db-test-'));
  const url = `sqlite://${path.join(dir, 'test.sqlite')}`;
  const db = await openDatabase(url);
  return {
    db,
    url,
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function openMysqlTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const target = parseDatabaseUrl(serverUrl);
  if (target.dialect !== 'mysql') throw new Error(`not a MySQL URL: ${serverUrl}`);
  const name = `${target.database}_t${randomBytes(4).toString('hex')}`;
  const admin = new Sequelize(sequelizeOptions(target, false));
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let db: Database;
  try {
    db = await openDatabase(url.toString());
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.close();
    throw error;
  }
  return {
    db,
    url: url.toString(),
    async close() {
      try {
        await db.close();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.close();
      }
    },
  };
}
