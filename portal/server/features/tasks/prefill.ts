/**
 * Form data prefilled from the domain tables, so an applicant does not type again what the
 * platform holds: the master data (`stammdaten`) from the case's recipient and the caller's
 * person record; the location (`standort`) from the case's main location, its groups and
 * points; the usage report (`nutzungsbericht`) per location from this period's report if one was
 * submitted, else last period's; the completion confirmation from the points in operation.
 * Values the domain does not hold stay absent (the form asks for them).
 */
import { parseCaseGroup, type Database } from '../../../../domain/index.js';
import type { EngineTask } from '../../engine-client/task-client.js';
import type { Principal } from '../../http/principal.js';
import { present } from './writers/form-writer.js';
import { prefillAbschluss, prefillNutzungsbericht, prefillStandort } from './prefill-locations.js';

/** Prefilled data for the task's form, or `{}`. */
export async function prefill(
  db: Database,
  task: EngineTask,
  principal: Principal,
  variables: (names: string[]) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const group = task.candidateGroups.find((g) => g.startsWith('case:'));
  if (!group) return {};
  const caseId = parseCaseGroup(group);
  if (task.formId === 'standort') return prefillStandort(db, caseId);
  if (task.formId === 'abschlussbestaetigung') return prefillAbschluss(db, caseId, principal);
  if (task.formId === 'nutzungsbericht') {
    const { periodId } = await variables(['periodId']);
    return prefillNutzungsbericht(db, caseId, typeof periodId === 'string' ? periodId : null);
  }
  if (task.formId !== 'stammdaten') return {};
  const fall = await db.models.Foerderfall.findByPk(caseId, {
    include: [{ model: db.models.Zuwendungsempfaenger, as: 'zuwendungsempfaenger' }],
  });
  const empfaenger = (
    fall as unknown as {
      zuwendungsempfaenger?: InstanceType<typeof db.models.Zuwendungsempfaenger>;
    }
  )?.zuwendungsempfaenger;
  const person = await db.models.Person.findOne({ where: { oidcSubject: principal.subject } });
  const data: Record<string, unknown> = {};
  if (empfaenger)
    data.zuwendungsempfaenger = present({
      typ: empfaenger.typ,
      name: empfaenger.name,
      rechtsform: empfaenger.rechtsform,
      registernummer: empfaenger.registernummer,
      anschrift: present({
        strasse: empfaenger.strasse,
        hausnummer: empfaenger.hausnummer,
        plz: empfaenger.plz,
        ort: empfaenger.ort,
        bundesland: empfaenger.bundesland,
      }),
      kmu: empfaenger.kmu,
      wzCode: empfaenger.wzCode,
      flottengroesse: empfaenger.flottengroesse,
    });
  if (person)
    data.ansprechperson = present({
      anrede: person.anrede,
      vorname: person.vorname,
      nachname: person.nachname,
      email: person.email,
      telefon: person.telefon,
    });
  return data;
}
