/**
 * Numbers arrive as number cells or as text in German notation (`1.234,56`, `1234,56`,
 * `12 345,00 €`). Amounts become exact decimal strings with two places (`"1234.56"`), as the
 * domain stores money; counts become integers.
 *
 * Text rules: a comma is the decimal separator; dots (or spaces) may group thousands in threes;
 * `1234.5` or `1234.56` (a dot followed by one or two digits) is read as a decimal point because
 * no grouping is that short. `1.234` is one thousand two hundred thirty-four.
 */
import { isExcelError, type CellInput } from './cell-value.js';
import { cleanText } from './clean-text.js';
import { ok, problem, type Coerced } from './coercion.js';

const GERMAN = /^-?\d{1,3}(?:[. ]\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$/;
const DOT_DECIMAL = /^-?\d+\.\d{1,2}$/;

/** A number from a number cell or German text; `null` when empty. */
export function numberCell(cell: CellInput): Coerced<number | null> {
  if (cell === null) return ok(null);
  if (isExcelError(cell)) {
    return problem('EXCEL_ERROR', `Die Zelle enthält den Excel-Fehler ${cell.excelError}.`);
  }
  if (typeof cell === 'number') return ok(cell);
  if (typeof cell === 'boolean' || cell instanceof Date) return invalid(String(cell));
  const text = cleanText(cell).replace(/\s*(?:€|EUR)$/i, '');
  if (text === '') return ok(null);
  if (DOT_DECIMAL.test(text)) return ok(Number(text));
  if (!GERMAN.test(text)) return invalid(text);
  return ok(Number(text.replace(/[. ]/g, '').replace(',', '.')));
}

/** An amount in EUR, at least 0, as a decimal string with two places. */
export function amountCell(cell: CellInput): Coerced<string | null> {
  const number = numberCell(cell);
  if (!number.ok || number.value === null) return number as Coerced<null>;
  if (number.value < 0) {
    return problem('AMOUNT_NEGATIVE', `Der Betrag ${euro(number.value)} ist negativ.`);
  }
  if (number.value >= 1e10) {
    return problem('AMOUNT_TOO_LARGE', `Der Betrag ${euro(number.value)} ist unplausibel groß.`);
  }
  // Rounded to cents: formula results like 4500.000000001 are cents, not fractions of them.
  return ok((Math.round(number.value * 100) / 100).toFixed(2));
}

/** A count of at least 1. */
export function positiveCountCell(cell: CellInput): Coerced<number | null> {
  const number = numberCell(cell);
  if (!number.ok || number.value === null) return number;
  if (!Number.isInteger(number.value)) {
    return problem('COUNT_NOT_INTEGER', `„${shown(number.value)}“ ist keine ganze Zahl.`);
  }
  if (number.value < 1) {
    return problem(
      'COUNT_NOT_POSITIVE',
      `Die Anzahl muss mindestens 1 sein, nicht ${number.value}.`,
    );
  }
  return number.value > 100_000
    ? problem('COUNT_TOO_LARGE', `Die Anzahl ${number.value} ist unplausibel groß.`)
    : number;
}

/** A German rendering of an amount, for messages. */
export function euro(value: number | string): string {
  return `${Number(value).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
}

function shown(value: number): string {
  return String(value).replace('.', ',');
}

function invalid(value: string): Coerced<never> {
  return problem('NUMBER_INVALID', `„${value}“ ist keine Zahl (erwartet z. B. 1.234,56).`);
}
