/**
 * Serialises migrations between processes (and connections) that share one database, so two
 * instances starting at once do not both create the same table. MySQL/MariaDB: a named lock
 * (`GET_LOCK`) held on a connection pinned by a transaction. SQLite: an exclusive transaction on
 * a small lock database next to the file; SQLite itself waits for it (busy timeout) and
 * releases it when the holder commits or dies, so no stale lock is ever left behind.
 */
import sqlite3 from 'sqlite3';
import { QueryTypes, type Sequelize } from 'sequelize';

/** The lock was not granted in time. */
export class MigrationLockError extends Error {
  readonly code = 'MIGRATION_LOCK_TIMEOUT';
  constructor(message: string) {
    super(message);
    this.name = 'MigrationLockError';
  }
}

const lockName = 'now_funding_platform_migrations';

/** Runs `work` while holding the database's migration lock. */
export async function withMigrationLock<T>(
  sequelize: Sequelize,
  work: () => Promise<T>,
  timeoutSeconds = 120,
): Promise<T> {
  if (sequelize.getDialect() === 'mysql') return withMysqlLock(sequelize, work, timeoutSeconds);
  const storage =
    (sequelize as unknown as { options: { storage?: string } }).options.storage ?? ':memory:';
  if (storage === ':memory:') return work(); // private to this connection: nobody to race with
  return withSqliteLock(`${storage}.migrate-lock`, work, timeoutSeconds);
}

async function withMysqlLock<T>(
  sequelize: Sequelize,
  work: () => Promise<T>,
  timeoutSeconds: number,
): Promise<T> {
  // The transaction only pins one pooled connection: GET_LOCK belongs to a session.
  return sequelize.transaction(async (transaction) => {
    const [granted] = await sequelize.query<{ granted: number | null }>(
      'SELECT GET_LOCK(:name, :timeout) AS granted',
      {
        replacements: { name: lockName, timeout: timeoutSeconds },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (Number(granted?.granted) !== 1) {
      throw new MigrationLockError(
        `another process has held the migration lock for ${timeoutSeconds} s`,
      );
    }
    try {
      return await work();
    } finally {
      await sequelize.query('SELECT RELEASE_LOCK(:name)', {
        replacements: { name: lockName },
        transaction,
      });
    }
  });
}

async function withSqliteLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  timeoutSeconds: number,
): Promise<T> {
  const lock = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(lockFile, (error) => (error ? reject(error) : resolve(db)));
  });
  const exec = (sql: string) =>
    new Promise<void>((resolve, reject) =>
      lock.exec(sql, (error) => (error ? reject(error) : resolve())),
    );
  try {
    lock.configure('busyTimeout', timeoutSeconds * 1000);
    try {
      await exec('BEGIN EXCLUSIVE');
    } catch (cause) {
      throw new MigrationLockError(
        `cannot take the migration lock ${lockFile}: ${(cause as Error).message}`,
      );
    }
    try {
      return await work();
    } finally {
      await exec('COMMIT');
    }
  } finally {
    await new Promise<void>((resolve) => lock.close(() => resolve()));
  }
}
