/**
 * Context functions: `get value` with a key path (Camunda extension; feelin takes one key),
 * `context put` that creates missing nested contexts (feelin's rejects them), and
 * the deprecated but still accepted `put` and `put all` (aliases of `context put` and
 * `context merge`; Zeebe's own output mappings were built on `put all`).
 */
import type { FunctionSession } from '../function-session.js';
import { defineFunction, describe, isContext, type FunctionTable } from './define-function.js';

function putPath(
  context: Record<string, unknown>,
  keys: string[],
  value: unknown,
): Record<string, unknown> {
  const [key, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) return { ...context, [key]: value };
  const nested = context[key];
  return { ...context, [key]: putPath(isContext(nested) ? nested : {}, rest, value) };
}

export function contextFunctions(session: FunctionSession): FunctionTable {
  const expectContext = (name: string, value: unknown): value is Record<string, unknown> =>
    isContext(value) ||
    (session.warn('INVALID_TYPE', `${name} expects a context, got ${describe(value)}`), false);

  const putEntry = (
    name: string,
    context: unknown,
    key: unknown,
    value: unknown,
  ): Record<string, unknown> | null => {
    if (!expectContext(name, context)) return null;
    const keys: unknown[] = Array.isArray(key) ? key : [key];
    if (keys.length === 0 || keys.some((k) => typeof k !== 'string')) {
      return session.warn(
        'INVALID_ARGUMENTS',
        `${name} expects a string key or a list of them, got ${describe(key)}`,
      );
    }
    return putPath(context, keys as string[], value ?? null);
  };

  return {
    'get value': defineFunction(['context', 'key'], (context, key) => {
      if (!expectContext('get value(context, key)', context)) return null;
      const keys: unknown[] = Array.isArray(key) ? key : [key];
      if (keys.length === 0 || keys.some((k) => typeof k !== 'string')) return null;
      let current: unknown = context;
      for (const k of keys as string[]) {
        if (!isContext(current) || !Object.hasOwn(current, k)) return null;
        current = current[k];
      }
      return current ?? null;
    }),
    // creates missing nested contexts: context put({x:1}, ["y", "z"], 2) = {x:1, y:{z:2}} (Camunda docs)
    'context put': defineFunction(
      ['context', 'key', 'value', 'keys'],
      (context, key, value, keys) =>
        putEntry('context put(context, key, value)', context, key ?? keys, value),
    ),
    put: defineFunction(['context', 'key', 'value'], (context, key, value) =>
      putEntry('put(context, key, value)', context, key, value),
    ),
    'put all': defineFunction(['...contexts'], (...args: unknown[]) => {
      const contexts = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      if (!contexts.every((c) => expectContext('put all(contexts)', c))) return null;
      return Object.assign({}, ...contexts) as Record<string, unknown>;
    }),
  };
}
