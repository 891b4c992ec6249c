/**
 * Waits for the outcome of a delivered file by polling the domain table `importlauf` for the
 * run of the file's SHA-256: what an operator's command line (or any other client) can do
 * whether the engine is the embedded one or Camunda 8, because the run is where the import
 * itself records progress and outcome. The admin review that may follow is not waited for.
 *
 * @example
 *   const before = await importRunMarker(db, hash);
 *   await storage.put(`kfw-inbox/${name}`, createReadStream(file));
 *   const outcome = await waitForImportRun(db, hash, before, { timeoutMs: 600_000 });
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Database, Importlauf } from '../../domain/index.js';

/** How a run ended, as far as a waiting client is concerned. */
export type ImportRunOutcome =
  | { readonly kind: 'finished'; readonly run: Importlauf }
  /** Rejected whole (`ABGELEHNT`) or broke off on damage in the file (`FEHLGESCHLAGEN` with a code). */
  | { readonly kind: 'rejected'; readonly run: Importlauf };

/** Options of {@link waitForImportRun}. */
export interface WaitForImportRunOptions {
  /** @default 1800 s */
  readonly timeoutMs?: number;
  /** @default 250 ms */
  readonly pollMs?: number;
  /** Called whenever the run's progress or state changed while it is not over. */
  readonly onChange?: (run: Importlauf) => void;
  /** Called every `waitingEveryMs` while no run of this delivery has appeared yet. */
  readonly onWaiting?: (waitedMs: number) => void;
  /** @default 10,000 ms */
  readonly waitingEveryMs?: number;
}

/** No run of the file finished in time. */
export class ImportRunTimeoutError extends Error {
  readonly code = 'KFW_IMPORT_WAIT_TIMEOUT';
  constructor(
    readonly dateiHash: string,
    readonly timeoutMs: number,
  ) {
    super(
      `no import run of the file (SHA-256 ${dateiHash.slice(0, 12)}…) finished within ` +
        `${Math.round(timeoutMs / 1000)} s: is the platform running (workers and KfW inbox)?`,
    );
    this.name = 'ImportRunTimeoutError';
  }
}

/**
 * The latest `updatedAt` among the runs of this file (0 when there is none): a later change
 * belongs to the new delivery, since a file rejected before reuses its run.
 */
export async function importRunMarker(db: Database, dateiHash: string): Promise<number> {
  const latest = await db.models.Importlauf.max<Date | string | null, Importlauf>('updatedAt', {
    where: { dateiHash },
  });
  return latest ? new Date(latest).getTime() : 0;
}

/** The completed run of this file, if it was imported before. */
export function completedImportRun(db: Database, dateiHash: string): Promise<Importlauf | null> {
  return db.models.Importlauf.findOne({
    where: { dateiHash, status: 'ABGESCHLOSSEN' },
    order: [['gestartetAm', 'ASC']],
  });
}

/** Polls until a run of the file changed after `marker` and is over. */
export async function waitForImportRun(
  db: Database,
  dateiHash: string,
  marker: number,
  options: WaitForImportRunOptions = {},
): Promise<ImportRunOutcome> {
  const timeoutMs = options.timeoutMs ?? 1_800_000;
  const started = Date.now();
  let seen = '';
  let lastWaiting = started;
  for (;;) {
    const run = await db.models.Importlauf.findOne({
      where: { dateiHash },
      order: [['updatedAt', 'DESC']],
    });
    if (run && run.updatedAt.getTime() > marker) {
      if (run.status === 'ABGESCHLOSSEN') return { kind: 'finished', run };
      if (run.status === 'ABGELEHNT') return { kind: 'rejected', run };
      if (run.status === 'FEHLGESCHLAGEN' && run.fehlercode) return { kind: 'rejected', run };
      // LAEUFT, or FEHLGESCHLAGEN for a passing cause: the job retries and the run resumes.
      const state = `${run.status}|${run.zeilenGesamt}|${run.neu + run.aktualisiert + run.unveraendert + run.abgelehnt}`;
      if (state !== seen) {
        seen = state;
        options.onChange?.(run);
      }
    } else if (Date.now() - lastWaiting >= (options.waitingEveryMs ?? 10_000)) {
      lastWaiting = Date.now();
      options.onWaiting?.(lastWaiting - started);
    }
    if (Date.now() - started > timeoutMs) throw new ImportRunTimeoutError(dateiHash, timeoutMs);
    await delay(options.pollMs ?? 250);
  }
}

/** One rejected row as the command line prints it. */
export interface RejectedRowLine {
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}

/** The run's row errors in row order, page by page (a large file may have many). */
export async function* rejectedRowsOf(
  db: Database,
  importRunId: string,
  pageSize = 1000,
): AsyncGenerator<RejectedRowLine> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await db.models.Importfehler.findAll({
      where: { importlaufId: importRunId },
      order: [
        ['zeile', 'ASC'],
        ['spalte', 'ASC'],
        ['id', 'ASC'],
      ],
      attributes: ['zeile', 'spalte', 'meldung'],
      limit: pageSize,
      offset,
      raw: true,
    });
    for (const problem of page) {
      yield { row: problem.zeile, column: problem.spalte ?? null, message: problem.meldung };
    }
    if (page.length < pageSize) return;
  }
}
