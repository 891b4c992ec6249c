/**
 * `seedDemo`: a realistic, reproducible demo data set (Faker, locale de, fixed seed), written in
 * one transaction with batched inserts. Idempotent: the demo import run (a fixed file hash) marks
 * a database that has it already, and a second run changes nothing.
 *
 * @example
 *   const { created, counts } = await seedDemo(db, { cases: 200 });
 */
import { createHash } from 'node:crypto';
import type { Model, ModelStatic, Transaction } from 'sequelize';
import type { Database } from '../database/open-database.js';
import { generateDemoCases, demoSizes } from './demo-cases.js';
import { demoFaker, demoReferenceDate } from './demo-random.js';
import { generateDemoIdentity } from './demo-identity.js';
import { generateDemoReporting } from './demo-reporting.js';

/** Options of `seedDemo`. */
export interface SeedDemoOptions {
  /** Number of Förderfälle; locations, groups and sessions scale with it. @default 200 */
  cases?: number;
}

/** What `seedDemo` did: `created` false means the data was there already; counts per table. */
export interface SeedDemoReport {
  created: boolean;
  counts: Record<string, number>;
}

/** File hash of the demo import run; its presence marks a seeded database. */
export const demoMarkerHash = createHash('sha256').update('now demo data set v1').digest('hex');

/** `cases` is not a positive whole number. */
export class SeedOptionsError extends Error {
  readonly code = 'SEED_OPTIONS_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'SeedOptionsError';
  }
}

const batchSize = 1000;

/** Creates the demo data set unless it is present. Expects a migrated database. */
export async function seedDemo(
  db: Database,
  options: SeedDemoOptions = {},
): Promise<SeedDemoReport> {
  const cases = options.cases ?? 200;
  if (!Number.isInteger(cases) || cases < 1 || cases > 100_000) {
    throw new SeedOptionsError(
      `cases must be a whole number from 1 to 100000, got ${String(options.cases)}`,
    );
  }
  const m = db.models;
  return db.sequelize.transaction(async (transaction) => {
    const marker = await m.Importlauf.findOne({
      where: { quelle: 'DEMO', dateiHash: demoMarkerHash },
      transaction,
    });
    if (marker) return { created: false, counts: await countRows(db, transaction) };

    const faker = demoFaker();
    const sizes = demoSizes(cases);
    const importlaufId = faker.string.uuid();
    const caseRows = generateDemoCases(faker, sizes, importlaufId);
    const reporting = generateDemoReporting(faker, caseRows.cases, sizes.ladevorgaenge);
    const importfehler = demoImportErrors(faker.string.uuid, importlaufId);
    // Last, so the rows generated before keep their values.
    const identity = generateDemoIdentity(faker, caseRows.person, caseRows.cases);

    const plan: [ModelStatic<Model>, object[]][] = [
      [
        m.Importlauf,
        [
          {
            id: importlaufId,
            quelle: 'DEMO',
            dateiname: 'kfw-uebergabe-demo.xlsx',
            dateiHash: demoMarkerHash,
            speicherSchluessel: null,
            status: 'ABGESCHLOSSEN',
            zeilenGesamt: cases + importfehler.length,
            neu: cases,
            aktualisiert: 0,
            unveraendert: 0,
            abgelehnt: importfehler.length,
            gestartetAm: demoReferenceDate,
            beendetAm: new Date(demoReferenceDate.getTime() + 42_000),
            gestartetVon: null,
          },
        ],
      ],
      [m.Importfehler, importfehler],
      [m.Zuwendungsempfaenger, caseRows.zuwendungsempfaenger],
      [m.Person, caseRows.person],
      [m.Betreiber, caseRows.betreiber],
      [m.Foerderfall, caseRows.foerderfall],
      [m.PersonFoerderfall, caseRows.personFoerderfall],
      [m.Standort, caseRows.standort],
      [m.Ladesaeulengruppe, caseRows.ladesaeulengruppe],
      [m.Ladepunkt, caseRows.ladepunkt],
      [m.Berichtszeitraum, reporting.berichtszeitraum],
      [m.Upload, reporting.upload],
      [m.Ladevorgang, reporting.ladevorgang],
      [m.Nutzungsbericht, reporting.nutzungsbericht],
      [m.Dokument, reporting.dokument],
      [m.AuditEvent, reporting.auditEvent],
      [m.Konto, identity.konto],
      [m.KontoToken, identity.kontoToken],
      [m.Sitzung, identity.sitzung],
      [m.Einladung, identity.einladung],
      [m.Entwurf, identity.entwurf],
      [m.GespeicherterFilter, identity.gespeicherterFilter],
    ];
    const counts: Record<string, number> = {};
    const now = new Date();
    for (const [model, rows] of plan) {
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        if (model === m.Ladevorgang) {
          // The 50,000 sessions skip building model instances (a third of the time). Passing the
          // model's attributes keeps the exact value formatting bulkCreate would use; the rows
          // have no setters to run and are generated valid.
          const stamped = batch.map((row) => ({ ...row, createdAt: now, updatedAt: now }));
          await db.sequelize
            .getQueryInterface()
            .bulkInsert(model.tableName, stamped, { transaction }, model.getAttributes());
        } else {
          // Rows are generated valid; per-row validation would only cost time.
          await model.bulkCreate(batch as never[], { transaction, validate: false, hooks: false });
        }
      }
      counts[model.tableName] = rows.length;
    }
    return { created: true, counts };
  });
}

/** Rows in every domain table. */
async function countRows(db: Database, transaction: Transaction): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Object.values(db.models) as ModelStatic<Model>[]) {
    counts[model.tableName] = await model.count({ transaction });
  }
  return counts;
}

/** Rows the demo KfW file "rejected", so the import report has something to show. */
function demoImportErrors(uuid: () => string, importlaufId: string): object[] {
  return [
    {
      zeile: 17,
      spalte: 'PLZ',
      wert: '1067',
      code: 'PLZ_INVALID',
      meldung: 'PLZ "1067" hat 4 Stellen; führende Null verloren?',
    },
    {
      zeile: 42,
      spalte: 'E-Mail',
      wert: 'k.schulz@',
      code: 'EMAIL_INVALID',
      meldung: 'E-Mail "k.schulz@" ist keine E-Mail-Adresse',
    },
    {
      zeile: 88,
      spalte: 'Antragsnummer',
      wert: '44122100087',
      code: 'DUPLICATE_ROW',
      meldung: 'Antragsnummer 44122100087 steht doppelt in der Datei (Zeile 87)',
    },
  ].map((row) => ({ ...row, id: uuid(), importlaufId, uploadId: null }));
}
