/**
 * The KfW import service: one delivered file -> one import run (Importlauf). Whole-file
 * problems (not a workbook, no sheet or header, too large when unpacked) reject the file before
 * any row is stored; the run is kept with status `ABGELEHNT`, code and message. Otherwise rows are validated and upserted in batches, each in its own
 * transaction, with the run's counters (= progress) updated after every batch. A file whose
 * SHA-256 was imported completely before is not imported again.
 *
 * @example
 *   const outcome = await importKfwFile(db, '/srv/inbox/antraege.xlsx', { fileName: 'antraege.xlsx' });
 *   if (outcome.kind === 'imported') console.log(outcome.summary); // { new, updated, unchanged, rejected }
 */
import { basename } from 'node:path';
import {
  importMessageExcerpt,
  importValueExcerpt,
  type Database,
  type Importlauf,
} from '../../domain/index.js';
import type { ProgrammCode } from './coerce-enum.js';
import { sha256OfFile } from './file-hash.js';
import { KfwFileRejectedError } from './kfw-file-errors.js';
import { openKfwWorkbook, type KfwWorkbook } from './read-kfw-workbook.js';
import { insertRows } from './insert-rows.js';
import { upsertApplications, type ValidRow } from './upsert-applications.js';
import { validateKfwRow, type RowProblem } from './validate-row.js';
import type { ZipLimits } from './zip-guard.js';

