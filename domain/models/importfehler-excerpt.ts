/**
 * Bounded excerpts of what a row report (`importfehler`) stores. A rejected cell may be a
 * megabyte of text; `wert` and `meldung` are TEXT columns, which MySQL and MariaDB cap at
 * 65,535 bytes, so a whole giant cell made the insert fail and the import end without a report.
 * The report only has to show the officer which value was wrong, so a short excerpt and the
 * value's length are kept.
 */

/** Characters of a rejected value kept in `importfehler.wert`. */
export const IMPORT_VALUE_EXCERPT_CHARACTERS = 200;

/** Characters of a message kept in `importfehler.meldung` (messages may quote the value). */
export const IMPORT_MESSAGE_CHARACTERS = 2000;

/**
 * The value as `importfehler.wert` stores it: unchanged up to 200 characters, otherwise the
 * first 200 followed by `… (N Zeichen)`.
 *
 * @example
 *   importValueExcerpt('M'.repeat(1_000_000)); // 'MMM…M… (1.000.000 Zeichen)'
 */
export function importValueExcerpt(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return cut(value, IMPORT_VALUE_EXCERPT_CHARACTERS);
}

/** The message as `importfehler.meldung` stores it: cut after 2,000 characters, as the value. */
export function importMessageExcerpt(message: string): string {
  return cut(message, IMPORT_MESSAGE_CHARACTERS);
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Count code points, not UTF-16 units, so no surrogate pair is split in half.
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  return `${characters.slice(0, limit).join('')}… (${characters.length.toLocaleString('de-DE')} Zeichen)`;
}
