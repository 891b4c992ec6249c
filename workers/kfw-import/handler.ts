/**
 * The `kfw-import` job: validated input variables in, exactly one outcome out (complete, fail
 * with or without retries). A plain function of (variables, deps), so the `@camunda8/sdk`
 * worker is a thin adapter that maps the outcome onto `job.complete` / `job.fail`
 * ({@link kfwImportHandler} for the worker runtime).
 *
 * Idempotent: a job delivered twice finds the file's run by its hash and completes with the
 * same variables; the process start per new case goes through `startCaseProcesses`, which
 * must itself be idempotent (it records each start and starts nothing twice).
 *
 * @example
 *   const outcome = await handleKfwImportJob(job.variables, deps);
 *   if (outcome.kind === 'complete') return job.complete(outcome.variables);
 *   return job.fail({ errorMessage: outcome.message, retries: outcome.retries, retryBackOff: outcome.retryBackOffMs });
 */
import { z } from 'zod';
import { JOB_TYPES, VARIABLES } from '../../domain/contract.js';
import { complete, defineJobHandler, fail, type JobContext } from '../runtime/job-handler.js';
import {
  ImportRunFailedError,
  ImportStillRunningError,
  importKfwFile,
  type ImportKfwFileOptions,
  type ImportOutcome,
  type ImportSummary,
} from './import-file.js';
import { KfwFileRejectedError } from './kfw-file-errors.js';
import { startCaseProcesses } from './start-case-processes.js';
import { findStoredFile, settleStoredFile, type SettledPlace } from './settle-file.js';
import { copyToLocalFile } from './stored-file.js';

/** The job type this handler serves. */
export const KFW_IMPORT_JOB_TYPE = JOB_TYPES.kfwImport;

/** Input variables: the storage key of the delivered file (e.g. `kfw-inbox/antraege.xlsx`). */
export const kfwImportInput = z.object({
  [VARIABLES.fileKey]: z
    .string({ error: 'fileKey fehlt oder ist kein Text' })
    .min(1, 'fileKey ist leer')
    .max(512, 'fileKey ist länger als 512 Zeichen')
    .refine((key) => !key.startsWith('/') && !key.split('/').includes('..'), {
      message: 'fileKey muss ein relativer Speicherschlüssel ohne „..“ sein',
    }),
});

/** What the handler needs from the platform. */
export interface KfwImportDeps {
  /** Makes a stored file available as a local path until `release()`. */
  openStoredFile(fileKey: string): Promise<{ path: string; release(): Promise<void> }>;
  /** The import service bound to the domain database (`importKfwFile(db, ...)`). */
  importFile(path: string, options: ImportKfwFileOptions): Promise<ImportOutcome>;
  /**
   * Moves the file out of the way once it has an outcome (`kfw-processed/` or `kfw-rejected/`,
   * see settle-file.ts) and notes the new key on the run; returns the new key.
   */
  settleStoredFile?(
    fileKey: string,
    place: SettledPlace,
    importRunId: string | null,
  ): Promise<string>;
  /** Starts the `foerderfall` process of each new case; must start nothing twice. */
  startCaseProcesses?(caseIds: readonly string[], importRunId: string): Promise<unknown>;
  /** @default 30,000 ms before a retry after a transient failure */
  readonly retryBackOffMs?: number;
}

/** The job's outcome; exactly one per job. */
export type KfwImportJobOutcome =
  | {
      readonly kind: 'complete';
      /** Ids and counts only, as the contract requires. */
      readonly variables: { importRunId: string; rejectedCount: number };
      readonly summary: ImportSummary;
      readonly newCaseIds: readonly string[];
      readonly alreadyImported: boolean;
    }
  | {
      readonly kind: 'fail';
      /** For an operator: what is wrong and what to do. */
      readonly message: string;
      /** Retries left after this failure: 0 raises an incident. */
      readonly retries: number;
      readonly retryBackOffMs: number;
      readonly code: string;
    };

/** A job as the handler sees it: its variables and the retries it has left. */
export interface KfwImportJob {
  readonly variables: Readonly<Record<string, unknown>>;
  readonly retries: number;
}

