/**
 * `stammdaten`: updates the case's recipient and the caller's person record and records the
 * privacy consent (once). Updates only, so writing the same data twice leaves the same state.
 */
import type { FormWriter } from './form-writer.js';
import { given, obj } from './form-writer.js';

/** The master-data writer. */
export const stammdatenWriter: FormWriter = {
  async write({ db, principal, data, transaction, now, caseId }) {
    const tables: string[] = [];
    const fall = caseId ? await db.models.Foerderfall.findByPk(caseId, { transaction }) : null;
    if (fall) {
      const z = obj(data.zuwendungsempfaenger);
      const a = obj(z.anschrift);
      await db.models.Zuwendungsempfaenger.update(
        given({
          typ: z.typ,
          name: z.name,
          rechtsform: z.rechtsform,
          registernummer: z.registernummer,
          strasse: a.strasse,
          hausnummer: a.hausnummer,
          plz: a.plz,
          ort: a.ort,
          bundesland: a.bundesland,
          kmu: z.kmu,
          wzCode: z.wzCode,
          flottengroesse: z.flottengroesse,
        }) as never,
        { where: { id: fall.zuwendungsempfaengerId }, transaction },
      );
      tables.push('zuwendungsempfaenger');
    }
    const person = await db.models.Person.findOne({
      where: { oidcSubject: principal.subject },
      transaction,
    });
    if (person) {
      const p = obj(data.ansprechperson);
      await person.update(
        given({
          anrede: p.anrede,
          vorname: p.vorname,
          nachname: p.nachname,
          telefon: p.telefon,
          ...(data.datenschutzEinwilligung === true && !person.datenschutzEinwilligungAm
            ? { datenschutzEinwilligungAm: now }
            : {}),
        }) as never,
        { transaction },
      );
      tables.push('person');
    }
    return { tables };
  },
};
