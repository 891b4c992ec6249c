/**
 * `issue-reporting-id`: gives the case its Reporting-ID, once. A case that has one keeps it
 * (a rework or a re-delivered job returns without touching it); the id is set with a
 * conditional update (`WHERE reportingId IS NULL`), so two deliveries racing each other still
 * leave exactly one id. A clash with another case's id (60 random bits: practically never) draws
 * again.
 */
import { UniqueConstraintError } from 'sequelize';
import { z } from 'zod';
import { JOB_TYPES, VARIABLES } from '../../domain/index.js';
import { auditWorkerChange } from '../runtime/audit.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';
import { newReportingId } from './reporting-id.js';

/** Variables the job reads. */
export const issueReportingIdVariables = z.object({ [VARIABLES.caseId]: z.uuid() });

const ATTEMPTS = 5;

/** The `issue-reporting-id` handler. */
export const issueReportingIdHandler = defineJobHandler({
  jobType: JOB_TYPES.issueReportingId,
  variables: issueReportingIdVariables,
  async handle({ variables }, { db, job, clock }) {
    const { Foerderfall } = db.models;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const fall = await Foerderfall.findByPk(variables.caseId);
      if (!fall) return failPermanently(`Förderfall ${variables.caseId} nicht gefunden`);
      if (fall.reportingId) return complete();
      const reportingId = newReportingId();
      try {
        const issued = await db.sequelize.transaction(async (transaction) => {
          const [count] = await Foerderfall.update(
            { reportingId, reportingIdVergebenAm: clock() },
            { where: { id: fall.id, reportingId: null }, transaction },
          );
          if (count === 1) {
            await auditWorkerChange(
              db,
              job,
              {
                aktion: 'foerderfall.reporting-id',
                objektTyp: 'foerderfall',
                objektId: fall.id,
                foerderfallId: fall.id,
                vorher: { reportingId: null },
                nachher: { reportingId },
              },
              transaction,
            );
          }
          return count === 1;
        });
        if (!issued) continue; // another delivery was faster: read its id on the next turn
        return complete();
      } catch (error) {
        if (error instanceof UniqueConstraintError) continue;
        throw error;
      }
    }
    return failPermanently(
      `Reporting-ID für Förderfall ${variables.caseId} nach ${ATTEMPTS} Versuchen nicht vergeben`,
    );
  },
});
