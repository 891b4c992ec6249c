/**
 * Writes validated form data to the domain tables (the process carries only ids and decisions).
 * Today: the master-data form (`stammdaten`) updates the case's recipient and the caller's
 * person record, and records the privacy consent. Writing the same data twice leaves the same
 * state, so a retried completion is harmless. Other forms are recorded in the audit trail only
 * until their writers exist.
 */
import type { Transaction } from 'sequelize';
import { parseCaseGroup, type Database } from '../../../../domain/index.js';
import type { EngineTask } from '../../engine-client/task-client.js';
import type { Principal } from '../../http/principal.js';

type Data = Record<string, unknown>;
const obj = (value: unknown): Data => (value && typeof value === 'object' ? (value as Data) : {});
/** Only keys the form sent: an omitted optional field leaves the stored value alone. */
const given = (record: Data) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

/** What was written, for the audit event. */
export interface Written {
  tables: string[];
}

/** Writes `data` of `task`'s form; returns the tables it touched. */
export async function writeFormData(
  db: Database,
  task: EngineTask,
  principal: Principal,
  data: Data,
  transaction: Transaction,
  now: Date,
): Promise<Written> {
  if (task.formId !== 'stammdaten') return { tables: [] };
  const group = task.candidateGroups.find((g) => g.startsWith('case:'));
  if (!group) return { tables: [] };
  const tables: string[] = [];
  const fall = await db.models.Foerderfall.findByPk(parseCaseGroup(group), { transaction });
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
}
