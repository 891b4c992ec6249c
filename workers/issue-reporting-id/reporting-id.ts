/**
 * The Reporting-ID: `RP-XXXX-XXXX-XXXX-NN`, twelve characters of Crockford's base 32 (no I, L,
 * O, U: nothing to misread on the phone) drawn from `crypto.randomBytes` (60 random bits: not
 * guessable, not derived from any id), and two check digits by ISO 7064 MOD 97-10 (as in the
 * IBAN), so every single typo and almost every swap of two characters is caught before KfW
 * looks a case up.
 *
 * @example
 *   const id = newReportingId(); // 'RP-7K2M-Q9XD-0T4H-53'
 *   isValidReportingId(id); // true
 *   isValidReportingId('RP-7K2M-Q9XD-0T4H-35'); // false
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PATTERN =
  /^RP-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})-(\d{2})$/;

/** A fresh Reporting-ID. */
export function newReportingId(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(12);
  let body = '';
  for (let i = 0; i < 12; i += 1) body += ALPHABET[bytes[i]! % 32];
  return `RP-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${checkDigits(body)}`;
}

/** True for a well-formed Reporting-ID whose check digits match. */
export function isValidReportingId(value: string): boolean {
  const match = PATTERN.exec(value.trim().toUpperCase());
  if (!match) return false;
  const body = `${match[1]}${match[2]}${match[3]}`;
  return mod97(`${digitsOf(body)}${match[4]}`) === 1;
}

/** ISO 7064 MOD 97-10 check digits of the body. */
function checkDigits(body: string): string {
  return String(98 - mod97(`${digitsOf(body)}00`)).padStart(2, '0');
}

/** Each character as its two-digit value in the alphabet (`A` -> `10`, `Z` -> `31`). */
function digitsOf(body: string): string {
  return [...body].map((char) => String(ALPHABET.indexOf(char)).padStart(2, '0')).join('');
}

/** The remainder modulo 97 of a long decimal string, piecewise (no BigInt needed). */
function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  }
  return remainder;
}
