/**
 * `case-revoke`: after the four-eyes approval, sets the case to WIDERRUFEN (audited), removes
 * its reporting periods that have not begun yet and have no report (they no longer apply), and
 * publishes `case-revoked` (correlation key `caseId`) so the case's instance stops its
 * reporting.
 *
 * Idempotent: the status change and the removal happen once; the message carries the message id
 * `case-revoked:<revocationId>`, so a re-delivered job publishes nothing twice (the engine
 * answers ALREADY_EXISTS within the message's time to live, which counts as done).
 */
import { Op } from 'sequelize';
import { z } from 'zod';
import { CASE_STATUSES, JOB_TYPES, MESSAGES, VARIABLES } from '../../domain/index.js';
import { auditWorkerChange } from '../runtime/audit.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';

/** Variables the job reads. */
export const caseRevokeVariables = z.object({
  [VARIABLES.caseId]: z.uuid(),
  [VARIABLES.revocationId]: z.string().min(1).max(64),
});

/** How long the engine keeps `case-revoked` for an instance that is not yet waiting for it. */
export const CASE_REVOKED_TTL_MS = 7 * 24 * 3_600_000;

/** The `case-revoke` handler. */
export const caseRevokeHandler = defineJobHandler({
  jobType: JOB_TYPES.caseRevoke,
  variables: caseRevokeVariables,
  async handle({ variables }, { db, job, clock, zeebe }) {
    const found = await db.sequelize.transaction(async (transaction) => {
      const fall = await db.models.Foerderfall.findByPk(variables.caseId, { transaction });
      if (!fall) return false;
      if (fall.status === CASE_STATUSES.widerrufen) return true;
      const today = clock().toISOString().slice(0, 10);
      const future = await db.models.Berichtszeitraum.findAll({
        where: { foerderfallId: fall.id, von: { [Op.gt]: today } },
        transaction,
      });
      const withReports = new Set(
        (
          await db.models.Nutzungsbericht.findAll({
            attributes: ['berichtszeitraumId'],
            where: { berichtszeitraumId: future.map((p) => p.id) },
            transaction,
          })
        ).map((r) => r.berichtszeitraumId),
      );
      const removable = future.filter((p) => !withReports.has(p.id)).map((p) => p.id);
      if (removable.length) {
        await db.models.Berichtszeitraum.destroy({ where: { id: removable }, transaction });
      }
      const before = fall.status;
      await fall.update({ status: CASE_STATUSES.widerrufen }, { transaction });
      await auditWorkerChange(
        db,
        job,
        {
          aktion: 'foerderfall.widerruf',
          objektTyp: 'foerderfall',
          objektId: fall.id,
          foerderfallId: fall.id,
          vorher: { status: before },
          nachher: {
            status: CASE_STATUSES.widerrufen,
            revocationId: variables.revocationId,
            removedPeriodIds: removable,
          },
        },
        transaction,
      );
      return true;
    });
    if (!found) return failPermanently(`Förderfall ${variables.caseId} nicht gefunden`);
    try {
      await zeebe.publishMessage({
        name: MESSAGES.caseRevoked.name,
        correlationKey: variables.caseId,
        messageId: `case-revoked:${variables.revocationId}`,
        timeToLive: CASE_REVOKED_TTL_MS,
        variables: {},
      });
    } catch (error) {
      // ALREADY_EXISTS (gRPC code 6): published by an earlier delivery of this job
      if ((error as { code?: number }).code !== 6) throw error;
    }
    return complete();
  },
});
