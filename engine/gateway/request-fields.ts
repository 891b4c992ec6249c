import { GatewayRequestError } from './gateway-errors.js';
import type { Variables } from './gateway-engine.js';

/** The longest wait a Node timer can hold (about 24.8 days); a longer one would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** The tenant every command runs in: multi-tenancy is off, as in a default Zeebe installation. */
export const DEFAULT_TENANT = '<default>';

/**
 * Parses a variables document. Empty means no variables; anything else must be a JSON object,
 * as Zeebe requires, else INVALID_ARGUMENT naming the field.
 */
export function parseVariables(field: string, text: string | undefined): Variables {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      field,
      `Expected '${field}' to be a JSON object, but it is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      field,
      `Expected '${field}' to be a JSON object, but it is ${kind}`,
    );
  }
  return value as Variables;
}

/** Checks an int64 key sent as a decimal string (proto-loader `longs: String`); must be positive. */
export function parseKey(field: string, value: string | number | undefined): string {
  const text = String(value ?? '');
  if (!/^\d+$/.test(text) || /^0+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      field,
      `Expected '${field}' to be a positive key, but got '${text}'`,
    );
  }
  return String(Number(text));
}

/** Parses an int64 number (time-outs, TTLs, back-offs); may be zero or negative. */
export function parseInt64(field: string, value: string | number | undefined): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) {
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      field,
      `Expected '${field}' to be an integer, but got '${String(value)}'`,
    );
  }
  return n;
}

/**
 * Accepts the default tenant only: `<default>` (the SDK) and empty (zeebe-node) both mean it.
 * Any other tenant is refused, since multi-tenancy is off.
 */
export function checkTenant(field: string, tenantId: string | undefined): void {
  if (tenantId === undefined || tenantId === '' || tenantId === DEFAULT_TENANT) return;
  throw new GatewayRequestError(
    'INVALID_ARGUMENT',
    field,
    `Expected '${field}' to be '${DEFAULT_TENANT}' or empty (multi-tenancy is disabled), but got '${tenantId}'`,
  );
}

/** Checks every tenant of a list (job activation sends several). */
export function checkTenants(field: string, tenantIds: readonly string[] | undefined): void {
  for (const tenantId of tenantIds ?? []) checkTenant(field, tenantId);
}

/**
 * The longest message name, correlation key, message id or signal name accepted. Names are
 * matched against subscriptions and stored with every message; real ones are short, so a
 * 100,000-character name is a mistake or an attack, refused before it is stored.
 */
export const MAX_NAME_CHARACTERS = 1024;

/** Throws INVALID_ARGUMENT naming `field` when `value` is longer than MAX_NAME_CHARACTERS. */
export function checkNameLength(field: string, value: string): void {
  if (value.length > MAX_NAME_CHARACTERS) {
    throw new GatewayRequestError(
      'INVALID_ARGUMENT',
      field,
      `Expected '${field}' to be at most ${MAX_NAME_CHARACTERS} characters long, but it has ${value.length}`,
    );
  }
}
