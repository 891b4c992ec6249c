import { describe, expect, it } from 'vitest';
import { RuleInputError } from './timestamps.js';
import { SESSION_ENERGY_FACTOR, checkSessions } from './session-rules.js';
import type { ChargingPointInput, SessionInput } from './session-rules.js';

const POINT = 'DE*ABC*E000123*1';
const points: ChargingPointInput[] = [
  { pointId: POINT, kw: 11, commissionedAt: '2023-06-01' },
  { pointId: 'DE*ABC*E000123*2', kw: 22, commissionedAt: '2024-06-01' },
];
const period = { from: '2024-01-01', to: '2024-12-31' };

const session = (start: string, end: string, energyKwh: number, pointId = POINT): SessionInput => ({
  pointId,
  start,
  end,
  energyKwh,
});
const codesOf = (sessions: SessionInput[]) =>
  checkSessions(sessions, { period, points }).findings.map((item) => item.code);

describe('checkSessions: one session', () => {
  it.each<[string, SessionInput, string[]]>([
    ['a plain session', session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', 20), []],
    ['zero energy', session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', 0), []],
    [
      'end equal to start',
      session('2024-05-02T10:00:00+02:00', '2024-05-02T10:00:00+02:00', 0),
      ['SESSION_END_BEFORE_START'],
    ],
    [
      'end before start',
      session('2024-05-02T10:00:00+02:00', '2024-05-02T09:59:59+02:00', 1),
      ['SESSION_END_BEFORE_START'],
    ],
    [
      'negative energy',
      session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', -0.1),
      ['SESSION_ENERGY_NEGATIVE'],
    ],
    [
      'energy that is not a number',
      session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', Number.NaN),
      ['SESSION_ENERGY_INVALID'],
    ],
    [
      'exactly 11 kW x 2 h x 1.05 = 23.1 kWh',
      session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', 23.1),
      [],
    ],
    [
      'just above 11 kW x 2 h x 1.05',
      session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', 23.11),
      ['SESSION_ENERGY_ABOVE_CAPACITY'],
    ],
    [
      'a timestamp without offset',
      session('2024-05-02T10:00:00', '2024-05-02T12:00:00+02:00', 1),
      ['SESSION_TIMESTAMP_INVALID'],
    ],
    [
      'a date that does not exist',
      session('2024-02-28T10:00:00+01:00', '2024-02-30T12:00:00+01:00', 1),
      ['SESSION_TIMESTAMP_INVALID'],
    ],
    [
      'a start one minute before the period',
      session('2023-12-31T23:59:00+01:00', '2024-01-01T01:00:00+01:00', 1),
      ['SESSION_OUTSIDE_PERIOD'],
    ],
    [
      'a start exactly at the period start',
      session('2024-01-01T00:00:00+01:00', '2024-01-01T01:00:00+01:00', 1),
      [],
    ],
    [
      'a start exactly at the period end (the next midnight)',
      session('2025-01-01T00:00:00+01:00', '2025-01-01T01:00:00+01:00', 1),
      ['SESSION_OUTSIDE_PERIOD'],
    ],
    [
      'an end exactly at the period end',
      session('2024-12-31T23:00:00+01:00', '2025-01-01T00:00:00+01:00', 1),
      [],
    ],
    [
      'a charge across New Year',
      session('2024-12-31T23:00:00+01:00', '2025-01-01T01:00:00+01:00', 1),
      ['SESSION_ENDS_AFTER_PERIOD'],
    ],
    [
      'a start a minute before commissioning',
      session('2024-05-31T23:59:00+02:00', '2024-06-01T01:00:00+02:00', 1, 'DE*ABC*E000123*2'),
      ['SESSION_BEFORE_COMMISSIONING'],
    ],
    [
      'a start at midnight of the commissioning day (Berlin time)',
      session('2024-06-01T00:00:00+02:00', '2024-06-01T01:00:00+02:00', 1, 'DE*ABC*E000123*2'),
      [],
    ],
    [
      'a point no location declares',
      session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', 1, 'DE*XYZ*E9*1'),
      ['SESSION_POINT_UNKNOWN'],
    ],
  ])('%s', (_case, input, expected) => {
    // given one session, when it is checked, then exactly the expected codes are reported
    expect(codesOf([input])).toEqual(expected);
  });

  it.each([
    // 01:30 CET to 03:30 CEST on 2024-03-31 is one real hour, not two
    ['spring forward', '2024-03-31T01:30:00+01:00', '2024-03-31T03:30:00+02:00'],
    // 02:30 CEST to 02:30 CET on 2024-10-27 is one real hour, not zero
    ['fall back', '2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00'],
  ])('counts real hours across the %s change', (_case, start, end) => {
    // given a one-hour session across a daylight-saving change on an 11 kW point
    const limit = 11 * 1 * SESSION_ENERGY_FACTOR;
    // when checked with the energy at and above the one-hour limit
    // then the limit is that of one hour (11.55 kWh), whatever the wall clock says
    expect(codesOf([session(start, end, limit)])).toEqual([]);
    expect(codesOf([session(start, end, limit + 0.01)])).toEqual(['SESSION_ENERGY_ABOVE_CAPACITY']);
  });

  it('accepts Date objects and UTC timestamps', () => {
    // given a session with Date values and one with Z timestamps
    const sessions: SessionInput[] = [
      {
        pointId: POINT,
        start: new Date('2024-05-02T08:00:00Z'),
        end: new Date('2024-05-02T09:00:00Z'),
        energyKwh: 5,
      },
      session('2024-05-03T08:00:00Z', '2024-05-03T09:00:00Z', 5),
    ];
    // when checked, then both are fine and their energy counts
    const result = checkSessions(sessions, { period, points });
    expect(result.findings).toEqual([]);
    expect(result.energyKwh).toBe(10);
  });

  it('says in German and English what is wrong and where, with the file row', () => {
    // given a session from row 7 of an upload whose energy exceeds the point's power
    const input = {
      ...session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', 30),
      row: 7,
    };
    // when checked
    const [first] = checkSessions([input], { period, points }).findings;
    // then the finding names the row, the field, the point and the limit
    expect(first).toMatchObject({
      code: 'SESSION_ENERGY_ABOVE_CAPACITY',
      severity: 'error',
      path: 'sessions[0].energyKwh',
      row: 7,
      params: { pointId: POINT, energyKwh: 30, kw: 11, hours: 2, maxKwh: 23.1 },
    });
    expect(first?.message).toBe(
      'Zeile 7: 30 kWh in 2 Stunden sind mehr, als der Ladepunkt DE*ABC*E000123*1 mit 11 kW liefern kann (höchstens 23,1 kWh).',
    );
    expect(first?.messageEn).toContain('row 7: 30 kWh in 2 hours');
  });
});

describe('checkSessions: overlaps on one point', () => {
  it.each<[string, SessionInput[], number[]]>([
    [
      'touching sessions (end == next start)',
      [
        session('2024-05-02T10:00:00+02:00', '2024-05-02T11:00:00+02:00', 1),
        session('2024-05-02T11:00:00+02:00', '2024-05-02T12:00:00+02:00', 1),
      ],
      [],
    ],
    [
      'touching across offsets (09:00Z == 11:00+02:00)',
      [
        session('2024-05-02T10:00:00+02:00', '2024-05-02T09:00:00Z', 1),
        session('2024-05-02T11:00:00+02:00', '2024-05-02T12:00:00+02:00', 1),
      ],
      [],
    ],
    [
      'one second of overlap',
      [
        session('2024-05-02T10:00:00+02:00', '2024-05-02T11:00:01+02:00', 1),
        session('2024-05-02T11:00:00+02:00', '2024-05-02T12:00:00+02:00', 1),
      ],
      [1],
    ],
    [
      'the later session listed first',
      [
        session('2024-05-02T11:00:00+02:00', '2024-05-02T12:00:00+02:00', 1),
        session('2024-05-02T10:00:00+02:00', '2024-05-02T11:30:00+02:00', 1),
      ],
      [0],
    ],
    [
      'two short sessions inside a long one',
      [
        session('2024-05-02T08:00:00+02:00', '2024-05-02T18:00:00+02:00', 1),
        session('2024-05-02T09:00:00+02:00', '2024-05-02T10:00:00+02:00', 1),
        session('2024-05-02T12:00:00+02:00', '2024-05-02T13:00:00+02:00', 1),
      ],
      [1, 2],
    ],
    [
      'the same times on two different points',
      [
        session('2024-06-02T10:00:00+02:00', '2024-06-02T12:00:00+02:00', 1),
        session('2024-06-02T10:30:00+02:00', '2024-06-02T11:00:00+02:00', 1, 'DE*ABC*E000123*2'),
      ],
      [],
    ],
  ])('%s', (_case, sessions, overlapping) => {
    // given sessions on charging points, when checked
    const { findings } = checkSessions(sessions, { period, points });
    // then exactly the expected (later-starting) sessions are reported as overlapping
    const reported = findings.filter((item) => item.code === 'SESSION_OVERLAP');
    expect(reported.map((item) => item.path)).toEqual(
      overlapping.map((index) => `sessions[${index}].start`),
    );
  });

  it('names the session it overlaps with, by row', () => {
    // given two overlapping sessions from rows 2 and 3 of a file
    const sessions = [
      { ...session('2024-05-02T10:00:00+02:00', '2024-05-02T11:30:00+02:00', 1), row: 2 },
      { ...session('2024-05-02T11:00:00+02:00', '2024-05-02T12:00:00+02:00', 1), row: 3 },
    ];
    // when checked
    const [overlap] = checkSessions(sessions, { period, points }).findings;
    // then the finding on row 3 names row 2 and when it ended
    expect(overlap?.row).toBe(3);
    expect(overlap?.params).toMatchObject({ otherRow: 2, otherEnd: '2024-05-02T09:30:00.000Z' });
    expect(overlap?.message).toContain('Zeile 3');
    expect(overlap?.message).toContain('mit Zeile 2 am selben Ladepunkt');
  });
});

describe('checkSessions: order of findings', () => {
  it('lists findings in the order of the rows, overlaps included', () => {
    // given an overlap on rows 2/3, a negative energy on row 4 and a duplicate of row 2 on row 5
    const sessions = [
      { ...session('2024-05-02T10:00:00+02:00', '2024-05-02T11:30:00+02:00', 1), row: 2 },
      { ...session('2024-05-02T11:00:00+02:00', '2024-05-02T12:00:00+02:00', 1), row: 3 },
      { ...session('2024-05-03T10:00:00+02:00', '2024-05-03T11:00:00+02:00', -1), row: 4 },
      { ...session('2024-05-02T10:00:00+02:00', '2024-05-02T11:30:00+02:00', 1), row: 5 },
    ];
    // when checked
    const { findings } = checkSessions(sessions, { period, points });
    // then the upload-wide warning comes first, then the rows in order
    expect(findings.map((item) => [item.code, item.row])).toEqual([
      ['SESSION_DUPLICATES_DROPPED', 5],
      ['SESSION_OVERLAP', 3],
      ['SESSION_ENERGY_NEGATIVE', 4],
    ]);
  });
});

describe('checkSessions: duplicates on (point, start)', () => {
  it('drops repeats, keeps the first and reports how many as one warning', () => {
    // given the same session three times (once written in UTC) and one other
    const first = {
      ...session('2024-05-02T10:00:00+02:00', '2024-05-02T11:00:00+02:00', 4),
      row: 2,
    };
    const sessions = [
      first,
      { ...session('2024-05-02T10:00:00+02:00', '2024-05-02T11:00:00+02:00', 4), row: 3 },
      { ...session('2024-05-02T08:00:00Z', '2024-05-02T10:30:00+02:00', 9), row: 4 },
      { ...session('2024-05-02T12:00:00+02:00', '2024-05-02T13:00:00+02:00', 5), row: 5 },
    ];
    // when checked
    const result = checkSessions(sessions, { period, points });
    // then two are dropped (not reported as overlaps), and the energy counts the kept ones only
    expect(result.duplicatesDropped).toBe(2);
    expect(result.kept.map((item) => item.row)).toEqual([2, 5]);
    expect(result.energyKwh).toBe(9);
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'SESSION_DUPLICATES_DROPPED',
        severity: 'warning',
        path: 'sessions',
        row: 3,
        params: expect.objectContaining({ count: 2 }),
        message:
          '2 doppelte Ladevorgänge (gleicher Ladepunkt und Beginn) wurden verworfen, der erste in Zeile 3.',
      }),
    ]);
  });

  it('does not treat the same start on another point as a duplicate', () => {
    // given two sessions with one start on two points
    const sessions = [
      session('2024-06-02T10:00:00+02:00', '2024-06-02T11:00:00+02:00', 1),
      session('2024-06-02T10:00:00+02:00', '2024-06-02T11:00:00+02:00', 1, 'DE*ABC*E000123*2'),
    ];
    // when checked, then both are kept
    const result = checkSessions(sessions, { period, points });
    expect(result.duplicatesDropped).toBe(0);
    expect(result.kept).toHaveLength(2);
  });
});

