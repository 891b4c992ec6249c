/**
 * Cron timer cycles in Spring's six-field syntax, which Zeebe 8.8 accepts for `timeCycle`:
 * `second minute hour day-of-month month day-of-week`, e.g. `0 0 9-17 * * MON-FRI`, with `*`,
 * `?`, lists, ranges, steps (`*\/15`), month and day names, and the macros `@yearly`,
 * `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`. Evaluated in UTC, the
 * zone of Camunda's images. Not supported (rejected with a message): `L`, `W` and `#`.
 * Day of month and day of week must both match, as in Spring. Written by hand: the cron packages
 * on npm read the system clock or use five fields.
 */
import { failure, success, type TimeResult } from './time-result.js';

/** The allowed values of each field. */
export interface CronSchedule {
  readonly seconds: ReadonlySet<number>;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday ... 6 = Saturday */
  readonly daysOfWeek: ReadonlySet<number>;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};
const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** names mapped to values, e.g. JAN = 1 */
  readonly names?: readonly string[];
  readonly nameOffset?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, nameOffset: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, nameOffset: 0 },
];

function parseValue(text: string, spec: FieldSpec): number | null {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (spec.nameOffset ?? 0);
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : null;
}

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText, extra] = part.split('/');
    if (extra !== undefined) return `'${part}' has more than one step`;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) return `'${part}' has an invalid step`;
    let from: number | null;
    let to: number | null;
    if (range === '*' || range === '?') {
      [from, to] = [spec.min, spec.max];
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [from, to] = [parseValue(a, spec), parseValue(b, spec)];
    } else {
      from = parseValue(range, spec);
      to = stepText === undefined ? from : spec.max;
    }
    if (from === null || to === null || from > to)
      return `'${part}' is not a valid ${spec.name} (${spec.min}-${spec.max})`;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** Parses a six-field cron expression or macro; the failure names the text and the field. */
export function parseCron(text: string): TimeResult<CronSchedule> {
  const expanded = MACROS[text.trim().toLowerCase()] ?? text.trim();
  const invalid = (reason: string): TimeResult<CronSchedule> =>
    failure('INVALID_CRON', `Invalid cron expression '${text}': ${reason}`);
  const parts = expanded.split(/\s+/);
  if (parts.length !== 6)
    return invalid(
      `expected 6 fields (second minute hour day-of-month month day-of-week), found ${parts.length}`,
    );
  if (
    /[LW#]/i.test(parts[3]!.replace(/[a-z]{3}/gi, '')) ||
    /[L#]/.test(parts[5]!.replace(/[a-z]{3}/gi, ''))
  ) {
    return invalid("'L', 'W' and '#' are not supported");
  }
  const sets: Set<number>[] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const parsed = parseField(parts[index]!, spec);
    if (typeof parsed === 'string') return invalid(parsed);
    sets.push(parsed);
  }
  const [seconds, minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (daysOfWeek.delete(7)) daysOfWeek.add(0); // 7 is Sunday too
  return success({ seconds, minutes, hours, daysOfMonth, months, daysOfWeek });
}

/** The first whole second strictly after `after` that matches, in UTC; `null` if none within ~8 years. */
export function nextCronFire(schedule: CronSchedule, after: number): number | null {
  let t = Math.floor(after / 1000) * 1000 + 1000;
  for (let step = 0; step < 200_000; step++) {
    const d = new Date(t);
    const [y, mo, day, h, mi] = [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
    ];
    if (!schedule.months.has(mo + 1)) t = Date.UTC(y, mo + 1, 1);
    else if (!schedule.daysOfMonth.has(day) || !schedule.daysOfWeek.has(d.getUTCDay()))
      t = Date.UTC(y, mo, day + 1);
    else if (!schedule.hours.has(h)) t = Date.UTC(y, mo, day, h + 1);
    else if (!schedule.minutes.has(mi)) t = Date.UTC(y, mo, day, h, mi + 1);
    else if (!schedule.seconds.has(d.getUTCSeconds())) t += 1000;
    else return t;
  }
  return null;
}
