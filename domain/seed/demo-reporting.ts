/**
 * Generates the reporting side of the demo data set: reporting periods, uploads with their
 * charging sessions, usage reports, documents and audit events. Sessions on one point never
 * overlap, end after they start and never exceed the point's power (kWh <= kW x h).
 */
import type { Faker } from '@faker-js/faker';
import type { AuditEvent } from '../models/audit-event.js';
import type { Berichtszeitraum, BerichtszeitraumStatus } from '../models/berichtszeitraum.js';
import type { Dokument } from '../models/dokument.js';
import type { Ladevorgang } from '../models/ladevorgang.js';
import type { Nutzungsbericht } from '../models/nutzungsbericht.js';
import type { Upload } from '../models/upload.js';
import type { DemoCase } from './demo-cases.js';
import { addDays, addYears, demoReferenceDate, isoDate } from './demo-random.js';

import type { Row } from './demo-row.js';

export interface DemoReportingRows {
  berichtszeitraum: Row<Berichtszeitraum>[];
  upload: Row<Upload>[];
  ladevorgang: Row<Ladevorgang>[];
  nutzungsbericht: Row<Nutzungsbericht>[];
  dokument: Row<Dokument>[];
  auditEvent: Row<AuditEvent>[];
}

const hour = 3_600_000;

/** Generates reporting rows for `cases`, with `sessionTotal` sessions over all commissioned points. */
export function generateDemoReporting(
  faker: Faker,
  cases: DemoCase[],
  sessionTotal: number,
): DemoReportingRows {
  const rows: DemoReportingRows = {
    berichtszeitraum: [],
    upload: [],
    ladevorgang: [],
    nutzungsbericht: [],
    dokument: [],
    auditEvent: [],
  };
  const periodsByCase = new Map<string, Row<Berichtszeitraum>[]>();
  for (const c of cases) {
    rows.auditEvent.push(
      audit(faker, c, 'foerderfall.import', {
        status: 'IMPORTIERT',
        antragsnummer: c.fall.antragsnummer,
      }),
    );
    if (c.fall.reportingId) {
      rows.auditEvent.push(
        audit(faker, c, 'foerderfall.reporting-id-issued', { reportingId: c.fall.reportingId }),
      );
    }
    if (c.fall.status !== 'IMPORTIERT' && c.fall.status !== 'EINGELADEN') {
      rows.dokument.push(
        document(faker, c, 'ZUWENDUNGSBESCHEID', 'Zuwendungsbescheid', 'application/pdf'),
      );
    }
    if (!c.inbetriebnahme) continue;
    rows.dokument.push(document(faker, c, 'RECHNUNG', 'Rechnung Installation', 'application/pdf'));
    rows.dokument.push(document(faker, c, 'FOTO', 'Foto Ladepunkt', 'image/jpeg'));
    const periods = generatePeriods(faker, c, c.inbetriebnahme);
    periodsByCase.set(c.fall.id, periods);
    rows.berichtszeitraum.push(...periods);
  }

  const points = cases.flatMap((c) => c.points.map((point) => ({ c, ...point })));
  const weights = points.map((p) => (p.kw > 22 ? 6 : p.oeffentlich ? 3 : p.privat ? 1 : 2));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((sessionTotal * w) / weightSum));
  for (
    let rest = sessionTotal - counts.reduce((a, b) => a + b, 0), i = 0;
    rest > 0;
    rest -= 1, i += 1
  ) {
    counts[i % counts.length] = (counts[i % counts.length] ?? 0) + 1;
  }

  const uploads = new Map<string, Row<Upload>>();
  const energy = new Map<string, { kwh: number; sessions: number }>();
  points.forEach((point, index) => {
    const periods = periodsByCase.get(point.c.fall.id) ?? [];
    const sessions = generateSessions(
      faker,
      point.kw,
      point.privat,
      new Date(`${point.punkt.inbetriebnahme}T00:00:00Z`),
      counts[index] ?? 0,
    );
    for (const session of sessions) {
      const period = periods.find(
        (p) => isoDate(session.beginn) >= p.von && isoDate(session.beginn) <= p.bis,
      );
      if (!period) continue;
      let upload = uploads.get(period.id);
      if (!upload) {
        upload = sessionsUpload(faker, point.c, period);
        uploads.set(period.id, upload);
        rows.upload.push(upload);
      }
      upload.zeilenGesamt = (upload.zeilenGesamt ?? 0) + 1;
      upload.zeilenUebernommen = upload.zeilenGesamt;
      rows.ladevorgang.push({
        ...session,
        id: faker.string.uuid(),
        ladepunktId: point.punkt.id,
        uploadId: upload.id,
      });
      const key = `${period.id}|${point.standortId}`;
      const sum = energy.get(key) ?? { kwh: 0, sessions: 0 };
      sum.kwh += Number(session.energieKwh);
      sum.sessions += 1;
      energy.set(key, sum);
    }
  });
  for (const upload of rows.upload) upload.groesseBytes = 120 + (upload.zeilenGesamt ?? 0) * 96;

  for (const c of cases) {
    for (const period of periodsByCase.get(c.fall.id) ?? []) {
      if (!['EINGEREICHT', 'GEPRUEFT', 'NACHFORDERUNG'].includes(period.status)) continue;
      for (const standort of c.standorte) {
        const measured = energy.get(`${period.id}|${standort.id}`) ?? { kwh: 0, sessions: 0 };
        const noChange = faker.datatype.boolean(0.85);
        rows.nutzungsbericht.push({
          id: faker.string.uuid(),
          berichtszeitraumId: period.id,
          standortId: standort.id,
          version: 1,
          // Reported figures are close to the uploaded sessions, as a backend export would be.
          energieKwh: (measured.kwh * faker.number.float({ min: 0.97, max: 1.03 })).toFixed(3),
          messmethode: faker.helpers.weightedArrayElement([
            { weight: 6, value: 'BACKEND' as const },
            { weight: 2, value: 'GEEICHTER_ZAEHLER' as const },
            { weight: 1, value: 'ZAEHLERSTAND' as const },
            { weight: 1, value: 'SCHAETZUNG' as const },
          ]),
          anzahlLadevorgaenge: measured.sessions,
          anteilErneuerbarProzent: '100.00',
          tageAusserBetrieb: faker.helpers.weightedArrayElement([
            { weight: 7, value: 0 },
            { weight: 3, value: faker.number.int({ min: 1, max: 21 }) },
          ]),
          keineAenderung: noChange,
          aenderungsarten: noChange
            ? []
            : [faker.helpers.arrayElement(['BETREIBERWECHSEL', 'ERSATZ', 'VERKAUF'] as const)],
          aenderungsbeschreibung: noChange ? null : faker.lorem.sentence(),
          eingereichtAm: period.eingereichtAm ?? null,
          eingereichtVonPersonId: c.antragstellerId,
        });
      }
    }
  }
  return rows;
}

