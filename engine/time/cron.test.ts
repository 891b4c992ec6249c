import { describe, expect, it } from 'vitest';
import { nextFire, parseCycle } from './cycle.js';
import { parseCron } from './cron.js';

const at = (iso: string): number => Date.parse(iso);

describe('cron cycles', () => {
  it.each([
    ['0 0 9-17 * * MON-FRI', '2026-11-27T17:30:00Z', '2026-11-30T09:00:00.000Z'], // Friday evening -> Monday
    ['0 0 9-17 * * MON-FRI', '2026-11-24T09:00:00Z', '2026-11-24T10:00:00.000Z'], // strictly after
    ['0 */15 * * * *', '2026-01-01T10:07:13Z', '2026-01-01T10:15:00.000Z'],
    ['30 0 0 1 JAN ?', '2026-03-01T00:00:00Z', '2027-01-01T00:00:30.000Z'],
    ['0 0 12 29 2 *', '2025-03-01T00:00:00Z', '2028-02-29T12:00:00.000Z'], // leap day
    ['0 0 0 * * 7', '2026-11-24T00:00:00Z', '2026-11-29T00:00:00.000Z'], // 7 is Sunday
    ['0 0 0 13 * FRI', '2026-01-01T00:00:00Z', '2026-02-13T00:00:00.000Z'], // both day fields must match
    ['@daily', '2026-01-01T10:00:00Z', '2026-01-02T00:00:00.000Z'],
    ['@hourly', '2026-01-01T10:00:00Z', '2026-01-01T11:00:00.000Z'],
    ['@monthly', '2026-01-31T10:00:00Z', '2026-02-01T00:00:00.000Z'],
    ['@weekly', '2026-11-24T10:00:00Z', '2026-11-29T00:00:00.000Z'],
    ['@yearly', '2026-11-24T10:00:00Z', '2027-01-01T00:00:00.000Z'],
  ])('%s after %s fires at %s', (text, after, expected) => {
    // given
    const parsed = parseCycle(text);
    if (!parsed.ok) throw new Error(parsed.message);
    // when
    const next = nextFire(parsed.value, at(after), 5);
    // then
    expect(next === null ? null : new Date(next).toISOString()).toBe(expected);
  });

  it('returns null for a date that never exists', () => {
    const parsed = parseCycle('0 0 0 30 2 *');
    expect(parsed.ok && nextFire(parsed.value, at('2026-01-01T00:00:00Z'), 0)).toBeNull();
  });

  it.each([
    ['0 0 9 * *', 'expected 6 fields (second minute hour day-of-month month day-of-week), found 5'],
    ['0 0 25 * * *', "'25' is not a valid hour (0-23)"],
    ['0 0 9 * * FUNDAY', "'FUNDAY' is not a valid day of week (0-7)"],
    ['0 0 9 L * *', "'L', 'W' and '#' are not supported"],
    ['0 0 9 * * MON#2', "'L', 'W' and '#' are not supported"],
    ['0 */0 9 * * *', "'*/0' has an invalid step"],
  ])('rejects %s: %s', (text, reason) => {
    const parsed = parseCron(text);
    expect(parsed).toMatchObject({ ok: false, code: 'INVALID_CRON' });
    expect(!parsed.ok && parsed.message).toBe(`Invalid cron expression '${text}': ${reason}`);
  });
});
