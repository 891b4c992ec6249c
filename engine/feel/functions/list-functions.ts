/** Camunda's list extensions that feelin lacks: `is empty`, `duplicate values`, `partition`. */
import type { FunctionSession } from '../function-session.js';
import { toJsonValue } from '../to-json-value.js';
import { defineFunction, describe, type FunctionTable } from './define-function.js';

/** Structural equality over FEEL values, comparing temporals by their serialised form. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(toJsonValue(a)) === JSON.stringify(toJsonValue(b));
}

export function listFunctions(session: FunctionSession): FunctionTable {
  const expectList = (name: string, value: unknown): value is unknown[] =>
    Array.isArray(value) ||
    (session.warn('INVALID_TYPE', `${name} expects a list, got ${describe(value)}`), false);

  return {
    'is empty': defineFunction(['list'], (list) =>
      expectList('is empty(list)', list) ? list.length === 0 : null,
    ),
    'duplicate values': defineFunction(['list'], (list) => {
      if (!expectList('duplicate values(list)', list)) return null;
      const duplicates: unknown[] = [];
      list.forEach((item, index) => {
        const repeated =
          list.findIndex((other, otherIndex) => otherIndex > index && sameValue(item, other)) >= 0;
        if (repeated && !duplicates.some((seen) => sameValue(seen, item))) duplicates.push(item);
      });
      return duplicates;
    }),
    partition: defineFunction(['list', 'size'], (list, size) => {
      if (!expectList('partition(list, size)', list)) return null;
      if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
        return session.warn(
          'INVALID_ARGUMENTS',
          `partition(list, size) expects a positive whole size, got ${describe(size)}`,
        );
      }
      const parts: unknown[][] = [];
      for (let start = 0; start < list.length; start += size)
        parts.push(list.slice(start, start + size));
      return parts;
    }),
  };
}
