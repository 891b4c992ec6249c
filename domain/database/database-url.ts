/**
 * Turns a DATABASE_URL into Sequelize options. Accepted: `sqlite:///abs/path.sqlite`,
 * `sqlite::memory:`, `mysql://user:pass@host:port/db` and `mariadb://...` (both via mysql2).
 */
import type { Options } from 'sequelize';

/** The URL has a scheme or shape we cannot open. */
export class DatabaseUrlError extends Error {
  readonly code = 'DATABASE_URL_INVALID';
  constructor(
    readonly url: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`DATABASE_URL ${redactUrl(url)}: ${reason}`, options);
    this.name = 'DatabaseUrlError';
  }
}

/** Connection settings derived from a URL. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; storage: string }
  | {
      dialect: 'mysql';
      host: string;
      port: number;
      username: string;
      password: string | undefined;
      database: string;
    };

/** Parses a DATABASE_URL. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url === 'sqlite::memory:' || url === 'sqlite://:memory:')
    return { dialect: 'sqlite', storage: ':memory:' };
  if (url.startsWith('sqlite:')) {
    const storage = url.replace(/^sqlite:(\/\/)?/, '');
    if (!storage.startsWith('/')) {
      throw new DatabaseUrlError(
        url,
        'a SQLite URL needs an absolute path: sqlite:///abs/path.sqlite',
      );
    }
    return { dialect: 'sqlite', storage: decodeURIComponent(storage) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new DatabaseUrlError(url, 'not a URL', { cause });
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new DatabaseUrlError(url, 'scheme must be sqlite:, mysql: or mariadb:');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database)
    throw new DatabaseUrlError(url, 'the URL names no database (mysql://user@host:3306/<db>)');
  if (!parsed.username)
    throw new DatabaseUrlError(url, 'the URL names no user (mysql://<user>@host/db)');
  return {
    dialect: 'mysql',
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    username: decodeURIComponent(parsed.username),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database,
  };
}

/** Sequelize options for a target: UTC everywhere, utf8mb4 on MySQL. */
export function sequelizeOptions(target: DatabaseTarget, logging: boolean): Options {
  const log = logging ? (sql: string) => console.log(sql) : false;
  if (target.dialect === 'sqlite') {
    return { dialect: 'sqlite', storage: target.storage, logging: log, timezone: '+00:00' };
  }
  return {
    dialect: 'mysql',
    host: target.host,
    port: target.port,
    username: target.username,
    password: target.password,
    database: target.database,
    logging: log,
    timezone: '+00:00',
    dialectOptions: { charset: 'utf8mb4' },
    define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
    pool: { max: 10, min: 0, idle: 10_000 },
  };
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
