/**
 * Officer review forms (`pruefung`, `bericht-pruefung`, `aenderungsmeldung-pruefung`,
 * `widerruf-freigabe`, `snapshot-pruefung`, ...): the decision and the findings per field go to
 * the process (`decision`, `findings` in the shape of `domain/rules` findings), so the applicant's
 * rework task can show them, and the findings of a case's review are kept in `pruefbefund`
 * (with the period and report, when the task has a `periodId` of the case and a `reportId` of it), where case detail and the
 * applicant's data export read them. An approval of the same form for the same case and period
 * resolves the findings still open. A retried completion updates the findings of its task by
 * their position in the list instead of adding them again.
 */
import { Op, type Transaction } from 'sequelize';
import type { Database } from '../../../../../domain/index.js';
import type { FormData, FormWriter, WriteContext } from './form-writer.js';
import { list } from './form-writer.js';

interface Finding {
  feld: string;
  code: string;
  begruendung: string;
}

const findingsOf = (data: FormData): Finding[] =>
  list(data.befunde).map((b) => ({
    feld: String(b.feld),
    code: typeof b.code === 'string' ? b.code : 'OFFICER_FINDING',
    begruendung: String(b.begruendung),
  }));

/** The task's period, when it names one of the task's case. */
async function periodOf(
  db: Database,
  caseId: string,
  periodId: unknown,
  transaction: Transaction,
): Promise<string | null> {
  if (typeof periodId !== 'string') return null;
  const period = await db.models.Berichtszeitraum.findOne({
    where: { id: periodId, foerderfallId: caseId },
    transaction,
  });
  return period?.id ?? null;
}

/** The task's usage report, when it names one of that period. */
async function reportOf(
  db: Database,
  periodId: string | null,
  reportId: unknown,
  transaction: Transaction,
): Promise<string | null> {
  if (typeof reportId !== 'string' || !periodId) return null;
  const report = await db.models.Nutzungsbericht.findOne({
    where: { id: reportId, berichtszeitraumId: periodId },
    transaction,
  });
  return report?.id ?? null;
}

async function storeFindings(context: WriteContext, decision: string, findings: Finding[]) {
  const { db, task, principal, transaction, now, caseId, variables } = context;
  if (!caseId) return [];
  const { Pruefbefund } = db.models;
  const berichtszeitraumId = await periodOf(db, caseId, variables.periodId, transaction);
  const nutzungsberichtId = await reportOf(db, berichtszeitraumId, variables.reportId, transaction);
  const scope = { userTaskKey: task.key };
  const ids: string[] = [];
  for (const [position, finding] of findings.entries()) {
    const values = {
      foerderfallId: caseId,
      berichtszeitraumId,
      nutzungsberichtId,
      formId: task.formId ?? '',
      entscheidung: decision,
      ...finding,
      prueferSubjekt: principal.subject,
    };
    const existing = await Pruefbefund.findOne({ where: { ...scope, position }, transaction });
    if (existing) {
      await existing.update(values, { transaction });
      ids.push(existing.id);
    } else {
      const created = await Pruefbefund.create(
        { ...scope, position, festgestelltAm: now, ...values },
        { transaction },
      );
      ids.push(created.id);
    }
  }
  // A retried completion with fewer findings leaves none of the first attempt's behind.
  await Pruefbefund.destroy({
    where: { ...scope, position: { [Op.gte]: findings.length } },
    transaction,
  });
  if (decision === 'approve')
    await Pruefbefund.update(
      { erledigtAm: now, erledigtDurchUserTaskKey: task.key },
      {
        where: {
          foerderfallId: caseId,
          formId: task.formId ?? '',
          berichtszeitraumId,
          erledigtAm: null,
          userTaskKey: { [Op.ne]: task.key },
        },
        transaction,
      },
    );
  return ids;
}

/** The review writer. */
export const reviewWriter: FormWriter = {
  needs: ['periodId', 'reportId'],
  async write(context) {
    const { data } = context;
    const processVariables: Record<string, unknown> = {};
    if (typeof data.decision === 'string') processVariables.decision = data.decision;
    const findings = findingsOf(data);
    if (Array.isArray(data.befunde))
      processVariables.findings = findings.map((f) => ({
        code: f.code,
        severity: 'error',
        path: f.feld,
        message: f.begruendung,
      }));
    if (typeof data.decision !== 'string' || !context.caseId)
      return { tables: [], processVariables };
    const ids = await storeFindings(context, data.decision, findings);
    return { tables: ['pruefbefund'], ids: { findingIds: ids }, processVariables };
  },
};
