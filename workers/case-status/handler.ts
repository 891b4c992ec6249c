/**
 * `case-status`: sets a Förderfall's status to the task header `status`, audited. Idempotent: a
 * case already in that status is left alone. A revoked case (WIDERRUFEN) keeps its status, so a
 * step of a process that is still winding down cannot bring it back to life.
 */
import { z } from 'zod';
import { CASE_STATUSES, JOB_TYPES, VARIABLES } from '../../domain/index.js';
import { auditWorkerChange } from '../runtime/audit.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';

/** Variables the job reads. */
export const caseStatusVariables = z.object({ [VARIABLES.caseId]: z.uuid() });
/** Task headers the job reads. */
export const caseStatusHeaders = z.object({
  status: z.enum(Object.values(CASE_STATUSES) as [string, ...string[]]),
});

/** The `case-status` handler. */
export const caseStatusHandler = defineJobHandler({
  jobType: JOB_TYPES.caseStatus,
  variables: caseStatusVariables,
  headers: caseStatusHeaders,
  async handle({ variables, headers }, { db, job, logger }) {
    const status = headers.status as (typeof CASE_STATUSES)[keyof typeof CASE_STATUSES];
    return db.sequelize.transaction(async (transaction) => {
      const fall = await db.models.Foerderfall.findByPk(variables.caseId, { transaction });
      if (!fall) return failPermanently(`Förderfall ${variables.caseId} nicht gefunden`);
      if (fall.status === status) return complete();
      if (fall.status === CASE_STATUSES.widerrufen) {
        logger.warn({ caseId: fall.id, status }, 'revoked case keeps its status');
        return complete();
      }
      const before = fall.status;
      await fall.update({ status }, { transaction });
      await auditWorkerChange(
        db,
        job,
        {
          aktion: 'foerderfall.status',
          objektTyp: 'foerderfall',
          objektId: fall.id,
          foerderfallId: fall.id,
          vorher: { status: before },
          nachher: { status },
        },
        transaction,
      );
      return complete();
    });
  },
});
