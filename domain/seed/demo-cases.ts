/**
 * Generates the case side of the demo data set: recipients, persons, operators, Förderfälle,
 * locations, charging-column groups and points. Pure: the same Faker state gives the same rows.
 */
import type { Faker } from '@faker-js/faker';
import type { Foerderfall, FoerderfallStatus } from '../models/foerderfall.js';
import type { Ladepunkt } from '../models/ladepunkt.js';
import type { Ladesaeulengruppe } from '../models/ladesaeulengruppe.js';
import type { Person } from '../models/person.js';
import type { PersonFoerderfall } from '../models/person-foerderfall.js';
import type { Standort } from '../models/standort.js';
import type { Zuwendungsempfaenger } from '../models/zuwendungsempfaenger.js';
import type { Betreiber } from '../models/betreiber.js';
import { programmIds } from '../migrations/m0005-insert-programmes.js';
import { backends, businessColumns, publicColumns, wallboxes } from './demo-hardware.js';
import { generateStandort } from './demo-locations.js';
import { generateOperators, generateRecipient, recipientType } from './demo-parties.js';
import type { DemoPlace } from './demo-places.js';
import type { ProgrammCode, Row } from './demo-row.js';
import { addDays, addYears, demoReferenceDate, isoDate } from './demo-random.js';

/** Sizes of the demo data set; the defaults of DOMAIN.md for 200 cases. */
export interface DemoSizes {
  cases: number;
  standorte: number;
  gruppen: number;
  ladevorgaenge: number;
}

/** Sizes scaled from the number of cases (200 cases: 300 / 800 / 50,000). */
export function demoSizes(cases: number): DemoSizes {
  return {
    cases,
    standorte: Math.round(cases * 1.5),
    gruppen: cases * 4,
    ladevorgaenge: cases * 250,
  };
}

/** A generated case with what the session generator needs to know about it. */
export interface DemoCase {
  fall: Row<Foerderfall>;
  programm: ProgrammCode;
  antragstellerId: string;
  standorte: Row<Standort>[];
  /** Commissioned points with their power and whether they are at a private home. */
  points: {
    punkt: Row<Ladepunkt>;
    standortId: string;
    kw: number;
    privat: boolean;
    oeffentlich: boolean;
  }[];
  inbetriebnahme: Date | null;
}

export interface DemoCaseRows {
  zuwendungsempfaenger: Row<Zuwendungsempfaenger>[];
  person: Row<Person>[];
  betreiber: Row<Betreiber>[];
  foerderfall: Row<Foerderfall>[];
  personFoerderfall: Row<PersonFoerderfall>[];
  standort: Row<Standort>[];
  ladesaeulengruppe: Row<Ladesaeulengruppe>[];
  ladepunkt: Row<Ladepunkt>[];
  cases: DemoCase[];
}

const operative: FoerderfallStatus[] = ['IN_BETRIEB', 'BERICHTSPFLICHTIG'];
const withReportingId: FoerderfallStatus[] = ['STAMMDATEN_VOLLSTAENDIG', ...operative];

