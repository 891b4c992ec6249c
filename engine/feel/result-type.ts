/**
 * The type of a FEEL result in Zeebe's vocabulary (`io.camunda.zeebe.el.ResultType`), used in
 * incident messages such as "Expected result of the expression 'x' to be 'STRING', but was 'NULL'."
 */
import { FeelDateTime, FeelDuration } from 'feelin';
import { isContext } from './functions/define-function.js';

export type ResultType =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'DURATION'
  | 'PERIOD'
  | 'DATE_TIME'
  | 'ARRAY'
  | 'OBJECT'
  | 'UNKNOWN';

/** Zeebe's type of a feelin value; dates, times, functions and ranges are `UNKNOWN` as in Zeebe. */
export function resultTypeOf(value: unknown): ResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (isContext(value)) return 'OBJECT';
  return 'UNKNOWN';
}
