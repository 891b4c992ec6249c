/**
 * Instants for the plausibility rules: everything is compared as epoch milliseconds, so a
 * daylight-saving change (a 23- or 25-hour day) is counted in real hours.
 *
 * Accepted inputs:
 * - a `Date`;
 * - an ISO 8601 timestamp with an offset or `Z` (`2024-03-31T01:30:00+01:00`);
 * - an ISO 8601 calendar date (`2024-03-31`): midnight at the start of that day in the time zone
 *   of the rules (Europe/Berlin unless told otherwise).
 * A timestamp without an offset is refused: local times are ambiguous once a year (the hour
 * that repeats in October) and unknown to the rules anyway.
 *
 * Written by hand because `Date.parse` is lenient (it accepts offset-less local times and rolls
 * 2024-02-30 over to March) and the date libraries do the same by default; Temporal is not in
 * Node 20.
 *
 * @example
 *   toEpochMs('2024-03-31T03:00:00+02:00'); // 1711846800000
 *   toEpochMs('2024-03-31'); // midnight in Berlin, 2024-03-30T23:00:00Z
 *   periodBounds({ from: '2024-01-01', to: '2024-12-31' }); // end = 2025-01-01 00:00 Berlin
 */

/** A point in time as the rules accept it. */
export type TimeInput = string | Date;

/** The time zone in which calendar dates are read unless a caller says otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** A reporting period: `from` inclusive; `to` a calendar date (inclusive day) or an exclusive instant. */
export interface PeriodInput {
  from: TimeInput;
  to: TimeInput;
}

/** A period as half-open interval of epoch milliseconds, `[startMs, endMs)`. */
export interface PeriodBounds {
  startMs: number;
  endMs: number;
}

/** One input of the rules is not usable at all (not a finding about the data: a caller bug). */
export class RuleInputError extends Error {
  readonly code = 'RULE_INPUT_INVALID';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'RuleInputError';
  }
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Epoch millis of a timestamp or calendar date, or `null` when it is not a valid one. */
export function toEpochMs(value: TimeInput, timeZone = DEFAULT_TIME_ZONE): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value !== 'string') return null;
  const date = DATE_ONLY.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return isRealDate(year, month, day) ? zonedMidnight(year, month, day, timeZone) : null;
  }
  const stamp = TIMESTAMP.exec(value);
  if (!stamp) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(stamp[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(stamp[6] ?? 0);
  const millis = Number(((stamp[7] ?? '') + '000').slice(0, 3));
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offset = parseOffset(stamp[8] as string);
  if (offset === null) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}

/** True when `value` is a calendar date without a time (`YYYY-MM-DD`). */
export function isCalendarDate(value: TimeInput): value is string {
  return typeof value === 'string' && DATE_ONLY.test(value);
}

/**
 * The period as `[startMs, endMs)`. A calendar date as `to` means the whole of that day (the end
 * is the next midnight), as people read "01.01.2024 bis 31.12.2024".
 *
 * @throws RuleInputError naming `period.from` or `period.to` when one is not a valid time or the
 *   period is empty.
 */
export function periodBounds(period: PeriodInput, timeZone = DEFAULT_TIME_ZONE): PeriodBounds {
  const startMs = toEpochMs(period.from, timeZone);
  if (startMs === null) {
    throw new RuleInputError('period.from', `${JSON.stringify(period.from)} is not a valid time`);
  }
  let endMs = toEpochMs(period.to, timeZone);
  if (endMs === null) {
    throw new RuleInputError('period.to', `${JSON.stringify(period.to)} is not a valid time`);
  }
  if (isCalendarDate(period.to)) endMs = nextMidnight(period.to, timeZone);
  if (endMs <= startMs) {
    throw new RuleInputError('period.to', 'the period ends before it starts');
  }
  return { startMs, endMs };
}

/** Hours between two instants (real elapsed hours, daylight saving included). */
export function hoursBetween(startMs: number, endMs: number): number {
  return (endMs - startMs) / HOUR_MS;
}

function nextMidnight(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day) + DAY_MS);
  return zonedMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOffset(text: string): number | null {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * HOUR_MS + minutes * 60_000);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (+1 h for CET). */
function offsetAt(ms: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch (cause) {
      throw new RuleInputError(
        'timeZone',
        `${JSON.stringify(timeZone)} is not a time zone (${String(cause)})`,
      );
    }
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // "GMT" for UTC itself, else "GMT+01:00"
  return name === 'GMT' ? 0 : (parseOffset(name.slice(3)) ?? 0);
}

/** Epoch millis of 00:00 local time on a calendar day in `timeZone`. */
function zonedMidnight(year: number, month: number, day: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day);
  // Two passes: the offset that applies is the one at the local midnight, not at UTC midnight.
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}
