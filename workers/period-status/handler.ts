/**
 * `period-status`: sets a Berichtszeitraum's status to the task header `status` and returns the
 * period's end and deadline as instants for the model's timers and due dates:
 * `periodEnd` is the midnight after the last day of the period, `periodDeadline` the midnight
 * after the deadline day (Europe/Berlin, ISO 8601 with offset). Idempotent: setting the status
 * it already has changes nothing and returns the same dates.
 */
import { z } from 'zod';
import { JOB_TYPES, PERIOD_STATUSES, VARIABLES, periodBounds } from '../../domain/index.js';
import { auditWorkerChange } from '../runtime/audit.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';
import { zonedIso } from './zoned-iso.js';

/** Variables the job reads. */
export const periodStatusVariables = z.object({ [VARIABLES.periodId]: z.uuid() });
/** Task headers the job reads. */
export const periodStatusHeaders = z.object({
  status: z.enum(Object.values(PERIOD_STATUSES) as [string, ...string[]]),
});

type PeriodStatus = (typeof PERIOD_STATUSES)[keyof typeof PERIOD_STATUSES];

/** Statuses after which the applicant's report is in: the deadline timers no longer overrule them. */
const SUBMITTED: readonly string[] = [PERIOD_STATUSES.eingereicht, PERIOD_STATUSES.geprueft];

/** The `period-status` handler. */
export const periodStatusHandler = defineJobHandler({
  jobType: JOB_TYPES.periodStatus,
  variables: periodStatusVariables,
  headers: periodStatusHeaders,
  async handle({ variables, headers }, { db, job, clock }) {
    const status = headers.status as PeriodStatus;
    return db.sequelize.transaction(async (transaction) => {
      const period = await db.models.Berichtszeitraum.findByPk(variables.periodId, {
        transaction,
      });
      if (!period) return failPermanently(`Berichtszeitraum ${variables.periodId} nicht gefunden`);
      const dates = {
        [VARIABLES.periodEnd]: zonedIso(periodBounds({ from: period.von, to: period.bis }).endMs),
        [VARIABLES.periodDeadline]: zonedIso(
          periodBounds({ from: period.frist, to: period.frist }).endMs,
        ),
      };
      // An overdue timer that fires while the report is being submitted must not undo it.
      const overdueAfterSubmission =
        status === PERIOD_STATUSES.ueberfaellig && SUBMITTED.includes(period.status);
      if (period.status === status || overdueAfterSubmission) return complete(dates);
      const before = period.status;
      await period.update(
        {
          status,
          ...(status === PERIOD_STATUSES.eingereicht && !period.eingereichtAm
            ? { eingereichtAm: clock() }
            : {}),
        },
        { transaction },
      );
      await auditWorkerChange(
        db,
        job,
        {
          aktion: 'berichtszeitraum.status',
          objektTyp: 'berichtszeitraum',
          objektId: period.id,
          foerderfallId: period.foerderfallId,
          vorher: { status: before },
          nachher: { status },
        },
        transaction,
      );
      return complete(dates);
    });
  },
});
