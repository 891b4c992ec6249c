/**
 * `nutzungsbericht`: one report row per location for the task's period (`periodId`). A new
 * submission of the same period (after a rework request) adds the next version; a retried
 * completion of the same task updates the rows it wrote before. The period's status is the
 * model's to set (`period-status` after the automatic checks), not the portal's. The process gets
 * `reportId` (the first location's report), which `report-validate` checks.
 */
import { formDataMismatch } from './form-data-mismatch.js';
import type { FormWriter } from './form-writer.js';
import { decimalOrNull, list } from './form-writer.js';

/** The usage-report writer. */
export const nutzungsberichtWriter: FormWriter = {
  needs: ['periodId'],
  async write({ db, data, transaction, now, caseId, variables, previous, principal }) {
    const m = db.models;
    const periodId = typeof variables.periodId === 'string' ? variables.periodId : undefined;
    if (!caseId || !periodId)
      throw formDataMismatch('periodId', 'Die Aufgabe gehört zu keinem Berichtszeitraum');
    const period = await m.Berichtszeitraum.findOne({
      where: { id: periodId, foerderfallId: caseId },
      transaction,
    });
    if (!period)
      throw formDataMismatch('periodId', 'Der Berichtszeitraum gehört nicht zu diesem Fall');
    const person = await m.Person.findOne({
      where: { oidcSubject: principal.subject },
      attributes: ['id'],
      transaction,
    });
    const earlier = (previous?.reportIds ?? {}) as Record<string, string>;
    const reportIds: Record<string, string> = {};
    const entries = list(data.standorte);
    for (const [index, entry] of entries.entries()) {
      const standortId = String(entry.standortId);
      const standort = await m.Standort.findOne({
        where: { id: standortId, foerderfallId: caseId },
        attributes: ['id'],
        transaction,
      });
      if (!standort)
        throw formDataMismatch(
          `standorte/${index}/standortId`,
          'Dieser Standort gehört nicht zu diesem Fall',
        );
      const fields = {
        energieKwh: decimalOrNull(entry.energieKwh),
        messmethode: (entry.messmethode as never) ?? null,
        anzahlLadevorgaenge: (entry.anzahlLadevorgaenge as number | undefined) ?? null,
        anteilErneuerbarProzent: decimalOrNull(entry.anteilErneuerbarProzent),
        tageAusserBetrieb: (entry.tageAusserBetrieb as number | undefined) ?? null,
        keineAenderung: data.keineAenderung === true,
        aenderungsarten: (data.aenderungsarten as never) ?? null,
        aenderungsbeschreibung: (data.aenderungsbeschreibung as string | undefined) ?? null,
        eingereichtAm: now,
        eingereichtVonPersonId: person?.id ?? null,
      };
      const again = earlier[standortId]
        ? await m.Nutzungsbericht.findByPk(earlier[standortId], { transaction })
        : null;
      if (again) {
        await again.update(fields, { transaction });
        reportIds[standortId] = again.id;
        continue;
      }
      const latest = (await m.Nutzungsbericht.max('version', {
        where: { berichtszeitraumId: periodId, standortId },
        transaction,
      })) as number | null;
      const created = await m.Nutzungsbericht.create(
        { berichtszeitraumId: periodId, standortId, version: (latest ?? 0) + 1, ...fields },
        { transaction },
      );
      reportIds[standortId] = created.id;
    }
    const first = entries[0] ? reportIds[String(entries[0].standortId)] : undefined;
    return {
      tables: ['nutzungsbericht'],
      ids: { reportIds },
      processVariables: first ? { reportId: first } : {},
    };
  },
};
