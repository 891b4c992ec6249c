/**
 * Starts the `foerderfall` process of each new case, at most once per case. The started
 * instance's key is recorded on the case (`foerderfall.prozessInstanzKey`) right after the
 * engine answers, together with an audit event (`foerderfall.prozess-gestartet`), and cases
 * with a key are skipped, so a re-delivered import job starts nothing twice. (The remaining
 * window is a crash between the engine's answer and that write: Zeebe offers no start keyed by
 * a business id to close it.)
 */
import { Op } from 'sequelize';
import type { Database } from '../../domain/index.js';
import { PROCESS_IDS, VARIABLES } from '../../domain/contract.js';
import { IMPORT_ACTOR } from './upsert-applications.js';

/** The one engine call this needs (`ZeebeGrpcClient.createProcessInstance`). */
export interface ProcessStarter {
  createProcessInstance(request: {
    bpmnProcessId: string;
    variables: Record<string, unknown>;
  }): Promise<{ processInstanceKey: string }>;
}

/** The audit action that marks a case whose process was started. */
export const PROCESS_STARTED = 'foerderfall.prozess-gestartet';

/** Options of {@link startCaseProcesses}. */
export interface StartCaseProcessesOptions {
  /** @default 8 starts in flight at once */
  readonly concurrency?: number;
  /** Called after each chunk of cases (e.g. to extend the job's timeout). */
  readonly onProgress?: (done: number, total: number) => Promise<void> | void;
}

/** How many cases were started now and how many had their process already. */
export interface StartSummary {
  readonly started: number;
  readonly alreadyStarted: number;
}

const CHUNK = 500;

/** Starts the `foerderfall` instance of every case that has none yet. */
export async function startCaseProcesses(
  db: Database,
  engine: ProcessStarter,
  caseIds: readonly string[],
  importRunId: string | null,
  options: StartCaseProcessesOptions = {},
): Promise<StartSummary> {
  const concurrency = options.concurrency ?? 8;
  let started = 0;
  let alreadyStarted = 0;
  for (let from = 0; from < caseIds.length; from += CHUNK) {
    const chunk = caseIds.slice(from, from + CHUNK);
    const marked = await db.models.Foerderfall.findAll({
      where: { id: [...chunk], prozessInstanzKey: { [Op.ne]: null } },
      attributes: ['id'],
      raw: true,
    });
    const done = new Set(marked.map((fall) => fall.id));
    const pending = chunk.filter((caseId) => !done.has(caseId));
    alreadyStarted += chunk.length - pending.length;
    // A small pool: the engine answers each start on its own, the order does not matter.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pending.length) {
        const caseId = pending[next++]!;
        await startOne(db, engine, caseId, importRunId);
        started += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    await options.onProgress?.(Math.min(from + CHUNK, caseIds.length), caseIds.length);
  }
  return { started, alreadyStarted };
}

async function startOne(
  db: Database,
  engine: ProcessStarter,
  caseId: string,
  importRunId: string | null,
): Promise<void> {
  const instance = await engine.createProcessInstance({
    bpmnProcessId: PROCESS_IDS.foerderfall,
    variables: { [VARIABLES.caseId]: caseId },
  });
  const processInstanceKey = String(instance.processInstanceKey);
  // The key first: it is what makes a second delivery skip the case. No transaction around
  // the two writes: on SQLite each transaction takes a connection of its own, and the parallel
  // starts would then fight over the write lock (SQLITE_BUSY).
  await db.models.Foerderfall.update(
    { prozessInstanzKey: processInstanceKey },
    { where: { id: caseId } },
  );
  await db.models.AuditEvent.create({
    akteurTyp: 'WORKER',
    akteurId: IMPORT_ACTOR,
    aktion: PROCESS_STARTED,
    objektTyp: 'prozessinstanz',
    objektId: processInstanceKey,
    foerderfallId: caseId,
    vorher: null,
    nachher: { processInstanceKey },
    korrelationId: importRunId,
  });
}
