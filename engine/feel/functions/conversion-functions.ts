/**
 * Conversions: `from json` and `to json` (Camunda extensions), and `date and time` widened to
 * what Camunda accepts: `+01:00[Europe/Berlin]` strings (feelin drops such a zone) and
 * `date and time(dateTime, timezone)` (feelin lacks it). The other forms behave as feelin's.
 */
import { dateAndTime, FeelDate, FeelDateTime, FeelTime } from 'feelin';
import type { FunctionSession } from '../function-session.js';
import { toJsonValue } from '../to-json-value.js';
import { defineFunction, describe, type FunctionTable } from './define-function.js';

const BRACKETED_ZONE = /^(.*?T[^+\-Z[]*)(?:Z|[+-]\d{2}:\d{2})?\[([^\]]+)\]$/;
const FIXED_OFFSET = /^(?:Z|UTC|[+-]\d{2}:\d{2})$/;

/** Parses a date-time string; `...+01:00[Europe/Berlin]` keeps the region as Camunda does. */
function parseDateTimeText(text: string): FeelDateTime | null {
  const bracketed = BRACKETED_ZONE.exec(text);
  return dateAndTime(bracketed ? `${bracketed[1]}@${bracketed[2]}` : text);
}

/** The same instant seen in another zone (a local date-time counts as UTC, the engine's zone). */
function atZone(value: FeelDateTime, timezone: string): FeelDateTime | null {
  const zone = timezone === 'Z' ? 'UTC' : timezone;
  const local = value
    .unwrap()
    .toZonedDateTime(value.zone ?? 'UTC')
    .withTimeZone(zone)
    .toPlainDateTime()
    .toString();
  if (!FIXED_OFFSET.test(timezone)) return dateAndTime(`${local}@${timezone}`);
  return dateAndTime(`${local}${timezone === 'UTC' ? 'Z' : timezone}`);
}

function combine(date: FeelDate | FeelDateTime, time: FeelTime): FeelDateTime | null {
  const day = date instanceof FeelDateTime ? date.unwrap().toPlainDate().toString() : date.iso;
  return dateAndTime(`${day}T${time.iso}`);
}

export function conversionFunctions(session: FunctionSession): FunctionTable {
  return {
    'from json': defineFunction(['value'], (value) => {
      if (typeof value !== 'string')
        return session.warn(
          'INVALID_TYPE',
          `from json(value) expects a string, got ${describe(value)}`,
        );
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return session.warn(
          'INVALID_ARGUMENTS',
          `from json(value) expects a JSON text, got ${describe(value)}`,
        );
      }
    }),
    'to json': defineFunction(['value'], (value) =>
      JSON.stringify(toJsonValue(value, session.warnings, 'iso')),
    ),
    'date and time': defineFunction(
      ['date', 'time', 'from', 'timezone'],
      (date, time, from, timezone) => {
        const first: unknown = date ?? from;
        const second: unknown = time ?? timezone;
        let result: FeelDateTime | null = null;
        try {
          if (typeof first === 'string' && second === undefined) result = parseDateTimeText(first);
          else if (
            (first instanceof FeelDate || first instanceof FeelDateTime) &&
            second instanceof FeelTime
          )
            result = combine(first, second);
          else if (first instanceof FeelDateTime && typeof second === 'string')
            result = atZone(first, second);
        } catch {
          result = null; // an unknown zone id
        }
        if (result !== null) return result;
        const shown =
          second === undefined ? describe(first) : `${describe(first)}, ${describe(second)}`;
        return session.warn(
          'INVALID_ARGUMENTS',
          `date and time(${shown}) is not a valid date time`,
        );
      },
    ),
  };
}
