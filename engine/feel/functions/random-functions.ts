/**
 * `random number()` and `uuid()` from the injected random source (never Math.random), so that a
 * recorded history replays to the same values.
 */
import type { FunctionSession } from '../function-session.js';
import { defineFunction, type FunctionTable } from './define-function.js';

/** A version 4 UUID built from 16 random bytes. */
function uuidFrom(random: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256) & 0xff);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function randomFunctions(session: FunctionSession): FunctionTable {
  const source = (name: string): (() => number) | null =>
    session.options.random ??
    session.fail('FEEL_MISSING_SOURCE', `${name} needs a random source, but none was given`);
  return {
    'random number': defineFunction([], () => {
      const random = source('random number()');
      return random ? random() : null;
    }),
    uuid: defineFunction([], () => {
      const random = source('uuid()');
      return random ? uuidFrom(random) : null;
    }),
    // tags a value for AI integrations; the engine returns it unchanged (Camunda 8.8)
    fromAi: defineFunction(
      ['value', 'description', 'type', 'schema', 'options'],
      (value) => value ?? null,
    ),
  };
}
