import type Database from 'better-sqlite3';
import { invalidArgument } from '../core/engine-error.js';

/** Sort order of one field. */
export interface SortField<Field extends string = string> {
  readonly field: Field;
  readonly order?: 'ASC' | 'DESC';
}

/** Offset paging, as Camunda's REST searches take it (`from`, `limit`). */
export interface Page {
  readonly from?: number;
  readonly limit?: number;
}

/** A search request: filter, sort and page. */
export interface SearchQuery<Filter, Field extends string = string> {
  readonly filter?: Filter;
  readonly sort?: readonly SortField<Field>[];
  readonly page?: Page;
}

/** A page of results and the total count. */
export interface SearchResult<T> {
  readonly items: T[];
  readonly page: { readonly totalItems: number };
}

/** An epoch-ms or ISO date range; both ends inclusive. */
export interface DateRange {
  readonly from?: string | number;
  readonly to?: string | number;
}

/** One SQL condition and its parameters. */
export interface Condition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** How one filter field becomes a condition. */
export type FilterRule = (value: unknown) => Condition | undefined;

/** Equality (or IN for a list) on a column. */
export const equals =
  (column: string, toDb: (value: unknown) => unknown = toKey): FilterRule =>
  (value) => {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value))
      return { sql: `${column} IN (${value.map(() => '?').join(', ')})`, params: value.map(toDb) };
    return { sql: `${column} = ?`, params: [toDb(value)] };
  };

/** A date range on an epoch-ms column. */
export const dateRange =
  (column: string): FilterRule =>
  (value) => {
    const range = value as DateRange | undefined;
    if (!range) return undefined;
    const parts: string[] = [];
    const params: unknown[] = [];
    if (range.from !== undefined) {
      parts.push(`${column} >= ?`);
      params.push(toMillis(range.from));
    }
    if (range.to !== undefined) {
      parts.push(`${column} <= ?`);
      params.push(toMillis(range.to));
    }
    return parts.length ? { sql: parts.join(' AND '), params } : undefined;
  };

/** Keys arrive as strings at the API; numeric-looking text becomes a number for the database. */
export function toKey(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

/** ISO date-time or epoch ms to epoch ms. */
export function toMillis(value: string | number): number {
  if (typeof value === 'number') return value;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed))
    throw invalidArgument(`Expected an ISO 8601 date-time, but got '${value}'`);
  return parsed;
}

/**
 * Runs a search over one table: filter rules chosen by field name, sorting on allowed fields
 * (key last, so paging is stable), offset paging, and the total count.
 */
export function runSearch<Row, Item>(
  db: Database.Database,
  table: string,
  query: SearchQuery<Record<string, unknown>>,
  rules: Readonly<Record<string, FilterRule>>,
  sortable: Readonly<Record<string, string>>,
  decode: (raw: Record<string, unknown>) => Row,
  present: (row: Row) => Item,
  base?: Condition,
): SearchResult<Item> {
  const conditions: Condition[] = base ? [base] : [];
  for (const [field, value] of Object.entries(query.filter ?? {})) {
    const rule = rules[field];
    if (!rule)
      throw invalidArgument(
        `Unknown filter field '${field}'; expected one of ${Object.keys(rules).join(', ')}`,
      );
    const condition = rule(value);
    if (condition) conditions.push(condition);
  }
  const order: string[] = [];
  for (const { field, order: direction } of query.sort ?? []) {
    const column = sortable[field];
    if (!column)
      throw invalidArgument(
        `Cannot sort by '${field}'; expected one of ${Object.keys(sortable).join(', ')}`,
      );
    order.push(`${column} ${direction === 'DESC' ? 'DESC' : 'ASC'}`);
  }
  order.push('key ASC');
  const where = conditions.length
    ? `WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}`
    : '';
  const params = conditions.flatMap((c) => c.params);
  const limit = Math.min(Math.max(query.page?.limit ?? 100, 0), 10_000);
  const from = Math.max(query.page?.from ?? 0, 0);
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get(...params) as { n: number }
  ).n;
  const rows = db
    .prepare(`SELECT * FROM ${table} ${where} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`)
    .all(...params, limit, from);
  return {
    items: (rows as Record<string, unknown>[]).map((raw) => present(decode(raw))),
    page: { totalItems: total },
  };
}
