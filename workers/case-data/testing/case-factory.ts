/**
 * Builds a Förderfall with its recipient, applicant, location and charging groups in a test
 * database; every value can be overridden. For the data-layer tests of the workers.
 *
 * @example
 *   const { fall, standort, gruppe } = await createTestCase(db, { gruppe: { kwProLadepunkt: '50.00' } });
 */
import { randomUUID } from 'node:crypto';
import {
  programmIds,
  type Database,
  type Foerderfall,
  type Ladesaeulengruppe,
  type Person,
  type Standort,
} from '../../../domain/index.js';

/** Overrides of the created rows. */
export interface TestCaseOptions {
  programm?: keyof typeof programmIds;
  fall?: Partial<Parameters<Database['models']['Foerderfall']['create']>[0]>;
  standort?: Partial<Parameters<Database['models']['Standort']['create']>[0]>;
  gruppe?: Partial<Parameters<Database['models']['Ladesaeulengruppe']['create']>[0]>;
  /** Create no location at all. */
  withoutLocation?: boolean;
  person?: Partial<Parameters<Database['models']['Person']['create']>[0]>;
}

/** The created rows. */
export interface TestCase {
  fall: Foerderfall;
  person: Person;
  standort: Standort | undefined;
  gruppe: Ladesaeulengruppe | undefined;
}

/** Creates a case ready for validation: 4 points applied for, one location with 2 x 2 x 11 kW. */
export async function createTestCase(
  db: Database,
  options: TestCaseOptions = {},
): Promise<TestCase> {
  const m = db.models;
  const empfaenger = await m.Zuwendungsempfaenger.create({
    typ: 'UNTERNEHMEN',
    name: 'Ladepark Musterstadt GmbH',
  } as never);
  const fall = await m.Foerderfall.create({
    programmId: programmIds[options.programm ?? 'KFW_441'],
    zuwendungsempfaengerId: empfaenger.id,
    antragsnummer: `A-${randomUUID().slice(0, 8)}`,
    antragsdatum: '2024-01-10',
    anzahlLadepunkteBeantragt: 4,
    status: 'REGISTRIERT',
    ...options.fall,
  });
  const person = await m.Person.create({
    vorname: 'Erika',
    nachname: 'Mustermann',
    email: `erika.${randomUUID().slice(0, 8)}@example.org`,
    ...options.person,
  } as never);
  await m.PersonFoerderfall.create({
    personId: person.id,
    foerderfallId: fall.id,
    rolle: 'ANTRAGSTELLER',
  });
  if (options.withoutLocation) return { fall, person, standort: undefined, gruppe: undefined };
  const standort = await m.Standort.create({
    foerderfallId: fall.id,
    bezeichnung: 'Hof',
    plz: '20095',
    ort: 'Hamburg',
    zugang: 'NICHT_OEFFENTLICH',
    ...options.standort,
  });
  const gruppe = await m.Ladesaeulengruppe.create({
    standortId: standort.id,
    hersteller: 'Wallbox AG',
    modell: 'Duo 11',
    anzahlLadesaeulen: 2,
    ladepunkteProSaeule: 2,
    kwProLadepunkt: '11.00',
    stromart: 'AC',
    steckertypen: ['TYP2'],
    inbetriebnahme: '2024-03-15',
    ...options.gruppe,
  });
  return { fall, person, standort, gruppe };
}
