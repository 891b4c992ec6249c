/**
 * The row report of an import as a download: one line per problem (Excel row, column, value as
 * delivered, German message, code), written with exceljs's streaming writer so a report of a
 * 100,000-row file never sits in memory. Every text cell is formula-safe: a value that would
 * start a formula (`= + - @`, tab, CR) is written with a leading apostrophe.
 *
 * @example
 *   await writeRowReport(createWriteStream('fehler.xlsx'), problemsOf(runId), { title: 'antraege.xlsx' });
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formulaSafe } from './clean-text.js';
import type { RowProblem } from './validate-row.js';

/** What the report's first lines say. */
export interface RowReportHeading {
  /** The imported file's name. */
  readonly title: string;
  /** e.g. `neu: 10, aktualisiert: 2, unverändert: 0, abgelehnt: 3`. */
  readonly summary?: string;
}

const COLUMNS = [
  { header: 'Zeile', key: 'row', width: 8 },
  { header: 'Spalte', key: 'column', width: 32 },
  { header: 'Wert', key: 'value', width: 32 },
  { header: 'Meldung', key: 'message', width: 80 },
  { header: 'Code', key: 'code', width: 24 },
] as const;

/** Writes the report as xlsx to `out`; resolves with the number of problems written. */
export async function writeRowReport(
  out: Writable,
  problems: AsyncIterable<RowProblem> | Iterable<RowProblem>,
  heading: RowReportHeading,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Fehler', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = COLUMNS.map((column) => ({ key: column.key, width: column.width }));
  sheet.addRow([formulaSafe(`Zeilenbericht: ${heading.title}`)]).commit();
  sheet.addRow([formulaSafe(heading.summary ?? '')]).commit();
  const header = sheet.addRow(COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for await (const problem of problems) {
    sheet
      .addRow([
        problem.row,
        formulaSafe(problem.column),
        formulaSafe(problem.value),
        formulaSafe(problem.message),
        problem.code,
      ])
      .commit();
    written += 1;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
