import { describe, expect, it } from 'vitest';
import type { ChargingGroupInput } from './charging-group.js';
import { SESSIONS_ENERGY_TOLERANCE, checkReport } from './report-rules.js';
import type { ReportInput } from './report-rules.js';
import { RuleInputError } from './timestamps.js';

const year2024 = { from: '2024-01-01', to: '2024-12-31' };
// 2 columns x 2 points x 22 kW, running the whole leap year of 8,784 hours: 772,992 kWh
const fourPoints: ChargingGroupInput = {
  columns: 2,
  pointsPerColumn: 2,
  kwPerPoint: 22,
  commissionedAt: '2023-05-02',
};
const report = (overrides: Partial<ReportInput>): ReportInput => ({
  energyKwh: 10_000,
  period: year2024,
  groups: [fourPoints],
  ...overrides,
});
const codesOf = (input: ReportInput) => checkReport(input).map((item) => item.code);

describe('checkReport: energy against capacity', () => {
  it.each<[string, Partial<ReportInput>, string[]]>([
    ['a usual year', {}, []],
    ['exactly the capacity (4 x 22 kW x 8,784 h)', { energyKwh: 772_992 }, []],
    ['just above the capacity', { energyKwh: 772_992.01 }, ['REPORT_ENERGY_ABOVE_CAPACITY']],
    ['zero energy', { energyKwh: 0 }, []],
    ['negative energy', { energyKwh: -1 }, ['REPORT_ENERGY_NEGATIVE']],
    ['energy that is not a number', { energyKwh: Number.NaN }, ['REPORT_ENERGY_INVALID']],
    [
      // 1 point x 11 kW from 1 July (CEST) to New Year (CET): 184 days x 24 h + 1 h = 4,417 h
      'a group commissioned mid-year, at its exact capacity',
      {
        energyKwh: 11 * 4_417,
        groups: [{ columns: 1, pointsPerColumn: 1, kwPerPoint: 11, commissionedAt: '2024-07-01' }],
      },
      [],
    ],
    [
      'a group commissioned mid-year, one kWh above',
      {
        energyKwh: 11 * 4_417 + 1,
        groups: [{ columns: 1, pointsPerColumn: 1, kwPerPoint: 11, commissionedAt: '2024-07-01' }],
      },
      ['REPORT_ENERGY_ABOVE_CAPACITY'],
    ],
    [
      'energy from a group commissioned after the period',
      { energyKwh: 1, groups: [{ ...fourPoints, commissionedAt: '2025-01-01' }] },
      ['REPORT_ENERGY_ABOVE_CAPACITY'],
    ],
    [
      'two groups add up',
      {
        energyKwh: 772_992 + 3 * 50 * 8_784,
        groups: [fourPoints, { columns: 3, pointsPerColumn: 1, kwPerPoint: 50 }],
      },
      [],
    ],
  ])('%s', (_case, overrides, expected) => {
    // given a report, when checked, then exactly the expected codes are reported
    expect(codesOf(report(overrides))).toEqual(expected);
  });

  it('tells the applicant the capacity in German', () => {
    // given a report above the capacity, when checked
    const [first] = checkReport(report({ energyKwh: 800_000 }));
    // then the message gives the figures as a German reader writes them
    expect(first?.path).toBe('energyKwh');
    expect(first?.params).toMatchObject({ capacityKwh: 772_992, points: 4 });
    expect(first?.message).toContain('Die gemeldeten 800.000 kWh sind mehr, als die 4 Ladepunkte');
    expect(first?.message).toContain('(772.992 kWh)');
  });
});

describe('checkReport: uploaded sessions against the reported energy', () => {
  it('uses a tolerance of 10 %', () => {
    // given the named tolerance, then it is the documented 10 %
    expect(SESSIONS_ENERGY_TOLERANCE).toBe(0.1);
  });

  it.each<[string, number, number | null | undefined, string[]]>([
    ['no sessions uploaded', 1_000, undefined, []],
    ['sessions explicitly absent', 1_000, null, []],
    ['the same energy', 1_000, 1_000, []],
    ['exactly 10 % less', 1_000, 900, []],
    ['a little more than 10 % less', 1_000, 899.99, ['REPORT_SESSIONS_MISMATCH']],
    ['exactly 10 % more', 1_000, 1_100, []],
    ['a little more than 10 % more', 1_000, 1_100.01, ['REPORT_SESSIONS_MISMATCH']],
    ['nothing reported, nothing uploaded', 0, 0, []],
    ['nothing reported but sessions uploaded', 0, 5, ['REPORT_SESSIONS_MISMATCH']],
  ])('%s', (_case, energyKwh, sessionsEnergyKwh, expected) => {
    // given a reported energy and the uploaded sessions' energy, when checked
    const findings = checkReport(report({ energyKwh, sessionsEnergyKwh }));
    // then a mismatch is a warning only, so the report stays valid
    expect(findings.map((item) => item.code)).toEqual(expected);
    expect(findings.every((item) => item.severity === 'warning')).toBe(true);
  });

  it('states the deviation and the tolerance', () => {
    // given sessions 25 % below the report, when checked
    const [warning] = checkReport(report({ energyKwh: 1_000, sessionsEnergyKwh: 750 }));
    // then the message names both figures, the deviation and the tolerance
    expect(warning?.params).toMatchObject({ deviationPercent: 25, tolerancePercent: 10 });
    expect(warning?.message).toBe(
      'Die hochgeladenen Ladevorgänge ergeben 750 kWh, gemeldet sind 1.000 kWh (Abweichung 25 %, zulässig sind 10 %). Bitte prüfen Sie die Angaben.',
    );
  });
});

describe('checkReport: unusable stored data', () => {
  it.each<[string, ChargingGroupInput, RegExp]>([
    ['a group without power', { ...fourPoints, kwPerPoint: 0 }, /^groups\[0\]\.kwPerPoint:/],
    [
      'a broken commissioning date',
      { ...fourPoints, commissionedAt: '02.05.2023' },
      /^groups\[0\]\.commissionedAt:/,
    ],
  ])('throws RuleInputError for %s', (_case, group, message) => {
    // given stored data the location rules should have refused, when checked, then a caller error names it
    expect(() => checkReport(report({ groups: [group] }))).toThrow(RuleInputError);
    expect(() => checkReport(report({ groups: [group] }))).toThrow(message);
  });
});
