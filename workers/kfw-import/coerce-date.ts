/**
 * Dates arrive three ways: as date cells (exceljs gives a Date at UTC midnight), as bare Excel
 * serial numbers (a date cell that lost its format) and as `TT.MM.JJJJ` text. Only real
 * calendar dates pass (31.02.2024 does not). The result is an ISO date `JJJJ-MM-TT`.
 */
import { isExcelError, type CellInput } from './cell-value.js';
import { cleanText } from './clean-text.js';
import { ok, problem, type Coerced } from './coercion.js';

/** Dates outside these years are typing errors in this programme. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
/** Excel serial of 1970-01-01 (1900 date system, with Excel's phantom 29.02.1900). */
const EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

/** Date cell, Excel serial or `TT.MM.JJJJ` / `JJJJ-MM-TT` text -> `JJJJ-MM-TT`. */
export function dateCell(cell: CellInput): Coerced<string | null> {
  if (cell === null) return ok(null);
  if (isExcelError(cell)) {
    return problem('EXCEL_ERROR', `Die Zelle enthält den Excel-Fehler ${cell.excelError}.`);
  }
  if (cell instanceof Date) return inRange(isoDate(cell), String(cell));
  if (typeof cell === 'number') {
    // Time of day (the fraction) is dropped: only the calendar date matters here.
    const date = new Date(Math.round((Math.floor(cell) - EPOCH_SERIAL) * DAY_MS));
    return Number.isFinite(cell) ? inRange(isoDate(date), String(cell)) : invalid(String(cell));
  }
  if (typeof cell === 'boolean') return invalid(String(cell));
  const text = cleanText(cell);
  if (text === '') return ok(null);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (german) return calendar(Number(german[3]), Number(german[2]), Number(german[1]), text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  return invalid(text);
}

function calendar(year: number, month: number, day: number, text: string): Coerced<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real
    ? inRange(isoDate(date), text)
    : problem('DATE_NOT_REAL', `Den Tag „${text}“ gibt es nicht.`);
}

function inRange(iso: string, shown: string): Coerced<string> {
  const year = Number(iso.slice(0, 4));
  if (Number.isNaN(year)) return invalid(shown);
  return year >= FIRST_YEAR && year <= LAST_YEAR
    ? ok(iso)
    : problem(
        'DATE_OUT_OF_RANGE',
        `Das Datum ${german(iso)} liegt nicht zwischen ${FIRST_YEAR} und ${LAST_YEAR}.`,
      );
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'NaN' : date.toISOString().slice(0, 10);
}

function german(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

function invalid(value: string): Coerced<never> {
  return problem('DATE_INVALID', `„${value}“ ist kein Datum im Format TT.MM.JJJJ.`);
}
