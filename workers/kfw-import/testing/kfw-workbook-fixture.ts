/**
 * Writes KfW hand-over files for tests, at test time, with exceljs's streaming writer (so no
 * binary fixture is committed). Rows are given by column key; every trap of the format can be
 * expressed: numbers where text belongs, Excel serial dates, formulas, rich text, preambles.
 */
import ExcelJS from 'exceljs';
import { KFW_COLUMNS, type KfwColumnKey } from '../kfw-columns.js';

/** A cell in a fixture: a plain value, or a value with an Excel number format. */
export type FixtureCell =
  ExcelJS.CellValue | { readonly value: ExcelJS.CellValue; readonly numFmt: string };

/** One fixture row: cells by column key (missing keys stay empty). */
export type FixtureRow = Partial<Record<KfwColumnKey, FixtureCell>>;

/** What to write. */
export interface KfwWorkbookFixture {
  /** @default 'Antraege' */
  readonly sheetName?: string;
  /** Rows above the header (titles, export dates). */
  readonly preamble?: readonly (readonly ExcelJS.CellValue[])[];
  /** Header texts per column key (to test spelling variants); @default the documented texts. */
  readonly headerTexts?: Partial<Record<KfwColumnKey, string>>;
  /** Columns to leave out of the header entirely. */
  readonly omitColumns?: readonly KfwColumnKey[];
  /** Extra columns KfW might add, appended after the known ones. */
  readonly extraHeaders?: readonly string[];
  /** The applications; any iterable, so a generator can stream 100,000 rows without an array. */
  readonly rows: Iterable<FixtureRow>;
  /** @default true: strings go to sharedStrings.xml; false writes inline strings. */
  readonly sharedStrings?: boolean;
  /** Additional sheets written before the KfW sheet. */
  readonly otherSheets?: readonly string[];
}

/** Writes the fixture to `path` as .xlsx. */
export async function writeKfwWorkbook(path: string, fixture: KfwWorkbookFixture): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: fixture.sharedStrings ?? true,
    useStyles: true,
  });
  for (const name of fixture.otherSheets ?? []) {
    const other = workbook.addWorksheet(name);
    other.addRow(['Hinweise']).commit();
    other.commit();
  }
  const sheet = workbook.addWorksheet(fixture.sheetName ?? 'Antraege');
  for (const line of fixture.preamble ?? []) sheet.addRow([...line]).commit();
  const omitted = new Set(fixture.omitColumns ?? []);
  const columns = KFW_COLUMNS.filter((column) => !omitted.has(column.key));
  sheet
    .addRow([
      ...columns.map((column) => fixture.headerTexts?.[column.key] ?? column.header),
      ...(fixture.extraHeaders ?? []),
    ])
    .commit();
  for (const cells of fixture.rows) {
    const row = sheet.addRow([]);
    columns.forEach((column, index) => {
      const cell = cells[column.key];
      if (cell === undefined) return;
      const target = row.getCell(index + 1);
      if (isFormatted(cell)) {
        target.value = cell.value;
        target.numFmt = cell.numFmt;
      } else {
        target.value = cell as ExcelJS.CellValue;
        if (cell instanceof Date) target.numFmt = 'dd.mm.yyyy';
      }
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

function isFormatted(cell: FixtureCell): cell is { value: ExcelJS.CellValue; numFmt: string } {
  return (
    typeof cell === 'object' &&
    cell !== null &&
    !(cell instanceof Date) &&
    'numFmt' in cell &&
    'value' in cell
  );
}
