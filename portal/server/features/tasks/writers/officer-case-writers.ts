/**
 * Officer forms whose data has a place in the case's tables, besides the decision the review
 * writer passes on:
 * - `kontakt-aufnehmen` (contact after 90 days without registration): a corrected e-mail address
 *   goes to the case's Antragsteller who has not registered yet, so the invitation that follows
 *   reaches them;
 * - `nachforderung` (request for a missing report): the granted extension (`nachfrist`) becomes
 *   the period's deadline.
 */
import { formDataMismatch } from './form-data-mismatch.js';
import type { FormWriter } from './form-writer.js';

/** `kontakt-aufnehmen`. */
export const contactWriter: FormWriter = {
  async write({ db, data, transaction, caseId }) {
    if (typeof data.korrigierteEmail !== 'string' || !caseId) return { tables: [] };
    const email = data.korrigierteEmail.trim().toLowerCase();
    const links = await db.models.PersonFoerderfall.findAll({
      where: { foerderfallId: caseId, rolle: 'ANTRAGSTELLER' },
      transaction,
    });
    const people = links.length
      ? await db.models.Person.findAll({
          where: { id: links.map((l) => l.personId), oidcSubject: null },
          transaction,
        })
      : [];
    if (people.length === 0)
      throw formDataMismatch(
        'korrigierteEmail',
        'Der Fall hat keine noch nicht registrierte Antragstellerin / keinen solchen Antragsteller',
      );
    for (const person of people) await person.update({ email }, { transaction });
    return { tables: ['person'], ids: { personIds: people.map((p) => p.id) } };
  },
};

/** `nachforderung`. */
export const missingReportWriter: FormWriter = {
  needs: ['periodId'],
  async write({ db, data, transaction, caseId, variables }) {
    if (typeof data.nachfrist !== 'string') return { tables: [] };
    const periodId = typeof variables.periodId === 'string' ? variables.periodId : undefined;
    const period =
      periodId && caseId
        ? await db.models.Berichtszeitraum.findOne({
            where: { id: periodId, foerderfallId: caseId },
            transaction,
          })
        : null;
    if (!period)
      throw formDataMismatch('nachfrist', 'Die Aufgabe gehört zu keinem Berichtszeitraum');
    if (data.nachfrist < period.bis)
      throw formDataMismatch(
        'nachfrist',
        'Die Nachfrist darf nicht vor dem Ende des Zeitraums liegen',
      );
    await period.update({ frist: data.nachfrist }, { transaction });
    return { tables: ['berichtszeitraum'], ids: { periodId: period.id } };
  },
};
