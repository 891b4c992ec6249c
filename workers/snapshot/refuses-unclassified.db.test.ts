import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnclassifiedColumnsError } from './snapshot-errors.js';
import { openSnapshotFixture, type SnapshotFixture } from './testing/snapshot-fixture.js';
import { writeSnapshot } from './write-snapshot.js';

describe('pre-flight: the live schema against the classification', () => {
  let f: SnapshotFixture;
  beforeEach(async () => {
    f = await openSnapshotFixture(3);
  });
  afterEach(() => f.close());

  it('refuses a column added by hand, names it, and writes nothing', async () => {
    // given a column that no model classifies, added behind the models' back
    await f.t.db.sequelize.query('ALTER TABLE person ADD COLUMN geburtsdatum VARCHAR(10) NULL');
    // when a snapshot is taken
    const attempt = writeSnapshot(f.t.db, f.store);
    // then it refuses, naming exactly that column, and the store stays empty
    await expect(attempt).rejects.toBeInstanceOf(UnclassifiedColumnsError);
    await expect(attempt).rejects.toMatchObject({
      code: 'SNAPSHOT_UNCLASSIFIED_COLUMNS',
      columns: ['person.geburtsdatum'],
    });
    await expect(attempt).rejects.toThrow('person.geburtsdatum');
    expect(await f.store.list('')).toEqual([]);
  });

  it('refuses a table without a model, naming each of its columns', async () => {
    // given a table the domain does not know
    await f.t.db.sequelize.query(
      'CREATE TABLE notiz (id CHAR(36) NOT NULL PRIMARY KEY, inhalt TEXT NULL)',
    );
    // when a snapshot is taken
    const attempt = writeSnapshot(f.t.db, f.store);
    // then both of its columns are named and nothing is written
    await expect(attempt).rejects.toMatchObject({ columns: ['notiz.id', 'notiz.inhalt'] });
    expect(await f.store.list('')).toEqual([]);
  });

  it('writes a snapshot once the schema is fully classified', async () => {
    // given the migrated schema as the models describe it
    // when a snapshot is taken
    const result = await writeSnapshot(f.t.db, f.store);
    // then exactly the dump and the manifest are stored under their final keys
    expect((await f.store.list('')).map((o) => o.key)).toEqual(
      [result.manifestKey, result.dumpKey].sort(),
    );
  });
});
