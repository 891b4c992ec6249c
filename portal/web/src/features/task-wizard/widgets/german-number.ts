/**
 * German number and date text <-> the values the schema stores. Written here because the
 * browser's `type="number"` and `type="date"` follow the device locale, not the form's language,
 * and `Intl` formats but does not parse.
 */

/** `1.234,5` (or `1234.5`) -> 1234.5; undefined for empty; NaN for text that is no number. */
export function parseGermanNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!trimmed) return undefined;
  const normalised = trimmed.includes(',')
    ? trimmed.replace(/\./g, '').replace(',', '.')
    : /^-?\d{1,3}(\.\d{3})+$/.test(trimmed)
      ? trimmed.replace(/\./g, '')
      : trimmed;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** 1234.5 -> `1.234,5`. */
export function formatGermanNumber(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? value.toLocaleString('de-DE', { maximumFractionDigits: 10 })
    : '';
}

/** `15.03.2026` -> `2026-03-15`; undefined for empty; null for text that is no valid date. */
export function parseGermanDate(text: string): string | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2026-03-15` -> `15.03.2026`. */
export function formatGermanDate(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}