/** Handles one `kfw-import` job. Never throws. */
export async function handleKfwImportJob(
  job: KfwImportJob,
  deps: KfwImportDeps,
): Promise<KfwImportJobOutcome> {
  const backOff = deps.retryBackOffMs ?? 30_000;
  const input = kfwImportInput.safeParse(job.variables);
  if (!input.success) {
    const problems = input.error.issues.map((issue) => issue.message).join('; ');
    return failure(
      'KFW_IMPORT_INPUT_INVALID',
      `Ungültige Eingabe des Jobs kfw-import: ${problems}`,
      0,
      backOff,
    );
  }
  const fileKey = input.data.fileKey;

  let outcome: ImportOutcome;
  try {
    const file = await deps.openStoredFile(fileKey);
    try {
      outcome = await deps.importFile(file.path, {
        fileName: fileKey.split('/').pop() ?? fileKey,
        storageKey: fileKey,
      });
    } finally {
      await file.release();
    }
  } catch (error) {
    if (error instanceof KfwFileRejectedError) {
      // e.g. the stored file is larger than any KfW file may be: nothing was read or stored.
      await settle(deps, fileKey, 'rejected', null);
      return failure(
        error.code,
        `Datei ${fileKey} abgelehnt, nichts gespeichert: ${error.message}`,
        0,
        backOff,
      );
    }
    if (error instanceof ImportStillRunningError) {
      // Another worker has this file; wait without using up a retry until its run has ended.
      return failure(
        error.code,
        `${error.message} Neuer Versuch später.`,
        job.retries,
        backOff * 2,
      );
    }
    if (error instanceof ImportRunFailedError && error.cause instanceof KfwFileRejectedError) {
      // The file broke off half-way (e.g. damaged XML deep in the sheet): a retry would break
      // at the same row, so an operator must look at it (incident).
      await settle(deps, fileKey, 'rejected', error.importRunId);
      return failure(
        error.cause.code,
        `Datei ${fileKey} ab der Mitte unlesbar, Importlauf ${error.importRunId} abgebrochen (bis dahin gespeicherte Zeilen bleiben): ${error.cause.message}`,
        0,
        backOff,
      );
    }
    return transient(`Import von ${fileKey} abgebrochen: ${messageOf(error)}`, job, backOff);
  }

  if (outcome.kind === 'rejected') {
    // The file itself is unusable: retrying cannot help, an operator must act (incident).
    await settle(deps, fileKey, 'rejected', outcome.importRunId);
    return failure(
      outcome.error.code,
      `Datei ${fileKey} abgelehnt, nichts gespeichert: ${outcome.error.message}`,
      0,
      backOff,
    );
  }
  try {
    if (outcome.newCaseIds.length) {
      await deps.startCaseProcesses?.(outcome.newCaseIds, outcome.importRunId);
    }
  } catch (error) {
    return transient(
      `Prozessstart für neue Förderfälle aus ${fileKey} fehlgeschlagen: ${messageOf(error)}`,
      job,
      backOff,
    );
  }
  await settle(deps, fileKey, 'processed', outcome.importRunId);
  return {
    kind: 'complete',
    variables: { importRunId: outcome.importRunId, rejectedCount: outcome.summary.rejected },
    summary: outcome.summary,
    newCaseIds: outcome.newCaseIds,
    alreadyImported: outcome.kind === 'already-imported',
  };
}

/**
 * Moves the file to its place. A failed move does not change the job's outcome (the adapter
 * logs it): the run guard (file hash) keeps a file left behind from importing twice.
 */
async function settle(
  deps: KfwImportDeps,
  fileKey: string,
  place: SettledPlace,
  importRunId: string | null,
): Promise<void> {
  await deps.settleStoredFile?.(fileKey, place, importRunId).catch(() => undefined);
}

function transient(message: string, job: KfwImportJob, backOff: number): KfwImportJobOutcome {
  return failure('KFW_IMPORT_TRANSIENT', message, Math.max(0, job.retries - 1), backOff);
}

function failure(
  code: string,
  message: string,
  retries: number,
  retryBackOffMs: number,
): KfwImportJobOutcome {
  return { kind: 'fail', code, message, retries, retryBackOffMs };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How long the job stays ours after each sign of progress. */
const JOB_LEASE_MS = 120_000;

/**
 * Extends the job's timeout while rows go in (at most every 10 s): a 100,000-row file takes
 * longer than the runtime's default job timeout, and a timed-out job would be handed to a
 * second worker. Failing to extend is logged, not fatal: the run guard stops a second import.
 */
function keepJobAlive(context: JobContext): () => Promise<void> {
  // (also while the case processes are started, which takes a while for a large file)
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    await context.zeebe
      .updateJobTimeout({ jobKey: context.job.key, timeout: JOB_LEASE_MS })
      .catch((error: unknown) =>
        context.logger.warn(
          { err: error, jobKey: context.job.key },
          'kfw-import: job timeout not extended',
        ),
      );
  };
}

/**
 * The `kfw-import` handler for the worker runtime (`workers/runtime`): the stored file is
 * copied from object storage, imported into the domain database, and each new case gets its
 * `foerderfall` process through the engine client, once.
 */
export const kfwImportHandler = defineJobHandler({
  jobType: KFW_IMPORT_JOB_TYPE,
  variables: kfwImportInput,
  async handle({ variables }, context) {
    const outcome = await handleKfwImportJob(
      { variables, retries: context.job.retries },
      {
        openStoredFile: async (key) =>
          copyToLocalFile(context.storage, await findStoredFile(context.storage, key)),
        settleStoredFile: async (key, place, importRunId) => {
          try {
            const settled = await settleStoredFile(context.storage, key, place);
            if (importRunId && settled !== key) {
              await context.db.models.Importlauf.update(
                { speicherSchluessel: settled },
                { where: { id: importRunId } },
              );
            }
            return settled;
          } catch (error) {
            context.logger.warn({ err: error, fileKey: key, place }, 'kfw-import: file not moved');
            return key;
          }
        },
        importFile: (path, options) =>
          importKfwFile(context.db, path, {
            ...options,
            clock: context.clock,
            onProgress: keepJobAlive(context),
          }),
        startCaseProcesses: (caseIds, importRunId) =>
          startCaseProcesses(context.db, context.zeebe, caseIds, importRunId, {
            onProgress: keepJobAlive(context),
          }),
      },
    );
    if (outcome.kind === 'complete') {
      context.logger.info(
        {
          importRunId: outcome.variables.importRunId,
          ...outcome.summary,
          alreadyImported: outcome.alreadyImported,
        },
        'kfw-import finished',
      );
      return complete(outcome.variables);
    }
    return fail(`${outcome.code}: ${outcome.message}`, {
      retries: outcome.retries,
      retryBackOffMs: outcome.retryBackOffMs,
    });
  },
});
