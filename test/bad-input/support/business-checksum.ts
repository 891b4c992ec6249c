/**
 * A checksum of the business tables, taken before and after a bad request: equal checksums prove
 * that the request stored nothing. Tables that legitimately record the attempt itself are left
 * out, and only those ({@link ATTEMPT_RECORDING_TABLES}).
 *
 * @example
 *   const before = await businessChecksum(db);
 *   await sendSomethingBad();
 *   expect(await businessChecksum(db)).toEqual(before);
 */
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../../domain/index.js';

/**
 * Tables that may change when a bad input is refused, because recording the attempt is their
 * job. Everything else must stay byte for byte as it was.
 * - `audit_event`: the audit trail records refused and accepted actions alike.
 * - `sitzung`: portal sessions (a login or a session touch is not business data).
 * - `importlauf`: one row per received KfW file, saying what became of it (a file whose every
 *   row is refused still has its run, with the counts).
 * - `importfehler`: the row report of a refused file or upload (what was wrong, row and column).
 * - `upload`: the upload's own row records its outcome (status `ABGELEHNT`, row counts).
 * - `SequelizeMeta`: the migration ledger (never changed by a request; excluded for clarity).
 */
export const ATTEMPT_RECORDING_TABLES: readonly string[] = [
  'audit_event',
  'sitzung',
  'importlauf',
  'importfehler',
  'upload',
  'SequelizeMeta',
];

/** Every table of the domain database except {@link ATTEMPT_RECORDING_TABLES}, sorted. */
export async function businessTables(db: Database): Promise<string[]> {
  const tables = (await db.sequelize.getQueryInterface().showAllTables()) as unknown[];
  return tables
    .map((table) =>
      typeof table === 'string' ? table : String((table as { tableName: string }).tableName),
    )
    .filter((name) => !ATTEMPT_RECORDING_TABLES.includes(name) && !name.startsWith('sqlite_'))
    .sort();
}

/**
 * Per table, a SHA-256 over its rows (each row as JSON with sorted keys, rows sorted), so a
 * difference names the table that changed.
 */
export async function businessChecksum(db: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of await businessTables(db)) {
    const quoted = db.sequelize.getQueryInterface().quoteIdentifier(table);
    const rows = await db.sequelize.query<Record<string, unknown>>(`SELECT * FROM ${quoted}`, {
      type: QueryTypes.SELECT,
    });
    const lines = rows.map((row) => JSON.stringify(Object.entries(row).sort(byKey))).sort();
    result[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return result;
}

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);
