/**
 * The way back to KfW: one line per application (Programm + Antragsnummer) with what the
 * platform knows and KfW does not: the Reporting-ID, the case status, the first commissioning
 * and the charging points in operation. As xlsx (exceljs's streaming writer, so 100,000 cases
 * never sit in memory) or as CSV (`;`, UTF-8 with BOM, as German spreadsheet programs open it).
 * Every text cell is formula-safe: text starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading apostrophe, as in the import's row report.
 *
 * @example
 *   const { rows } = await writeKfwExport(db.sequelize, { format: 'csv' }, createWriteStream('kfw.csv'));
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Sequelize } from 'sequelize';
import { loadExportPage, type KfwExportRow } from './kfw-export-rows.js';

/** Options of {@link writeKfwExport}. */
export interface KfwExportOptions {
  readonly format: 'xlsx' | 'csv';
  /** Cases read per query. @default 1000 */
  readonly pageSize?: number;
}

/** The columns, in KfW's words. */
export const KFW_EXPORT_HEADERS = [
  'Programm',
  'Antragsnummer',
  'Zuwendungsempfänger',
  'Reporting-ID',
  'Status',
  'Inbetriebnahme',
  'Ladepunkte in Betrieb',
] as const;

/** An export format other than xlsx or csv was asked for. */
export class KfwExportFormatError extends Error {
  readonly code = 'KFW_EXPORT_FORMAT';
  constructor(readonly format: string) {
    super(`KfW export format "${format}" is not supported (xlsx or csv)`);
    this.name = 'KfwExportFormatError';
  }
}

/** Writes the export to `out` (and ends it); resolves with the number of case lines. */
export async function writeKfwExport(
  sequelize: Sequelize,
  options: KfwExportOptions,
  out: Writable,
): Promise<{ rows: number }> {
  const pages = loadExportPages(sequelize, options.pageSize ?? 1000);
  if (options.format === 'xlsx') return writeXlsx(pages, out);
  if (options.format === 'csv') return writeCsv(pages, out);
  throw new KfwExportFormatError(String(options.format));
}

async function* loadExportPages(
  sequelize: Sequelize,
  pageSize: number,
): AsyncGenerator<KfwExportRow> {
  let after: Parameters<typeof loadExportPage>[1] = null;
  for (;;) {
    const page = await loadExportPage(sequelize, after, pageSize);
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

async function writeXlsx(rows: AsyncIterable<KfwExportRow>, out: Writable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Rueckmeldung', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [10, 20, 40, 16, 26, 14, 12].map((width) => ({ width }));
  const header = sheet.addRow([...KFW_EXPORT_HEADERS]);
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const row of rows) {
    const line = sheet.addRow([
      formulaSafe(row.programm),
      formulaSafe(row.antragsnummer),
      formulaSafe(row.zuwendungsempfaenger),
      row.reportingId === null ? null : formulaSafe(row.reportingId),
      row.status,
      row.inbetriebnahme === null ? null : new Date(`${row.inbetriebnahme}T00:00:00Z`),
      row.ladepunkteInBetrieb,
    ]);
    line.getCell(6).numFmt = 'dd.mm.yyyy';
    line.commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return { rows: count };
}

async function writeCsv(rows: AsyncIterable<KfwExportRow>, out: Writable) {
  // Written by hand: quoting per RFC 4180 is a few lines, and the library exceljs bundles for
  // CSV reads the whole workbook into memory first.
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\ufeff${KFW_EXPORT_HEADERS.map(csvField).join(';')}\r\n`);
  let count = 0;
  for await (const row of rows) {
    const fields = [
      row.programm,
      row.antragsnummer,
      row.zuwendungsempfaenger,
      row.reportingId ?? '',
      row.status,
      row.inbetriebnahme ? germanDate(row.inbetriebnahme) : '',
      String(row.ladepunkteInBetrieb),
    ];
    await write(`${fields.map((field) => csvField(formulaSafe(field))).join(';')}\r\n`);
    count += 1;
  }
  out.end();
  await once(out, 'finish');
  return { rows: count };
}

function csvField(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `2024-07-01` as `01.07.2024`. */
function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
