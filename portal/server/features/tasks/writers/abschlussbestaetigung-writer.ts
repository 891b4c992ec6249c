/**
 * `abschlussbestaetigung` (completion confirmation at the end of the purpose-binding period): one
 * row per confirmation task in `abschlussbestaetigung`; a retried completion of the same task
 * updates it (the table's unique key on the task also stops a concurrent double submit).
 */
import { formDataMismatch } from './form-data-mismatch.js';
import type { FormWriter } from './form-writer.js';

/** The completion-confirmation writer. */
export const abschlussbestaetigungWriter: FormWriter = {
  async write({ db, task, principal, data, transaction, now, caseId }) {
    if (!caseId)
      throw formDataMismatch('zweckbindungEingehalten', 'Die Aufgabe gehört zu keinem Förderfall');
    const values = {
      userTaskKey: task.key,
      zweckbindungEingehalten: data.zweckbindungEingehalten === true,
      erneuerbarerStrom: data.erneuerbarerStrom === true,
      ladepunkteInBetrieb:
        typeof data.ladepunkteInBetrieb === 'number' ? data.ladepunkteInBetrieb : null,
      abweichungen: data.abweichungen === true,
      abweichungsbeschreibung:
        typeof data.abweichungsbeschreibung === 'string' ? data.abweichungsbeschreibung : null,
      bestaetigtVon: String(data.bestaetigtVon),
      ort: String(data.ort),
      datum: String(data.datum),
      bestaetigtSubjekt: principal.subject,
      bestaetigtAm: now,
    };
    const { Abschlussbestaetigung } = db.models;
    const existing = await Abschlussbestaetigung.findOne({
      where: { userTaskKey: task.key },
      transaction,
    });
    const row = existing
      ? await existing.update(values, { transaction })
      : await Abschlussbestaetigung.create({ foerderfallId: caseId, ...values }, { transaction });
    return { tables: ['abschlussbestaetigung'], ids: { abschlussbestaetigungId: row.id } };
  },
};
