/**
 * Timer dates (`timeDate`), accepted exactly as Zeebe accepts them: Java's
 * `ZonedDateTime.parse` (ISO_ZONED_DATE_TIME), i.e. a date-time with an offset and an optional
 * region in brackets: `2026-12-01T10:00:00Z`, `2026-12-01T10:00:00+01:00`,
 * `2026-12-01T10:00+01:00[Europe/Berlin]`. A date-time without offset is rejected, as in Zeebe.
 */
import { Temporal } from 'temporal-polyfill';
import { failure, success, type TimeResult } from './time-result.js';
import { isValidTimeZone } from './time-zone.js';

/** A parsed timer date. */
export interface TimeDate {
  /** the instant it denotes */
  readonly epochMillis: number;
  /** the offset written in the text, `+00:00` for `Z` */
  readonly offset: string;
  /** the region id in brackets, if any; calendar arithmetic after this date uses it */
  readonly zone: string | null;
  readonly text: string;
}

const ZONED_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:\d{2}(?::\d{2})?)(?:\[([^\]]+)\])?$/;

/** Parses a timer date; the failure names the text and shows the accepted forms. */
export function parseTimeDate(text: string): TimeResult<TimeDate> {
  const match = ZONED_DATE_TIME.exec(text.trim());
  const invalid = (reason: string): TimeResult<TimeDate> =>
    failure(
      'INVALID_TIME_DATE',
      `Invalid time date '${text}': ${reason}; expected an ISO 8601 date-time with offset such as ` +
        `2026-12-01T10:00:00Z, 2026-12-01T10:00:00+01:00 or 2026-12-01T10:00:00+01:00[Europe/Berlin]`,
    );
  if (!match) return invalid('not an ISO 8601 date-time with offset');
  const [, year, month, day, hour, minute, second, fraction, offsetText, zone] = match;
  const offset = offsetText === 'Z' || offsetText === 'z' ? '+00:00' : offsetText!;
  if (zone !== undefined && !isValidTimeZone(zone)) return invalid(`unknown time zone '${zone}'`);
  const nanos = Number((fraction ?? '').padEnd(9, '0'));
  try {
    const zoned = Temporal.ZonedDateTime.from(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second ?? 0),
        millisecond: Math.floor(nanos / 1e6),
        microsecond: Math.floor(nanos / 1e3) % 1e3,
        nanosecond: nanos % 1e3,
        offset,
        timeZone: zone ?? offset,
      },
      // like Java: the written offset fixes the instant, the region only names the zone
      { overflow: 'reject', offset: 'use' },
    );
    return success({ epochMillis: zoned.epochMilliseconds, offset, zone: zone ?? null, text });
  } catch {
    return invalid('not a valid calendar date or time');
  }
}
