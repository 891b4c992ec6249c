import type Database from 'better-sqlite3';
import { invalidArgument } from '../core/engine-error.js';

/** Sort order of one field. */
export interface SortField<Field extends string = string> {
  readonly field: Field;
  readonly order?: 'ASC' | 'DESC';
}

/**
 * Paging as Camunda's REST searches take it: an offset (`from`, `limit`), or a cursor from a
 * previous page (`after: endCursor` for the next page, `before: startCursor` for the previous
 * one). Cursors hold the sort values and key of the row they point at, so the next page is a
 * keyset range (`(sort values, key) > cursor`) read from an index, never an OFFSET scan.
 */
export interface Page {
  readonly from?: number;
  readonly limit?: number;
  readonly after?: string;
  readonly before?: string;
}

/** A search request: filter, sort and page. */
export interface SearchQuery<Filter, Field extends string = string> {
  readonly filter?: Filter;
  readonly sort?: readonly SortField<Field>[];
  readonly page?: Page;
}

/**
 * A page of results. `totalItems` is counted from the index up to `MAX_COUNTED_ITEMS`; above
 * that it stops there and `hasMoreTotalItems` is true (Camunda 8.8 caps its counts the same
 * way). The cursors point at the first and the last item of the page.
 */
export interface SearchResult<T> {
  readonly items: T[];
  readonly page: {
    readonly totalItems: number;
    readonly hasMoreTotalItems: boolean;
    readonly startCursor?: string;
    readonly endCursor?: string;
  };
}

/** Counting stops here: a count costs one index entry per item, so it is capped. */
export const MAX_COUNTED_ITEMS = 10_000;

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
 * Where a search reads its rows when a side table can drive it: `from` joins the side table to
 * the search's table, `key` is the side table's copy of the row key, `sortColumns` names the
 * side table's copies of sort columns (so an index of the side table gives the order),
 * `conditions` select the side table's range, and `consumes` the filter fields they answer.
 */
export interface SearchSource {
  /** The side table alone: what the count reads when the source's conditions are all there is. */
  readonly table: string;
  readonly from: string;
  readonly key: string;
  readonly sortColumns: Readonly<Record<string, string>>;
  readonly conditions: readonly Condition[];
  readonly consumes: readonly string[];
}

/** One search: its table, filter rules, sortable fields, row codec and presenter. */
export interface SearchDefinition<Row, Item> {
  readonly table: string;
  readonly rules: Readonly<Record<string, FilterRule>>;
  /** API sort field -> column. */
  readonly sortable: Readonly<Record<string, string>>;
  readonly decode: (raw: Record<string, unknown>) => Row;
  readonly present: (row: Row) => Item;
  /** A condition every row of this search meets. */
  readonly base?: Condition;
  /** A side table that drives this filter, if one does. */
  readonly source?: (filter: Readonly<Record<string, unknown>>) => SearchSource | undefined;
}

/**
 * Columns never NULL in any search table: a keyset over them alone compares as a row value,
 * which SQLite answers with one index range. Others get the spelled-out form that places
 * NULLs as SQLite sorts them (first ascending, last descending).
 */
const NOT_NULL = new Set([
  'key',
  'task_key',
  'task_due_date',
  'task_creation_date',
  'start_date',
  'creation_date',
  'creation_time',
  'state',
  'bpmn_process_id',
  'element_id',
  'element_type',
  'process_instance_key',
  'process_definition_key',
  'scope_key',
  'version',
]);

interface OrderColumn {
  readonly column: string;
  readonly descending: boolean;
}

interface BuiltSearch {
  readonly from: string;
  /** What the count reads: the side table alone when nothing else filters. */
  readonly countFrom: string;
  readonly where: string;
  readonly params: unknown[];
  /** The sort columns, then the key. */
  readonly order: OrderColumn[];
  readonly signature: string;
}

