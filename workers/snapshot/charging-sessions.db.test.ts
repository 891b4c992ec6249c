import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAggregateTable } from './charging-sessions.js';
import {
  openSnapshotFixture,
  readDumpText,
  tableSection,
  type SnapshotFixture,
} from './testing/snapshot-fixture.js';
import { writeSnapshot, type SnapshotResult } from './write-snapshot.js';

/** Sessions at public points, counted by SQL straight from the source tables. */
const publicSessionsSql = `
  SELECT COUNT(*) AS n, COALESCE(SUM(v.energieKwh), 0) AS kwh FROM ladevorgang v
    JOIN ladepunkt lp ON lp.id = v.ladepunktId
    JOIN ladesaeulengruppe g ON g.id = lp.ladesaeulengruppeId
    JOIN standort s ON s.id = g.standortId
    JOIN foerderfall f ON f.id = s.foerderfallId
    JOIN programm p ON p.id = f.programmId
   WHERE s.zugang = 'OEFFENTLICH' AND s.privaterWohnsitz = 0
     AND (s.standortTyp IS NULL OR s.standortTyp <> 'EIGENHEIM') AND p.code <> 'KFW_440'`;

describe('charging sessions in the snapshot', () => {
  let f: SnapshotFixture;
  let snapshot: SnapshotResult;
  let dump: string;
  let total: { n: number; kwh: number };
  let open: { n: number; kwh: number };
  let homeSessions: number;

  beforeAll(async () => {
    f = await openSnapshotFixture(12);
    const { sequelize } = f.t.db;
    // A KfW 440 (private home) location declared public by mistake stays private.
    await sequelize.query(
      `UPDATE standort SET zugang = 'OEFFENTLICH', privaterWohnsitz = 0, standortTyp = 'PARKHAUS'
        WHERE foerderfallId IN (SELECT f.id FROM foerderfall f JOIN programm p ON p.id = f.programmId
                                 WHERE p.code = 'KFW_440')`,
    );
    const [all] = await sequelize.query<{ n: number; kwh: number }>(
      'SELECT COUNT(*) AS n, SUM(energieKwh) AS kwh FROM ladevorgang',
      { type: QueryTypes.SELECT },
    );
    const [pub] = await sequelize.query<{ n: number; kwh: number }>(publicSessionsSql, {
      type: QueryTypes.SELECT,
    });
    const [home] = await sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ladevorgang v JOIN ladepunkt lp ON lp.id = v.ladepunktId
         JOIN ladesaeulengruppe g ON g.id = lp.ladesaeulengruppeId JOIN standort s ON s.id = g.standortId
         JOIN foerderfall f ON f.id = s.foerderfallId JOIN programm p ON p.id = f.programmId
        WHERE p.code = 'KFW_440'`,
      { type: QueryTypes.SELECT },
    );
    homeSessions = Number(home!.n);
    total = { n: Number(all!.n), kwh: Number(all!.kwh) };
    open = { n: Number(pub!.n), kwh: Number(pub!.kwh) };
    snapshot = await writeSnapshot(f.t.db, f.store);
    dump = await readDumpText(f.store, snapshot.dumpKey);
  });
  afterAll(() => f.close());

  it('has sessions at public and at private points to tell apart', () => {
    expect(open.n).toBeGreaterThan(0);
    expect(total.n - open.n).toBeGreaterThan(0);
    expect(homeSessions).toBeGreaterThan(0);
  });

  it('publishes row by row exactly the sessions at public points', () => {
    const table = snapshot.manifest.tables.find((t) => t.table === 'ladevorgang')!;
    expect(table.rows).toBe(open.n);
    expect(snapshot.manifest.sessions).toMatchObject({
      publicSessions: open.n,
      aggregatedSessions: total.n - open.n,
    });
  });

  it('publishes every other session only in the monthly aggregates, with count and kWh intact', () => {
    // given the aggregate rows of the dump: (id, group, month, sessions, kWh, max kW)
    const section = tableSection(dump, sessionAggregateTable);
    const rows = [
      ...section.matchAll(/\('[^']*',(?:'[^']*'|NULL),'(\d{4}-\d{2})',(\d+),(-?[\d.]+),/g),
    ];
    // then they count every private session and sum its energy
    expect(rows.length).toBe(snapshot.manifest.sessions!.aggregateRows);
    expect(rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBe(total.n - open.n);
    const kwh = rows.reduce((sum, r) => sum + Number(r[3]), 0);
    expect(kwh).toBeCloseTo(total.kwh - open.kwh, 2);
    // and they carry no time of day
    expect(section).not.toMatch(/\d{2}:\d{2}:\d{2}/);
  });
});
