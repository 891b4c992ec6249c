/**
 * German postcodes are five-digit TEXT: Excel turns `01067` into the number 1067, so a number
 * (or four-digit text, the same loss after a CSV round trip) is padded back to five digits.
 */
import type { CellInput } from './cell-value.js';
import { cellText } from './clean-text.js';
import { ok, problem, type Coerced } from './coercion.js';

/** `1067` -> `"01067"`; accepts 01001 to 99999. */
export function plzCell(cell: CellInput): Coerced<string | null> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return invalid(String(cell));
    return checked(String(cell).padStart(5, '0'));
  }
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text;
  const digits = text.value.replace(/^D-/i, '');
  if (/^\d{4}$/.test(digits)) return checked(`0${digits}`);
  return /^\d{5}$/.test(digits) ? checked(digits) : invalid(text.value);
}

function checked(plz: string): Coerced<string> {
  // The lowest German postcode is 01001.
  return /^\d{5}$/.test(plz) && plz >= '01001' ? ok(plz) : invalid(plz);
}

function invalid(value: string): Coerced<never> {
  return problem('PLZ_INVALID', `„${value}“ ist keine fünfstellige Postleitzahl.`);
}
