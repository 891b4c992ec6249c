/**
 * `change-notice-apply`: applies an approved change notice (Änderungsmeldung) of a case.
 *
 * The domain has no table for change notices yet: the portal writes what changed (contact,
 * operator, decommissioning) to the case's own tables when the applicant files the notice, and
 * this step records the officer's approval in the audit log (`aenderungsmeldung.uebernommen`,
 * object id `changeNoticeId`), once per change notice however often the job is delivered. A
 * revoked case takes no changes: that raises an incident for an officer to look at.
 */
import { z } from 'zod';
import { CASE_STATUSES, JOB_TYPES, VARIABLES } from '../../domain/index.js';
import { auditWorkerChange } from '../runtime/audit.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';

/** Variables the job reads. */
export const changeNoticeApplyVariables = z.object({
  [VARIABLES.caseId]: z.uuid(),
  [VARIABLES.changeNoticeId]: z.string().min(1).max(64),
});

const ACTION = 'aenderungsmeldung.uebernommen';

/** The `change-notice-apply` handler. */
export const changeNoticeApplyHandler = defineJobHandler({
  jobType: JOB_TYPES.changeNoticeApply,
  variables: changeNoticeApplyVariables,
  async handle({ variables }, { db, job }) {
    return db.sequelize.transaction(async (transaction) => {
      const fall = await db.models.Foerderfall.findByPk(variables.caseId, { transaction });
      if (!fall) return failPermanently(`Förderfall ${variables.caseId} nicht gefunden`);
      if (fall.status === CASE_STATUSES.widerrufen) {
        return failPermanently(
          `Änderungsmeldung ${variables.changeNoticeId}: Förderfall ${fall.id} ist widerrufen und nimmt keine Änderungen an`,
        );
      }
      const done = await db.models.AuditEvent.count({
        where: { aktion: ACTION, objektId: variables.changeNoticeId, foerderfallId: fall.id },
        transaction,
      });
      if (done === 0) {
        await auditWorkerChange(
          db,
          job,
          {
            aktion: ACTION,
            objektTyp: 'aenderungsmeldung',
            objektId: variables.changeNoticeId,
            foerderfallId: fall.id,
            nachher: { changeNoticeId: variables.changeNoticeId },
          },
          transaction,
        );
      }
      return complete();
    });
  },
});
