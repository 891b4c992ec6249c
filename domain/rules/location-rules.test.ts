import { describe, expect, it } from 'vitest';
import type { ChargingGroupInput } from './charging-group.js';
import { checkCommissioningForPeriod, checkLocations } from './location-rules.js';
import type { CaseLocationsInput, ProgrammeLimits } from './location-rules.js';
import { RuleInputError } from './timestamps.js';

// Programme limits are rows of reference data; these mirror the seeded ones.
const KFW_441: ProgrammeLimits = { code: 'KFW_441', maxKwPerPoint: 22 };
const KFW_440: ProgrammeLimits = { code: 'KFW_440', maxKwPerPoint: 11 };
const LIS_VOR_ORT: ProgrammeLimits = { code: 'LIS_VOR_ORT', maxKwPerPoint: null };

const group = (overrides: Partial<ChargingGroupInput> = {}): ChargingGroupInput => ({
  columns: 2,
  pointsPerColumn: 2,
  kwPerPoint: 22,
  commissionedAt: '2024-05-02',
  ...overrides,
});
const input = (overrides: Partial<CaseLocationsInput>): CaseLocationsInput => ({
  programme: KFW_441,
  pointsAppliedFor: 4,
  locations: [{ groups: [group()] }],
  ...overrides,
});

describe('checkLocations', () => {
  it.each<[string, Partial<CaseLocationsInput>, Array<[string, string]>]>([
    ['points as applied for, kW at the limit', {}, []],
    ['fewer points than applied for', { pointsAppliedFor: 10 }, []],
    [
      'one point more than applied for, over two locations',
      {
        locations: [{ groups: [group()] }, { groups: [group({ columns: 1, pointsPerColumn: 1 })] }],
      },
      [['POINTS_ABOVE_APPLIED', 'locations']],
    ],
    [
      'kW just above the programme limit',
      { locations: [{ groups: [group({ kwPerPoint: 22.1 })] }] },
      [['GROUP_KW_ABOVE_LIMIT', 'locations[0].groups[0].kwPerPoint']],
    ],
    [
      '22 kW in a programme limited to 11 kW',
      { programme: KFW_440 },
      [['GROUP_KW_ABOVE_LIMIT', 'locations[0].groups[0].kwPerPoint']],
    ],
    [
      '150 kW in a programme without a limit',
      { programme: LIS_VOR_ORT, locations: [{ groups: [group({ kwPerPoint: 150 })] }] },
      [],
    ],
    [
      'zero kW',
      { locations: [{ groups: [group({ kwPerPoint: 0 })] }] },
      [['GROUP_KW_INVALID', 'locations[0].groups[0].kwPerPoint']],
    ],
    [
      'no columns and half a point per column',
      { locations: [{ groups: [group({ columns: 0, pointsPerColumn: 0.5 })] }] },
      [
        ['GROUP_COUNT_INVALID', 'locations[0].groups[0].columns'],
        ['GROUP_COUNT_INVALID', 'locations[0].groups[0].pointsPerColumn'],
      ],
    ],
    ['commissioned today', { asOf: '2024-05-02T12:00:00+02:00' }, []],
    [
      'commissioned tomorrow',
      { asOf: '2024-05-01T23:59:00+02:00' },
      [['COMMISSIONING_IN_FUTURE', 'locations[0].groups[0].commissionedAt']],
    ],
    [
      'a commissioning date in German notation',
      { locations: [{ groups: [group({ commissionedAt: '02.05.2024' })] }] },
      [['COMMISSIONING_INVALID', 'locations[0].groups[0].commissionedAt']],
    ],
    [
      'not yet commissioned',
      { locations: [{ groups: [group({ commissionedAt: null })] }], asOf: '2024-01-01' },
      [],
    ],
  ])('%s', (_case, overrides, expected) => {
    // given a case's locations, when checked, then exactly the expected codes at the expected fields
    const findings = checkLocations(input(overrides));
    expect(findings.map((item) => [item.code, item.path])).toEqual(expected);
  });

  it('tells the applicant the programme and its limit', () => {
    // given 50 kW points in KfW 441, when checked
    const [first] = checkLocations(input({ locations: [{ groups: [group({ kwPerPoint: 50 })] }] }));
    // then the message names the programme and its limit
    expect(first?.message).toBe(
      'Die Ladeleistung von 50 kW je Ladepunkt überschreitet die Grenze des Förderprogramms KFW_441 (höchstens 22 kW).',
    );
    expect(first?.messageEn).toContain('exceeds the limit of funding programme KFW_441');
  });

  it.each<[string, Partial<CaseLocationsInput>, RegExp]>([
    [
      'a programme limit of 0 kW',
      { programme: { code: 'X', maxKwPerPoint: 0 } },
      /^programme\.maxKwPerPoint:/,
    ],
    ['negative points applied for', { pointsAppliedFor: -1 }, /^pointsAppliedFor:/],
    ['an unreadable asOf', { asOf: 'today' }, /^asOf:/],
  ])('throws RuleInputError for %s', (_case, overrides, message) => {
    // given reference data or a call that is wrong, when checked, then a caller error names the field
    expect(() => checkLocations(input(overrides))).toThrow(RuleInputError);
    expect(() => checkLocations(input(overrides))).toThrow(message);
  });
});

describe('checkCommissioningForPeriod', () => {
  const period = { from: '2024-01-01', to: '2024-12-31' };

  it.each<[string, ChargingGroupInput['commissionedAt'], string[]]>([
    ['commissioned before the period', '2023-05-02', []],
    ['commissioned on the last day of the period', '2024-12-31', []],
    ['commissioned late on the last evening', '2024-12-31T23:59:59+01:00', []],
    ['commissioned the day after the period', '2025-01-01', ['COMMISSIONING_AFTER_PERIOD_END']],
    ['without a commissioning date', null, ['COMMISSIONING_MISSING']],
    ['with a broken date', '2024-02-30', ['COMMISSIONING_INVALID']],
  ])('%s', (_case, commissionedAt, expected) => {
    // given a group and a period, when checked, then exactly the expected codes
    const findings = checkCommissioningForPeriod({ groups: [group({ commissionedAt })], period });
    expect(findings.map((item) => item.code)).toEqual(expected);
  });

  it('reports at the path the caller names', () => {
    // given the groups of the second location, when checked with that prefix
    const findings = checkCommissioningForPeriod({
      groups: [group(), group({ commissionedAt: '2025-03-01' })],
      period,
      pathPrefix: 'locations[1].groups',
    });
    // then the finding points at that group's field
    expect(findings.map((item) => item.path)).toEqual(['locations[1].groups[1].commissionedAt']);
  });
});