describe('checkSessions: energy sum', () => {
  it('counts valid sessions that start in the period, not those outside or broken', () => {
    // given an in-period session, one before the period, one with negative energy, one across New Year
    const sessions = [
      session('2024-05-02T10:00:00+02:00', '2024-05-02T12:00:00+02:00', 10),
      session('2023-12-30T10:00:00+01:00', '2023-12-30T12:00:00+01:00', 7),
      session('2024-05-03T10:00:00+02:00', '2024-05-03T12:00:00+02:00', -3),
      session('2024-12-31T23:00:00+01:00', '2025-01-01T01:00:00+01:00', 2),
    ];
    // when checked, then the sum holds the first and the last
    expect(checkSessions(sessions, { period, points }).energyKwh).toBe(12);
  });
});

describe('checkSessions: volume', () => {
  it('checks 120,000 sessions on 400 points and finds exactly the planted overlaps', () => {
    // given 300 sessions per point, each 2 h long and 3 h apart, and 5 sessions moved to overlap
    const manyPoints = Array.from({ length: 400 }, (_, p) => ({
      pointId: `DE*GEN*E${p}*1`,
      kw: 22,
    }));
    const base = Date.parse('2024-01-02T00:00:00Z');
    const sessions: SessionInput[] = [];
    for (const { pointId } of manyPoints) {
      for (let i = 0; i < 300; i += 1) {
        const start = base + i * 3 * 3_600_000;
        sessions.push({
          pointId,
          start: new Date(start).toISOString(),
          end: new Date(start + 2 * 3_600_000).toISOString(),
          energyKwh: 20,
        });
      }
    }
    const planted = [17, 40_123, 77_777, 99_001, 119_998];
    for (const index of planted) {
      const target = sessions[index] as SessionInput;
      // start 30 minutes before the previous session on the same point ends
      target.start = new Date(Date.parse(target.start as string) - 90 * 60_000).toISOString();
    }
    // when checked
    const result = checkSessions(sessions, { period, points: manyPoints });
    // then the planted sessions and nothing else are reported
    expect(result.findings.map((item) => item.path)).toEqual(
      planted.map((index) => `sessions[${index}].start`),
    );
    expect(result.kept).toHaveLength(120_000);
  });
});

describe('checkSessions: unusable context', () => {
  it.each<[string, () => unknown, string]>([
    [
      'a period that ends before it starts',
      () => checkSessions([], { period: { from: '2024-12-31', to: '2024-01-01' }, points }),
      'period.to',
    ],
    [
      'a period start that is no date',
      () => checkSessions([], { period: { from: '31.12.2024', to: '2024-12-31' }, points }),
      'period.from',
    ],
    [
      'a point without power',
      () => checkSessions([], { period, points: [{ pointId: POINT, kw: 0 }] }),
      'points[0].kw',
    ],
    [
      'a point with a broken commissioning date',
      () =>
        checkSessions([], {
          period,
          points: [{ pointId: POINT, kw: 11, commissionedAt: '2024-13-01' }],
        }),
      'points[0].commissionedAt',
    ],
  ])('throws RuleInputError for %s', (_case, run, field) => {
    // given a context the caller built wrongly, when checked, then the error names the field
    expect(run).toThrow(RuleInputError);
    expect(run).toThrow(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}:`));
  });
});
