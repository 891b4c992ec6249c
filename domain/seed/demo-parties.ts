/**
 * Generates the parties of the demo data set: recipients (with the person behind a natural
 * person) and operators, at real towns with postcodes kept as text.
 */
import type { Faker } from '@faker-js/faker';
import type { Betreiber } from '../models/betreiber.js';
import type { Person } from '../models/person.js';
import type { Empfaengertyp, Zuwendungsempfaenger } from '../models/zuwendungsempfaenger.js';
import { demoPlaces, type DemoPlace } from './demo-places.js';
import type { ProgrammCode, Row } from './demo-row.js';

/** The recipient type a programme's applicant has. */
export function recipientType(faker: Faker, programm: ProgrammCode): Empfaengertyp {
  switch (programm) {
    case 'KFW_440':
      return faker.helpers.weightedArrayElement([
        { weight: 9, value: 'NATUERLICHE_PERSON' as const },
        { weight: 1, value: 'WEG' as const },
      ]);
    case 'KFW_439':
      return 'KOMMUNE';
    case 'LIS_VOR_ORT':
      return faker.helpers.arrayElement(['UNTERNEHMEN', 'KOMMUNE'] as const);
    default:
      return faker.helpers.weightedArrayElement([
        { weight: 6, value: 'UNTERNEHMEN' as const },
        { weight: 3, value: 'EINZELUNTERNEHMEN' as const },
        { weight: 1, value: 'GEMEINNUETZIG' as const },
      ]);
  }
}

/** A postcode near the town's first one, as text with its leading zero. */
export function plzNear(faker: Faker, place: DemoPlace): string {
  return String(place.plz + faker.number.int({ min: 0, max: 30 })).padStart(5, '0');
}

/** A recipient at a random town; natural persons and sole traders come with their person. */
export function generateRecipient(
  faker: Faker,
  typ: Empfaengertyp,
  person: (vorname?: string, nachname?: string) => Row<Person>,
): { row: Row<Zuwendungsempfaenger>; place: DemoPlace; person?: Row<Person> } {
  const place = faker.helpers.arrayElement(demoPlaces);
  const strasse = faker.location.street();
  const hausnummer = faker.location.buildingNumber();
  const owner = typ === 'NATUERLICHE_PERSON' || typ === 'EINZELUNTERNEHMEN' ? person() : undefined;
  const company = typ === 'UNTERNEHMEN' || typ === 'EINZELUNTERNEHMEN' || typ === 'GEMEINNUETZIG';
  const names: Record<Empfaengertyp, () => string> = {
    NATUERLICHE_PERSON: () => `${owner?.vorname} ${owner?.nachname}`,
    EINZELUNTERNEHMEN: () => `${faker.person.jobArea()} ${owner?.nachname} e.K.`,
    UNTERNEHMEN: () => faker.company.name(),
    KOMMUNE: () => `${faker.helpers.arrayElement(['Stadt', 'Gemeinde', 'Landkreis'])} ${place.ort}`,
    WEG: () => `WEG ${strasse} ${hausnummer}`,
    GEMEINNUETZIG: () =>
      `${faker.helpers.arrayElement(['Sportverein', 'Förderverein', 'Kulturverein'])} ${place.ort} e.V.`,
  };
  const rechtsform: Record<Empfaengertyp, string | null> = {
    NATUERLICHE_PERSON: null,
    EINZELUNTERNEHMEN: 'e.K.',
    UNTERNEHMEN: faker.helpers.arrayElement([
      'GmbH',
      'GmbH & Co. KG',
      'AG',
      'UG (haftungsbeschränkt)',
    ]),
    KOMMUNE: 'Körperschaft des öffentlichen Rechts',
    WEG: 'Wohnungseigentümergemeinschaft',
    GEMEINNUETZIG: 'e.V.',
  };
  const register = { EINZELUNTERNEHMEN: 'HRA', UNTERNEHMEN: 'HRB', GEMEINNUETZIG: 'VR' } as const;
  const prefix = register[typ as keyof typeof register];
  const row: Row<Zuwendungsempfaenger> = {
    id: faker.string.uuid(),
    typ,
    name: names[typ](),
    rechtsform: rechtsform[typ],
    registernummer: prefix ? `${prefix} ${faker.number.int({ min: 1000, max: 250_000 })}` : null,
    strasse,
    hausnummer,
    plz: plzNear(faker, place),
    ort: place.ort,
    bundesland: place.bundesland,
    ags: place.ags,
    wzCode: company
      ? faker.helpers.arrayElement([
          '49.41',
          '47.30',
          '45.20',
          '55.10',
          '68.20',
          '41.20',
          '35.14',
          '46.90',
          '86.10',
          '10.71',
        ])
      : null,
    kmu: company ? faker.datatype.boolean(0.8) : null,
    flottengroesse: company || typ === 'KOMMUNE' ? faker.number.int({ min: 0, max: 120 }) : null,
  };
  return owner && typ === 'NATUERLICHE_PERSON' ? { row, place, person: owner } : { row, place };
}

/** `n` operators with distinct eMI3 operator ids (`DE*ABC`). */
export function generateOperators(
  faker: Faker,
  n: number,
): { code: string; row: Row<Betreiber> }[] {
  const codes = new Set<string>();
  return Array.from({ length: n }, () => {
    let code = '';
    do code = `DE*${faker.string.alpha({ length: 3, casing: 'upper' })}`;
    while (codes.has(code));
    codes.add(code);
    const place = faker.helpers.arrayElement(demoPlaces);
    return {
      code,
      row: {
        id: faker.string.uuid(),
        name: `${faker.company.name()} Ladeinfrastruktur`,
        evseOperatorId: code,
        strasse: faker.location.street(),
        hausnummer: faker.location.buildingNumber(),
        plz: plzNear(faker, place),
        ort: place.ort,
        email: faker.internet.exampleEmail().toLowerCase(),
        telefon: faker.phone.number(),
      },
    };
  });
}
