/**
 * Audit events written by workers: the actor is the job type, the correlation id the job key,
 * so the audit view of a case shows which process step changed what.
 */
import type { Transaction } from 'sequelize';
import type { Database } from '../../domain/index.js';
import type { JobInfo } from './job-handler.js';

/** One change a worker made. */
export interface WorkerAuditEntry {
  /** e.g. `foerderfall.status` */
  aktion: string;
  objektTyp: string;
  objektId: string;
  foerderfallId: string | null;
  vorher?: Record<string, unknown> | null;
  nachher?: Record<string, unknown> | null;
}

/** Appends an audit event for a change made by a job (inside the caller's transaction). */
export async function auditWorkerChange(
  db: Database,
  job: JobInfo,
  entry: WorkerAuditEntry,
  transaction?: Transaction,
): Promise<void> {
  await db.models.AuditEvent.create(
    {
      akteurTyp: 'WORKER',
      akteurId: job.type,
      aktion: entry.aktion,
      objektTyp: entry.objektTyp,
      objektId: entry.objektId,
      foerderfallId: entry.foerderfallId,
      vorher: entry.vorher ?? null,
      nachher: entry.nachher ?? null,
      korrelationId: job.key,
    },
    transaction ? { transaction } : {},
  );
}
