/**
 * Form data prefilled from the domain tables, so an applicant does not type again what KfW
 * sent. Today: the master-data form (`stammdaten`) from the case's recipient and the caller's
 * person record. Values the domain does not hold stay absent (the form asks for them).
 */
import { parseCaseGroup, type Database } from '../../../../domain/index.js';
import type { EngineTask } from '../../engine-client/task-client.js';
import type { Principal } from '../../http/principal.js';

const present = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));

/** Prefilled data for the task's form, or `{}`. */
export async function prefill(
  db: Database,
  task: EngineTask,
  principal: Principal,
): Promise<Record<string, unknown>> {
  if (task.formId !== 'stammdaten') return {};
  const group = task.candidateGroups.find((g) => g.startsWith('case:'));
  if (!group) return {};
  const fall = await db.models.Foerderfall.findByPk(parseCaseGroup(group), {
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
