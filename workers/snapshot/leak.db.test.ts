import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlIdentifier } from './sql-literal.js';
import { fillEmptyTables } from './testing/fill-empty-tables.js';
import { leakColumns, type LeakColumn, type SeedValue } from './testing/leak-values.js';
import {
  openSnapshotFixture,
  readDumpText,
  tableSection,
  type SnapshotFixture,
} from './testing/snapshot-fixture.js';
import { writeSnapshot } from './write-snapshot.js';

/**
 * A reference column that the demo data leaves empty gets a real key of the table it refers to
 * (in the first rows), so its keys are checked too.
 */
async function fillEmptyReference(f: SnapshotFixture, column: LeakColumn): Promise<void> {
  const { sequelize, models } = f.t.db;
  const [{ n }] = (await sequelize.query<{ n: number }>(
    `SELECT COUNT(${sqlIdentifier(column.column)}) AS n FROM ${sqlIdentifier(column.table)}`,
    { type: QueryTypes.SELECT },
  )) as [{ n: number }];
  if (Number(n) > 0) return;
  const model = (Object.values(models) as ModelStatic<Model>[]).find(
    (m) => m.tableName === column.table,
  )!;
  const association = Object.values(model.associations).find(
    (a) => a.associationType === 'BelongsTo' && a.foreignKey === column.column,
  );
  if (!association) return;
  const [target] = await sequelize.query<{ id: string }>(
    `SELECT id FROM ${sqlIdentifier(association.target.tableName)} ORDER BY id LIMIT 1`,
    { type: QueryTypes.SELECT },
  );
  if (!target) return;
  const ids = await sequelize.query<{ id: string }>(
    `SELECT id FROM ${sqlIdentifier(column.table)} ORDER BY id LIMIT ${seededRows}`,
    { type: QueryTypes.SELECT },
  );
  for (const { id } of ids) {
    await sequelize.query(
      `UPDATE ${sqlIdentifier(column.table)} SET ${sqlIdentifier(column.column)} = ? WHERE id = ?`,
      { replacements: [target.id, id] },
    );
  }
}

/** Rows per table that get known values (the first ones in key order). */
const seededRows = 15;

/**
 * The central privacy test: every direct and quasi column of every model (taken from the
 * classification, so new columns join by themselves) is seeded with known unique values, also
 * inside text/JSON columns and the audit log's before/after; real ids of surrogate-key columns
 * are collected. None of it may appear in the dump.
 */
describe('leak test: no direct or quasi value survives into the dump', () => {
  let f: SnapshotFixture;
  let dump: string;
  const seeded: { column: LeakColumn; value: SeedValue }[] = [];
  const realKeys: { column: LeakColumn; values: string[] }[] = [];
  let columns: LeakColumn[];

  beforeAll(async () => {
    f = await openSnapshotFixture(6);
    const { sequelize } = f.t.db;
    // Tables the demo data leaves empty get rows too, so their columns are seeded as well.
    await fillEmptyTables(sequelize, f.t.db.models);
    columns = leakColumns(f.t.db.models);
    let seq = 1;
    for (const table of new Set(columns.map((c) => c.table))) {
      const own = columns.filter((c) => c.table === table);
      const ids = await sequelize.query<{ id: string }>(
        `SELECT id FROM ${sqlIdentifier(table)} ORDER BY id LIMIT ${seededRows}`,
        { type: QueryTypes.SELECT },
      );
      const toSeed = own.filter((c) => c.value !== null);
      for (const [n, { id }] of ids.entries()) {
        const values = toSeed.map((column) => {
          const value = column.value!(n + 1, seq++);
          seeded.push({ column, value });
          return value.stored;
        });
        if (toSeed.length === 0) continue;
        await sequelize.query(
          `UPDATE ${sqlIdentifier(table)} SET ${toSeed.map((c) => `${sqlIdentifier(c.column)} = ?`).join(', ')} WHERE id = ?`,
          { replacements: [...values, id] },
        );
      }
      for (const column of own.filter((c) => c.value === null)) {
        await fillEmptyReference(f, column);
        const rows = await sequelize.query<{ v: string | null }>(
          `SELECT ${sqlIdentifier(column.column)} AS v FROM ${sqlIdentifier(table)}`,
          { type: QueryTypes.SELECT },
        );
        realKeys.push({
          column,
          values: rows.map((r) => r.v).filter((v): v is string => v !== null),
        });
      }
    }
    const result = await writeSnapshot(f.t.db, f.store);
    dump = await readDumpText(f.store, result.dumpKey);
  });
  afterAll(() => f.close());

  it('covers every direct and quasi column of every model', () => {
    // given the classification's direct and quasi columns
    const expected = columns.map((c) => `${c.table}.${c.column}`);
    // then each one was seeded or had its real keys collected
    const covered = new Set([
      ...seeded.map((s) => `${s.column.table}.${s.column.column}`),
      ...realKeys
        .filter((k) => k.values.length > 0)
        .map((k) => `${k.column.table}.${k.column.column}`),
    ]);
    expect(expected.filter((name) => !covered.has(name))).toEqual([]);
    expect(expected.length).toBeGreaterThan(100);
  });

  it('contains none of the seeded values', () => {
    // given the decompressed dump
    expect(dump).toContain('INSERT INTO `foerderfall`');
    // when every seeded value is searched
    const found: string[] = [];
    for (const { column, value } of seeded) {
      for (const needle of value.needles) {
        const haystack = needle.scope === 'dump' ? dump : tableSection(dump, column.table);
        const hit =
          typeof needle.text === 'string'
            ? haystack.includes(needle.text)
            : needle.text.test(haystack);
        if (hit) found.push(`${column.table}.${column.column}: ${String(needle.text)}`);
      }
    }
    // then none is there
    expect(found).toEqual([]);
  });

  it('contains none of the real keys (every key is a fresh surrogate)', () => {
    const inDump = new Set(
      dump.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g),
    );
    const found = realKeys.flatMap(({ column, values }) =>
      values.filter((v) => inDump.has(v)).map((v) => `${column.table}.${column.column}: ${v}`),
    );
    expect(found).toEqual([]);
    expect(inDump.size).toBeGreaterThan(100);
  });
});
