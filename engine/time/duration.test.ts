import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration } from './duration.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (millis: number): string => new Date(millis).toISOString();

function add(start: string, text: string, zone?: string): string {
  const duration = parseDuration(text);
  if (!duration.ok) throw new Error(duration.message);
  return iso(addDuration(at(start), duration.value, zone));
}

describe('parseDuration', () => {
  it.each([
    ['PT10M', { years: 0, months: 0, days: 0, exactMillis: 600_000 }],
    ['P14D', { years: 0, months: 0, days: 14, exactMillis: 0 }],
    ['P1Y2M', { years: 1, months: 2, days: 0, exactMillis: 0 }],
    ['P2W', { years: 0, months: 0, days: 14, exactMillis: 0 }],
    ['P1DT12H', { years: 0, months: 0, days: 1, exactMillis: 43_200_000 }],
    ['PT0.5S', { years: 0, months: 0, days: 0, exactMillis: 500 }],
    ['-PT1H', { years: 0, months: 0, days: 0, exactMillis: -3_600_000 }],
    ['p1d', { years: 0, months: 0, days: 1, exactMillis: 0 }],
  ])('%s', (text, expected) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: { ...expected, text } });
  });

  it.each(['', 'P', 'PT', '10M', 'P1H', 'PT1D', 'P1.5D', 'soon'])(
    'rejects %j naming the text',
    (text) => {
      expect(parseDuration(text)).toEqual({
        ok: false,
        code: 'INVALID_DURATION',
        message: `Invalid duration '${text}': expected an ISO 8601 duration such as PT10M, P14D or P1Y2M`,
      });
    },
  );
});

describe('addDuration', () => {
  it.each([
    // exact durations
    ['2026-01-01T10:00:00Z', 'PT10M', undefined, '2026-01-01T10:10:00.000Z'],
    ['2026-01-01T10:00:00Z', 'PT36H', undefined, '2026-01-02T22:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'P1DT2H', undefined, '2026-01-02T02:00:00.000Z'],
    // month ends clamp, months are added in one step
    ['2026-01-31T10:00:00Z', 'P1M', undefined, '2026-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00Z', 'P1M', undefined, '2024-02-29T10:00:00.000Z'],
    ['2026-03-31T10:00:00Z', 'P1M', undefined, '2026-04-30T10:00:00.000Z'],
    ['2026-01-31T10:00:00Z', 'P2M', undefined, '2026-03-31T10:00:00.000Z'],
    ['2026-01-15T10:00:00Z', 'P1Y2M', undefined, '2027-03-15T10:00:00.000Z'],
    // leap years
    ['2024-02-29T10:00:00Z', 'P1Y', undefined, '2025-02-28T10:00:00.000Z'],
    ['2024-02-28T10:00:00Z', 'P1D', undefined, '2024-02-29T10:00:00.000Z'],
    ['2023-02-28T10:00:00Z', 'P1D', undefined, '2023-03-01T10:00:00.000Z'],
    ['2026-12-18T10:00:00Z', 'P14D', undefined, '2027-01-01T10:00:00.000Z'],
    // days are calendar days in UTC by default: 24 hours even across Berlin's DST change
    ['2026-03-28T09:00:00Z', 'P1D', undefined, '2026-03-29T09:00:00.000Z'],
    // with a zone a day keeps the wall clock: 23 hours in spring, 25 in autumn
    ['2026-03-28T10:00:00+01:00', 'P1D', 'Europe/Berlin', '2026-03-29T08:00:00.000Z'],
    ['2026-10-24T10:00:00+02:00', 'P1D', 'Europe/Berlin', '2026-10-25T09:00:00.000Z'],
    ['2026-03-28T10:00:00+01:00', 'PT24H', 'Europe/Berlin', '2026-03-29T09:00:00.000Z'],
    // a wall clock time in the spring gap moves forward by the gap, as in Java
    ['2026-03-28T02:30:00+01:00', 'P1D', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    // in the autumn overlap the previous offset (+02:00) is kept, as in Java
    ['2026-10-24T02:30:00+02:00', 'P1D', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['2026-02-28T10:00:00+01:00', 'P1M', 'Europe/Berlin', '2026-03-28T09:00:00.000Z'],
    ['2026-03-15T10:00:00+01:00', 'P1M', 'Europe/Berlin', '2026-04-15T08:00:00.000Z'],
  ])('%s + %s in %s = %s', (start, text, zone, expected) => {
    expect(add(start, text, zone)).toBe(expected);
  });
});
