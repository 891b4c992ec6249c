/**
 * Streams a table in primary-key order, one batch at a time (keyset pagination: `WHERE key >
 * last ORDER BY key LIMIT n`), so no table is ever loaded whole. Works on SQLite and MySQL
 * (both accept backtick identifiers and row-value comparison).
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { sqlIdentifier } from './sql-literal.js';

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** What to read. */
export interface ReadOptions {
  table: string;
  columns: readonly string[];
  /** Primary-key columns; without one the table is read in the order of all its columns. */
  key: readonly string[];
  batchSize: number;
  transaction?: Transaction;
}

/** Yields the table's rows in key order, in batches of at most `batchSize`. */
export async function* readBatches(
  sequelize: Sequelize,
  options: ReadOptions,
): AsyncGenerator<Row[]> {
  const key = options.key.length > 0 ? options.key : options.columns;
  const selected = [...new Set([...key, ...options.columns])];
  const select = `SELECT ${selected.map(sqlIdentifier).join(', ')} FROM ${sqlIdentifier(options.table)}`;
  const order = `ORDER BY ${key.map(sqlIdentifier).join(', ')}`;
  const keyTuple =
    key.length === 1 ? sqlIdentifier(key[0]!) : `(${key.map(sqlIdentifier).join(', ')})`;
  const placeholders = key.length === 1 ? '?' : `(${key.map(() => '?').join(', ')})`;
  const keyed = options.key.length > 0;
  let last: unknown[] | undefined;
  let offset = 0;
  for (;;) {
    let sql: string;
    let replacements: unknown[];
    if (keyed) {
      sql = last
        ? `${select} WHERE ${keyTuple} > ${placeholders} ${order} LIMIT ${options.batchSize}`
        : `${select} ${order} LIMIT ${options.batchSize}`;
      replacements = last ?? [];
    } else {
      sql = `${select} ${order} LIMIT ${options.batchSize} OFFSET ${offset}`;
      replacements = [];
    }
    const rows = await sequelize.query<Row>(sql, {
      type: QueryTypes.SELECT,
      transaction: options.transaction,
      replacements,
      raw: true,
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < options.batchSize) return;
    const tail = rows[rows.length - 1]!;
    last = key.map((k) => tail[k]);
    offset += rows.length;
  }
}
