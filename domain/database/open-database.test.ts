import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from './open-database.js';

describe('openDatabase on SQLite', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('creates the parent directory and switches on WAL, foreign keys and a busy timeout', async () => {
    // given a path whose directory does not exist yet
    dir = await mkdtemp(path.join(tmpdir(), 'now-open-'));
    const file = path.join(dir, 'nested', 'var', 'platform.sqlite');
    // when it is opened
    const db = await openDatabase(`sqlite://${file}`);
    try {
      // then the file exists and the connection is configured
      expect(existsSync(file)).toBe(true);
      const pragma = (name: string) =>
        db.sequelize.query(`PRAGMA ${name}`, { type: QueryTypes.SELECT });
      expect(await pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await pragma('foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await pragma('busy_timeout')).toEqual([{ timeout: 5000 }]);
      expect(db.dialect).toBe('sqlite');
    } finally {
      await db.close();
    }
  });

  it('opens an in-memory database', async () => {
    const db = await openDatabase('sqlite::memory:');
    const [[row]] = (await db.sequelize.query('SELECT 1 + 1 AS two')) as [
      { two: number }[],
      unknown,
    ];
    expect(row?.two).toBe(2);
    await db.close();
  });

  it('reports a database it cannot open with a typed error naming where', async () => {
    // given a MySQL server that does not answer (port 1 is never a database)
    const attempt = openDatabase('mysql://root@127.0.0.1:1/nowhere');
    // then
    await expect(attempt).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase('mysql://root@127.0.0.1:1/nowhere')).rejects.toThrow(
      '127.0.0.1:1/nowhere',
    );
  });
});