function generatePeriods(faker: Faker, c: DemoCase, from: Date): Row<Berichtszeitraum>[] {
  const periods: Row<Berichtszeitraum>[] = [];
  for (let year = 0; addYears(from, year) < demoReferenceDate; year += 1) {
    const von = addYears(from, year);
    const bis = addDays(addYears(from, year + 1), -1);
    const frist = addDays(bis, 90);
    let status: BerichtszeitraumStatus = 'OFFEN';
    if (frist < demoReferenceDate) {
      status = faker.helpers.weightedArrayElement([
        { weight: 6, value: 'GEPRUEFT' as const },
        { weight: 2, value: 'EINGEREICHT' as const },
        { weight: 1, value: 'NACHFORDERUNG' as const },
        { weight: 1, value: 'UEBERFAELLIG' as const },
      ]);
    } else if (bis < demoReferenceDate) {
      status = faker.helpers.arrayElement(['OFFEN', 'ENTWURF', 'EINGEREICHT'] as const);
    }
    const submitted = ['EINGEREICHT', 'GEPRUEFT', 'NACHFORDERUNG'].includes(status);
    periods.push({
      id: faker.string.uuid(),
      foerderfallId: c.fall.id,
      von: isoDate(von),
      bis: isoDate(bis),
      frist: isoDate(frist),
      status,
      eingereichtAm: submitted ? addDays(bis, faker.number.int({ min: 5, max: 80 })) : null,
    });
  }
  return periods;
}

type Session = Omit<Row<Ladevorgang>, 'id' | 'ladepunktId' | 'uploadId'>;

