/**
 * The downloadable row report of one import run: its stored row errors, in row order, read
 * page by page and written with the streaming xlsx writer (formula-safe cells).
 *
 * @example
 *   res.attachment('zeilenbericht.xlsx');
 *   await writeImportReport(db, importRunId, res);
 */
import type { Writable } from 'node:stream';
import type { Database } from '../../domain/index.js';
import type { RowProblem } from './validate-row.js';
import { writeRowReport } from './write-row-report.js';

/** No import run with this id. */
export class ImportRunNotFoundError extends Error {
  readonly code = 'KFW_IMPORT_RUN_NOT_FOUND';
  constructor(readonly importRunId: string) {
    super(`import run ${importRunId} does not exist`);
    this.name = 'ImportRunNotFoundError';
  }
}

/** Writes the run's report to `out`; resolves with the number of problems written. */
export async function writeImportReport(
  db: Database,
  importRunId: string,
  out: Writable,
  pageSize = 1000,
): Promise<number> {
  const run = await db.models.Importlauf.findByPk(importRunId);
  if (!run) throw new ImportRunNotFoundError(importRunId);
  const summary =
    `neu: ${run.neu}, aktualisiert: ${run.aktualisiert}, unverändert: ${run.unveraendert}, ` +
    `abgelehnt: ${run.abgelehnt}`;
  return writeRowReport(out, problemsOf(db, importRunId, pageSize), {
    title: run.dateiname,
    summary,
  });
}

/** The stored row errors of a run, in row order (then by column name), a page at a time. */
export async function* problemsOf(
  db: Database,
  importRunId: string,
  pageSize = 1000,
): AsyncIterable<RowProblem> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await db.models.Importfehler.findAll({
      where: { importlaufId: importRunId },
      // Row order, then column name, so the report is the same on every database.
      order: [
        ['zeile', 'ASC'],
        ['spalte', 'ASC'],
        ['code', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: pageSize,
      offset,
      raw: true,
    });
    for (const error of page) {
      yield {
        row: error.zeile,
        column: error.spalte ?? '',
        value: error.wert ?? '',
        message: error.meldung,
        code: error.code,
      };
    }
    if (page.length < pageSize) return;
  }
}
