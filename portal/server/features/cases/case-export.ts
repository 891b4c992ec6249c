/**
 * The officers' case search as a file: xlsx (exceljs streaming writer, one batch of rows in
 * memory at a time) or CSV (`;`-separated, UTF-8 with BOM, as German Excel opens it). Cells are
 * formula-safe in both: a text that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading apostrophe (OWASP's advice on CSV injection), so a recipient name such as
 * `=HYPERLINK(...)` from a KfW file is shown as text, never evaluated.
 */
import ExcelJS from 'exceljs';
import type { CaseSummary } from './service.js';

/** Export formats. */
export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Content types of the formats. */
export const exportContentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const columns: { header: string; value: (c: CaseSummary) => string | number | null }[] = [
  { header: 'Antragsnummer', value: (c) => c.antragsnummer },
  { header: 'Programm', value: (c) => c.programm },
  { header: 'Status', value: (c) => c.status },
  { header: 'Reporting-ID', value: (c) => c.reportingId },
  { header: 'Zuwendungsempfänger', value: (c) => c.empfaenger },
  { header: 'Ladepunkte beantragt', value: (c) => c.anzahlLadepunkteBeantragt },
  { header: 'Nächste Frist', value: (c) => c.naechsteFrist },
];

/** A text that a spreadsheet would take for a formula, made plain text. */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const cell = (value: string | number | null) =>
  typeof value === 'string' ? formulaSafe(value) : value;

/** Writes the rows as `format` to `out`. */
export async function writeCaseExport(
  format: ExportFormat,
  batches: AsyncIterable<CaseSummary[]>,
  out: NodeJS.WritableStream,
): Promise<void> {
  if (format === 'csv') return writeCsv(batches, out);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as never,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Förderfälle');
  sheet.columns = columns.map((c) => ({ header: c.header, width: 24 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches)
    for (const row of batch) sheet.addRow(columns.map((c) => cell(c.value(row)))).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * CSV by hand: every field quoted (RFC 4180 doubling of quotes), `;` as German Excel expects, a
 * BOM so it reads UTF-8. A library would add a dependency for these few lines; exceljs' own CSV
 * writer needs the whole workbook in memory.
 */
async function writeCsv(batches: AsyncIterable<CaseSummary[]>, out: NodeJS.WritableStream) {
  const field = (value: string | number | null) =>
    value === null ? '' : `"${String(cell(value)).replace(/"/g, '""')}"`;
  const line = (values: (string | number | null)[]) => `${values.map(field).join(';')}\r\n`;
  await write(out, `\uFEFF${line(columns.map((c) => c.header))}`);
  for await (const batch of batches)
    await write(out, batch.map((row) => line(columns.map((c) => c.value(row)))).join(''));
}

/** Writes and waits for the stream to drain when it asks to. */
function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(chunk, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else out.once('drain', () => resolve());
  });
}
