/**
 * Multi-row INSERTs for the import's new rows. Sequelize's `bulkCreate` builds and validates a
 * model instance per row, and `queryInterface.bulkInsert` maps every row through lodash,
 * formats every timestamp through moment and escapes every value into one long SQL text, which
 * Sequelize then scans again with regular expressions; for a 100,000-row import that was most
 * of the time. The rows here are already validated, so:
 * - on SQLite they go straight to the transaction's own connection as positional parameters
 *   (`?`), bound by the driver in native code: the SQL text stays short and the same for every
 *   full chunk. (Named parameters `$n`, which is all Sequelize's `bind` offers for SQLite, are
 *   looked up by a linear search in SQLite, which makes a statement of thousands quadratic.)
 * - elsewhere (MySQL, MariaDB) each value is escaped once by the dialect's own escaping
 *   (`queryGenerator.escape`, as `bulkInsert` does).
 * Ids and timestamps are set here as the models would set them; the batch's one timestamp is
 * formatted once, by Sequelize, in the form the dialect stores.
 */
import { timeOrderedId } from './time-ordered-id.js';
import { QueryTypes, type Model, type ModelStatic, type Transaction } from 'sequelize';
import type { Database } from '../../domain/index.js';

/** A record with the id and timestamps it was given. */
export type Inserted<T> = T & { id: string; createdAt: Date; updatedAt: Date };

/** Rows per statement: keeps one statement near a megabyte, far below MySQL's packet limit. */
const ROWS_PER_STATEMENT = 1000;
/** Parameters per SQLite statement, below its limit of 32,766 (since SQLite 3.32). */
const SQLITE_MAX_PARAMETERS = 30_000;

/** The part of a node-sqlite3 connection used here. */
interface SqliteConnection {
  run(sql: string, parameters: unknown[], callback: (error: Error | null) => void): void;
}

interface QueryGenerator {
  quoteTable(table: unknown): string;
  quoteIdentifier(identifier: string): string;
  escape(value: unknown): string;
}

/** Inserts records into the model's table; returns them with their ids. */
export async function insertRows<T extends object>(
  db: Database,
  model: ModelStatic<Model>,
  records: readonly T[],
  transaction: Transaction,
  options: { timestamps?: 'both' | 'created' } = {},
): Promise<Inserted<T>[]> {
  if (!records.length) return [];
  const now = new Date();
  const rows = records.map((record) => ({
    id: timeOrderedId(),
    createdAt: now,
    ...(options.timestamps === 'created' ? {} : { updatedAt: now }),
    ...record,
  })) as Inserted<T>[];

  const generator = db.sequelize.getQueryInterface().queryGenerator as QueryGenerator;
  const stamp = generator.escape(now);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = `INSERT INTO ${generator.quoteTable(model.getTableName())} (${columns
    .map((column) => generator.quoteIdentifier(column))
    .join(', ')}) VALUES `;
  // Sequelize keeps a transaction's connection on it (`transaction.connection`, set when the
  // transaction began): on SQLite a node-sqlite3 Database.
  const sqlite =
    db.sequelize.getDialect() === 'sqlite'
      ? (transaction as unknown as { connection?: SqliteConnection }).connection
      : undefined;
  if (sqlite) {
    await insertPositional(sqlite, head, columns, rows, now, stamp.slice(1, -1));
    return rows;
  }
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const tuples: string[] = [];
    for (const row of rows.slice(from, from + ROWS_PER_STATEMENT)) {
      const values: string[] = [];
      for (const column of columns) {
        const value = (row as Record<string, unknown>)[column];
        values.push(value === now ? stamp : generator.escape(value ?? null));
      }
      tuples.push(`(${values.join(',')})`);
    }
    await db.sequelize.query(head + tuples.join(','), {
      transaction,
      type: QueryTypes.INSERT,
      raw: true,
    });
  }
  return rows;
}

async function insertPositional(
  connection: SqliteConnection,
  head: string,
  columns: readonly string[],
  rows: readonly object[],
  now: Date,
  stamp: string,
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      for (const column of columns) {
        const value = (row as Record<string, unknown>)[column];
        if (value instanceof Date && value !== now) {
          throw new TypeError(`insertRows: column ${column} holds a date; pass it as text`);
        }
        parameters.push(value === now ? stamp : (value ?? null));
      }
    }
    const sql = head + new Array<string>(chunk.length).fill(tuple).join(',');
    await new Promise<void>((resolve, reject) =>
      connection.run(sql, parameters, (error) => (error ? reject(error) : resolve())),
    );
  }
}
