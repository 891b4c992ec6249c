/**
 * ISO 8601 durations for timers, with Zeebe's semantics (`Interval` in zeebe bpmn-model): the
 * text splits into a calendar part (years, months, weeks, days; Java `Period`) and an exact part
 * (hours, minutes, seconds; Java `Duration`). Adding it to an instant moves the calendar part on
 * the wall clock of a zone (months clamp to the month's last day: Jan 31 + P1M = Feb 28/29; a day
 * stays a calendar day across DST) and then adds the exact part in elapsed time.
 *
 * Zone choice: Zeebe uses the JVM's default zone, which is UTC in Camunda's images; we use UTC
 * unless the timer names a zone (a cycle's start date with `[Europe/Berlin]`, or the caller's
 * `zone` argument).
 */
import { Temporal } from 'temporal-polyfill';
import { failure, success, type TimeResult } from './time-result.js';
import { ENGINE_TIME_ZONE, resolveLocal } from './time-zone.js';

/** A parsed ISO 8601 duration. Every field carries its sign; weeks are folded into days. */
export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly days: number;
  /** hours, minutes and seconds as elapsed milliseconds */
  readonly exactMillis: number;
  readonly text: string;
}

const DURATION =
  /^([+-])?P(?:([+-]?\d+)Y)?(?:([+-]?\d+)M)?(?:([+-]?\d+)W)?(?:([+-]?\d+)D)?(?:T(?:([+-]?\d+)H)?(?:([+-]?\d+)M)?(?:([+-]?\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

/** Parses `PT10M`, `P14D`, `P1Y2M`, `P1DT12H`, `P2W`, `-PT1H`, `PT0.5S`. */
export function parseDuration(text: string): TimeResult<IsoDuration> {
  const match = DURATION.exec(text.trim());
  const hasTimePart = /T/i.test(text);
  const invalid = (): TimeResult<IsoDuration> =>
    failure(
      'INVALID_DURATION',
      `Invalid duration '${text}': expected an ISO 8601 duration such as PT10M, P14D or P1Y2M`,
    );
  if (!match) return invalid();
  const [, sign, y, mo, w, d, h, mi, s, fraction] = match;
  if ([y, mo, w, d, h, mi, s].every((part) => part === undefined)) return invalid();
  if (hasTimePart && [h, mi, s].every((part) => part === undefined)) return invalid();
  const factor = sign === '-' ? -1 : 1;
  const int = (part: string | undefined): number =>
    part === undefined ? 0 : Number(part) * factor;
  const secondsSign = s?.startsWith('-') ? -1 : 1;
  const fractionMillis =
    fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000) * secondsSign * factor;
  return success({
    years: int(y),
    months: int(mo),
    days: int(w) * 7 + int(d),
    exactMillis: ((int(h) * 60 + int(mi)) * 60 + int(s)) * 1000 + fractionMillis,
    text,
  });
}

/** Whether the duration has a calendar part (years, months or days). */
export function isCalendarBased(duration: IsoDuration): boolean {
  return duration.years !== 0 || duration.months !== 0 || duration.days !== 0;
}

/**
 * The instant `duration` after `epochMillis`. The calendar part moves on the wall clock of
 * `zone` (default UTC), the exact part in elapsed time. Throws a RangeError for an unknown zone:
 * callers pass zones that parsing has already checked.
 */
export function addDuration(
  epochMillis: number,
  duration: IsoDuration,
  zone: string = ENGINE_TIME_ZONE,
): number {
  if (!isCalendarBased(duration)) return epochMillis + duration.exactMillis;
  const start = Temporal.Instant.fromEpochMilliseconds(epochMillis).toZonedDateTimeISO(zone);
  // Java's Period.addTo: total months first (clamping the day), then days
  const local = start
    .toPlainDateTime()
    .add({ months: duration.years * 12 + duration.months })
    .add({ days: duration.days });
  return resolveLocal(local, zone, start.offset).epochMilliseconds + duration.exactMillis;
}
