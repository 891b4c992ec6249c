import type { ScheduleResult, TimeLanguage, TimerSchedule } from './time-language.js';

/**
 * A small ISO 8601 reader for timer definitions: date-times with zone, durations
 * (`P1Y2M3DT4H5M6.5S`, `P2W`) and repeating intervals (`R3/PT10M`, `R/start/PT1H`). It keeps
 * the engine running on the time port until the full `engine/time/` module is wired in.
 */
export const isoTimeLanguage: TimeLanguage = {
  firstFiring(kind, text, now): ScheduleResult {
    const value = text.trim();
    if (kind === 'timeDate') {
      const at = parseDateTime(value);
      return at === undefined
        ? fail(`invalid timeDate '${value}'`)
        : ok({ dueDate: at, repetitions: 1 });
    }
    if (kind === 'timeDuration') {
      const due = addDuration(now, value);
      return due === undefined
        ? fail(`invalid timeDuration '${value}'`)
        : ok({ dueDate: due, repetitions: 1 });
    }
    const cycle = parseCycle(value);
    if (!cycle) return fail(`invalid timeCycle '${value}' (expected R[n]/[start/]duration)`);
    const base = cycle.start ?? now;
    const dueDate = cycle.start !== undefined ? cycle.start : addDuration(base, cycle.duration);
    if (dueDate === undefined) return fail(`invalid duration in timeCycle '${value}'`);
    return ok({ dueDate, repetitions: cycle.repetitions });
  },
  nextFiring(text, previousDue, repetitionsLeft): TimerSchedule | undefined {
    const cycle = parseCycle(text.trim());
    if (!cycle) return undefined;
    const left = repetitionsLeft < 0 ? -1 : repetitionsLeft - 1;
    if (left === 0) return undefined;
    const due = addDuration(previousDue, cycle.duration);
    return due === undefined ? undefined : { dueDate: due, repetitions: left };
  },
  parseDateTime,
};

function ok(schedule: TimerSchedule): ScheduleResult {
  return { ok: true, schedule };
}
function fail(message: string): ScheduleResult {
  return { ok: false, message };
}

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/;

function parseDateTime(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  const at = Date.parse(trimmed.replace(/\[[^\]]+\]$/, ''));
  return Number.isNaN(at) ? undefined : at;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function addDuration(from: number, text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, y, mo, w, d, h, mi, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(from);
  if (y || mo) date.setUTCMonth(date.getUTCMonth() + (mo ?? 0) + 12 * (y ?? 0));
  const days = (w ?? 0) * 7 + (d ?? 0);
  return (
    date.getTime() +
    ((days * 24 + (h ?? 0)) * 60 + (mi ?? 0)) * 60_000 +
    Math.round((s ?? 0) * 1000)
  );
}

interface Cycle {
  repetitions: number;
  start?: number;
  duration: string;
}

function parseCycle(text: string): Cycle | undefined {
  const parts = text.split('/');
  const head = parts[0] ?? '';
  if (!/^R\d*$/.test(head) || parts.length < 2 || parts.length > 3) return undefined;
  const repetitions = head === 'R' ? -1 : Number(head.slice(1));
  if (repetitions === 0) return undefined;
  const duration = parts[parts.length - 1] ?? '';
  if (addDuration(0, duration) === undefined) return undefined;
  if (parts.length === 3) {
    const start = parseDateTime(parts[1] ?? '');
    if (start === undefined) return undefined;
    return { repetitions, start, duration };
  }
  return { repetitions, duration };
}