/** Generates every case-side row for `sizes`, importing the cases in `importlaufId`. */
export function generateDemoCases(
  faker: Faker,
  sizes: DemoSizes,
  importlaufId: string,
): DemoCaseRows {
  const rows: DemoCaseRows = {
    zuwendungsempfaenger: [],
    person: [],
    betreiber: [],
    foerderfall: [],
    personFoerderfall: [],
    standort: [],
    ladesaeulengruppe: [],
    ladepunkt: [],
    cases: [],
  };
  const emails = new Set<string>();
  const person = (vorname?: string, nachname?: string): Row<Person> => {
    const sex = faker.helpers.arrayElement(['female', 'male'] as const);
    const first = vorname ?? faker.person.firstName(sex);
    const last = nachname ?? faker.person.lastName();
    let email = faker.internet.exampleEmail({ firstName: first, lastName: last }).toLowerCase();
    while (emails.has(email))
      email = email.replace('@', `${faker.number.int({ min: 1, max: 99 })}@`);
    emails.add(email);
    const row: Row<Person> = {
      id: faker.string.uuid(),
      anrede: vorname ? null : sex === 'female' ? 'FRAU' : 'HERR',
      vorname: first,
      nachname: last,
      email,
      telefon: faker.phone.number(),
      oidcSubject: null,
      datenschutzEinwilligungAm: null,
      letzteAnmeldungAm: null,
    };
    rows.person.push(row);
    return row;
  };

  const operators = generateOperators(faker, Math.max(3, Math.round(sizes.cases / 8)));
  rows.betreiber.push(...operators.map((o) => o.row));
  const serviceProviders = Array.from({ length: Math.max(2, Math.round(sizes.cases / 25)) }, () =>
    person(),
  );

  // Locations per case: one each, the rest spread over cases that may have several.
  const programmes = Array.from({ length: sizes.cases }, () =>
    faker.helpers.weightedArrayElement<ProgrammCode>([
      { weight: 50, value: 'KFW_441' },
      { weight: 15, value: 'KFW_439' },
      { weight: 25, value: 'KFW_440' },
      { weight: 10, value: 'LIS_VOR_ORT' },
    ]),
  );
  const standortCount = spread(
    faker,
    sizes.cases,
    sizes.standorte,
    (i) => programmes[i] !== 'KFW_440',
  );
  const recipients: { row: Row<Zuwendungsempfaenger>; place: DemoPlace; person?: Row<Person> }[] =
    [];

  for (let i = 0; i < sizes.cases; i += 1) {
    const programm = programmes[i] ?? 'KFW_441';
    const typ = recipientType(faker, programm);
    const reuse =
      faker.number.float() < 0.08 ? recipients.find((r) => r.row.typ === typ) : undefined;
    const recipient = reuse ?? generateRecipient(faker, typ, person);
    if (!reuse) {
      recipients.push(recipient);
      rows.zuwendungsempfaenger.push(recipient.row);
    }
    const status = faker.helpers.weightedArrayElement<FoerderfallStatus>([
      { weight: 8, value: 'IMPORTIERT' },
      { weight: 8, value: 'EINGELADEN' },
      { weight: 6, value: 'REGISTRIERT' },
      { weight: 8, value: 'STAMMDATEN_VOLLSTAENDIG' },
      { weight: 15, value: 'IN_BETRIEB' },
      { weight: 52, value: 'BERICHTSPFLICHTIG' },
      { weight: 3, value: 'WIDERRUFEN' },
    ]);
    const antragsdatum = faker.date.between({
      from: '2022-01-10T00:00:00Z',
      to: '2024-06-28T00:00:00Z',
    });
    const zusagedatum = addDays(antragsdatum, faker.number.int({ min: 10, max: 60 }));
    const commissioned = operative.includes(status);
    const inbetriebnahme = commissioned
      ? addDays(zusagedatum, faker.number.int({ min: 30, max: 270 }))
      : null;
    const year = antragsdatum.getUTCFullYear();
    const nr = programm === 'LIS_VOR_ORT' ? 'LIS' : programm.slice(4);
    const antragsnummer = `${nr}${String(year).slice(2)}${String(100_000 + i).padStart(6, '0')}`;
    const applicant = recipient.person ?? person();
    const registered = status !== 'IMPORTIERT' && status !== 'EINGELADEN';
    if (registered && applicant.oidcSubject === null) {
      applicant.oidcSubject = faker.string.uuid();
      applicant.datenschutzEinwilligungAm = addDays(
        zusagedatum,
        faker.number.int({ min: 5, max: 40 }),
      );
      applicant.letzteAnmeldungAm = faker.date.between({
        from: applicant.datenschutzEinwilligungAm,
        to: demoReferenceDate,
      });
    }

    const fall: Row<Foerderfall> = {
      id: faker.string.uuid(),
      programmId: programmIds[programm],
      zuwendungsempfaengerId: recipient.row.id,
      importlaufId,
      antragsnummer,
      zusagenummer: `Z-${antragsnummer}`,
      reportingId: withReportingId.includes(status)
        ? `R${nr}-${year}-${String(i + 1).padStart(6, '0')}`
        : null,
      reportingIdVergebenAm: withReportingId.includes(status)
        ? addDays(zusagedatum, faker.number.int({ min: 20, max: 90 }))
        : null,
      antragsdatum: isoDate(antragsdatum),
      zusagedatum: isoDate(zusagedatum),
      kfwAntragsstatus: 'ZUGESAGT',
      anzahlLadepunkteBeantragt: 1,
      foerderfaehigeKosten: null,
      zuschussZugesagt: null,
      zuschussAusgezahlt: null,
      auszahlungsdatum: null,
      fristNachweis: isoDate(addYears(zusagedatum, 1)),
      deMinimis: programm === 'KFW_441' ? faker.datatype.boolean(0.6) : false,
      status,
      ersteInbetriebnahme: inbetriebnahme ? isoDate(inbetriebnahme) : null,
      zweckbindungEnde: inbetriebnahme ? isoDate(addYears(inbetriebnahme, 6)) : null,
    };
    rows.foerderfall.push(fall);
    rows.personFoerderfall.push(link(faker, applicant.id, fall.id, 'ANTRAGSTELLER'));
    if (faker.number.float() < 0.3)
      rows.personFoerderfall.push(link(faker, person().id, fall.id, 'ANSPRECHPARTNER'));
    if (programm !== 'KFW_440' && faker.number.float() < 0.25) {
      const provider = faker.helpers.arrayElement(serviceProviders);
      rows.personFoerderfall.push(link(faker, provider.id, fall.id, 'DIENSTLEISTER'));
    }

    const demo: DemoCase = {
      fall,
      programm,
      antragstellerId: applicant.id,
      standorte: [],
      points: [],
      inbetriebnahme,
    };
    for (let s = 0; s < (standortCount[i] ?? 1); s += 1) {
      const standort = generateStandort(
        faker,
        programm,
        recipient.place,
        fall.id,
        s === 0 ? recipient.row : undefined,
      );
      standort.betreiberId =
        programm === 'KFW_440' ? null : faker.helpers.arrayElement(operators).row.id;
      demo.standorte.push(standort);
      rows.standort.push(standort);
    }
    rows.cases.push(demo);
  }

  // Groups: one per location, the rest spread over locations that are not private homes.
  const allStandorte = rows.cases.flatMap((c) => c.standorte.map((standort) => ({ c, standort })));
  const groupCount = spread(
    faker,
    allStandorte.length,
    sizes.gruppen,
    (i) => !allStandorte[i]?.standort.privaterWohnsitz,
  );
  const evseCounter = new Map<string, number>();
  const pointsPerCase = new Map<string, number>();
  allStandorte.forEach(({ c, standort }, index) => {
    const catalogue =
      c.programm === 'KFW_440'
        ? wallboxes
        : c.programm === 'LIS_VOR_ORT'
          ? publicColumns
          : businessColumns;
    const operator = operators.find((o) => o.row.id === standort.betreiberId);
    for (let g = 0; g < (groupCount[index] ?? 1); g += 1) {
      const hw = faker.helpers.arrayElement(catalogue);
      const columns =
        c.programm === 'KFW_440'
          ? 1
          : faker.number.int({ min: 1, max: hw.stromart === 'DC' ? 2 : 3 });
      const perColumn =
        c.programm === 'KFW_440'
          ? 1
          : hw.stromart === 'DC'
            ? 2
            : faker.helpers.arrayElement([1, 2]);
      const gruppe: Row<Ladesaeulengruppe> = {
        id: faker.string.uuid(),
        standortId: standort.id,
        hersteller: hw.hersteller,
        modell: hw.modell,
        anzahlLadesaeulen: columns,
        ladepunkteProSaeule: perColumn,
        kwProLadepunkt: hw.kw.toFixed(2),
        stromart: hw.stromart,
        steckertypen: hw.steckertypen,
        inbetriebnahme: c.inbetriebnahme
          ? isoDate(addDays(c.inbetriebnahme, g === 0 ? 0 : faker.number.int({ min: 0, max: 60 })))
          : null,
        eichrechtskonform:
          c.programm === 'KFW_440'
            ? null
            : c.programm === 'LIS_VOR_ORT' || faker.datatype.boolean(0.7),
        backend: c.programm === 'KFW_440' ? null : faker.helpers.arrayElement(backends),
        ocppVersion:
          c.programm === 'KFW_440'
            ? null
            : faker.helpers.weightedArrayElement([
                { weight: 8, value: '1.6' as const },
                { weight: 2, value: '2.0.1' as const },
              ]),
      };
      rows.ladesaeulengruppe.push(gruppe);
      for (let column = 0; column < columns; column += 1) {
        const station = operator ? (evseCounter.get(operator.code) ?? 0) + 1 : 0;
        if (operator) evseCounter.set(operator.code, station);
        for (let p = 1; p <= perColumn; p += 1) {
          const punkt: Row<Ladepunkt> = {
            id: faker.string.uuid(),
            ladesaeulengruppeId: gruppe.id,
            evseId: operator ? `${operator.code}*E${String(station).padStart(6, '0')}*${p}` : null,
            seriennummer: `${hw.hersteller.slice(0, 3).toUpperCase()}-${faker.string.alphanumeric({ length: 10, casing: 'upper' })}`,
            status: gruppe.inbetriebnahme ? 'IN_BETRIEB' : 'GEPLANT',
            inbetriebnahme: gruppe.inbetriebnahme,
            stilllegung: null,
          };
          rows.ladepunkt.push(punkt);
          pointsPerCase.set(c.fall.id, (pointsPerCase.get(c.fall.id) ?? 0) + 1);
          if (gruppe.inbetriebnahme) {
            c.points.push({
              punkt,
              standortId: standort.id,
              kw: hw.kw,
              privat: standort.privaterWohnsitz === true,
              oeffentlich: standort.zugang === 'OEFFENTLICH',
            });
          }
        }
      }
    }
  });

  for (const c of rows.cases) {
    const points = pointsPerCase.get(c.fall.id) ?? 1;
    c.fall.anzahlLadepunkteBeantragt =
      points + (faker.number.float() < 0.2 ? faker.number.int({ min: 1, max: 2 }) : 0);
    grant(faker, c, points);
  }
  return rows;
}

