import { invalidField } from './problem-details.js';

/** The largest page a search answers (Camunda 8.8 caps pages too). */
export const MAX_PAGE_SIZE = 10_000;
/** Camunda 8.8's default page size. */
export const DEFAULT_PAGE_SIZE = 100;

/** A page request in the engine's terms: an offset, or a cursor of a previous answer. */
export interface PageRequest {
  readonly limit: number;
  readonly from?: number;
  readonly after?: string;
  readonly before?: string;
}

/** The page part of an engine search answer. */
export interface EnginePage {
  readonly totalItems: number;
  readonly hasMoreTotalItems: boolean;
  readonly startCursor?: string;
  readonly endCursor?: string;
}

/**
 * Camunda 8.8's `page` of a search request: offset (`from`, `limit`), or a cursor from a
 * previous answer (`after: endCursor` for the next page, `before: startCursor` for the
 * previous one). The engine's cursors hold the sort values and key of the row they point at
 * (opaque to clients, as Camunda's are), so a cursor page is a keyset range read from an index
 * and stays right when rows are added or removed between two requests.
 */
export function parsePage(value: unknown): PageRequest {
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
  for (const field of ['after', 'before'] as const) {
    const cursor = page[field];
    if (cursor === undefined) continue;
    if (typeof cursor !== 'string' || cursor === '')
      throw invalidField(`page.${field}`, 'expected a cursor string from a previous page');
    return { [field]: cursor, limit };
  }
  return { from: page.from === undefined ? 0 : integer(page.from, 'page.from', 0), limit };
}

/** The `page` of a search answer, as Camunda 8.8 shapes it. */
export function pageResponse(page: EnginePage) {
  return {
    totalItems: page.totalItems,
    hasMoreTotalItems: page.hasMoreTotalItems,
    ...(page.startCursor !== undefined && page.endCursor !== undefined
      ? { startCursor: page.startCursor, endCursor: page.endCursor }
      : {}),
  };
}

function integer(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw invalidField(field, `expected an integer >= ${min}, got ${JSON.stringify(value)}`);
  return value;
}
