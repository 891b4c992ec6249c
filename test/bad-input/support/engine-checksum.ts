/**
 * A checksum of the embedded engine's state file, read through a second, read-only SQLite
 * connection (the engine runs in WAL mode, so a reader sees every committed command). Equal
 * checksums before and after a refused command prove the engine stored nothing for it.
 *
 * What legitimately records the attempt, and is therefore left out:
 * - rows of `records` with `record_type = 'COMMAND_REJECTION'`: like Zeebe's log, the engine's
 *   append-only log keeps every rejected command with its reason (every other record counts);
 * - `counters`: the log position and key counters, which advance with every record written.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Per table of the engine's file: row count and SHA-256 over its rows. */
export function engineChecksum(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    const result: Record<string, string> = {};
    for (const table of tables.sort()) {
      if (table === 'counters') continue;
      const where = table === 'records' ? ` WHERE record_type <> 'COMMAND_REJECTION'` : '';
      const rows = db.prepare(`SELECT * FROM "${table}"${where}`).all() as Record<
        string,
        unknown
      >[];
      const lines = rows
        .map((row) =>
          JSON.stringify(Object.entries(row), (_key, value: unknown) =>
            Buffer.isBuffer(value) ? value.toString('base64') : value,
          ),
        )
        .sort();
      result[table] =
        `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
    }
    return result;
  } finally {
    db.close();
  }
}
