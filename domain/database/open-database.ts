/**
 * Opens the platform's database (SQLite or MySQL/MariaDB) with the domain models bound to it.
 *
 * @example
 *   const db = await openDatabase('sqlite:///srv/now/var/platform.sqlite');
 *   await migrateUp(db);
 *   const fall = await db.models.Foerderfall.findByPk(caseId);
 *   await db.close();
 */
import { Sequelize } from 'sequelize';
import { initModels, type DomainModels } from '../models/domain-models.js';
import { parseDatabaseUrl, sequelizeOptions } from './database-url.js';

/** An open database: the Sequelize instance, the typed models bound to it, and `close()`. */
export interface Database {
  readonly sequelize: Sequelize;
  readonly models: DomainModels;
  readonly dialect: 'sqlite' | 'mysql';
  /** Releases every connection (and file handle). */
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** Print every SQL statement. @default false */
  logging?: boolean;
  /** How long SQLite waits for a lock held by another connection. @default 5000 */
  sqliteBusyTimeoutMs?: number;
}

/** The database could not be reached or prepared. */
export class DatabaseOpenError extends Error {
  readonly code = 'DATABASE_OPEN_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

type SqliteConnection = { configure(option: 'busyTimeout', value: number): void };
type ConnectionManager = { getConnection(options?: unknown): Promise<unknown> };

/**
 * Opens `url` and checks the connection. SQLite: the parent directory is created, WAL journal,
 * foreign keys on, busy timeout on every connection. MySQL: utf8mb4 and time zone `+00:00`.
 */
export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const target = parseDatabaseUrl(url);
  const sequelize = new Sequelize(sequelizeOptions(target, options.logging ?? false));
  if (target.dialect === 'sqlite')
    configureSqliteConnections(sequelize, options.sqliteBusyTimeoutMs ?? 5000);
  try {
    await sequelize.authenticate();
    if (target.dialect === 'sqlite') {
      if (target.storage !== ':memory:') await sequelize.query('PRAGMA journal_mode = WAL');
      await sequelize.query('PRAGMA foreign_keys = ON');
    }
  } catch (cause) {
    await sequelize.close().catch(() => undefined);
    const where =
      target.dialect === 'sqlite'
        ? target.storage
        : `${target.host}:${target.port}/${target.database}`;
    throw new DatabaseOpenError(`cannot open database ${where}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const models = initModels(sequelize);
  let closed = false;
  return {
    sequelize,
    models,
    dialect: target.dialect,
    async close() {
      if (closed) return;
      closed = true;
      await sequelize.close();
    },
  };
}

/**
 * Sequelize's SQLite dialect opens a new connection per transaction and offers no hook to
 * configure it, so the connection manager is wrapped to set the busy timeout on each new one
 * (foreign keys are switched on by Sequelize itself; WAL is a property of the file).
 */
function configureSqliteConnections(sequelize: Sequelize, busyTimeoutMs: number): void {
  const manager = (sequelize as unknown as { connectionManager: ConnectionManager })
    .connectionManager;
  const original = manager.getConnection.bind(manager);
  const configured = new WeakSet<object>();
  manager.getConnection = async (connectionOptions?: unknown) => {
    const connection = (await original(connectionOptions)) as SqliteConnection & object;
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', busyTimeoutMs);
      configured.add(connection);
    }
    return connection;
  };
}
