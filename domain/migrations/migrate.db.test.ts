import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../database/open-database.js';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';
import {
  appliedMigrations,
  migrateDownSequelize,
  migrateUpSequelize,
  migrations,
} from './migrate.js';

describe('migrations started by two instances at once', () => {
  it('run once: one instance applies them, the other finds nothing to do', async () => {
    // given an empty database and two connections to it, as two starting processes would have
    const t = await openTestDatabase({ migrate: false });
    const other = await openDatabase(t.url);
    try {
      // when both migrate at the same time
      const [first, second] = await Promise.all([
        migrateUpSequelize(t.db.sequelize),
        migrateUpSequelize(other.sequelize),
      ]);
      // then every migration ran exactly once
      expect([...first, ...second].sort()).toEqual(migrations.map((m) => m.name).sort());
      expect(await appliedMigrations(t.db.sequelize)).toHaveLength(migrations.length);
    } finally {
      await other.close();
      await t.close();
    }
  });
});

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase({ migrate: false });
  });
  afterAll(() => t.close());

  it('create the schema and the programmes on an empty database', async () => {
    // given an empty database
    // when the migrations run
    const applied = await migrateUpSequelize(t.db.sequelize);
    // then every migration ran once, in order, and is recorded
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(await appliedMigrations(t.db.sequelize)).toEqual(applied);
    const programmes = await t.db.models.Programm.findAll({ order: [['code', 'ASC']] });
    expect(programmes.map((p) => p.code)).toEqual(['KFW_439', 'KFW_440', 'KFW_441', 'LIS_VOR_ORT']);
  });

  it('do nothing when run again', async () => {
    // when
    const applied = await migrateUpSequelize(t.db.sequelize);
    // then
    expect(applied).toEqual([]);
    expect(await t.db.models.Programm.count()).toBe(4);
  });

  it('store the programme rules of DOMAIN.md as data', async () => {
    const byCode = new Map(
      (await t.db.models.Programm.findAll()).map((p) => [p.code, p.get({ plain: true })]),
    );
    expect(byCode.get('KFW_441')).toMatchObject({
      kfwProgrammnummer: '441',
      foerderquoteProzent: '70.00',
      maxZuschussProLadepunkt: '900.00',
      maxZuschussProStandort: '45000.00',
      maxKwProLadepunkt: '22.00',
      zugang: 'NICHT_OEFFENTLICH',
      oekostromPflicht: true,
      zweckbindungJahre: 6,
      berichtsrhythmus: 'JAEHRLICH',
      empfaengertypen: ['UNTERNEHMEN', 'EINZELUNTERNEHMEN', 'GEMEINNUETZIG'],
    });
    expect(byCode.get('KFW_439')).toMatchObject({
      maxKwProLadepunkt: '22.00',
      empfaengertypen: ['KOMMUNE'],
    });
    expect(byCode.get('KFW_440')).toMatchObject({
      pauschaleProLadepunkt: '900.00',
      maxKwProLadepunkt: '11.00',
      privaterStellplatz: true,
      oekostromPflicht: true,
    });
    expect(byCode.get('LIS_VOR_ORT')).toMatchObject({
      foerderquoteProzent: '80.00',
      zugang: 'OEFFENTLICH',
      roamingPflicht: true,
      adHocLadenPflicht: true,
      maxKwProLadepunkt: null,
    });
  });

  it('can be reverted completely and applied again', async () => {
    // when everything is reverted
    const reverted = await migrateDownSequelize(t.db.sequelize);
    // then only the migration table is left
    expect(reverted).toEqual(migrations.map((m) => m.name).reverse());
    const tables = (await t.db.sequelize.getQueryInterface().showAllTables()).map(String);
    expect(tables.filter((name) => name !== 'SequelizeMeta')).toEqual([]);
    // and applying again restores the schema
    expect(await migrateUpSequelize(t.db.sequelize)).toHaveLength(migrations.length);
    const [row] = await t.db.sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM programm', {
      type: QueryTypes.SELECT,
    });
    expect(Number(row?.n)).toBe(4);
  });
});
