/**
 * The session and report rules on real charging sessions (Hamburg, February and March 2020; see
 * fixtures/NOTICE). The expectations were found by inspecting the data, not by running the rules:
 * the full source file (17,521 sessions on 797 points) has no overlapping sessions, no duplicates
 * and no session that ends before it starts; its closest neighbours are one second apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from './report-rules.js';
import { checkSessions } from './session-rules.js';
import type { SessionInput } from './session-rules.js';

// Assumptions the data cannot give: every point is a 22 kW AC point in operation since 2019,
// and each session drew the full 22 kW for its whole duration (the column `duration`, seconds).
const KW = 22;
const february2020 = { from: '2020-02-01', to: '2020-02-29' };

interface HamburgSession extends SessionInput {
  start: string;
  end: string;
}

function readFixture(): HamburgSession[] {
  const text = readFileSync(
    new URL('./fixtures/hamburg-sessions-2020-sample.csv', import.meta.url),
    'utf8',
  );
  const [header, ...lines] = text.trim().split('\n');
  if (!header?.startsWith('charger_id,start_time,end_time,duration,location_id,')) {
    throw new Error(`unexpected fixture header: ${header}`);
  }
  return lines.map((line, index) => {
    const [chargerId, start, end, duration] = line.split(',') as [string, string, string, string];
    return {
      pointId: chargerId,
      start: toBerlinWinterTime(start),
      end: toBerlinWinterTime(end),
      energyKwh: (Number(duration) / 3_600) * KW,
      row: index + 2,
    };
  });
}

/** `2020-02-29 22:37:57` -> `2020-02-29T22:37:57+01:00`: every row lies before 2020-03-29 (CET). */
function toBerlinWinterTime(local: string): string {
  if (!(local >= '2020-01-01' && local < '2020-03-29')) {
    throw new Error(`${local} is not in CET (before 2020-03-29); the fixture assumes +01:00`);
  }
  return `${local.replace(' ', 'T')}+01:00`;
}

/** The index in `sessions[12].end`. */
const indexOf = (path: string) => Number(/^sessions\[(\d+)\]/.exec(path)?.[1]);

const sessions = readFixture();
const points = [...new Set(sessions.map((item) => item.pointId))].map((pointId) => ({
  pointId,
  kw: KW,
  commissionedAt: '2019-01-01',
}));

describe('the rules on real sessions from Hamburg, February 2020', () => {
  const result = checkSessions(sessions, { period: february2020, points });
  const byCode = (code: string) => result.findings.filter((item) => item.code === code);

  it('finds no overlaps and no reversed times, because the data has none', () => {
    // given 200 real sessions on 7 points, among them neighbours 1 s apart (point 8356, rows
    // with 23:06:32 and 23:06:33 on 12 February)
    const neighbours = sessions.filter(
      (item) => item.pointId === '8356' && item.start.startsWith('2020-02-12T23:0'),
    );
    expect(neighbours.map((item) => [item.start, item.end])).toEqual([
      ['2020-02-12T23:01:20+01:00', '2020-02-12T23:06:32+01:00'],
      ['2020-02-12T23:06:33+01:00', '2020-02-13T01:41:27+01:00'],
    ]);
    // when checked, then nothing is reported as overlapping, reversed or duplicated
    expect(byCode('SESSION_OVERLAP')).toEqual([]);
    expect(byCode('SESSION_END_BEFORE_START')).toEqual([]);
    expect(result.duplicatesDropped).toBe(0);
  });

  it('agrees with the data that duration = end - start (energy at full power is within the limit)', () => {
    // given energy derived from the file's own duration column at the full 22 kW
    // when checked against 22 kW x hours from the timestamps, then no session exceeds it
    expect(byCode('SESSION_ENERGY_ABOVE_CAPACITY')).toEqual([]);
  });

  it('reports the four charges that run from 29 February into March', () => {
    // given the sessions that start on the leap day and end in March (found by inspection;
    // 8808's ends at 00:03:34, three and a half minutes after the period)
    // when checked, then exactly these carry the warning, on their end
    const crossing = byCode('SESSION_ENDS_AFTER_PERIOD').map((item) => {
      const session = sessions[indexOf(item.path)] as HamburgSession;
      return [
        session.pointId,
        session.start,
        session.end,
        item.severity,
        item.path.endsWith('.end'),
      ];
    });
    expect(crossing.sort()).toEqual([
      ['8218', '2020-02-29T18:09:25+01:00', '2020-03-02T08:09:27+01:00', 'warning', true],
      ['8242', '2020-02-29T22:37:57+01:00', '2020-03-01T15:09:28+01:00', 'warning', true],
      ['8440', '2020-02-29T20:24:00+01:00', '2020-03-01T11:41:36+01:00', 'warning', true],
      ['8808', '2020-02-29T22:29:05+01:00', '2020-03-01T00:03:34+01:00', 'warning', true],
    ]);
  });

  it('reports the 28 sessions that start in March as outside the period', () => {
    // given 28 sessions starting 1 to 4 March (counted by inspection: 8808: 6, 8617: 5, 9037: 4,
    // 8440: 4, 8242: 3, 8218: 3, 8356: 3)
    const outside = byCode('SESSION_OUTSIDE_PERIOD');
    // when checked, then exactly those are errors, and the first is 9037's on 1 March
    expect(outside).toHaveLength(28);
    const perPoint: Record<string, number> = {};
    for (const item of outside) {
      const session = sessions[indexOf(item.path)] as HamburgSession;
      perPoint[session.pointId] = (perPoint[session.pointId] ?? 0) + 1;
    }
    expect(perPoint).toEqual({
      '8808': 6,
      '8617': 5,
      '9037': 4,
      '8440': 4,
      '8242': 3,
      '8218': 3,
      '8356': 3,
    });
    expect(outside[0]).toMatchObject({ row: expect.any(Number), severity: 'error' });
    expect(outside[0]?.message).toContain('01.03.2020, 13:19');
  });

  it('drops a second delivery of the same upload as 200 duplicates', () => {
    // given the same file uploaded twice in one go
    const twice = checkSessions([...sessions, ...sessions], { period: february2020, points });
    // when checked, then the copies are dropped and counted, and nothing else changes
    expect(twice.duplicatesDropped).toBe(200);
    expect(twice.kept).toHaveLength(200);
    expect(twice.findings.filter((item) => item.code !== 'SESSION_DUPLICATES_DROPPED')).toEqual(
      result.findings,
    );
    expect(twice.energyKwh).toBe(result.energyKwh);
  });

  it('accepts a February report that matches its sessions, and stays within the capacity', () => {
    // given the energy of the sessions that started in February as the reported energy
    // when the report of the 7 points is checked for February 2020 (29 days, 696 hours)
    const groups = [
      { columns: 7, pointsPerColumn: 1, kwPerPoint: KW, commissionedAt: '2019-01-01' },
    ];
    const findings = checkReport({
      energyKwh: Math.round(result.energyKwh),
      period: february2020,
      groups,
      sessionsEnergyKwh: result.energyKwh,
    });
    // then nothing is found; a report of more than 7 x 22 kW x 696 h would be an error
    expect(findings).toEqual([]);
    expect(
      checkReport({ energyKwh: 7 * 22 * 696 + 1, period: february2020, groups }).map(
        (item) => item.code,
      ),
    ).toEqual(['REPORT_ENERGY_ABOVE_CAPACITY']);
  });
});
