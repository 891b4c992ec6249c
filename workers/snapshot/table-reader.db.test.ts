import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBatches } from './table-reader.js';
import { openSnapshotFixture, type SnapshotFixture } from './testing/snapshot-fixture.js';

describe('readBatches', () => {
  let f: SnapshotFixture;
  beforeAll(async () => {
    f = await openSnapshotFixture(2);
  });
  afterAll(() => f.close());

  it('streams a table in key order in batches of at most the batch size', async () => {
    // given the session table and its row count
    const [{ n }] = (await f.t.db.sequelize.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM ladevorgang',
      { type: QueryTypes.SELECT },
    )) as [{ n: number }];
    // when it is read in batches of 97
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const batch of readBatches(f.t.db.sequelize, {
      table: 'ladevorgang',
      columns: ['id', 'energieKwh'],
      key: ['id'],
      batchSize: 97,
    })) {
      sizes.push(batch.length);
      ids.push(...batch.map((row) => String(row.id)));
    }
    // then every row comes once, in ascending key order, never more than 97 at a time
    expect(ids).toHaveLength(Number(n));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true);
    expect(Math.max(...sizes)).toBe(97);
    expect(sizes).toHaveLength(Math.ceil(Number(n) / 97));
  });
});