/** Filter and order of a search, without paging. */
function buildSearch(
  definition: SearchDefinition<unknown, unknown>,
  query: SearchQuery<Record<string, unknown>>,
): BuiltSearch {
  const filter = query.filter ?? {};
  const source = definition.source?.(filter);
  const conditions: Condition[] = definition.base ? [definition.base] : [];
  if (source) conditions.push(...source.conditions);
  const sourceOnly = conditions.length;
  for (const [field, value] of Object.entries(filter)) {
    const rule = definition.rules[field];
    if (!rule)
      throw invalidArgument(
        `Unknown filter field '${field}'; expected one of ${Object.keys(definition.rules).join(', ')}`,
      );
    if (source?.consumes.includes(field)) continue;
    const condition = rule(value);
    if (condition) conditions.push(condition);
  }
  const order: OrderColumn[] = [];
  const keyColumn = source?.key ?? 'key';
  let keyDescending: boolean | undefined;
  for (const { field, order: direction } of query.sort ?? []) {
    const column = definition.sortable[field];
    if (!column)
      throw invalidArgument(
        `Cannot sort by '${field}'; expected one of ${Object.keys(definition.sortable).join(', ')}`,
      );
    const mapped = source?.sortColumns[column] ?? column;
    if (mapped === keyColumn) {
      // the key is unique: nothing after it orders anything
      keyDescending = direction === 'DESC';
      break;
    }
    order.push({ column: mapped, descending: direction === 'DESC' });
  }
  // unless sorted by, the key breaks ties in the direction of the last sort field, so that an
  // all-ascending or all-descending order is one index range read forwards or backwards
  order.push({ column: keyColumn, descending: keyDescending ?? order.at(-1)?.descending ?? false });
  return {
    from: source?.from ?? definition.table,
    countFrom:
      source && !definition.base && conditions.length === sourceOnly
        ? source.table
        : (source?.from ?? definition.table),
    where: conditions.length ? `WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}` : '',
    params: conditions.flatMap((c) => c.params),
    order,
    signature: order.map((o) => `${o.column} ${o.descending ? 'DESC' : 'ASC'}`).join(', '),
  };
}

/**
 * A cursor is standard base64 (Camunda's clients check that, and a length of at most 300) of
 * the JSON array `[order, ...values]`: a short hash of the order it was issued for, then the
 * row's values of the order columns, the key last.
 */
function encodeCursor(signature: string, raw: Record<string, unknown>, order: OrderColumn[]) {
  const cursor = [orderHash(signature), ...order.map((_, i) => raw[`__sort${i}`])];
  return Buffer.from(JSON.stringify(cursor)).toString('base64');
}

function decodeCursor(text: string, built: BuiltSearch, field: string): unknown[] {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    cursor = undefined;
  }
  if (!Array.isArray(cursor) || cursor.length !== built.order.length + 1)
    throw invalidArgument(`'${text}' in ${field} is not a cursor this engine issued`);
  if (cursor[0] !== orderHash(built.signature))
    throw invalidArgument(
      `The cursor in ${field} belongs to a search with another sort order than ${built.signature}; keep the sort of the first page`,
    );
  return cursor.slice(1);
}

