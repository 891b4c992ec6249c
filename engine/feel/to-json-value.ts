/**
 * Converts a feelin result into the JSON value Zeebe would store: temporals become strings (see
 * java-temporal-format.ts), contexts plain objects, functions and ranges `null` (Zeebe writes nil
 * for values it cannot serialise), non-finite numbers `null`.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  type TemporalStyle,
} from './java-temporal-format.js';
import type { FeelWarning, JsonValue } from './types.js';

/**
 * @param value a value produced by feelin or by one of our functions
 * @param warnings receives a `NOT_SERIALIZABLE` warning for each value that became `null`
 * @param style `toString` for variables, `iso` for `to json()`
 */
export function toJsonValue(
  value: unknown,
  warnings: FeelWarning[] = [],
  style: TemporalStyle = 'toString',
): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return Number(value);
    default:
      break;
  }
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item, warnings, style));
  if (value instanceof FeelDateTime) return formatDateTime(value, style);
  if (value instanceof FeelDate) return formatDate(value);
  if (value instanceof FeelTime) return formatTime(value, style);
  if (value instanceof FeelDuration) return formatDuration(value);
  if (isFunction(value) || isRange(value) || typeof value === 'function') {
    warnings.push({
      type: 'NOT_SERIALIZABLE',
      message: `A ${isRange(value) ? 'range' : 'function'} cannot be stored as a variable; it becomes null`,
    });
    return null;
  }
  if (typeof value === 'object') {
    const result: Record<string, JsonValue> = {};
    for (const [key, entry] of Object.entries(value))
      result[key] = toJsonValue(entry, warnings, style);
    return result;
  }
  return null;
}
