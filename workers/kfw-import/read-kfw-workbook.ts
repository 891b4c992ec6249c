/**
 * Streaming reader of the KfW hand-over file: finds the sheet `Antraege`, the header row below
 * any preamble rows, maps the columns by their header texts and yields one raw row at a time.
 * Pure reading: nothing is coerced or validated here (see `validate-row.ts`).
 *
 * @example
 *   const workbook = await openKfwWorkbook('/inbox/antraege.xlsx');
 *   try {
 *     for await (const row of workbook.rows()) console.log(row.rowNumber, row.cells.programm);
 *   } finally {
 *     workbook.close();
 *   }
 */
import type { Readable } from 'node:stream';
import type { Row } from 'exceljs';
import { plainCellValue, type CellInput } from './cell-value.js';
import { countSheetRows } from './count-sheet-rows.js';
import {
  createWorkbookReader,
  worksheetRows,
  type WorkbookReaderInternals,
} from './exceljs-internals.js';
import { headerKey } from './header-text.js';
import { InlineRichTextMerger } from './inline-rich-text.js';
import { KFW_COLUMNS, type KfwColumnKey } from './kfw-columns.js';
import {
  ColumnsMissingError,
  DamagedWorkbookError,
  DuplicateColumnError,
  HeaderMissingError,
  KfwFileRejectedError,
  NotAWorkbookError,
  SheetMissingError,
  TooManyRowsError,
} from './kfw-file-errors.js';
import {
  DEFAULT_ZIP_LIMITS,
  openGuardedZip,
  type GuardedZip,
  type ZipLimits,
} from './zip-guard.js';

/** The sheet name of the format. */
export const KFW_SHEET_NAME = 'Antraege';
/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 50;

/** One data row: the Excel row number and the cells of the known columns. */
export interface KfwSheetRow {
  readonly rowNumber: number;
  readonly cells: Readonly<Partial<Record<KfwColumnKey, CellInput>>>;
}

/** An opened, checked workbook whose rows can be streamed once. */
export interface KfwWorkbook {
  readonly sheetName: string;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  /** The header text as written in the file, per column key found. */
  readonly headers: ReadonlyMap<KfwColumnKey, string>;
  /** Header texts of columns the format does not know (ignored). */
  readonly ignoredHeaders: readonly string[];
  /** Rows below the header (an upper bound: empty rows are skipped). */
  readonly rowsBelowHeader: number;
  /** Streams the data rows below the header; empty rows are skipped. */
  rows(): AsyncIterable<KfwSheetRow>;
  /** Releases the file handle (also done when `rows()` ends). */
  close(): void;
}

/** Options of {@link openKfwWorkbook}. */
export interface OpenKfwWorkbookOptions {
  /** @default DEFAULT_ZIP_LIMITS */
  readonly limits?: ZipLimits;
  /** @default 250,000: more rows than the largest KfW batch; larger files are rejected whole. */
  readonly maxRows?: number;
}

/** The default of {@link OpenKfwWorkbookOptions.maxRows}. */
export const DEFAULT_MAX_ROWS = 250_000;

/**
 * Opens a KfW file, checks it and reads up to its header row.
 * @throws KfwFileRejectedError (one subclass per reason) when the file is rejected whole.
 */
export async function openKfwWorkbook(
  path: string,
  options: OpenKfwWorkbookOptions = {},
): Promise<KfwWorkbook> {
  const zip = await openGuardedZip(path, options.limits ?? DEFAULT_ZIP_LIMITS);
  try {
    return await readHeader(zip, options.maxRows ?? DEFAULT_MAX_ROWS);
  } catch (error) {
    zip.close();
    throw error instanceof KfwFileRejectedError
      ? error
      : new DamagedWorkbookError('Arbeitsmappe', { cause: error });
  }
}

async function readHeader(zip: GuardedZip, maxRows: number): Promise<KfwWorkbook> {
  const reader = createWorkbookReader();
  await parsePart(zip, 'xl/_rels/workbook.xml.rels', (s) => reader._parseRels(s), true);
  await parsePart(zip, 'xl/workbook.xml', (s) => reader._parseWorkbook(s), true);
  await parsePart(zip, 'xl/styles.xml', (s) => reader._parseStyles(s), false);
  await parsePart(
    zip,
    'xl/sharedStrings.xml',
    async (s) => {
      for await (const _ of reader._parseSharedStrings(s)) {
        // cache mode: the strings are kept on the reader, nothing is emitted
      }
    },
    false,
  );
  const sheet = findSheet(reader, zip);
  const totalRows = await countSheetRows(zip, sheet.part);
  if (totalRows > maxRows) throw new TooManyRowsError(sheet.name, totalRows, maxRows);
  const sheetText = (await textChunks(zip, sheet.part)).pipe(new InlineRichTextMerger());
  const iterator = worksheetRows(reader, sheetText)[Symbol.asyncIterator]();

  let consumed = 0;
  for (;;) {
    const next = await nextRow(iterator, sheet.part);
    if (next.done || next.value.number > HEADER_SEARCH_ROWS) {
      throw new HeaderMissingError(sheet.name, HEADER_SEARCH_ROWS);
    }
    consumed += 1;
    const header = mapHeader(next.value);
    if (header) {
      return opened(zip, sheet, next.value.number, header, iterator, totalRows - consumed);
    }
  }
}

