import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evseIdPattern } from '../models/ladepunkt.js';
import { plzPattern } from '../models/zuwendungsempfaenger.js';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { SeedOptionsError, seedDemo } from './seed-demo.js';

describe('seedDemo', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('creates a demo data set scaled to the number of cases', async () => {
    // given an empty, migrated database
    // when 8 cases are seeded
    const report = await seedDemo(t.db, { cases: 8 });
    // then cases, locations, groups and sessions come in the proportions of DOMAIN.md
    expect(report.created).toBe(true);
    expect(report.counts).toMatchObject({
      foerderfall: 8,
      standort: 12,
      ladesaeulengruppe: 32,
      ladevorgang: 2000,
    });
    expect(report.counts.person).toBeGreaterThanOrEqual(8);
    expect(report.counts.zuwendungsempfaenger).toBeGreaterThan(0);
    expect(report.counts.berichtszeitraum).toBeGreaterThan(0);
    expect(await t.db.models.Ladevorgang.count()).toBe(2000);
  });

  it('changes nothing when run again, and says so', async () => {
    // given the seeded database
    const before = await t.db.models.Foerderfall.findAll({ order: [['id', 'ASC']] });
    // when seeding runs again (even with another size)
    const report = await seedDemo(t.db, { cases: 20 });
    // then nothing was created and the counts are those already there
    expect(report.created).toBe(false);
    expect(report.counts).toMatchObject({
      foerderfall: 8,
      standort: 12,
      ladevorgang: 2000,
      programm: 4,
    });
    const after = await t.db.models.Foerderfall.findAll({ order: [['id', 'ASC']] });
    expect(after.map((f) => f.get({ plain: true }))).toEqual(
      before.map((f) => f.get({ plain: true })),
    );
  });

  it('generates plausible values: postcodes as text, EVSE-IDs, sessions that fit their point', async () => {
    const m = t.db.models;
    const plz = [
      ...(await m.Zuwendungsempfaenger.findAll()).map((r) => r.plz),
      ...(await m.Standort.findAll()).map((r) => r.plz),
    ];
    expect(plz.every((value) => value !== null && plzPattern.test(value))).toBe(true);
    const evseIds = (await m.Ladepunkt.findAll()).flatMap((p) => (p.evseId ? [p.evseId] : []));
    expect(evseIds.length).toBeGreaterThan(0);
    expect(evseIds.filter((id) => !evseIdPattern.test(id))).toEqual([]);

    // every session ends after it starts, stays within kW x h, and does not overlap the previous one
    const kwByPoint = new Map<string, number>();
    const groups = new Map(
      (await m.Ladesaeulengruppe.findAll()).map((g) => [g.id, Number(g.kwProLadepunkt)]),
    );
    for (const p of await m.Ladepunkt.findAll())
      kwByPoint.set(p.id, groups.get(p.ladesaeulengruppeId) ?? 0);
    const sessions = await m.Ladevorgang.findAll({
      order: [
        ['ladepunktId', 'ASC'],
        ['beginn', 'ASC'],
      ],
    });
    const problems: string[] = [];
    sessions.forEach((s, i) => {
      const hours = (s.ende.getTime() - s.beginn.getTime()) / 3_600_000;
      if (hours <= 0) problems.push(`${s.id}: ends before it starts`);
      if (Number(s.energieKwh) > (kwByPoint.get(s.ladepunktId) ?? 0) * hours)
        problems.push(`${s.id}: kWh > kW x h`);
      const previous = sessions[i - 1];
      if (previous?.ladepunktId === s.ladepunktId && previous.ende > s.beginn)
        problems.push(`${s.id}: overlaps`);
    });
    expect(problems).toEqual([]);
  });

  it('is reproducible: the same seed gives the same cases in another database', async () => {
    const other = await openTestDatabase();
    try {
      await seedDemo(other.db, { cases: 8 });
      const pick = async (db: TestDatabase) =>
        (await db.db.models.Foerderfall.findAll({ order: [['antragsnummer', 'ASC']] })).map((f) => [
          f.id,
          f.antragsnummer,
          f.zuschussZugesagt,
        ]);
      expect(await pick(other)).toEqual(await pick(t));
    } finally {
      await other.close();
    }
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses %s cases with a typed error', async (cases) => {
    await expect(seedDemo(t.db, { cases })).rejects.toThrow(SeedOptionsError);
  });

  it('creates the full default set (200 cases, 300 locations, 800 groups, 50,000 sessions)', async () => {
    const full = await openTestDatabase();
    try {
      const report = await seedDemo(full.db);
      expect(report.counts).toMatchObject({
        foerderfall: 200,
        standort: 300,
        ladesaeulengruppe: 800,
        ladevorgang: 50_000,
      });
      // eastern postcodes keep their leading zero
      const standorte = await full.db.models.Standort.findAll({ attributes: ['plz'] });
      expect(standorte.some((s) => s.plz?.startsWith('0'))).toBe(true);
    } finally {
      await full.close();
    }
  });
});
