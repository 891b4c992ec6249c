import { invalidField, notSupported } from './problem-details.js';

/**
 * How one Camunda 8.8 filter field maps onto the engine's search filter. `to` is the engine's
 * field name when it differs. Camunda's filter properties take a plain value or an "advanced"
 * object (`$eq`, `$in`, `$gt`, ...); the engine's searches take plain values, lists (IN) and
 * inclusive `{ from, to }` ranges, so only the operators that translate exactly are served and
 * the others are refused naming the operator (never silently ignored).
 */
export type FilterSpec =
  | {
      readonly kind: 'key' | 'string' | 'int' | 'boolean' | 'date' | 'variables';
      readonly to?: string;
      /** The engine takes one value only (no `$in`). */
      readonly single?: boolean;
    }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly to?: string }
  | { readonly kind: 'tenant' };

/** The engine's filter, and whether the request can match nothing at all (another tenant). */
export interface TranslatedFilter {
  readonly filter: Record<string, unknown>;
  readonly matchesNothing: boolean;
}

const KEY = /^-?\d{1,19}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Translates the `filter` of a search request; `path` names it in problems. */
export function translateFilter(
  value: unknown,
  specs: Readonly<Record<string, FilterSpec>>,
  path = 'filter',
): TranslatedFilter {
  if (value === undefined || value === null) return { filter: {}, matchesNothing: false };
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidField(path, 'expected an object');
  const filter: Record<string, unknown> = {};
  let matchesNothing = false;
  for (const [field, raw] of Object.entries(value as Record<string, unknown>)) {
    if (raw === undefined || raw === null) continue;
    const spec = specs[field];
    const at = `${path}.${field}`;
    if (!spec)
      throw notSupported(
        at,
        `not a filter this engine serves for this search; supported: ${Object.keys(specs).join(', ')}`,
      );
    if (spec.kind === 'tenant') {
      const tenant = plain(raw, at, (v) => (typeof v === 'string' ? v : undefined), 'a tenant id');
      if (tenant !== '<default>') matchesNothing = true;
      continue;
    }
    filter[spec.to ?? field] = translateValue(spec, raw, at);
  }
  return { filter, matchesNothing };
}

function translateValue(
  spec: Exclude<FilterSpec, { kind: 'tenant' }>,
  raw: unknown,
  at: string,
): unknown {
  switch (spec.kind) {
    case 'key':
      return equality(
        raw,
        at,
        (v) =>
          typeof v === 'string' && KEY.test(v)
            ? v
            : typeof v === 'number' && Number.isSafeInteger(v)
              ? String(v)
              : undefined,
        'a key (int64 as a string)',
      );
    case 'string':
      if (spec.single)
        return plain(raw, at, (v) => (typeof v === 'string' ? v : undefined), 'a string');
      return equality(raw, at, (v) => (typeof v === 'string' ? v : undefined), 'a string');
    case 'int':
      return equality(
        raw,
        at,
        (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined),
        'an integer',
      );
    case 'boolean':
      if (typeof raw !== 'boolean')
        throw invalidField(at, `expected true or false, got ${JSON.stringify(raw)}`);
      return raw;
    case 'enum':
      return equality(
        raw,
        at,
        (v) => (typeof v === 'string' && spec.values.includes(v) ? v : undefined),
        `one of ${spec.values.join(', ')}`,
      );
    case 'date':
      return dateRange(raw, at);
    case 'variables':
      return variables(raw, at);
  }
}

/** A plain value, or `{ $eq }` / `{ $in }`. */
function equality(
  raw: unknown,
  at: string,
  accept: (v: unknown) => unknown,
  expected: string,
): unknown {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const ops = raw as Record<string, unknown>;
    refuseOperators(ops, ['$eq', '$in'], at);
    if (ops.$eq !== undefined && ops.$in !== undefined)
      throw notSupported(at, 'combining $eq and $in is not served; use one');
    if (ops.$in !== undefined) {
      if (!Array.isArray(ops.$in)) throw invalidField(`${at}.$in`, 'expected a list');
      return ops.$in.map((v, i) => accepted(accept(v), `${at}.$in[${i}]`, v, expected));
    }
    if (ops.$eq === undefined) throw invalidField(at, 'expected $eq or $in');
    return accepted(accept(ops.$eq), `${at}.$eq`, ops.$eq, expected);
  }
  return accepted(accept(raw), at, raw, expected);
}

