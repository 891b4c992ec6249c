/**
 * `plan-periods`: creates the case's reporting periods (rhythm and purpose-binding years from
 * the programme, starting at the first commissioning) and returns their ids as `periodIds`, in
 * order. Idempotent: periods are unique per (case, start date), so a second delivery finds the
 * planned ones and returns the same ids. Also records the first commissioning and the end of
 * the purpose binding on the case when they are not set yet.
 */
import { z } from 'zod';
import { JOB_TYPES, VARIABLES } from '../../domain/index.js';
import { firstCommissioning, loadCase } from '../case-data/load-case.js';
import { auditWorkerChange } from '../runtime/audit.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';
import { addMonths, planPeriods } from './period-plan.js';

/** Variables the job reads. */
export const planPeriodsVariables = z.object({ [VARIABLES.caseId]: z.uuid() });

/** The `plan-periods` handler. */
export const planPeriodsHandler = defineJobHandler({
  jobType: JOB_TYPES.planPeriods,
  variables: planPeriodsVariables,
  async handle({ variables }, { db, job }) {
    const data = await loadCase(db, variables.caseId);
    if (!data) return failPermanently(`Förderfall ${variables.caseId} nicht gefunden`);
    const start = firstCommissioning(data);
    if (!start) {
      return failPermanently(
        `Förderfall ${variables.caseId}: keine Inbetriebnahme erfasst, Berichtszeiträume können nicht geplant werden (Standort & Ladeinfrastruktur prüfen)`,
      );
    }
    const plan = planPeriods({
      start,
      years: data.programm.zweckbindungJahre,
      rhythm: data.programm.berichtsrhythmus,
    });
    const ids = await db.sequelize.transaction(async (transaction) => {
      const { Berichtszeitraum } = db.models;
      const existing = await Berichtszeitraum.findAll({
        where: { foerderfallId: data.fall.id },
        transaction,
      });
      const byStart = new Map(existing.map((p) => [p.von, p.id]));
      const created: string[] = [];
      for (const period of plan) {
        if (byStart.has(period.von)) continue;
        const row = await Berichtszeitraum.create(
          { foerderfallId: data.fall.id, ...period, status: 'OFFEN' },
          { transaction },
        );
        byStart.set(period.von, row.id);
        created.push(row.id);
      }
      const caseUpdate = {
        ...(data.fall.ersteInbetriebnahme ? {} : { ersteInbetriebnahme: start }),
        ...(data.fall.zweckbindungEnde
          ? {}
          : { zweckbindungEnde: addMonths(start, data.programm.zweckbindungJahre * 12) }),
      };
      if (Object.keys(caseUpdate).length) await data.fall.update(caseUpdate, { transaction });
      if (created.length) {
        await auditWorkerChange(
          db,
          job,
          {
            aktion: 'berichtszeitraum.geplant',
            objektTyp: 'foerderfall',
            objektId: data.fall.id,
            foerderfallId: data.fall.id,
            nachher: { periodIds: created, ...caseUpdate },
          },
          transaction,
        );
      }
      return plan.map((period) => byStart.get(period.von)!);
    });
    return complete({ [VARIABLES.periodIds]: ids });
  },
});