interface HeaderMap {
  readonly indexes: Map<KfwColumnKey, number>;
  readonly texts: Map<KfwColumnKey, string>;
  readonly ignored: string[];
}

const COLUMN_BY_KEY = new Map(KFW_COLUMNS.map((column) => [headerKey(column.header), column]));
const PROGRAMM = headerKey('Programm');
const ANTRAGSNUMMER = headerKey('Antragsnummer');

/** Maps a row to columns if it is the header row (it names `Programm` and `Antragsnummer`). */
function mapHeader(row: Row): HeaderMap | null {
  const texts = cellTexts(row);
  const keys = new Set(texts.map(([, text]) => headerKey(text)));
  if (!keys.has(PROGRAMM) || !keys.has(ANTRAGSNUMMER)) return null;

  const indexes = new Map<KfwColumnKey, number>();
  const headerTexts = new Map<KfwColumnKey, string>();
  const ignored: string[] = [];
  for (const [index, text] of texts) {
    const column = COLUMN_BY_KEY.get(headerKey(text));
    if (!column) {
      if (text.trim() !== '') ignored.push(text.trim());
      continue;
    }
    const earlier = indexes.get(column.key);
    if (earlier !== undefined) {
      throw new DuplicateColumnError(row.number, column.header, [
        columnLetter(earlier),
        columnLetter(index),
      ]);
    }
    indexes.set(column.key, index);
    headerTexts.set(column.key, text);
  }
  const missing = KFW_COLUMNS.filter(
    (column) => column.presence === 'required' && !indexes.has(column.key),
  ).map((column) => column.header);
  if (missing.length) throw new ColumnsMissingError(row.number, missing);
  return { indexes, texts: headerTexts, ignored };
}

function cellTexts(row: Row): [number, string][] {
  const values = row.values as unknown[];
  const texts: [number, string][] = [];
  values.forEach((value, index) => {
    const plain = plainCellValue(value);
    if (typeof plain === 'string' || typeof plain === 'number') texts.push([index, String(plain)]);
  });
  return texts;
}

function opened(
  zip: GuardedZip,
  sheet: SheetRef,
  headerRow: number,
  header: HeaderMap,
  iterator: AsyncIterator<Row>,
  rowsBelowHeader: number,
): KfwWorkbook {
  let started = false;
  return {
    sheetName: sheet.name,
    headerRow,
    headers: header.texts,
    ignoredHeaders: header.ignored,
    rowsBelowHeader,
    close: () => zip.close(),
    async *rows() {
      if (started) throw new Error('the rows of a KfW workbook can be read only once');
      started = true;
      try {
        for (;;) {
          const next = await nextRow(iterator, sheet.part);
          if (next.done) return;
          const cells = rowCells(next.value, header.indexes);
          if (cells) yield { rowNumber: next.value.number, cells };
        }
      } finally {
        zip.close();
      }
    },
  };
}

function rowCells(
  row: Row,
  indexes: ReadonlyMap<KfwColumnKey, number>,
): Partial<Record<KfwColumnKey, CellInput>> | null {
  const values = row.values as unknown[];
  const cells: Partial<Record<KfwColumnKey, CellInput>> = {};
  let empty = true;
  for (const [key, index] of indexes) {
    const value = plainCellValue(values[index]);
    cells[key] = value;
    if (value !== null && !(typeof value === 'string' && value.trim() === '')) empty = false;
  }
  return empty ? null : cells;
}

async function nextRow(iterator: AsyncIterator<Row>, part: string): Promise<IteratorResult<Row>> {
  try {
    return await iterator.next();
  } catch (error) {
    if (error instanceof KfwFileRejectedError) throw error;
    throw new DamagedWorkbookError(part, { cause: error });
  }
}

interface SheetRef {
  readonly name: string;
  readonly part: string;
}

function findSheet(reader: WorkbookReaderInternals, zip: GuardedZip): SheetRef {
  const sheets = reader.model?.sheets ?? [];
  const wanted = headerKey(KFW_SHEET_NAME);
  const sheet = sheets.find((candidate) => headerKey(candidate.name) === wanted);
  if (!sheet)
    throw new SheetMissingError(
      KFW_SHEET_NAME,
      sheets.map((s) => s.name),
    );
  const rel = reader.workbookRels?.find((candidate) => candidate.Id === sheet.rId);
  if (!rel) throw new NotAWorkbookError(`das Blatt „${sheet.name}“ hat keinen Teil`);
  // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/...").
  const part = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`;
  if (!zip.has(part)) throw new NotAWorkbookError(`der Teil ${part} fehlt`);
  return { name: sheet.name, part };
}

async function parsePart(
  zip: GuardedZip,
  part: string,
  parse: (chunks: Readable) => Promise<void>,
  required: boolean,
): Promise<void> {
  if (!zip.has(part)) {
    if (required) throw new NotAWorkbookError(`der Teil ${part} fehlt`);
    return;
  }
  try {
    await parse(await textChunks(zip, part));
  } catch (error) {
    if (error instanceof KfwFileRejectedError) throw error;
    throw new DamagedWorkbookError(part, { cause: error });
  }
}

/** The part's text, decoded as one UTF-8 stream (characters split across chunks stay whole). */
async function textChunks(zip: GuardedZip, part: string): Promise<Readable> {
  const stream = await zip.openEntry(part);
  stream.setEncoding('utf8');
  return stream;
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