/** The four counts of a run. */
export interface ImportSummary {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

/** What became of a file. */
export type ImportOutcome =
  | {
      readonly kind: 'imported';
      readonly importRunId: string;
      readonly summary: ImportSummary;
      /** Cases this run created, to start a `foerderfall` process for each. */
      readonly newCaseIds: readonly string[];
    }
  | {
      /** The same file (by SHA-256) was imported completely before; nothing was done. */
      readonly kind: 'already-imported';
      readonly importRunId: string;
      readonly summary: ImportSummary;
      /** The cases that earlier run created (so a re-delivered job can make sure each has its process). */
      readonly newCaseIds: readonly string[];
    }
  | {
      /** The file was rejected whole; nothing of it was stored, only the run with the error. */
      readonly kind: 'rejected';
      /** The run (status `ABGELEHNT`) recording the error; the same one for the same file. */
      readonly importRunId: string;
      readonly error: KfwFileRejectedError;
    };

/** Options of {@link importKfwFile}. */
export interface ImportKfwFileOptions {
  /** @default the path's base name */
  readonly fileName?: string;
  /** Where the file lives in storage (e.g. `kfw-inbox/antraege.xlsx`). */
  readonly storageKey?: string | null;
  /** Person id of whoever started the import; null for the system. */
  readonly startedBy?: string | null;
  /**
   * Rows per transaction. Each commit costs a disk flush (about 100 ms on a busy disk), so
   * 2,000 rows keep a 100,000-row file at 50 commits while progress still moves every 2 %.
   * @default 2000
   */
  readonly batchSize?: number;
  readonly limits?: ZipLimits;
  readonly maxRows?: number;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /**
   * A running run whose last progress is older than this is taken over by a new delivery of the
   * same file (its worker is gone); a younger one makes the new delivery wait.
   * @default 300,000 ms
   */
  readonly staleRunAfterMs?: number;
  /** Called after each committed batch (the same numbers are on the run in the database). */
  readonly onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

/** Rows done of rows in the file (the total is known before the first row). */
export interface ImportProgress {
  readonly importRunId: string;
  readonly rowsDone: number;
  readonly rowsTotal: number;
}

/**
 * Another worker is importing the same file right now (its run moved within the last minutes):
 * this delivery must not take it over. Retry later; by then the run has finished.
 */
export class ImportStillRunningError extends Error {
  readonly code = 'KFW_IMPORT_STILL_RUNNING';
  constructor(
    readonly importRunId: string,
    readonly lastProgressAt: Date,
  ) {
    super(
      `Importlauf ${importRunId} derselben Datei läuft noch (letzter Fortschritt ${lastProgressAt.toISOString()}).`,
    );
    this.name = 'ImportStillRunningError';
  }
}

/** Thrown for a run that broke off half-way (its run is marked FEHLGESCHLAGEN). */
export class ImportRunFailedError extends Error {
  readonly code = 'KFW_IMPORT_RUN_FAILED';
  constructor(
    readonly importRunId: string,
    options: { cause: unknown },
  ) {
    super(
      `Import run ${importRunId} failed: ${(options.cause as Error)?.message ?? String(options.cause)}`,
      options,
    );
    this.name = 'ImportRunFailedError';
  }
}

/** Imports one KfW file. Safe to call twice for the same file. */
export async function importKfwFile(
  db: Database,
  path: string,
  options: ImportKfwFileOptions = {},
): Promise<ImportOutcome> {
  const clock = options.clock ?? (() => new Date());
  const hash = await sha256OfFile(path);
  const previous = await db.models.Importlauf.findOne({
    where: { dateiHash: hash, status: 'ABGESCHLOSSEN' },
    order: [['gestartetAm', 'ASC']],
  });
  if (previous) {
    const cases = await db.models.Foerderfall.findAll({
      where: { importlaufId: previous.id },
      attributes: ['id'],
    });
    return {
      kind: 'already-imported',
      importRunId: previous.id,
      summary: summaryOf(previous),
      newCaseIds: cases.map((fall) => fall.id),
    };
  }

  let workbook: KfwWorkbook;
  try {
    workbook = await openKfwWorkbook(path, { limits: options.limits, maxRows: options.maxRows });
  } catch (error) {
    if (error instanceof KfwFileRejectedError) {
      const rejected = await recordRejectedRun(db, hash, path, error, options, clock);
      return { kind: 'rejected', importRunId: rejected.id, error };
    }
    throw error;
  }

  let run: Importlauf | undefined;
  try {
    run = await startRun(db, hash, workbook, path, options, clock);
    const result = await importRows(db, run, workbook, options);
    await run.update({
      status: 'ABGESCHLOSSEN',
      beendetAm: clock(),
      zeilenGesamt: result.rowsDone,
    });
    return {
      kind: 'imported',
      importRunId: run.id,
      summary: summaryOf(run),
      newCaseIds: result.newCaseIds,
    };
  } catch (error) {
    workbook.close();
    if (!run) throw error;
    await run
      .update({
        status: 'FEHLGESCHLAGEN',
        beendetAm: clock(),
        // a code only for damage in the file itself: a new delivery cannot get past it
        fehlercode: error instanceof KfwFileRejectedError ? error.code : null,
        fehlermeldung: messageOf(error),
      })
      .catch(() => undefined);
    throw new ImportRunFailedError(run.id, { cause: error });
  }
}

/**
 * A new run, or the unfinished run of the same file taken over (a job delivered again after
 * a crash): its row errors are cleared and its rows go through again, which is harmless
 * because every write is an upsert.
 */
async function startRun(
  db: Database,
  hash: string,
  workbook: KfwWorkbook,
  path: string,
  options: ImportKfwFileOptions,
  clock: () => Date,
): Promise<Importlauf> {
  const counters = {
    neu: 0,
    aktualisiert: 0,
    unveraendert: 0,
    abgelehnt: 0,
    zeilenGesamt: workbook.rowsBelowHeader,
  };
  const unfinished = await db.models.Importlauf.findOne({
    where: { dateiHash: hash, status: ['LAEUFT', 'FEHLGESCHLAGEN'] },
    order: [['gestartetAm', 'DESC']],
  });
  if (unfinished) {
    const lastProgress = unfinished.updatedAt;
    const staleAfter = options.staleRunAfterMs ?? 300_000;
    if (unfinished.status === 'LAEUFT' && clock().getTime() - lastProgress.getTime() < staleAfter) {
      throw new ImportStillRunningError(unfinished.id, lastProgress);
    }
    await db.models.Importfehler.destroy({ where: { importlaufId: unfinished.id } });
    return unfinished.update({
      ...counters,
      status: 'LAEUFT',
      beendetAm: null,
      fehlercode: null,
      fehlermeldung: null,
    });
  }
  return db.models.Importlauf.create({
    quelle: 'KFW_DATEI',
    dateiname: options.fileName ?? basename(path),
    dateiHash: hash,
    speicherSchluessel: options.storageKey ?? null,
    status: 'LAEUFT',
    gestartetAm: clock(),
    gestartetVon: options.startedBy ?? null,
    ...counters,
  });
}

/**
 * The run of a file rejected whole (status `ABGELEHNT`, with code and message), so operators
 * and `now import` can see why. The same file rejected again reuses its run.
 */
async function recordRejectedRun(
  db: Database,
  hash: string,
  path: string,
  error: KfwFileRejectedError,
  options: ImportKfwFileOptions,
  clock: () => Date,
): Promise<Importlauf> {
  const fields = {
    fehlercode: error.code,
    fehlermeldung: error.message,
    beendetAm: clock(),
    speicherSchluessel: options.storageKey ?? null,
  };
  const earlier = await db.models.Importlauf.findOne({
    where: { dateiHash: hash, status: 'ABGELEHNT' },
    order: [['gestartetAm', 'ASC']],
  });
  if (earlier) {
    // saved even when nothing differs, so its updatedAt tells a waiting client of this delivery
    earlier.set(fields);
    earlier.changed('beendetAm', true);
    return earlier.save();
  }
  return db.models.Importlauf.create({
    quelle: 'KFW_DATEI',
    dateiname: options.fileName ?? basename(path),
    dateiHash: hash,
    status: 'ABGELEHNT',
    gestartetAm: clock(),
    gestartetVon: options.startedBy ?? null,
    ...fields,
  });
}

async function importRows(
  db: Database,
  run: Importlauf,
  workbook: KfwWorkbook,
  options: ImportKfwFileOptions,
): Promise<{ rowsDone: number; newCaseIds: string[] }> {
  const batchSize = options.batchSize ?? 2000;
  const programmIds = await loadProgrammIds(db);
  const firstRowOfCase = new Map<string, number>();
  const newCaseIds: string[] = [];
  let valid: ValidRow[] = [];
  let problems: RowProblem[] = [];
  let rowsInBatch = 0;
  let rowsDone = 0;

  const flush = async (): Promise<void> => {
    const batch = { valid, problems, rows: rowsInBatch, rowsDone };
    valid = [];
    problems = [];
    rowsInBatch = 0;
    await db.sequelize.transaction(async (transaction) => {
      const outcome = await upsertApplications(
        { db, importRunId: run.id, programmIds },
        batch.valid,
        transaction,
      );
      newCaseIds.push(...outcome.newCaseIds);
      if (batch.problems.length) {
        await insertRows(
          db,
          db.models.Importfehler,
          batch.problems.map((problem) => ({
            importlaufId: run.id,
            uploadId: null,
            zeile: problem.row,
            spalte: problem.column || null,
            wert: importValueExcerpt(problem.value),
            code: problem.code,
            meldung: importMessageExcerpt(problem.message),
          })),
          transaction,
        );
      }
      await run.increment(
        {
          neu: outcome.newCaseIds.length,
          aktualisiert: outcome.updated,
          unveraendert: outcome.unchanged,
          abgelehnt: new Set(batch.problems.map((problem) => problem.row)).size,
        },
        { transaction },
      );
    });
    await run.reload();
    await options.onProgress?.({
      importRunId: run.id,
      rowsDone: batch.rowsDone,
      rowsTotal: run.zeilenGesamt,
    });
  };

  // One batch is written while the next one is parsed: the database works in its own threads,
  // so reading and writing overlap instead of taking turns.
  let writing: Promise<void> = Promise.resolve();
  const handOver = async (): Promise<void> => {
    await writing;
    writing = flush();
    // Keep a failure for the next await, never as an unhandled rejection in between.
    writing.catch(() => undefined);
  };

  try {
    for await (const row of workbook.rows()) {
      rowsDone += 1;
      rowsInBatch += 1;
      const result = validateKfwRow(row);
      if (!result.ok) {
        problems.push(...result.problems);
      } else {
        // Upper-cased like the database lookup (MySQL compares case-insensitively).
        const key = `${result.application.programm}|${result.application.antragsnummer.toUpperCase()}`;
        const first = firstRowOfCase.get(key);
        if (first === undefined) {
          firstRowOfCase.set(key, row.rowNumber);
          valid.push({ row: row.rowNumber, application: result.application });
        } else {
          problems.push(duplicateProblem(row.rowNumber, result.application, first));
        }
      }
      if (rowsInBatch >= batchSize) await handOver();
    }
  } catch (error) {
    // Let the batch in flight finish before the run is marked failed, so nothing lands after.
    await writing.catch(() => undefined);
    throw error;
  }
  if (rowsInBatch > 0) await handOver();
  await writing;
  return { rowsDone, newCaseIds };
}

function duplicateProblem(row: number, app: ValidRow['application'], first: number): RowProblem {
  return {
    row,
    column: 'Antragsnummer',
    value: app.antragsnummer,
    code: 'DUPLICATE_ROW',
    message: `Der Antrag ${app.antragsnummer} im Programm ${app.programm.slice(4)} steht schon in Zeile ${first}; diese Zeile wurde nicht übernommen.`,
  };
}

const PROGRAMMES: readonly ProgrammCode[] = ['KFW_439', 'KFW_440', 'KFW_441'];

async function loadProgrammIds(db: Database): Promise<Map<ProgrammCode, string>> {
  const programmes = await db.models.Programm.findAll({
    where: { code: [...PROGRAMMES] },
    attributes: ['id', 'code'],
  });
  const ids = new Map(programmes.map((programm) => [programm.code as ProgrammCode, programm.id]));
  const missing = PROGRAMMES.filter((code) => !ids.has(code));
  if (missing.length) {
    throw new Error(`programme reference data missing (${missing.join(', ')}): run the migrations`);
  }
  return ids;
}

function summaryOf(run: Importlauf): ImportSummary {
  return {
    new: run.neu,
    updated: run.aktualisiert,
    unchanged: run.unveraendert,
    rejected: run.abgelehnt,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
