/**
 * One plain value per cell, whatever exceljs made of it: rich text becomes its text, a formula
 * becomes its cached result (what KfW's staff saw; the formula itself is never kept), a
 * hyperlink its text, an Excel error (`#NV`, `#DIV/0!`) a marker the row rules reject.
 */

/** An Excel error value in a cell, e.g. `#N/A`. */
export interface ExcelErrorValue {
  readonly excelError: string;
}

/** A cell as the row rules see it. */
export type CellInput = string | number | boolean | Date | ExcelErrorValue | null;

/** True for the marker of an Excel error value. */
export function isExcelError(value: CellInput): value is ExcelErrorValue {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** Flattens an exceljs cell value. */
export function plainCellValue(value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    // A formula whose cached result is not a number is parsed by exceljs as NaN.
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value !== 'object') return String(value);
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.richText)) {
    return (record.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('formula' in record || 'sharedFormula' in record) {
    return 'result' in record ? plainCellValue(record.result) : null;
  }
  if (typeof record.error === 'string') return { excelError: record.error };
  if ('text' in record) return plainCellValue(record.text);
  return null;
}
