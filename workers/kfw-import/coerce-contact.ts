/**
 * E-mail and telephone. The e-mail is the applicant's future login and, with the name, how the
 * same person is recognised across programmes, so it is stored in lower case.
 */
import { z } from 'zod';
import type { CellInput } from './cell-value.js';
import { cellText, formulaProblem, looksLikeFormula } from './clean-text.js';
import { ok, problem, type Coerced } from './coercion.js';

const EMAIL = z.email();

/** A syntactically valid e-mail address, lower-cased. */
export function emailCell(cell: CellInput): Coerced<string | null> {
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text;
  const address = text.value.replace(/^mailto:/i, '').toLowerCase();
  if (looksLikeFormula(address)) return formulaProblem(address);
  return address.length <= 254 && EMAIL.safeParse(address).success
    ? ok(address)
    : problem('EMAIL_INVALID', `„${text.value}“ ist keine gültige E-Mail-Adresse.`);
}

/** A telephone number: digits, spaces, `/ - ( )`, optionally `+` in front (`+49 30 1234567`). */
export function telefonCell(cell: CellInput): Coerced<string | null> {
  const text = cellText(cell);
  if (!text.ok || text.value === null) return text;
  if (/^\+?[0-9][0-9 ()/-]{3,30}$/.test(text.value)) return text;
  return looksLikeFormula(text.value) && !text.value.startsWith('+')
    ? formulaProblem(text.value)
    : problem('TELEFON_INVALID', `„${text.value}“ ist keine Telefonnummer.`);
}
