import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, parseDatabaseUrl, redactUrl } from './database-url.js';

describe('parseDatabaseUrl', () => {
  it.each([
    [
      'sqlite:///srv/now/var/platform.sqlite',
      { dialect: 'sqlite', storage: '/srv/now/var/platform.sqlite' },
    ],
    ['sqlite::memory:', { dialect: 'sqlite', storage: ':memory:' }],
    [
      'mysql://now:s3cr%40t@db.internal:3307/now',
      {
        dialect: 'mysql',
        host: 'db.internal',
        port: 3307,
        username: 'now',
        password: 's3cr@t',
        database: 'now',
      },
    ],
    [
      'mariadb://root@127.0.0.1/test',
      {
        dialect: 'mysql',
        host: '127.0.0.1',
        port: 3306,
        username: 'root',
        password: undefined,
        database: 'test',
      },
    ],
  ])('reads %s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    ['sqlite://relative/path.sqlite', 'absolute path'],
    ['postgres://u@h/db', 'scheme must be'],
    ['mysql://root@127.0.0.1:3306/', 'names no database'],
    ['mysql://127.0.0.1:3306/now', 'names no user'],
    ['not a url', 'not a URL'],
  ])('rejects %s with a reason', (url, reason) => {
    // when / then: a typed error with a stable code that says what is wrong
    const attempt = () => parseDatabaseUrl(url);
    expect(attempt).toThrow(DatabaseUrlError);
    expect(attempt).toThrow(reason);
  });

  it('never shows the password in its messages', () => {
    expect(redactUrl('mysql://now:geheim@db:3306/now')).toBe('mysql://now:***@db:3306/now');
    expect(() => parseDatabaseUrl('mysql://now:geheim@db:3306/')).toThrow(/now:\*\*\*@db/);
  });
});
