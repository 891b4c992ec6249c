/**
 * SQL literals for a MySQL/MariaDB dump, escaped the way mysqldump escapes them (backslash
 * escapes; the dump sets a SQL mode without NO_BACKSLASH_ESCAPES). Written by hand because the
 * dump streams rows without a connection to format them.
 */

const escapes: Record<string, string> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
};

/** A quoted string literal: `'it\'s'`. */
// The control characters are exactly the ones MySQL's string syntax escapes.
// eslint-disable-next-line no-control-regex
const needsEscape = /[\0\b\t\n\r\x1a'"\\]/g;

export function sqlString(value: string): string {
  return `'${value.replace(needsEscape, (ch) => escapes[ch]!)}'`;
}

/** A backtick-quoted identifier. */
export function sqlIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** How a dump column's values are written. */
export type LiteralKind = 'text' | 'number' | 'datetime' | 'date' | 'boolean';

const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * The literal of `value` for a column of `kind`. Numbers arrive as numbers (SQLite) or strings
 * (MySQL DECIMAL); dates as Date objects (MySQL) or text with an offset (SQLite).
 */
export function sqlLiteral(value: unknown, kind: LiteralKind): string {
  if (value === null || value === undefined) return 'NULL';
  switch (kind) {
    case 'number': {
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'string' && plainNumber.test(value.trim())) return value.trim();
      return 'NULL';
    }
    case 'boolean':
      return value === true || value === 1 || value === '1' ? '1' : '0';
    case 'datetime': {
      const date =
        value instanceof Date ? value : new Date(String(value).replace(' ', 'T').replace(' ', ''));
      if (Number.isNaN(date.getTime())) return 'NULL';
      return `'${date.toISOString().replace('T', ' ').replace('Z', '')}'`;
    }
    case 'date': {
      if (value instanceof Date) return `'${value.toISOString().slice(0, 10)}'`;
      const text = String(value);
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? `'${text.slice(0, 10)}'` : 'NULL';
    }
    default:
      if (value instanceof Date) return sqlString(value.toISOString());
      if (Buffer.isBuffer(value)) return sqlString(value.toString('utf8'));
      return sqlString(String(value));
  }
}