/** Cost and grant by the programme's rules (70 % capped per point and location, flat, or 80 %). */
function grant(faker: Faker, c: DemoCase, points: number): void {
  const perPoint =
    c.programm === 'LIS_VOR_ORT'
      ? faker.number.int({ min: 4000, max: 30_000 })
      : faker.number.int({ min: 1100, max: 2600 });
  const kosten = points * perPoint;
  const zuschuss =
    c.programm === 'KFW_440'
      ? 900 * points
      : c.programm === 'LIS_VOR_ORT'
        ? kosten * 0.8
        : Math.min(kosten * 0.7, 900 * points, 45_000 * c.standorte.length);
  c.fall.foerderfaehigeKosten = kosten.toFixed(2);
  c.fall.zuschussZugesagt = zuschuss.toFixed(2);
  if (c.inbetriebnahme && faker.number.float() < 0.7) {
    c.fall.kfwAntragsstatus = 'AUSGEZAHLT';
    c.fall.zuschussAusgezahlt = zuschuss.toFixed(2);
    c.fall.auszahlungsdatum = isoDate(
      addDays(c.inbetriebnahme, faker.number.int({ min: 20, max: 120 })),
    );
  }
}

/** Splits `total` over `n` slots: one each, the rest to slots that `mayGrow` allows. */
function spread(faker: Faker, n: number, total: number, mayGrow: (i: number) => boolean): number[] {
  const counts = Array.from({ length: n }, () => 1);
  const growable = counts.map((_, i) => i).filter(mayGrow);
  const pool = growable.length > 0 ? growable : counts.map((_, i) => i);
  for (let rest = total - n; rest > 0; rest -= 1) {
    const slot = faker.helpers.arrayElement(pool);
    counts[slot] = (counts[slot] ?? 1) + 1;
  }
  return counts;
}

function link(
  faker: Faker,
  personId: string,
  foerderfallId: string,
  rolle: Row<PersonFoerderfall>['rolle'],
): Row<PersonFoerderfall> {
  return { id: faker.string.uuid(), personId, foerderfallId, rolle };
}
