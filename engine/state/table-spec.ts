import type Database from 'better-sqlite3';

/** How a row field is stored: integers, text, JSON text, or 0/1 booleans. */
export type ColumnKind = 'int' | 'real' | 'text' | 'json' | 'bool';

/** A table whose rows map field-for-field to columns (camelCase fields, snake_case columns). */
export interface TableSpec {
  readonly name: string;
  readonly columns: Readonly<Record<string, ColumnKind>>;
  /** Primary key fields; defaults to `key`. */
  readonly primaryKey?: readonly string[];
  readonly indexes?: readonly string[];
}

/** snake_case of a camelCase field name. */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The CREATE statements of a table and its indexes. */
export function ddlOf(spec: TableSpec): string {
  const sqlType: Record<ColumnKind, string> = {
    int: 'INTEGER',
    real: 'REAL',
    text: 'TEXT',
    json: 'TEXT',
    bool: 'INTEGER',
  };
  const primary = (spec.primaryKey ?? ['key']).map(columnOf).join(', ');
  const columns = Object.entries(spec.columns).map(
    ([field, kind]) => `${columnOf(field)} ${sqlType[kind]}`,
  );
  return [
    `CREATE TABLE IF NOT EXISTS ${spec.name} (${columns.join(', ')}, PRIMARY KEY (${primary}))`,
    ...(spec.indexes ?? []).map(
      (index, i) => `CREATE INDEX IF NOT EXISTS ${spec.name}_ix${i} ON ${spec.name} (${index})`,
    ),
  ].join(';\n');
}

/**
 * Row codec and the three statements every table needs (get, put, delete by primary key),
 * prepared once. JSON columns are parsed only when a row is read.
 */
export class MappedTable<Row extends object> {
  private readonly fields: [string, string, ColumnKind][];
  private readonly selectStatement: Database.Statement;
  private readonly upsertStatement: Database.Statement;
  private readonly deleteStatement: Database.Statement;

  constructor(
    readonly db: Database.Database,
    readonly spec: TableSpec,
  ) {
    this.fields = Object.entries(spec.columns).map(([field, kind]) => [
      field,
      columnOf(field),
      kind,
    ]);
    const where = (spec.primaryKey ?? ['key']).map((f) => `${columnOf(f)} = ?`).join(' AND ');
    this.selectStatement = db.prepare(`SELECT * FROM ${spec.name} WHERE ${where}`);
    // An upsert updates in place (index entries change only for changed columns), where
    // INSERT OR REPLACE would delete and re-insert the row with all its index entries.
    const primary = (spec.primaryKey ?? ['key']).map(columnOf);
    const updates = this.fields
      .filter((f) => !primary.includes(f[1]))
      .map((f) => `${f[1]} = excluded.${f[1]}`);
    this.upsertStatement = db.prepare(
      `INSERT INTO ${spec.name} (${this.fields.map((f) => f[1]).join(', ')}) VALUES (${this.fields.map(() => '?').join(', ')})` +
        ` ON CONFLICT (${primary.join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    );
    this.deleteStatement = db.prepare(`DELETE FROM ${spec.name} WHERE ${where}`);
  }

  /** Reads the row with this primary key. */
  get(...key: unknown[]): Row | undefined {
    const raw = this.selectStatement.get(...key) as Record<string, unknown> | undefined;
    return raw ? this.decode(raw) : undefined;
  }

  /** Inserts or replaces a whole row. */
  put(row: Row): void {
    const record = row as Record<string, unknown>;
    this.upsertStatement.run(
      ...this.fields.map(([field, , kind]) => {
        const value = record[field];
        if (value === undefined || value === null) return null;
        if (kind === 'json') return JSON.stringify(value);
        if (kind === 'bool') return value ? 1 : 0;
        return value;
      }),
    );
  }

  /** Deletes the row with this primary key. */
  delete(...key: unknown[]): void {
    this.deleteStatement.run(...key);
  }

  /** Runs a prepared query and decodes every row. */
  all(statement: Database.Statement, ...params: unknown[]): Row[] {
    return (statement.all(...params) as Record<string, unknown>[]).map((raw) => this.decode(raw));
  }

  /** Turns a raw SQLite row into a row value. */
  decode(raw: Record<string, unknown>): Row {
    const row: Record<string, unknown> = {};
    for (const [field, column, kind] of this.fields) {
      const value = raw[column];
      if (kind === 'json')
        row[field] = value === null || value === undefined ? null : JSON.parse(value as string);
      else if (kind === 'bool') row[field] = value === 1;
      else row[field] = value ?? null;
    }
    return row as Row;
  }
}
