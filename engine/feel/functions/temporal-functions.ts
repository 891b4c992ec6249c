/**
 * Temporal functions that depend on the engine clock or are Camunda extensions: `now`, `today`
 * (from the injected clock, in UTC, never the system clock) and `last day of month`.
 */
import { dateAndTime, FeelDate, FeelDateTime, parseDate } from 'feelin';
import type { FunctionSession } from '../function-session.js';
import { defineFunction, describe, type FunctionTable } from './define-function.js';

export function temporalFunctions(session: FunctionSession): FunctionTable {
  const clock = (name: string): string | null => {
    const now = session.options.now;
    if (now === undefined)
      return session.fail(
        'FEEL_MISSING_SOURCE',
        `${name} needs the engine clock, but none was given`,
      );
    return new Date(typeof now === 'number' ? now : now.getTime()).toISOString();
  };
  return {
    now: defineFunction([], () => {
      const iso = clock('now()');
      return iso === null ? null : dateAndTime(iso);
    }),
    today: defineFunction([], () => {
      const iso = clock('today()');
      return iso === null ? null : parseDate(iso.slice(0, 10));
    }),
    'last day of month': defineFunction(['date'], (date) => {
      if (!(date instanceof FeelDate) && !(date instanceof FeelDateTime)) {
        return session.warn(
          'INVALID_TYPE',
          `last day of month(date) expects a date, got ${describe(date)}`,
        );
      }
      const day = date.unwrap();
      return parseDate(
        `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${day.daysInMonth}`,
      );
    }),
  };
}
