/**
 * Our CSV format for charging sessions, read as a stream line by line (constant memory per
 * row). UTF-8 (a BOM is skipped), `;` separated, optional double quotes, one header row:
 *
 * ```
 * #decimal=,
 * evse_id;beginn;ende;energie_kwh;zaehlerstand_beginn_wh;zaehlerstand_ende_wh;max_kw;beendigungsgrund
 * DE*ABC*E000123*1;2024-06-01T08:00:00+02:00;2024-06-01T09:10:00+02:00;12,5;1000;13500;11;EVDisconnected
 * ```
 *
 * The first line may declare the decimal separator (`#decimal=,` or `#decimal=.`; without it
 * `,`, as German spreadsheets write). Required columns: `evse_id`, `beginn`, `ende`,
 * `energie_kwh`; the others may be missing or empty. Timestamps are ISO 8601 with an offset
 * (checked by the domain's rules). Column order does not matter; header matching ignores case
 * and surrounding spaces.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  parseDecimal,
  SessionsFileError,
  type DecimalSeparator,
  type ParsedRow,
  type RowRejection,
} from './session-row.js';

/** The columns of the format. */
export const CSV_COLUMNS = [
  'evse_id',
  'beginn',
  'ende',
  'energie_kwh',
  'zaehlerstand_beginn_wh',
  'zaehlerstand_ende_wh',
  'max_kw',
  'beendigungsgrund',
] as const;
const REQUIRED = ['evse_id', 'beginn', 'ende', 'energie_kwh'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Reads the rows of a sessions CSV. @throws SessionsFileError for a file that is not one. */
export async function* readCsvSessions(input: Readable): AsyncGenerator<ParsedRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let decimal: DecimalSeparator = ',';
  let columns: Map<Column, number> | undefined;
  for await (const raw of lines) {
    lineNo += 1;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!columns) {
      const directive = /^#\s*decimal\s*=\s*(.)\s*$/i.exec(line);
      if (directive) {
        if (directive[1] !== ',' && directive[1] !== '.') {
          throw new SessionsFileError(
            `Zeile ${lineNo}: Dezimaltrennzeichen „${directive[1]}“ ist nicht erlaubt (nur „,“ oder „.“)`,
            lineNo,
          );
        }
        decimal = directive[1];
        continue;
      }
      if (line.trim() === '') continue;
      columns = headerOf(splitCsvLine(line), lineNo);
      continue;
    }
    if (line.trim() === '') continue;
    yield rowOf(splitCsvLine(line), columns, lineNo, decimal);
  }
  if (!columns) throw new SessionsFileError('Die Datei ist leer: keine Kopfzeile gefunden');
}

function headerOf(cells: string[], lineNo: number): Map<Column, number> {
  const columns = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase() as Column;
    if ((CSV_COLUMNS as readonly string[]).includes(name)) columns.set(name, index);
  });
  const missing = REQUIRED.filter((name) => !columns.has(name));
  if (missing.length) {
    throw new SessionsFileError(
      `Zeile ${lineNo}: Kopfzeile ohne Spalte ${missing.map((m) => `„${m}“`).join(', ')}; erwartet ist ${CSV_COLUMNS.join(';')} (getrennt durch „;“)`,
      lineNo,
      missing[0]!,
    );
  }
  return columns;
}

function rowOf(
  cells: string[],
  columns: Map<Column, number>,
  row: number,
  decimal: DecimalSeparator,
): ParsedRow {
  const cell = (name: Column) => {
    const index = columns.get(name);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const reject = (rejection: Omit<RowRejection, 'row'>): ParsedRow => ({
    kind: 'rejected',
    rejection: { row, ...rejection },
  });
  for (const name of REQUIRED) {
    if (cell(name) === '') {
      return reject({
        column: name,
        value: null,
        code: 'SESSION_VALUE_MISSING',
        message: `Zeile ${row}: „${name}“ fehlt.`,
      });
    }
  }
  const numbers: Partial<Record<Column, number | null>> = {};
  for (const name of [
    'energie_kwh',
    'zaehlerstand_beginn_wh',
    'zaehlerstand_ende_wh',
    'max_kw',
  ] as const) {
    const text = cell(name);
    if (text === '') {
      numbers[name] = null;
      continue;
    }
    const value = parseDecimal(text, decimal);
    if (value === null) {
      return reject({
        column: name,
        value: text,
        code: 'SESSION_NUMBER_INVALID',
        message: `Zeile ${row}, Spalte „${name}“: „${text}“ ist keine Zahl mit Dezimaltrennzeichen „${decimal}“.`,
      });
    }
    numbers[name] = value;
  }
  return {
    kind: 'session',
    session: {
      pointId: cell('evse_id'),
      start: cell('beginn'),
      end: cell('ende'),
      energyKwh: numbers.energie_kwh!,
      row,
      meterStartWh: numbers.zaehlerstand_beginn_wh ?? null,
      meterEndWh: numbers.zaehlerstand_ende_wh ?? null,
      maxKw: numbers.max_kw ?? null,
      stopReason: cell('beendigungsgrund') || null,
    },
  };
}

/** Splits one line at `;`, honouring double quotes (`""` inside quotes is one quote). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (char === ';') {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells;
}
