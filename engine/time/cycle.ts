/**
 * Timer cycles (`timeCycle`) as Zeebe reads them (`RepeatingInterval` in zeebe bpmn-model):
 * `R3/PT10M` (three times, ten minutes apart), `R/PT1H` (forever), `R5/2026-12-01T10:00:00Z/P1D`
 * (five times, daily from a start date). A text not starting with `R` is a cron expression
 * (see cron.ts).
 */
import { nextCronFire, parseCron, type CronSchedule } from './cron.js';
import { addDuration, parseDuration, type IsoDuration } from './duration.js';
import { parseTimeDate, type TimeDate } from './time-date.js';
import { failure, success, type TimeResult } from './time-result.js';
import { ENGINE_TIME_ZONE } from './time-zone.js';

/** A repeating ISO 8601 interval. */
export interface RepeatingCycle {
  readonly kind: 'repeating';
  /** how often the timer fires in total; `null` for `R/...` (forever) */
  readonly repetitions: number | null;
  /** the first due date, if given; its bracketed zone (if any) drives calendar arithmetic */
  readonly start: TimeDate | null;
  readonly interval: IsoDuration;
  readonly text: string;
}

/** A cron schedule (Spring's six-field syntax, as Zeebe 8.8 accepts). Fires forever. */
export interface CronCycle {
  readonly kind: 'cron';
  readonly schedule: CronSchedule;
  readonly text: string;
}

export type TimerCycle = RepeatingCycle | CronCycle;

/** Parses a timer cycle; the failure names the text. */
export function parseCycle(text: string): TimeResult<TimerCycle> {
  const trimmed = text.trim();
  if (!trimmed.startsWith('R')) {
    const cron = parseCron(trimmed);
    if (cron.ok) return success({ kind: 'cron', schedule: cron.value, text });
    return failure(
      'INVALID_CYCLE',
      `Invalid time cycle '${text}': expected an ISO 8601 repeating interval such as R3/PT10M or a cron ` +
        `expression such as 0 0 9 * * MON-FRI (${cron.message})`,
    );
  }
  const invalid = (reason: string): TimeResult<TimerCycle> =>
    failure(
      'INVALID_CYCLE',
      `Invalid time cycle '${text}': ${reason}; expected e.g. R3/PT10M, R/PT1H or R5/2026-12-01T10:00:00Z/P1D`,
    );
  const slash = trimmed.indexOf('/');
  if (slash === -1) return invalid('no interval given');
  const count = trimmed.slice(1, slash);
  if (count !== '' && !/^\d+$/.test(count))
    return invalid(`repetitions '${count}' is not a whole number`);
  const rest = trimmed.slice(slash + 1);
  const lastSlash = rest.lastIndexOf('/');
  let start: TimeDate | null = null;
  if (lastSlash > 0) {
    const parsed = parseTimeDate(rest.slice(0, lastSlash));
    if (!parsed.ok) return invalid(`start: ${parsed.message}`);
    start = parsed.value;
  }
  const interval = parseDuration(rest.slice(lastSlash + 1));
  if (!interval.ok) return invalid(interval.message);
  return success({
    kind: 'repeating',
    repetitions: count === '' ? null : Number(count),
    start,
    interval: interval.value,
    text,
  });
}

/**
 * When the timer fires next, or `null` once it has fired `repetitions` times.
 *
 * @param after for the first firing (`firedCount` 0) the moment the timer was created; afterwards
 *   the due date it last fired at
 * @param firedCount how often it has fired so far
 * @param now the current time; a next occurrence that is already overdue (the engine was down
 *   for several intervals) is moved to one interval after `now` instead of firing at once, as
 *   Zeebe does. Defaults to `after`.
 */
export function nextFire(
  cycle: TimerCycle,
  after: number,
  firedCount: number,
  now: number = after,
): number | null {
  if (cycle.kind === 'cron') return nextCronFire(cycle.schedule, Math.max(after, now));
  if (cycle.repetitions !== null && firedCount >= cycle.repetitions) return null;
  const zone = cycle.start?.zone ?? ENGINE_TIME_ZONE;
  if (firedCount === 0) {
    if (cycle.start) return Math.max(cycle.start.epochMillis, after); // a past start fires at once
    return addDuration(after, cycle.interval, zone);
  }
  const natural = addDuration(after, cycle.interval, zone);
  return natural > now ? natural : addDuration(now, cycle.interval, zone);
}
