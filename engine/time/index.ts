/**
 * ISO 8601 timers for the engine, pure: no clock is read, every instant is passed in.
 *
 * @example
 * import { parseCycle, nextFire, parseDuration, addDuration, parseTimeDate } from '../time/index.js';
 *
 * const cycle = parseCycle('R3/PT10M');
 * if (cycle.ok) nextFire(cycle.value, createdAt, 0); // createdAt + 10 minutes
 *
 * const due = parseDuration('P1M');
 * if (due.ok) addDuration(Date.UTC(2026, 0, 31), due.value); // 2026-02-28T00:00:00Z
 *
 * parseTimeDate('2026-12-01T10:00:00+01:00[Europe/Berlin]'); // { ok: true, value: { epochMillis, ... } }
 */
export { parseTimeDate, type TimeDate } from './time-date.js';
export { parseDuration, addDuration, isCalendarBased, type IsoDuration } from './duration.js';
export {
  parseCycle,
  nextFire,
  type TimerCycle,
  type RepeatingCycle,
  type CronCycle,
} from './cycle.js';
export { parseCron, nextCronFire, type CronSchedule } from './cron.js';
export { ENGINE_TIME_ZONE, isValidTimeZone } from './time-zone.js';
export type { TimeResult, TimeErrorCode } from './time-result.js';
export {
  firstFiring,
  nextFiring,
  parseDateTime,
  timeLanguage,
  type TimerSchedule,
  type ScheduleResult,
  type TimerKind,
} from './timer-schedule.js';
