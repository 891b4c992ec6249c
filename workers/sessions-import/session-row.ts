/**
 * One uploaded charging session after parsing, and what a rejected row records. Both file
 * formats (our CSV and OCPI CDR JSON) produce these; the plausibility rules and the database
 * insert read only these.
 */
import type { SessionInput } from '../../domain/index.js';

/** A session as parsed from one row (or one CDR). */
export interface ParsedSession extends SessionInput {
  /** EVSE-ID as given in the file. */
  pointId: string;
  start: string;
  end: string;
  energyKwh: number;
  row: number;
  meterStartWh: number | null;
  meterEndWh: number | null;
  maxKw: number | null;
  stopReason: string | null;
}

/** A row that could not be taken over, for the row report (table `importfehler`). */
export interface RowRejection {
  /** Row in the file (1-based, header included) or CDR number (1-based). */
  row: number;
  /** Column header or JSON field, null when the whole row is wrong. */
  column: string | null;
  value: string | null;
  /** Stable code, e.g. `SESSION_NUMBER_INVALID`. */
  code: string;
  /** German message for the applicant. */
  message: string;
}

/** What a parser yields per row. */
export type ParsedRow =
  { kind: 'session'; session: ParsedSession } | { kind: 'rejected'; rejection: RowRejection };

/** A file that cannot be read at all (wrong format, missing columns, not JSON). */
export class SessionsFileError extends Error {
  readonly code = 'SESSIONS_FILE_INVALID';
  constructor(
    message: string,
    readonly row: number | null = null,
    readonly column: string | null = null,
  ) {
    super(message);
    this.name = 'SessionsFileError';
  }
}

/** The decimal separators a CSV may declare. */
export type DecimalSeparator = ',' | '.';

/**
 * A decimal number written with `separator` (thousands grouping with the other character
 * allowed: `1.234,5` for `,`), or null when it is not one.
 */
export function parseDecimal(text: string, separator: DecimalSeparator): number | null {
  const value = text.trim().replace(/[\u00a0\u202f ]/g, '');
  const group = separator === ',' ? '\\.' : ',';
  const sep = separator === ',' ? ',' : '\\.';
  const plain = new RegExp(`^-?\\d+(${sep}\\d+)?$`);
  const grouped = new RegExp(`^-?\\d{1,3}(${group}\\d{3})+(${sep}\\d+)?$`);
  let digits: string;
  if (plain.test(value)) digits = value;
  else if (grouped.test(value)) digits = value.replace(new RegExp(group, 'g'), '');
  else return null;
  return Number(separator === ',' ? digits.replace(',', '.') : digits);
}

/** The UTC offset of an ISO 8601 timestamp in minutes (`+02:00` is 120), or null. */
export function offsetMinutesOf(timestamp: string): number | null {
  const match = /(Z|([+-])(\d{2}):?(\d{2})?)$/i.exec(timestamp.trim());
  if (!match) return null;
  if (match[1]!.toUpperCase() === 'Z') return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[2] === '-' ? -minutes : minutes;
}