function plain(
  raw: unknown,
  at: string,
  accept: (v: unknown) => unknown,
  expected: string,
): unknown {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const ops = raw as Record<string, unknown>;
    refuseOperators(ops, ['$eq'], at);
    return accepted(accept(ops.$eq), `${at}.$eq`, ops.$eq, expected);
  }
  return accepted(accept(raw), at, raw, expected);
}

function accepted(value: unknown, at: string, raw: unknown, expected: string): unknown {
  if (value === undefined)
    throw invalidField(at, `expected ${expected}, got ${JSON.stringify(raw)}`);
  return value;
}

function refuseOperators(
  ops: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
): void {
  for (const op of Object.keys(ops)) {
    if (allowed.includes(op)) continue;
    if (
      ['$eq', '$neq', '$exists', '$in', '$notIn', '$like', '$gt', '$gte', '$lt', '$lte'].includes(
        op,
      )
    )
      throw notSupported(
        `${at}.${op}`,
        `the operator ${op} is not served here; use ${allowed.join(' or ')}`,
      );
    throw invalidField(`${at}.${op}`, `unknown filter operator ${op}`);
  }
}

/** A date-time, or `{ $eq, $gt, $gte, $lt, $lte }`, as the engine's inclusive `{ from, to }`. */
function dateRange(raw: unknown, at: string): { from?: string; to?: string } {
  if (typeof raw === 'string') {
    const instant = isoDate(raw, at);
    return { from: instant, to: instant };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalidField(
      at,
      `expected an ISO 8601 date-time or an object of $gt/$gte/$lt/$lte, got ${JSON.stringify(raw)}`,
    );
  const ops = raw as Record<string, unknown>;
  refuseOperators(ops, ['$eq', '$gt', '$gte', '$lt', '$lte'], at);
  const range: { from?: string; to?: string } = {};
  const bound = (op: string) =>
    ops[op] === undefined ? undefined : Date.parse(isoDate(ops[op], `${at}.${op}`));
  const eq = bound('$eq');
  const lower = [bound('$gte'), shift(bound('$gt'), 1), eq].filter(
    (v): v is number => v !== undefined,
  );
  const upper = [bound('$lte'), shift(bound('$lt'), -1), eq].filter(
    (v): v is number => v !== undefined,
  );
  // strict bounds become inclusive ones a millisecond inside: the engine keeps millisecond instants
  if (lower.length) range.from = new Date(Math.max(...lower)).toISOString();
  if (upper.length) range.to = new Date(Math.min(...upper)).toISOString();
  return range;
}

function shift(value: number | undefined, by: number): number | undefined {
  return value === undefined ? undefined : value + by;
}

function isoDate(value: unknown, at: string): string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
    throw invalidField(
      at,
      `expected an ISO 8601 date-time with offset, got ${JSON.stringify(value)}`,
    );
  return value;
}

/** `[{ name, value }]`: variables whose JSON value equals `value` (Camunda sends JSON text). */
function variables(raw: unknown, at: string): { name: string; value: string }[] {
  if (!Array.isArray(raw)) throw invalidField(at, 'expected a list of { name, value }');
  return raw.map((entry, i) => {
    const here = `${at}[${i}]`;
    if (typeof entry !== 'object' || entry === null)
      throw invalidField(here, 'expected { name, value }');
    const { name, value } = entry as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || !name)
      throw invalidField(`${here}.name`, 'expected a variable name');
    const text = plain(
      value,
      `${here}.value`,
      (v) => (typeof v === 'string' ? v : undefined),
      'the value as JSON text, e.g. "\\"abc\\""',
    );
    return { name, value: text as string };
  });
}