/** Non-overlapping sessions from `from` to the reference date, `count` of them. */
function generateSessions(
  faker: Faker,
  kw: number,
  privat: boolean,
  from: Date,
  count: number,
): Session[] {
  if (count === 0) return [];
  const window = demoReferenceDate.getTime() - from.getTime();
  const slot = window / count;
  let meterWh = faker.number.int({ min: 0, max: 2_000_000 });
  const sessions: Session[] = [];
  for (let k = 0; k < count; k += 1) {
    const hours =
      kw > 22
        ? faker.number.float({ min: 0.25, max: 1.2 })
        : faker.number.float({ min: 0.5, max: privat ? 12 : 9 });
    const duration = Math.min(hours * hour, slot * 0.9);
    const startMs =
      from.getTime() + k * slot + faker.number.float({ min: 0, max: slot - duration });
    const beginn = new Date(Math.floor(startMs / 1000) * 1000);
    const ende = new Date(beginn.getTime() + Math.max(60_000, Math.floor(duration / 1000) * 1000));
    const h = (ende.getTime() - beginn.getTime()) / hour;
    const effectiveKw = kw * faker.number.float({ min: 0.35, max: 0.95 });
    const needKwh = faker.number.float({ min: 4, max: kw > 22 ? 80 : 60 });
    const kwh = Math.floor(Math.min(effectiveKw * h, needKwh) * 1000) / 1000;
    const wh = Math.round(kwh * 1000);
    sessions.push({
      beginn,
      ende,
      utcOffsetMinuten: berlinOffsetMinutes(beginn),
      energieKwh: kwh.toFixed(3),
      zaehlerstandBeginnWh: meterWh,
      zaehlerstandEndeWh: meterWh + wh,
      maxKw: Math.min(kw, effectiveKw * 1.05).toFixed(2),
      beendigungsgrund: faker.helpers.weightedArrayElement([
        { weight: 12, value: 'EVDisconnected' as const },
        { weight: 5, value: 'Local' as const },
        { weight: 2, value: 'Remote' as const },
        { weight: 1, value: 'Other' as const },
      ]),
    });
    meterWh += wh + faker.number.int({ min: 0, max: 50 });
  }
  return sessions;
}

/** Europe/Berlin's UTC offset at `instant`: summer time from the last Sunday of March to October. */
function berlinOffsetMinutes(instant: Date): number {
  const year = instant.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return new Date(last.getTime() - last.getUTCDay() * 86_400_000);
  };
  return instant >= lastSunday(2) && instant < lastSunday(9) ? 120 : 60;
}

function sessionsUpload(faker: Faker, c: DemoCase, period: Row<Berichtszeitraum>): Row<Upload> {
  const id = faker.string.uuid();
  return {
    id,
    foerderfallId: c.fall.id,
    berichtszeitraumId: period.id,
    personId: c.antragstellerId,
    art: 'LADEVORGAENGE_CSV',
    dateiname: `ladevorgaenge-${period.von.slice(0, 4)}.csv`,
    mimeType: 'text/csv',
    groesseBytes: 0,
    sha256: faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
    speicherSchluessel: `uploads/${c.fall.id}/${id}.csv`,
    status: 'VERARBEITET',
    zeilenGesamt: 0,
    zeilenUebernommen: 0,
    zeilenAbgelehnt: 0,
  };
}

function document(
  faker: Faker,
  c: DemoCase,
  art: Row<Dokument>['art'],
  titel: string,
  mimeType: string,
): Row<Dokument> {
  const id = faker.string.uuid();
  const extension = mimeType === 'image/jpeg' ? 'jpg' : 'pdf';
  return {
    id,
    foerderfallId: c.fall.id,
    standortId: art === 'FOTO' ? (c.standorte[0]?.id ?? null) : null,
    uploadId: null,
    art,
    titel,
    dateiname: `${titel.toLowerCase().replace(/\s+/g, '-')}.${extension}`,
    mimeType,
    groesseBytes: faker.number.int({ min: 40_000, max: 4_000_000 }),
    sha256: faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
    speicherSchluessel: `uploads/${c.fall.id}/${id}.${extension}`,
  };
}

function audit(
  faker: Faker,
  c: DemoCase,
  aktion: string,
  nachher: Record<string, unknown>,
): Row<AuditEvent> {
  return {
    id: faker.string.uuid(),
    akteurTyp: 'SYSTEM',
    akteurId: aktion === 'foerderfall.import' ? 'kfw-import' : 'issue-reporting-id',
    aktion,
    objektTyp: 'foerderfall',
    objektId: c.fall.id,
    foerderfallId: c.fall.id,
    vorher: null,
    nachher,
    korrelationId: null,
  };
}
