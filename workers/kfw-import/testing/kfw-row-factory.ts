/**
 * Valid KfW rows made of synthetic people (Faker `de`), never real applicant data. Tests take
 * one and change the cell they are about.
 */
import { Faker, de } from '@faker-js/faker';
import type { FixtureRow } from './kfw-workbook-fixture.js';

/** A Faker with the German locale and a fixed seed, so fixtures are the same on every run. */
export function germanFaker(seed = 7): Faker {
  const faker = new Faker({ locale: [de] });
  faker.seed(seed);
  return faker;
}

/** A row that passes every rule; `overrides` replace single cells. */
export function validKfwRow(faker: Faker, index: number, overrides: FixtureRow = {}): FixtureRow {
  const vorname = faker.person.firstName();
  const nachname = faker.person.lastName();
  const punkte = faker.number.int({ min: 1, max: 20 });
  const kosten = punkte * faker.number.int({ min: 1200, max: 2500 });
  return {
    programm: 441,
    antragsnummer: `A-${String(100000 + index)}`,
    zusagenummer: `Z-${String(500000 + index)}`,
    antragsdatum: new Date(Date.UTC(2024, 2, 1 + (index % 28))),
    zusagedatum: new Date(Date.UTC(2024, 5, 1 + (index % 28))),
    antragsstatus: 'Zugesagt',
    antragstellertyp: 'Unternehmen',
    firma: faker.company.name(),
    rechtsform: 'GmbH',
    handelsregisternummer: `HRB ${faker.number.int({ min: 1000, max: 99999 })}`,
    anrede: faker.helpers.arrayElement(['Herr', 'Frau']),
    vorname,
    nachname,
    email: `${vorname}.${nachname}.${index}@example.de`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9.@-]/g, ''),
    telefon: '030 1234567',
    strasse: faker.location.street(),
    hausnummer: String(faker.number.int({ min: 1, max: 200 })),
    plz: plz(faker),
    ort: faker.location.city(),
    standortStrasse: faker.location.street(),
    standortHausnummer: String(faker.number.int({ min: 1, max: 200 })),
    standortPlz: plz(faker),
    standortOrt: faker.location.city(),
    bundesland: 'Berlin',
    anzahlLadepunkte: punkte,
    foerderfaehigeKosten: kosten,
    zuschussZugesagt: Math.min(punkte * 900, Math.floor(kosten * 0.7)),
    deMinimis: 'ja',
    ...overrides,
  };
}

/** A five-digit postcode that exists in form (01001 to 99998; Faker's own may start 00). */
function plz(faker: Faker): string {
  return String(faker.number.int({ min: 1001, max: 99998 })).padStart(5, '0');
}
