/**
 * `report-validate`: applies the plausibility rules to a usage report and the charging
 * sessions of its location in its period (the uploaded ones and any imported before):
 * commissioning before the period's end, the reported kWh within what the points could
 * deliver, the sessions' own rules, and the sessions' kWh close to the reported kWh (a
 * warning). Returns `valid` and `findings`. Reads only: delivering it twice gives the same
 * answer.
 */
import { Op } from 'sequelize';
import { z } from 'zod';
import {
  JOB_TYPES,
  VARIABLES,
  checkCommissioningForPeriod,
  checkReport,
  checkSessions,
  isValid,
  periodBounds,
  type Finding,
} from '../../domain/index.js';
import { groupInput } from '../case-data/group-input.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';

/** Variables the job reads. */
export const reportValidateVariables = z.object({
  [VARIABLES.caseId]: z.uuid(),
  [VARIABLES.periodId]: z.uuid(),
  [VARIABLES.reportId]: z.uuid(),
  [VARIABLES.uploadId]: z.uuid().nullish(),
});

/** The `report-validate` handler. */
export const reportValidateHandler = defineJobHandler({
  jobType: JOB_TYPES.reportValidate,
  variables: reportValidateVariables,
  async handle({ variables }, { db }) {
    const m = db.models;
    const report = await m.Nutzungsbericht.findByPk(variables.reportId);
    if (!report) return failPermanently(`Nutzungsbericht ${variables.reportId} nicht gefunden`);
    const period = await m.Berichtszeitraum.findByPk(report.berichtszeitraumId);
    if (!period || period.id !== variables.periodId || period.foerderfallId !== variables.caseId) {
      return failPermanently(
        `Nutzungsbericht ${report.id} gehört nicht zu Berichtszeitraum ${variables.periodId} des Förderfalls ${variables.caseId}`,
      );
    }
    const gruppen = await m.Ladesaeulengruppe.findAll({ where: { standortId: report.standortId } });
    const groups = gruppen.map(groupInput);
    const punkte = gruppen.length
      ? await m.Ladepunkt.findAll({ where: { ladesaeulengruppeId: gruppen.map((g) => g.id) } })
      : [];
    const kwOfGroup = new Map(gruppen.map((g) => [g.id, Number(g.kwProLadepunkt)]));
    const bounds = periodBounds({ from: period.von, to: period.bis });
    const sessions = punkte.length
      ? await m.Ladevorgang.findAll({
          where: {
            ladepunktId: punkte.map((p) => p.id),
            beginn: { [Op.gte]: new Date(bounds.startMs), [Op.lt]: new Date(bounds.endMs) },
          },
          order: [['beginn', 'ASC']],
        })
      : [];
    const findings: Finding[] = [
      ...checkCommissioningForPeriod({ groups, period: { from: period.von, to: period.bis } }),
    ];
    const sessionCheck = sessions.length
      ? checkSessions(
          sessions.map((s) => ({
            pointId: s.ladepunktId,
            start: s.beginn,
            end: s.ende,
            energyKwh: Number(s.energieKwh),
          })),
          {
            period: { from: period.von, to: period.bis },
            points: punkte.map((p) => ({
              pointId: p.id,
              kw: kwOfGroup.get(p.ladesaeulengruppeId) ?? 0,
              commissionedAt: p.inbetriebnahme ?? null,
              decommissionedAt: p.stilllegung ?? null,
            })),
          },
        )
      : undefined;
    if (sessionCheck) findings.push(...sessionCheck.findings);
    findings.push(
      ...checkReport({
        energyKwh: report.energieKwh === null ? Number.NaN : Number(report.energieKwh),
        period: { from: period.von, to: period.bis },
        groups,
        sessionsEnergyKwh: sessionCheck ? sessionCheck.energyKwh : null,
      }),
    );
    return complete({ [VARIABLES.valid]: isValid(findings), [VARIABLES.findings]: findings });
  },
});
