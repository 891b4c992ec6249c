/**
 * The parts of exceljs's streaming reader (4.4) that the KfW reader drives directly.
 *
 * Why not `new WorkbookReader(file)` and iterate? Its public loop reads the zip with a streaming
 * unzipper that follows local headers (it cannot see the zip directory the size checks rely
 * on), spills every sheet that comes before `sharedStrings.xml` to a temporary file (exceljs's
 * own writer puts the sheets first), and decodes each chunk as UTF-8 on its own, so an umlaut
 * split across two chunks turns into U+FFFD. Driving its part parsers with streams we control
 * keeps exceljs's XML and cell handling and fixes those three gaps. The package is pinned to
 * ~4.4.0 and the reader's tests exercise every method named here.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Row } from 'exceljs';

/**
 * A part's stream for exceljs's parsers (they listen to its events, so a Readable, not any
 * async iterable); set to UTF-8 encoding so exceljs never decodes bytes itself.
 */
export type ChunkSource = Readable;

/** `workbook.xml`: the sheets and their relationship ids. */
export interface WorkbookModel {
  sheets?: { name: string; id: number; rId: string; state?: string }[];
}

/** The private surface of `ExcelJS.stream.xlsx.WorkbookReader` used here. */
export interface WorkbookReaderInternals {
  workbookRels?: { Id: string; Target: string; Type?: string }[];
  model?: WorkbookModel;
  _parseRels(entry: ChunkSource): Promise<void>;
  _parseWorkbook(entry: ChunkSource): Promise<void>;
  _parseSharedStrings(entry: ChunkSource): AsyncGenerator<unknown>;
  _parseStyles(entry: ChunkSource): Promise<void>;
  _parseWorksheet(
    iterator: ChunkSource,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<Row> }>;
}

/** A workbook reader that caches shared strings and styles (so date formats are detected). */
export function createWorkbookReader(): WorkbookReaderInternals {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  return reader as unknown as WorkbookReaderInternals;
}

/** The row iterator of one sheet, parsed from the given chunks. */
export function worksheetRows(
  reader: WorkbookReaderInternals,
  chunks: ChunkSource,
): AsyncIterable<Row> {
  const [event] = [...reader._parseWorksheet(chunks, '1')];
  if (!event) throw new Error('exceljs emitted no worksheet reader');
  return event.value;
}
