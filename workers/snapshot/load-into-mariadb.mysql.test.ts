import { createGunzip } from 'node:zlib';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createScratchDatabase,
  loadWithMysqlClient,
  scratchServer,
  type ScratchDatabase,
} from './testing/mariadb-scratch.js';
import { openSnapshotFixture, type SnapshotFixture } from './testing/snapshot-fixture.js';
import { writeSnapshot, type SnapshotResult } from './write-snapshot.js';

/** Kept (class none) programme names with every character that needs care in SQL. */
const tricky: Record<string, string> = {
  KFW_439: `O'Brien "Förderung" \\ Backslash \\' kein Escape`,
  KFW_440: 'Zeile 1\nZeile 2\r\nTab\there; DROP TABLE person; --',
  KFW_441: 'Ladesäule ⚡🚗 Emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and CTRL-Z \x1a',
  LIS_VOR_ORT: 'percent % underscore _ backtick ` and a NUL \0 byte',
};

/**
 * The dump loads into a fresh MariaDB database with the `mysql` client: row counts equal the
 * manifest, every foreign key joins, tricky strings come back byte for byte, and two snapshots of
 * the same data share no keys.
 */
describe('the dump loads into MariaDB', () => {
  const server = scratchServer();
  let f: SnapshotFixture;
  const snapshots: SnapshotResult[] = [];
  const loaded: ScratchDatabase[] = [];
  const outputs: { code: number | null; output: string }[] = [];

  beforeAll(async () => {
    f = await openSnapshotFixture(12);
    for (const [code, name] of Object.entries(tricky)) {
      // Bound, not inlined: SQLite's tokenizer stops at a NUL inside a literal.
      await f.t.db.sequelize.query('UPDATE programm SET name = $1 WHERE code = $2', {
        bind: [name, code],
      });
    }
    for (let i = 0; i < 2; i++) {
      const snapshot = await writeSnapshot(f.t.db, f.store, { snapshotId: `load-test-${i + 1}` });
      snapshots.push(snapshot);
      const scratch = await createScratchDatabase(server);
      loaded.push(scratch);
      const sql = (await f.store.get(snapshot.dumpKey)).pipe(createGunzip());
      outputs.push(await loadWithMysqlClient(server, scratch.name, sql));
    }
  }, 120_000);
  afterAll(async () => {
    for (const scratch of loaded) await scratch.drop();
    await f.close();
  });

  const count = async (db: ScratchDatabase, sql: string) => {
    const [rows] = await db.connection.query<RowDataPacket[]>(sql);
    return Number(rows[0]!.n);
  };

  it('loads without an error or a warning', () => {
    // DROP TABLE IF EXISTS into an empty database notes each table it did not find: harmless.
    const complaints = outputs.map((o) =>
      o.output
        .split('\n')
        .filter((line) => line && !/^Note \(Code 1051\): Unknown table/.test(line)),
    );
    expect(outputs.map((o) => o.code)).toEqual([0, 0]);
    expect(complaints).toEqual([[], []]);
  });

  it('has the row count of the manifest in every table', async () => {
    for (const [i, snapshot] of snapshots.entries()) {
      // given the manifest's table list
      const expected = Object.fromEntries(snapshot.manifest.tables.map((t) => [t.table, t.rows]));
      // when the loaded tables are counted
      const actual: Record<string, number> = {};
      for (const table of Object.keys(expected)) {
        actual[table] = await count(loaded[i]!, `SELECT COUNT(*) AS n FROM \`${table}\``);
      }
      // then they agree, and the data set is not trivially empty
      expect(actual).toEqual(expected);
      expect(actual.foerderfall).toBe(12);
    }
  });

  it('joins every foreign key in each snapshot', async () => {
    for (const db of loaded) {
      // given every foreign key the dump declared
      const [keys] = await db.connection.query<RowDataPacket[]>(
        `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, REFERENCED_TABLE_NAME AS rt, REFERENCED_COLUMN_NAME AS rc
           FROM information_schema.KEY_COLUMN_USAGE
          WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL`,
      );
      expect(keys.length).toBeGreaterThanOrEqual(20);
      // when each is joined to its parent
      const dangling: string[] = [];
      let joined = 0;
      for (const k of keys) {
        const orphans = await count(
          db,
          `SELECT COUNT(*) AS n FROM \`${k.t}\` c LEFT JOIN \`${k.rt}\` p ON c.\`${k.c}\` = p.\`${k.rc}\`
            WHERE c.\`${k.c}\` IS NOT NULL AND p.\`${k.rc}\` IS NULL`,
        );
        if (orphans > 0) dangling.push(`${k.t}.${k.c} -> ${k.rt}: ${orphans} rows`);
        joined += await count(
          db,
          `SELECT COUNT(*) AS n FROM \`${k.t}\` WHERE \`${k.c}\` IS NOT NULL`,
        );
      }
      // then no child row points nowhere, and there were children to check
      expect(dangling).toEqual([]);
      expect(joined).toBeGreaterThan(1000);
    }
  });

  it('publishes every quasi-identifier combination at least k times (or suppressed)', async () => {
    for (const [i, snapshot] of snapshots.entries()) {
      const k = snapshot.manifest.kAnonymity.k;
      const small: string[] = [];
      for (const table of snapshot.manifest.tables.filter((t) => t.kAnonymity)) {
        // given the table's quasi-identifiers as the manifest names them
        const columns = table.kAnonymity!.quasiIdentifiers.map((q) => `\`${q.column}\``);
        // when the loaded rows are grouped by them
        const [groups] = await loaded[i]!.connection.query<RowDataPacket[]>(
          `SELECT COUNT(*) AS n FROM \`${table.table}\` GROUP BY ${columns.join(', ')}
           HAVING n < ${k} AND NOT (${columns.map((c) => `${c} IS NULL`).join(' AND ')})`,
        );
        // then no group with any published value is smaller than k
        if (groups.length > 0) small.push(`${table.table}: ${groups.length} groups below k`);
      }
      expect(small).toEqual([]);
    }
  });

  it('brings back quotes, backslashes, NUL, newlines, CTRL-Z and emoji unchanged', async () => {
    const [rows] = await loaded[0]!.connection.query<RowDataPacket[]>(
      'SELECT code, name FROM programm',
    );
    const names = Object.fromEntries(rows.map((r) => [r.code as string, r.name as string]));
    expect(names).toEqual(tricky);
  });

  it('gives two snapshots of the same data different keys', async () => {
    // given the case keys of both snapshots
    const ids = async (db: ScratchDatabase) => {
      const [rows] = await db.connection.query<RowDataPacket[]>('SELECT id FROM foerderfall');
      return new Set(rows.map((r) => r.id as string));
    };
    const [first, second] = [await ids(loaded[0]!), await ids(loaded[1]!)];
    // then they have as many cases, and not one key in common
    expect(second.size).toBe(first.size);
    expect([...first].filter((id) => second.has(id))).toEqual([]);
  });
});
