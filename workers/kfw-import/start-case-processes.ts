/**
 * Starts the `foerderfall` process of each new case, at most once per case. The started
 * instance's key is recorded as an audit event of the case (`foerderfall.prozess-gestartet`)
 * in the same step, and a case with that event is skipped, so a re-delivered import job starts
 * nothing twice. (A dedicated column on the case would be the better home for the key; the
 * remaining window is a crash between the engine's answer and the audit insert.)
 */
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

/** Starts the case's `foerderfall` instance unless one was started before. */
export async function startCaseProcess(
  db: Database,
  engine: ProcessStarter,
  caseId: string,
  importRunId: string | null,
): Promise<'started' | 'already-started'> {
  const { AuditEvent } = db.models;
  const started = await AuditEvent.findOne({
    where: { foerderfallId: caseId, aktion: PROCESS_STARTED },
    attributes: ['id'],
  });
  if (started) return 'already-started';
  const instance = await engine.createProcessInstance({
    bpmnProcessId: PROCESS_IDS.foerderfall,
    variables: { [VARIABLES.caseId]: caseId },
  });
  await AuditEvent.create({
    akteurTyp: 'WORKER',
    akteurId: IMPORT_ACTOR,
    aktion: PROCESS_STARTED,
    objektTyp: 'prozessinstanz',
    objektId: instance.processInstanceKey,
    foerderfallId: caseId,
    vorher: null,
    nachher: { processInstanceKey: instance.processInstanceKey },
    korrelationId: importRunId,
  });
  return 'started';
}
