import { describe, expect, it } from 'vitest';
import { parseTimeDate } from './time-date.js';

describe('parseTimeDate', () => {
  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00.000Z', null],
    ['2026-12-01T10:00:00+01:00', '2026-12-01T09:00:00.000Z', null],
    ['2026-12-01T10:00+01:00', '2026-12-01T09:00:00.000Z', null],
    ['2026-12-01T10:00:00.250-05:00', '2026-12-01T15:00:00.250Z', null],
    ['2026-12-01T10:00:00+01:00[Europe/Berlin]', '2026-12-01T09:00:00.000Z', 'Europe/Berlin'],
    ['2026-07-01T10:00:00+02:00[Europe/Berlin]', '2026-07-01T08:00:00.000Z', 'Europe/Berlin'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z', null],
  ])('%s is the instant %s (zone %s)', (text, instant, zone) => {
    // when
    const result = parseTimeDate(text);
    // then
    expect(result.ok && new Date(result.value.epochMillis).toISOString()).toBe(instant);
    expect(result.ok && result.value.zone).toBe(zone);
  });

  it.each([
    ['2026-12-01T10:00:00', 'not an ISO 8601 date-time with offset'],
    ['2026-12-01', 'not an ISO 8601 date-time with offset'],
    ['2026-12-01T10:00:00[Europe/Berlin]', 'not an ISO 8601 date-time with offset'],
    ['2025-02-29T00:00:00Z', 'not a valid calendar date or time'],
    ['2026-12-01T25:00:00Z', 'not a valid calendar date or time'],
    ['2026-12-01T10:00:00+01:00[Mars/Olympus]', "unknown time zone 'Mars/Olympus'"],
    ['tomorrow', 'not an ISO 8601 date-time with offset'],
  ])('rejects %s: %s', (text, reason) => {
    // when
    const result = parseTimeDate(text);
    // then
    expect(result).toMatchObject({ ok: false, code: 'INVALID_TIME_DATE' });
    expect(!result.ok && result.message).toContain(`Invalid time date '${text}': ${reason}`);
  });
});
