/**
 * Generates a funded location of the demo data set, fitting its programme: private homes for
 * KfW 440, company and municipal sites for 439/441, public sites for LIS vor Ort.
 */
import type { Faker } from '@faker-js/faker';
import type { Standort, StandortTyp } from '../models/standort.js';
import type { Zuwendungsempfaenger } from '../models/zuwendungsempfaenger.js';
import { plzNear } from './demo-parties.js';
import { demoPlaces, type DemoPlace } from './demo-places.js';
import type { ProgrammCode, Row } from './demo-row.js';

/** A location of a case; the first one of a private home is the recipient's own address. */
export function generateStandort(
  faker: Faker,
  programm: ProgrammCode,
  home: DemoPlace,
  foerderfallId: string,
  atRecipient: Row<Zuwendungsempfaenger> | undefined,
): Row<Standort> {
  const typ: StandortTyp =
    programm === 'KFW_440'
      ? atRecipient?.typ === 'WEG'
        ? 'MEHRFAMILIENHAUS'
        : 'EIGENHEIM'
      : programm === 'LIS_VOR_ORT'
        ? faker.helpers.arrayElement([
            'KUNDENPARKPLATZ',
            'OEFFENTLICHER_STRASSENRAUM',
            'PARKHAUS',
          ] as const)
        : faker.helpers.arrayElement([
            'FIRMENGELAENDE',
            'FIRMENGELAENDE',
            'MEHRFAMILIENHAUS',
            'SONSTIGES',
          ] as const);
  const place =
    atRecipient || faker.number.float() < 0.7 ? home : faker.helpers.arrayElement(demoPlaces);
  const sameAddress = atRecipient !== undefined && programm === 'KFW_440';
  const pv = faker.datatype.boolean(0.4);
  const speicher = pv && faker.datatype.boolean(0.35);
  return {
    id: faker.string.uuid(),
    foerderfallId,
    betreiberId: null,
    bezeichnung:
      programm === 'KFW_440'
        ? 'Wohnhaus'
        : `${faker.helpers.arrayElement(['Betriebshof', 'Parkplatz', 'Standort', 'Depot'])} ${faker.location.street()}`,
    strasse: sameAddress ? atRecipient.strasse : faker.location.street(),
    hausnummer: sameAddress ? atRecipient.hausnummer : faker.location.buildingNumber(),
    plz: sameAddress ? atRecipient.plz : plzNear(faker, place),
    ort: place.ort,
    bundesland: place.bundesland,
    ags: place.ags,
    breitengrad: (place.lat + faker.number.float({ min: -0.04, max: 0.04 })).toFixed(6),
    laengengrad: (place.lon + faker.number.float({ min: -0.06, max: 0.06 })).toFixed(6),
    zugang: programm === 'LIS_VOR_ORT' ? 'OEFFENTLICH' : 'NICHT_OEFFENTLICH',
    standortTyp: typ,
    privaterWohnsitz: typ === 'EIGENHEIM',
    netzanschlussKw: (programm === 'KFW_440'
      ? faker.number.int({ min: 30, max: 44 })
      : faker.number.int({ min: 50, max: 630 })
    ).toFixed(2),
    pvAnlage: pv,
    pvLeistungKwp: pv
      ? faker.number.int({ min: 5, max: programm === 'KFW_440' ? 15 : 250 }).toFixed(2)
      : null,
    speicher,
    speicherKwh: speicher
      ? faker.number.int({ min: 5, max: programm === 'KFW_440' ? 15 : 500 }).toFixed(2)
      : null,
    lastmanagement: faker.datatype.boolean(programm === 'KFW_440' ? 0.2 : 0.6),
    stromherkunft: pv
      ? faker.helpers.arrayElement(['EIGENERZEUGUNG', 'OEKOSTROM_UND_EIGENERZEUGUNG'] as const)
      : 'OEKOSTROMVERTRAG',
  };
}
