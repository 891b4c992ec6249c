/**
 * Typed evaluation for the places where an element needs a value of one type: sequence flow
 * conditions (boolean), job type (string), retries (integer), correlation keys (string or
 * number), candidate groups (list of strings), input collections (list), timers (date-time,
 * duration, cycle) and due dates. A result of another type fails with the message Zeebe 8.8's
 * ExpressionProcessor gives, warnings included, so incidents read the same as on Camunda 8.
 */
import { FeelDateTime, FeelDuration } from 'feelin';
import {
  parseCycle,
  parseDuration,
  parseTimeDate,
  type IsoDuration,
  type TimerCycle,
} from '../time/index.js';
import { evaluateRaw, withWarnings } from './evaluate.js';
import { formatDuration, formatZonedInstant } from './java-temporal-format.js';
import { resultTypeOf, type ResultType } from './result-type.js';
import { toJsonValue } from './to-json-value.js';
import type {
  EvaluateOptions,
  FeelFailureCode,
  FeelResult,
  FeelWarning,
  JsonValue,
  Variables,
} from './types.js';

/** A point in time from a date-time expression, with the text Zeebe would store. */
export interface DateTimeValue {
  readonly epochMillis: number;
  /** Java ZonedDateTime form: `2026-12-01T10:00Z`, `2026-12-01T10:00+01:00[Europe/Berlin]` */
  readonly iso: string;
}

type Converter<T> = (raw: unknown, type: ResultType, warnings: FeelWarning[]) => FeelResult<T>;

const ok = <T>(value: T, warnings: readonly FeelWarning[]): FeelResult<T> => ({
  ok: true,
  value,
  warnings,
});

function fail<T>(
  code: FeelFailureCode,
  message: string,
  warnings: readonly FeelWarning[],
): FeelResult<T> {
  return { ok: false, code, message: withWarnings(message, warnings), warnings };
}

/** Zeebe's type-check message: `to be 'STRING'`, or `to be one of '[DURATION, PERIOD, STRING]'`. */
function unexpectedType<T>(
  source: string,
  expected: readonly ResultType[],
  actual: ResultType,
  warnings: readonly FeelWarning[],
) {
  const wanted = expected.length === 1 ? `'${expected[0]}'` : `one of '[${expected.join(', ')}]'`;
  return fail<T>(
    'FEEL_UNEXPECTED_TYPE',
    `Expected result of the expression '${source}' to be ${wanted}, but was '${actual}'.`,
    warnings,
  );
}

function evaluateAs<T>(
  source: string,
  variables: Variables,
  options: EvaluateOptions,
  expected: readonly ResultType[],
  convert: Converter<T>,
): FeelResult<T> {
  const result = evaluateRaw(source, variables, options);
  if (!result.ok) return result;
  const type = resultTypeOf(result.raw);
  if (!expected.includes(type)) return unexpectedType<T>(source, expected, type, result.warnings);
  return convert(result.raw, type, result.warnings);
}

