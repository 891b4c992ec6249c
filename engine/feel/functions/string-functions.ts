/**
 * Camunda's string extensions that feelin lacks: `extract`, `trim`, `to base64`, `is blank`, and
 * `string join` with prefix and suffix (feelin only takes list and delimiter).
 */
import type { FunctionSession } from '../function-session.js';
import { defineFunction, describe, type FunctionTable } from './define-function.js';

export function stringFunctions(session: FunctionSession): FunctionTable {
  const expectString = (name: string, value: unknown): value is string =>
    typeof value === 'string' ||
    (session.warn('INVALID_TYPE', `${name} expects a string, got ${describe(value)}`), false);

  return {
    extract: defineFunction(['string', 'pattern'], (string, pattern) => {
      if (
        !expectString('extract(string, pattern)', string) ||
        !expectString('extract(string, pattern)', pattern)
      )
        return null;
      let regexp: RegExp;
      try {
        regexp = new RegExp(pattern, 'gu');
      } catch {
        return session.warn(
          'INVALID_ARGUMENTS',
          `extract(string, pattern) expects a valid pattern, got ${describe(pattern)}`,
        );
      }
      return Array.from(string.matchAll(regexp), (match) => match[0]);
    }),
    trim: defineFunction(['string'], (string) =>
      expectString('trim(string)', string) ? string.trim() : null,
    ),
    'to base64': defineFunction(['value'], (value) =>
      expectString('to base64(value)', value)
        ? Buffer.from(value, 'utf8').toString('base64')
        : null,
    ),
    'is blank': defineFunction(['string'], (string) =>
      expectString('is blank(string)', string) ? string.trim() === '' : null,
    ),
    'string join': defineFunction(
      ['list', 'delimiter', 'prefix', 'suffix'],
      (list, delimiter, prefix, suffix) => {
        if (!Array.isArray(list))
          return session.warn(
            'INVALID_TYPE',
            `string join(list) expects a list, got ${describe(list)}`,
          );
        const invalid = list.find((item) => item !== null && typeof item !== 'string');
        if (invalid !== undefined) {
          return session.warn(
            'INVALID_ARGUMENTS',
            `string join(list) expects a list of strings, got ${describe(invalid)}`,
          );
        }
        const joined = list
          .filter((item) => item !== null)
          .join(typeof delimiter === 'string' ? delimiter : '');
        return `${typeof prefix === 'string' ? prefix : ''}${joined}${typeof suffix === 'string' ? suffix : ''}`;
      },
    ),
  };
}
