/**
 * The dump's table definitions: live column types mapped to MySQL types, and CREATE TABLE with
 * primary key, indexes and foreign keys, loadable by MySQL 8, Aurora MySQL and MariaDB.
 */
import { sqlIdentifier, type LiteralKind } from './sql-literal.js';

/** A column of a dump table. */
export interface DumpColumn {
  name: string;
  sqlType: string;
  nullable: boolean;
  kind: LiteralKind;
}

/** A table as the dump creates it. */
export interface DumpTable {
  name: string;
  columns: DumpColumn[];
  primaryKey: string[];
  foreignKeys: { column: string; references: { table: string; column: string } }[];
  indexes: { name: string; unique: boolean; columns: string[] }[];
}

/**
 * The MySQL type and literal kind of a live column type (`UUID` from SQLite, `char(36)` from
 * MySQL, ...). `fromSqlite` matters for TEXT: SQLite's TEXT has no length limit, so it becomes
 * LONGTEXT.
 */
export function mysqlType(
  liveType: string,
  fromSqlite: boolean,
): { sqlType: string; kind: LiteralKind } {
  const type = liveType.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if (type === 'UUID') return { sqlType: 'CHAR(36)', kind: 'text' };
  if ((m = /^(VARCHAR|CHAR)\s*\((\d+)\)/.exec(type)))
    return { sqlType: `${m[1]}(${m[2]})`, kind: 'text' };
  if (/^(TINY|MEDIUM|LONG)?TEXT\b/.test(type) || type === 'CLOB') {
    return { sqlType: fromSqlite ? 'LONGTEXT' : type.split(' ')[0]!, kind: 'text' };
  }
  if (type === 'JSON') return { sqlType: 'LONGTEXT', kind: 'text' };
  if ((m = /^(DECIMAL|NUMERIC)\s*\((\d+)\s*,\s*(\d+)\)/.exec(type)))
    return { sqlType: `DECIMAL(${m[2]},${m[3]})`, kind: 'number' };
  if (/^TINYINT\s*\(1\)/.test(type) || type === 'BOOLEAN' || type === 'BOOL')
    return { sqlType: 'TINYINT(1)', kind: 'boolean' };
  if (/^BIGINT\b/.test(type)) return { sqlType: 'BIGINT', kind: 'number' };
  if (/^SMALLINT\b/.test(type)) return { sqlType: 'SMALLINT', kind: 'number' };
  if (/^TINYINT\b/.test(type)) return { sqlType: 'TINYINT', kind: 'number' };
  if (/^(INT|INTEGER|MEDIUMINT)\b/.test(type)) return { sqlType: 'INT', kind: 'number' };
  if (/^(FLOAT|DOUBLE|REAL)\b/.test(type)) return { sqlType: 'DOUBLE', kind: 'number' };
  if (/^(DATETIME|TIMESTAMP)\b/.test(type)) return { sqlType: 'DATETIME(3)', kind: 'datetime' };
  if (type === 'DATE') return { sqlType: 'DATE', kind: 'date' };
  return { sqlType: 'LONGTEXT', kind: 'text' };
}

/** DROP + CREATE TABLE for one dump table (foreign keys included; the dump loads with checks off). */
export function createTableSql(table: DumpTable): string {
  const lines = table.columns.map(
    (c) => `  ${sqlIdentifier(c.name)} ${c.sqlType}${c.nullable ? ' NULL' : ' NOT NULL'}`,
  );
  if (table.primaryKey.length > 0) {
    lines.push(`  PRIMARY KEY (${table.primaryKey.map(sqlIdentifier).join(', ')})`);
  }
  for (const index of table.indexes) {
    lines.push(
      `  ${index.unique ? 'UNIQUE KEY' : 'KEY'} ${sqlIdentifier(index.name)} (${index.columns.map(sqlIdentifier).join(', ')})`,
    );
  }
  table.foreignKeys.forEach((key, i) => {
    lines.push(
      `  CONSTRAINT ${sqlIdentifier(`${table.name}_fk_${i + 1}`)} FOREIGN KEY (${sqlIdentifier(key.column)}) ` +
        `REFERENCES ${sqlIdentifier(key.references.table)} (${sqlIdentifier(key.references.column)})`,
    );
  });
  return (
    `DROP TABLE IF EXISTS ${sqlIdentifier(table.name)};\n` +
    `CREATE TABLE ${sqlIdentifier(table.name)} (\n${lines.join(',\n')}\n` +
    `) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n`
  );
}