/** A sequence flow or completion condition: anything but `true`/`false` is a failure. */
export function evaluateBoolean(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<boolean> {
  return evaluateAs(source, variables, options, ['BOOLEAN'], (raw, _t, w) => ok(raw as boolean, w));
}

/** A string: job type, assignee, form key, message name, called process id, error code. */
export function evaluateString(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<string> {
  return evaluateAs(source, variables, options, ['STRING'], (raw, _t, w) => ok(raw as string, w));
}

/** A number (a JS double). */
export function evaluateNumber(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<number> {
  return evaluateAs(source, variables, options, ['NUMBER'], (raw, _t, w) => ok(raw as number, w));
}

/** A whole number, e.g. job retries; `2.5` fails as in Zeebe. */
export function evaluateInteger(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<number> {
  return evaluateAs(source, variables, options, ['NUMBER'], (raw, _t, w) =>
    Number.isInteger(raw)
      ? ok(raw as number, w)
      : fail(
          'FEEL_UNEXPECTED_TYPE',
          `Expected result of the expression '${source}' to be an integer, but was a decimal.`,
          w,
        ),
  );
}

/** A list of any JSON values, e.g. a multi-instance input collection. */
export function evaluateList(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<JsonValue[]> {
  return evaluateAs(source, variables, options, ['ARRAY'], (raw, _t, w) => {
    const warnings = [...w];
    return ok(toJsonValue(raw, warnings) as JsonValue[], warnings);
  });
}

/**
 * A list of strings, e.g. candidate groups or users. As in Zeebe 8.8 a single string is not
 * accepted: write `=["case:" + caseId]`, not `="case:" + caseId`.
 */
export function evaluateStringList(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<string[]> {
  return evaluateAs(source, variables, options, ['ARRAY'], (raw, _t, w) =>
    (raw as unknown[]).every((item) => typeof item === 'string')
      ? ok(raw as string[], w)
      : fail(
          'FEEL_UNEXPECTED_TYPE',
          `Expected result of the expression '${source}' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.`,
          w,
        ),
  );
}

/** A context, e.g. the result of variable mappings; returned as a plain JSON object. */
export function evaluateContext(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<Record<string, JsonValue>> {
  return evaluateAs(source, variables, options, ['OBJECT'], (raw, _t, w) => {
    const warnings = [...w];
    return ok(toJsonValue(raw, warnings) as Record<string, JsonValue>, warnings);
  });
}

/** A message correlation key: a string, or a number turned into its whole-number text. */
export function evaluateCorrelationKey(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<string> {
  const result = evaluateRaw(source, variables, options);
  if (!result.ok) return result;
  const type = resultTypeOf(result.raw);
  if (type === 'STRING') return ok(result.raw as string, result.warnings);
  if (type === 'NUMBER') return ok(String(Math.trunc(result.raw as number)), result.warnings);
  return fail(
    'FEEL_UNEXPECTED_TYPE',
    `Failed to extract the correlation key for '${source}': The value must be either a string or a number, but was '${type}'.`,
    result.warnings,
  );
}

/**
 * A point in time: a FEEL date and time or a string in Java's ZonedDateTime format (offset
 * required). A local date-time counts as UTC, the engine's zone. With `nullable` (due and
 * follow-up dates), `null` and `""` give `null` instead of failing.
 */
export function evaluateDateTime(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions & { readonly nullable?: boolean } = {},
): FeelResult<DateTimeValue | null> {
  const expected: ResultType[] = options.nullable
    ? ['NULL', 'DATE_TIME', 'STRING']
    : ['DATE_TIME', 'STRING'];
  return evaluateAs(
    source,
    variables,
    options,
    expected,
    (raw, type, w): FeelResult<DateTimeValue | null> => {
      if (type === 'NULL' || (options.nullable && raw === '')) return ok(null, w);
      if (raw instanceof FeelDateTime) {
        const zone = raw.zone === null || raw.zone === 'Z' ? 'UTC' : raw.zone;
        const epochMillis = raw.unwrap().toZonedDateTime(zone).epochMilliseconds;
        return ok({ epochMillis, iso: formatZonedInstant(epochMillis, zone) }, w);
      }
      const parsed = parseTimeDate(raw as string);
      if (!parsed.ok)
        return fail(
          'FEEL_INVALID_FORMAT',
          `Invalid date-time format '${String(raw)}' for expression '${source}'.`,
          w,
        );
      const zone =
        parsed.value.zone ?? (parsed.value.offset === '+00:00' ? 'UTC' : parsed.value.offset);
      return ok(
        {
          epochMillis: parsed.value.epochMillis,
          iso: formatZonedInstant(parsed.value.epochMillis, zone),
        },
        w,
      );
    },
  );
}

/**
 * A FEEL duration as a timer interval: years and months are calendar months (Java Period), a
 * days-and-time duration is exact elapsed time (Java Duration: `duration("P1D")` is 24 hours),
 * as in Zeebe's ExpressionProcessor.
 */
function intervalOf(value: FeelDuration): IsoDuration {
  const d = value.unwrap();
  const text = formatDuration(value);
  if (value.yearsMonths) return { years: d.years, months: d.months, days: 0, exactMillis: 0, text };
  const seconds = (((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds;
  return { years: 0, months: 0, days: 0, exactMillis: seconds * 1000 + d.milliseconds, text };
}

/** A timer duration: a FEEL duration or an ISO 8601 duration string (`PT10M`, `P1M`). */
export function evaluateInterval(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<IsoDuration> {
  return evaluateAs(
    source,
    variables,
    options,
    ['DURATION', 'PERIOD', 'STRING'],
    (raw, _t, w): FeelResult<IsoDuration> => {
      if (raw instanceof FeelDuration) return ok(intervalOf(raw), w);
      const parsed = parseDuration(raw as string);
      return parsed.ok
        ? ok(parsed.value, w)
        : fail(
            'FEEL_INVALID_FORMAT',
            `Invalid duration format '${String(raw)}' for expression '${source}'.`,
            w,
          );
    },
  );
}

/** A timer cycle: a string with an ISO 8601 repeating interval or a cron expression. */
export function evaluateCycle(
  source: string,
  variables: Variables = {},
  options: EvaluateOptions = {},
): FeelResult<TimerCycle> {
  return evaluateAs(
    source,
    variables,
    options,
    ['STRING'],
    (raw, _t, w): FeelResult<TimerCycle> => {
      const parsed = parseCycle(raw as string);
      return parsed.ok
        ? ok(parsed.value, w)
        : fail('FEEL_INVALID_FORMAT', `${parsed.message} (expression '${source}')`, w);
    },
  );
}
