import { describe, expect, it } from 'vitest';
import { RuleInputError, periodBounds, toEpochMs } from './timestamps.js';

describe('toEpochMs', () => {
  it.each<[string, string | Date, string | null]>([
    ['an offset timestamp', '2024-03-31T03:00:00+02:00', '2024-03-31T01:00:00.000Z'],
    ['a UTC timestamp', '2024-03-31T01:00:00Z', '2024-03-31T01:00:00.000Z'],
    [
      'a space instead of T, offset without colon',
      '2024-03-31 03:00:00+0200',
      '2024-03-31T01:00:00.000Z',
    ],
    ['fractions of a second', '2024-03-31T03:00:00.5+02:00', '2024-03-31T01:00:00.500Z'],
    ['minutes only', '2024-03-31T03:00+02:00', '2024-03-31T01:00:00.000Z'],
    ['a winter calendar date (Berlin midnight)', '2024-01-15', '2024-01-14T23:00:00.000Z'],
    ['the spring-forward day', '2024-03-31', '2024-03-30T23:00:00.000Z'],
    ['the day after spring forward', '2024-04-01', '2024-03-31T22:00:00.000Z'],
    ['the fall-back day', '2024-10-27', '2024-10-26T22:00:00.000Z'],
    ['a leap day', '2024-02-29', '2024-02-28T23:00:00.000Z'],
    ['a Date', new Date('2024-03-31T01:00:00Z'), '2024-03-31T01:00:00.000Z'],
    ['no offset (ambiguous local time)', '2024-10-27T02:30:00', null],
    ['a day that does not exist', '2023-02-29', null],
    ['month 13', '2024-13-01T00:00:00Z', null],
    ['hour 24', '2024-01-01T24:00:00Z', null],
    ['German notation', '31.03.2024', null],
    ['an invalid Date', new Date('nonsense'), null],
    ['an empty string', '', null],
  ])('reads %s', (_case, input, expected) => {
    // given a time as an upload or a form delivers it, when read, then it is that instant or null
    const ms = toEpochMs(input);
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(expected);
  });

  it.each([
    // Auckland springs forward at 02:00 on 2024-09-29; midnight before it is still +12:00
    ['2024-09-29', '2024-09-28T12:00:00.000Z'],
    ['2024-09-30', '2024-09-29T11:00:00.000Z'],
  ])('finds midnight of %s in a zone whose UTC midnight lies after its change', (date, iso) => {
    // given a calendar date in a far-east zone on its daylight-saving day
    // when read, then the offset in force at local midnight is used
    expect(new Date(toEpochMs(date, 'Pacific/Auckland') as number).toISOString()).toBe(iso);
  });

  it('reads calendar dates in another time zone when asked', () => {
    // given a calendar date, when read for UTC and New York, then midnight there
    expect(new Date(toEpochMs('2024-01-01', 'UTC') as number).toISOString()).toBe(
      '2024-01-01T00:00:00.000Z',
    );
    expect(new Date(toEpochMs('2024-07-01', 'America/New_York') as number).toISOString()).toBe(
      '2024-07-01T04:00:00.000Z',
    );
  });
});

describe('periodBounds', () => {
  it.each([
    ['a leap year', '2024-01-01', '2024-12-31', 366 * 24],
    [
      'the first half of 2024 (spring forward: one hour less)',
      '2024-01-01',
      '2024-06-30',
      182 * 24 - 1,
    ],
    [
      'the second half of 2024 (fall back: one hour more)',
      '2024-07-01',
      '2024-12-31',
      184 * 24 + 1,
    ],
    ['one day, the fall-back day', '2024-10-27', '2024-10-27', 25],
  ])('spans the real hours of %s', (_case, from, to, hours) => {
    // given a period of calendar dates (the last day included), when bounded, then it lasts these hours
    const { startMs, endMs } = periodBounds({ from, to });
    expect((endMs - startMs) / 3_600_000).toBe(hours);
  });

  it('takes a timestamp end as the exclusive end instant', () => {
    // given an end with a time, when bounded, then the end is that instant
    const { endMs } = periodBounds({ from: '2024-01-01', to: '2024-07-01T00:00:00+02:00' });
    expect(new Date(endMs).toISOString()).toBe('2024-06-30T22:00:00.000Z');
  });

  it('refuses an unknown time zone with a clear error', () => {
    // given a misspelt time zone, when a calendar date is read, then the error names the zone
    expect(() => periodBounds({ from: '2024-01-01', to: '2024-12-31' }, 'Europe/Berlinn')).toThrow(
      RuleInputError,
    );
    expect(() => periodBounds({ from: '2024-01-01', to: '2024-12-31' }, 'Europe/Berlinn')).toThrow(
      /timeZone: "Europe\/Berlinn" is not a time zone/,
    );
  });
});
