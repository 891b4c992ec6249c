/**
 * Why a whole KfW file is rejected. One class per failure mode, each with a stable `code` (for
 * the portal, the operator CLI and the process) and a German message that tells KfW's staff
 * what to change. A rejected file stores nothing.
 */

/** Base class of every whole-file rejection. */
export abstract class KfwFileRejectedError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The file is not an xlsx workbook: not a zip, a damaged zip, an old `.xls`, or a zip of something else. */
export class NotAWorkbookError extends KfwFileRejectedError {
  readonly code = 'KFW_FILE_NOT_XLSX';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx): ${reason}`, options);
  }
}

/** The file itself (compressed) is larger than allowed. */
export class FileTooLargeError extends KfwFileRejectedError {
  readonly code = 'KFW_FILE_TOO_LARGE';
  constructor(
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `Die Datei ist ${formatBytes(sizeBytes)} groß; erlaubt sind höchstens ${formatBytes(limitBytes)}.`,
    );
  }
}

/**
 * The workbook would expand past a limit when unpacked (a "zip bomb", or a lying size in the zip
 * directory): by total size, by one part's size, by number of parts, or by compression ratio.
 */
export class DecompressionLimitError extends KfwFileRejectedError {
  readonly code = 'KFW_FILE_DECOMPRESSION_LIMIT';
  constructor(
    readonly entry: string | null,
    reason: string,
  ) {
    super(
      `Die Datei wird beim Entpacken unzulässig groß${entry ? ` (Teil ${entry})` : ''}: ${reason}. ` +
        'Bitte die Datei neu aus Excel speichern; enthält sie wirklich so viele Daten, bitte in mehrere Dateien aufteilen.',
    );
  }
}

/** The workbook has no sheet named `Antraege`. */
export class SheetMissingError extends KfwFileRejectedError {
  readonly code = 'KFW_SHEET_MISSING';
  constructor(
    readonly expected: string,
    readonly found: readonly string[],
  ) {
    super(
      `Das Tabellenblatt „${expected}“ fehlt. Vorhandene Blätter: ${found.length ? found.map((name) => `„${name}“`).join(', ') : 'keine'}.`,
    );
  }
}

/** No row of the first rows looks like the header (`Programm` and `Antragsnummer`). */
export class HeaderMissingError extends KfwFileRejectedError {
  readonly code = 'KFW_HEADER_MISSING';
  constructor(
    readonly sheet: string,
    readonly searchedRows: number,
  ) {
    super(
      `Im Blatt „${sheet}“ wurde in den ersten ${searchedRows} Zeilen keine Kopfzeile mit den Spalten „Programm“ und „Antragsnummer“ gefunden.`,
    );
  }
}

/** The header row lacks required columns. */
export class ColumnsMissingError extends KfwFileRejectedError {
  readonly code = 'KFW_COLUMNS_MISSING';
  constructor(
    readonly headerRow: number,
    readonly missing: readonly string[],
  ) {
    super(
      `In der Kopfzeile (Zeile ${headerRow}) fehlen die Pflichtspalten ${missing.map((name) => `„${name}“`).join(', ')}.`,
    );
  }
}

/** Two header cells name the same column, so the importer cannot tell which one is meant. */
export class DuplicateColumnError extends KfwFileRejectedError {
  readonly code = 'KFW_COLUMN_DUPLICATE';
  constructor(
    readonly headerRow: number,
    readonly header: string,
    readonly columns: readonly string[],
  ) {
    super(
      `Die Spalte „${header}“ steht in der Kopfzeile (Zeile ${headerRow}) mehrfach: Spalten ${columns.join(', ')}.`,
    );
  }
}

/** The sheet has more rows than one import takes. */
export class TooManyRowsError extends KfwFileRejectedError {
  readonly code = 'KFW_TOO_MANY_ROWS';
  constructor(
    readonly sheet: string,
    readonly rows: number,
    readonly limit: number,
  ) {
    super(
      `Das Blatt „${sheet}“ hat ${rows.toLocaleString('de-DE')} Zeilen; eine Datei darf höchstens ${limit.toLocaleString('de-DE')} enthalten. Bitte in mehrere Dateien aufteilen.`,
    );
  }
}

/** The sheet's XML cannot be read (damaged part). */
export class DamagedWorkbookError extends KfwFileRejectedError {
  readonly code = 'KFW_FILE_DAMAGED';
  constructor(part: string, options?: { cause?: unknown }) {
    super(`Die Arbeitsmappe ist beschädigt: Teil ${part} ist nicht lesbar.`, options);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} Bytes`;
}
