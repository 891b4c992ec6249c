/**
 * Text normalisation and the formula rule.
 *
 * Import: every text cell is trimmed, brought to Unicode NFC (macOS and some databases deliver
 * decomposed umlauts, which would otherwise make "Müller" and "Müller" two people), and every
 * run of white space, non-breaking spaces, tabs and line breaks becomes one space. A text
 * that then starts with `=`, `+`, `-` or `@` is rejected (code `FORMULA_LIKE`): spreadsheet
 * programs treat such a cell as a formula when the data is exported again (CSV/formula
 * injection), and no name, address or number of the format legitimately starts that way. The
 * only exception is a telephone number in international form (`+49 ...`), checked by its own
 * pattern. Rejecting (instead of silently stripping) keeps KfW's data and ours identical.
 *
 * Export: {@link formulaSafe} prefixes such values with an apostrophe in every cell the platform
 * writes (row reports, the way back to KfW), so even stored data from another source cannot run
 * as a formula in an analyst's or KfW clerk's spreadsheet.
 */
import { isExcelError, type CellInput } from './cell-value.js';
import { ok, problem, type Coerced } from './coercion.js';

const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Trim, NFC, one plain space for every run of white space; control characters removed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .trim();
}

/** Characters that make a spreadsheet cell start a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** True when a value would be taken for a formula by a spreadsheet program. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * A value made safe for a spreadsheet cell or CSV field: text that would start a formula gets a
 * leading apostrophe (shown as text by Excel, LibreOffice and Google Sheets).
 * @example formulaSafe('=HYPERLINK("http://x")') === `'=HYPERLINK("http://x")`
 */
export function formulaSafe<T>(value: T): T | string {
  return typeof value === 'string' && looksLikeFormula(value) ? `'${value}` : value;
}

/** The cell as cleaned text (numbers are written without exponent); empty becomes null. */
export function cellText(cell: CellInput): Coerced<string | null> {
  if (cell === null) return ok(null);
  if (isExcelError(cell)) {
    return problem('EXCEL_ERROR', `Die Zelle enthält den Excel-Fehler ${cell.excelError}.`);
  }
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  if (typeof cell === 'boolean') return ok(cell ? 'WAHR' : 'FALSCH');
  const text = cleanText(typeof cell === 'number' ? numberText(cell) : cell);
  return ok(text === '' ? null : text);
}

/** A free text column: cleaned, formula-looking values rejected, length bounded. */
export function textCell(maxLength: number): (cell: CellInput) => Coerced<string | null> {
  return (cell) => {
    const text = cellText(cell);
    if (!text.ok || text.value === null) return text;
    if (looksLikeFormula(text.value)) return formulaProblem(text.value);
    if (text.value.length > maxLength) {
      return problem(
        'TOO_LONG',
        `Der Text ist ${text.value.length} Zeichen lang; erlaubt sind ${maxLength}.`,
      );
    }
    return text;
  };
}

/** The problem of a formula-looking value. */
export function formulaProblem(text: string): Coerced<never> {
  return problem(
    'FORMULA_LIKE',
    `Der Wert beginnt mit „${text[0]}“ und würde in Tabellenprogrammen als Formel ausgeführt; bitte ohne dieses Zeichen liefern.`,
  );
}

function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}