/** FNV-1a of the order, in base 36: tells cursors of different orders apart. */
function orderHash(signature: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < signature.length; i++) {
    hash ^= signature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Rows after `values` in `order` (both NULL placements as SQLite sorts). */
function keysetAfter(order: OrderColumn[], values: unknown[]): Condition {
  const uniform = order.every((o) => o.descending === order[0]!.descending);
  // a COALESCE(...) order expression is never NULL either
  const notNull = (column: string) => NOT_NULL.has(column) || column.startsWith('COALESCE(');
  if (uniform && order.every((o, i) => notNull(o.column) && values[i] !== null)) {
    const columns = order.map((o) => o.column).join(', ');
    const marks = order.map(() => '?').join(', ');
    return {
      sql: `(${columns}) ${order[0]!.descending ? '<' : '>'} (${marks})`,
      params: values,
    };
  }
  const alternatives: string[] = [];
  const params: unknown[] = [];
  order.forEach((current, i) => {
    const equal = order.slice(0, i).map((o, j) => {
      params.push(values[j]);
      return `${o.column} IS ?`;
    });
    const value = values[i];
    let after: string;
    if (value === null || value === undefined)
      after = current.descending ? '0' : `${current.column} IS NOT NULL`;
    else {
      params.push(value);
      after = current.descending
        ? `(${current.column} < ? OR ${current.column} IS NULL)`
        : `${current.column} > ?`;
    }
    alternatives.push(`(${[...equal, after].join(' AND ')})`);
  });
  return { sql: alternatives.join(' OR '), params };
}

interface PageStatements {
  readonly count: { sql: string; params: unknown[] };
  readonly page: { sql: string; params: unknown[] };
  readonly reversed: boolean;
  readonly built: BuiltSearch;
}

function pageStatements(
  definition: SearchDefinition<unknown, unknown>,
  query: SearchQuery<Record<string, unknown>>,
): PageStatements {
  const built = buildSearch(definition, query);
  const page = query.page ?? {};
  const limit = Math.min(Math.max(page.limit ?? 100, 0), 10_000);
  const reversed = page.before !== undefined;
  const order = reversed
    ? built.order.map((o) => ({ column: o.column, descending: !o.descending }))
    : built.order;
  const conditions = built.where ? [built.where.slice('WHERE '.length)] : [];
  const params = [...built.params];
  const cursor = page.after ?? page.before;
  if (cursor !== undefined) {
    const keyset = keysetAfter(
      order,
      decodeCursor(cursor, built, page.after !== undefined ? 'page.after' : 'page.before'),
    );
    conditions.push(`(${keyset.sql})`);
    params.push(...keyset.params);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const sortValues = built.order.map((o, i) => `${o.column} AS __sort${i}`).join(', ');
  const orderBy = order.map((o) => `${o.column} ${o.descending ? 'DESC' : 'ASC'}`).join(', ');
  const offset = cursor === undefined ? Math.max(page.from ?? 0, 0) : 0;
  return {
    count: {
      sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${built.countFrom} ${built.where} LIMIT ${MAX_COUNTED_ITEMS + 1})`,
      params: built.params,
    },
    page: {
      sql: `SELECT *, ${sortValues} FROM ${built.from} ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      params: [...params, limit, offset],
    },
    reversed,
    built,
  };
}

/** Prepared statements by SQL text, per database: a search's shape repeats, its values vary. */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const CACHED_STATEMENTS = 500;

function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (statement) {
    // most recently used last, so the oldest is dropped first
    cache.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (cache.size >= CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, statement);
  return statement;
}

/**
 * Runs a search: filter rules chosen by field name, sorting on allowed fields (the key last, so
 * paging is stable), offset or keyset paging, and the count (capped at `MAX_COUNTED_ITEMS`).
 */
export function runSearch<Row, Item>(
  db: Database.Database,
  definition: SearchDefinition<Row, Item>,
  query: SearchQuery<Record<string, unknown>>,
): SearchResult<Item> {
  const statements = pageStatements(definition as SearchDefinition<unknown, unknown>, query);
  const counted = (
    prepared(db, statements.count.sql).get(...statements.count.params) as { n: number }
  ).n;
  const raws = prepared(db, statements.page.sql).all(...statements.page.params) as Record<
    string,
    unknown
  >[];
  if (statements.reversed) raws.reverse();
  const { built } = statements;
  return {
    items: raws.map((raw) => definition.present(definition.decode(raw))),
    page: {
      totalItems: Math.min(counted, MAX_COUNTED_ITEMS),
      hasMoreTotalItems: counted > MAX_COUNTED_ITEMS,
      ...(raws.length > 0
        ? {
            startCursor: encodeCursor(built.signature, raws[0]!, built.order),
            endCursor: encodeCursor(built.signature, raws.at(-1)!, built.order),
          }
        : {}),
    },
  };
}

/**
 * SQLite's plan for a search's page query and its count (`EXPLAIN QUERY PLAN`, the detail of
 * each step), for checking that a search reads an index rather than scanning its table.
 */
export function explainSearch(
  db: Database.Database,
  definition: SearchDefinition<unknown, unknown>,
  query: SearchQuery<Record<string, unknown>>,
): { page: string[]; count: string[] } {
  const statements = pageStatements(definition, query);
  const plan = (sql: string, params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
      (step) => step.detail,
    );
  return {
    page: plan(statements.page.sql, statements.page.params),
    count: plan(statements.count.sql, statements.count.params),
  };
}
