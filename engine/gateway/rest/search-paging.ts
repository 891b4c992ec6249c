import { invalidField } from './problem-details.js';

/** The largest page a search answers (Camunda 8.8 caps pages too). */
export const MAX_PAGE_SIZE = 10_000;
/** Camunda 8.8's default page size. */
export const DEFAULT_PAGE_SIZE = 100;

/** Where a page starts and how long it is, in the engine's offset terms. */
export interface OffsetPage {
  readonly from: number;
  readonly limit: number;
}

/**
 * Camunda 8.8's `page` of a search request: offset (`from`, `limit`), or a cursor from a
 * previous answer (`after: endCursor` for the next page, `before: startCursor` for the
 * previous one). The engine pages by offset, so a cursor here is the base64 of the position
 * it points at: opaque to clients, as Camunda's are, and valid as long as the result set does
 * not change between the two requests (Camunda's cursors are stable under inserts; these are
 * not, see docs/engine-rest.md).
 */
export function parsePage(value: unknown): OffsetPage {
  if (value === undefined || value === null) return { from: 0, limit: DEFAULT_PAGE_SIZE };
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidField('page', 'expected an object with from/limit, after/limit or before/limit');
  const page = value as Record<string, unknown>;
  for (const field of Object.keys(page)) {
    if (!['from', 'limit', 'after', 'before'].includes(field))
      throw invalidField(
        `page.${field}`,
        'unknown paging field; expected from, limit, after or before',
      );
  }
  const limit = page.limit === undefined ? DEFAULT_PAGE_SIZE : integer(page.limit, 'page.limit', 1);
  if (limit > MAX_PAGE_SIZE)
    throw invalidField('page.limit', `expected at most ${MAX_PAGE_SIZE}, got ${limit}`);
  const modes = ['from', 'after', 'before'].filter((field) => page[field] !== undefined);
  if (modes.length > 1)
    throw invalidField('page', `expected one of from, after or before, got ${modes.join(' and ')}`);
  if (page.after !== undefined)
    return { from: cursorPosition(page.after, 'page.after') + 1, limit };
  if (page.before !== undefined) {
    const end = cursorPosition(page.before, 'page.before');
    const from = Math.max(0, end - limit);
    return { from, limit: end - from };
  }
  return { from: page.from === undefined ? 0 : integer(page.from, 'page.from', 0), limit };
}

/** The `page` of a search answer: the total and the cursors of the first and last item. */
export function pageResponse(page: OffsetPage, returned: number, totalItems: number) {
  return {
    totalItems,
    hasMoreTotalItems: false,
    ...(returned > 0
      ? { startCursor: cursorAt(page.from), endCursor: cursorAt(page.from + returned - 1) }
      : {}),
  };
}

function cursorAt(position: number): string {
  return Buffer.from(JSON.stringify({ position })).toString('base64');
}

function cursorPosition(value: unknown, field: string): number {
  if (typeof value !== 'string')
    throw invalidField(field, 'expected a cursor string from a previous page');
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as {
      position?: unknown;
    };
    if (Number.isSafeInteger(parsed.position) && (parsed.position as number) >= 0)
      return parsed.position as number;
  } catch {
    // fall through to the problem below
  }
  throw invalidField(field, `'${value}' is not a cursor this engine issued`);
}

function integer(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw invalidField(field, `expected an integer >= ${min}, got ${JSON.stringify(value)}`);
  return value;
}
