/**
 * Timer scheduling in the shape of the core's `TimeLanguage` port
 * (engine/core/time/time-language.ts): the first firing of a timer definition and the firing
 * after it, with the repetitions left. Zeebe counts the same way: a timer record carries its
 * remaining repetitions (`R3` starts at 3, `-1` is unbounded).
 */
import { nextFire, parseCycle, type TimerCycle } from './cycle.js';
import { addDuration, parseDuration } from './duration.js';
import { parseTimeDate } from './time-date.js';

/** When a timer fires and how many firings are left including this one (-1: unbounded). */
export interface TimerSchedule {
  readonly dueDate: number;
  readonly repetitions: number;
}

export type ScheduleResult = { ok: true; schedule: TimerSchedule } | { ok: false; message: string };

export type TimerKind = 'timeDate' | 'timeDuration' | 'timeCycle';

const UNBOUNDED = -1;

function repetitionsOf(cycle: TimerCycle): number {
  return cycle.kind === 'cron' || cycle.repetitions === null ? UNBOUNDED : cycle.repetitions;
}

/** The first firing of a timer definition read at `now`; the failure message names the text. */
export function firstFiring(kind: TimerKind, text: string, now: number): ScheduleResult {
  if (kind === 'timeDate') {
    const date = parseTimeDate(text);
    return date.ok
      ? { ok: true, schedule: { dueDate: date.value.epochMillis, repetitions: 1 } }
      : date;
  }
  if (kind === 'timeDuration') {
    const duration = parseDuration(text);
    return duration.ok
      ? { ok: true, schedule: { dueDate: addDuration(now, duration.value), repetitions: 1 } }
      : duration;
  }
  const cycle = parseCycle(text);
  if (!cycle.ok) return cycle;
  const repetitions = repetitionsOf(cycle.value);
  const dueDate = repetitions === 0 ? null : nextFire(cycle.value, now, 0);
  if (dueDate === null)
    return { ok: false, message: `Invalid time cycle '${text}': it never fires` };
  return { ok: true, schedule: { dueDate, repetitions } };
}

/**
 * The firing after `previousDue` with `repetitionsLeft` counting the one that just fired, or
 * `undefined` when the cycle is exhausted. `now` (default `previousDue`) moves an overdue
 * occurrence to one interval after now, as Zeebe does after downtime.
 */
export function nextFiring(
  cycleText: string,
  previousDue: number,
  repetitionsLeft: number,
  now: number = previousDue,
): TimerSchedule | undefined {
  const cycle = parseCycle(cycleText);
  if (!cycle.ok) return undefined;
  const left = repetitionsLeft < 0 ? UNBOUNDED : repetitionsLeft - 1;
  if (left === 0) return undefined;
  // firedCount 1: the next occurrence follows the previous due date
  const dueDate = nextFire(
    cycle.value.kind === 'cron' ? cycle.value : { ...cycle.value, repetitions: null },
    previousDue,
    1,
    now,
  );
  return dueDate === null ? undefined : { dueDate, repetitions: left };
}

/** Parses a timer date-time (offset required) to epoch milliseconds, `undefined` when invalid. */
export function parseDateTime(text: string): number | undefined {
  const date = parseTimeDate(text);
  return date.ok ? date.value.epochMillis : undefined;
}

/** All three, as one object for the core's port. */
export const timeLanguage = { firstFiring, nextFiring, parseDateTime };
