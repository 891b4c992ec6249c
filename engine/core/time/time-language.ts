/**
 * The ISO 8601 timer arithmetic the core depends on (dates, durations, repeating cycles). It
 * mirrors `engine/time/`, kept as a port so the core's timer behaviour is testable alone.
 */

/** When a timer fires and whether it repeats. */
export interface TimerSchedule {
  /** Epoch milliseconds of the next firing. */
  readonly dueDate: number;
  /** Firings left including this one; -1 for an unbounded cycle (`R/PT1H`). */
  readonly repetitions: number;
}

/** Result of reading a timer definition. */
export type ScheduleResult = { ok: true; schedule: TimerSchedule } | { ok: false; message: string };

/** ISO 8601 timer arithmetic. */
export interface TimeLanguage {
  /** First firing of a `timeDate`, `timeDuration` or `timeCycle` value, seen at `now`. */
  firstFiring(
    kind: 'timeDate' | 'timeDuration' | 'timeCycle',
    text: string,
    now: number,
  ): ScheduleResult;
  /** The firing after `previousDue` for a cycle (undefined when the cycle is exhausted). */
  nextFiring(
    cycle: string,
    previousDue: number,
    repetitionsLeft: number,
  ): TimerSchedule | undefined;
  /** Parses an ISO 8601 date-time (with zone) to epoch ms, undefined when invalid. */
  parseDateTime(text: string): number | undefined;
}
