import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../domain/index.js';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import {
  ImportRunFailedError,
  ImportStillRunningError,
  importKfwFile,
  type ImportOutcome,
  type ImportProgress,
} from './import-file.js';
import { DamagedWorkbookError } from './kfw-file-errors.js';
import { readZipParts } from './testing/read-zip-parts.js';
import { writeZip } from './testing/zip-writer.js';
import { germanFaker, validKfwRow } from './testing/kfw-row-factory.js';
import {
  writeKfwWorkbook,
  type FixtureRow,
  type KfwWorkbookFixture,
} from './testing/kfw-workbook-fixture.js';

let t: TestDatabase;
let db: Database;
let dir: string;
beforeAll(async () => {
  t = await openTestDatabase();
  db = t.db;
  dir = await mkdtemp(join(tmpdir(), 'kfw-import-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const DOMAIN_TABLES = [
  'Foerderfall',
  'Zuwendungsempfaenger',
  'Person',
  'PersonFoerderfall',
  'Standort',
  'Importlauf',
  'Importfehler',
  'AuditEvent',
] as const;

/** Children before parents, for the foreign keys. */
const DELETE_ORDER = [
  'AuditEvent',
  'Importfehler',
  'PersonFoerderfall',
  'Standort',
  'Foerderfall',
  'Importlauf',
  'Person',
  'Zuwendungsempfaenger',
] as const;

beforeEach(async () => {
  // each test starts from empty case tables (the programmes stay)
  for (const name of DELETE_ORDER) {
    await (db.models[name] as unknown as { destroy(options: object): Promise<number> }).destroy({
      where: {},
    });
  }
});

let fileNo = 0;
async function file(fixture: KfwWorkbookFixture): Promise<string> {
  const path = join(dir, `antraege-${++fileNo}.xlsx`);
  await writeKfwWorkbook(path, fixture);
  return path;
}

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const name of DOMAIN_TABLES) {
    result[name] = await (db.models[name] as unknown as { count(): Promise<number> }).count();
  }
  return result;
}

function imported(outcome: ImportOutcome) {
  if (outcome.kind !== 'imported') throw new Error(`expected an import, got ${outcome.kind}`);
  return outcome;
}

const faker = germanFaker(3);

describe('importKfwFile: every trap of the format', () => {
  it('imports a messy but valid file exactly as KfW meant it', async () => {
    // given a file with a preamble and the traps of DOMAIN.md in valid rows
    const rows: FixtureRow[] = [
      validKfwRow(faker, 1, { antragsnummer: 'PLZ-NUM', plz: 1067, standortPlz: 1069 }),
      validKfwRow(faker, 2, {
        antragsnummer: 'SERIAL',
        antragsdatum: { value: 45352, numFmt: '0' },
        zusagedatum: '15.06.2024',
      }),
      validKfwRow(faker, 3, {
        antragsnummer: 'DECIMAL',
        foerderfaehigeKosten: '12.345,67',
        zuschussZugesagt: '5.400,00',
      }),
      validKfwRow(faker, 4, {
        antragsnummer: 'SPACES  ',
        firma: ' Müller\u00a0Logistik GmbH  ',
        ort: 'Dresden\u00a0',
      }),
      validKfwRow(faker, 5, {
        antragsnummer: 'NFD',
        nachname: 'Mu\u0308ller',
        vorname: 'Jo\u0308rg',
        email: 'joerg.mueller@example.de',
      }),
      validKfwRow(faker, 6, {
        antragsnummer: 'FORMULA',
        foerderfaehigeKosten: { formula: '6*1500', result: 9000 },
        zuschussZugesagt: 5400,
      }),
    ];
    const path = await file({ preamble: [['KfW-Übergabe'], ['Stand: 24.11.2026']], rows });
    // when it is imported
    const outcome = imported(await importKfwFile(db, path));
    // then every row is a new case with clean values
    expect(outcome.summary).toEqual({ new: 6, updated: 0, unchanged: 0, rejected: 0 });
    const { Foerderfall, Zuwendungsempfaenger, Standort, Person } = db.models;
    const byNumber = async (antragsnummer: string) =>
      (await Foerderfall.findOne({ where: { antragsnummer } }))!;
    const plzCase = await byNumber('PLZ-NUM');
    expect((await Zuwendungsempfaenger.findByPk(plzCase.zuwendungsempfaengerId))?.plz).toBe(
      '01067',
    );
    expect((await Standort.findOne({ where: { foerderfallId: plzCase.id } }))?.plz).toBe('01069');
    expect((await byNumber('SERIAL')).antragsdatum).toBe('2024-03-01');
    expect((await byNumber('SERIAL')).zusagedatum).toBe('2024-06-15');
    expect((await byNumber('DECIMAL')).foerderfaehigeKosten).toBe('12345.67');
    const spaces = await byNumber('SPACES');
    expect((await Zuwendungsempfaenger.findByPk(spaces.zuwendungsempfaengerId))?.name).toBe(
      'Müller Logistik GmbH',
    );
    expect((await Person.findOne({ where: { email: 'joerg.mueller@example.de' } }))?.nachname).toBe(
      'Müller',
    );
    expect((await byNumber('FORMULA')).foerderfaehigeKosten).toBe('9000.00');
    expect(plzCase.status).toBe('IMPORTIERT');
    expect(plzCase.importlaufId).toBe(outcome.importRunId);
    expect(outcome.newCaseIds).toHaveLength(6);
  });

  it('rejects cells that start like formulas and keeps them as row errors', async () => {
    // given rows whose cells start with = + - @
    const rows = [
      validKfwRow(faker, 10, { antragsnummer: 'OK' }),
      validKfwRow(faker, 11, {
        antragsnummer: 'EQ',
        nachname: '=HYPERLINK("http://evil.example","klick")',
      }),
      validKfwRow(faker, 12, { antragsnummer: 'PLUS', ort: '+cmd|" /C calc"!A0' }),
      validKfwRow(faker, 13, { antragsnummer: 'MINUS', strasse: '-2+3' }),
      validKfwRow(faker, 14, { antragsnummer: 'AT', firma: '@SUMME(1+1)' }),
    ];
    const path = await file({ rows });
    // when it is imported
    const outcome = imported(await importKfwFile(db, path));
    // then only the clean row is a case; the others are row errors naming the cell
    expect(outcome.summary).toEqual({ new: 1, updated: 0, unchanged: 0, rejected: 4 });
    const errors = await db.models.Importfehler.findAll({
      where: { importlaufId: outcome.importRunId },
      order: [['zeile', 'ASC']],
    });
    expect(errors.map((error) => [error.zeile, error.spalte, error.code])).toEqual([
      [3, 'Nachname', 'FORMULA_LIKE'],
      [4, 'Ort', 'FORMULA_LIKE'],
      [5, 'Straße', 'FORMULA_LIKE'],
      [6, 'Firma / Name der Organisation', 'FORMULA_LIKE'],
    ]);
    expect(errors[0]?.wert).toBe('=HYPERLINK("http://evil.example","klick")');
    expect(errors[0]?.meldung).toContain('Formel');
  });

  it('reports duplicate rows inside one file and imports the first', async () => {
    // given the same application twice (rows 2 and 4)
    const first = validKfwRow(faker, 20, { antragsnummer: 'DUP-1' });
    const path = await file({
      rows: [first, validKfwRow(faker, 21), { ...first, anzahlLadepunkte: 9 }],
    });
    // when it is imported
    const outcome = imported(await importKfwFile(db, path));
    // then one case, and row 4 is reported as a duplicate of row 2
    expect(outcome.summary).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 1 });
    const [error] = await db.models.Importfehler.findAll({
      where: { importlaufId: outcome.importRunId },
    });
    expect(error).toMatchObject({ zeile: 4, code: 'DUPLICATE_ROW' });
    expect(error?.meldung).toContain('Zeile 2');
    expect(
      (await db.models.Foerderfall.findOne({ where: { antragsnummer: 'DUP-1' } }))
        ?.anzahlLadepunkteBeantragt,
    ).toBe(first.anzahlLadepunkte);
  });

  it('recognises the same applicant across programmes by e-mail plus name, never by name alone', async () => {
    // given one person applying in 439 and 441, and a namesake with another e-mail
    const person = {
      vorname: 'Jana',
      nachname: 'Schmidt',
      email: 'jana.schmidt@example.de',
      firma: 'Schmidt Logistik GmbH',
    };
    const path = await file({
      rows: [
        validKfwRow(faker, 30, { ...person, programm: 441, antragsnummer: 'X-1' }),
        validKfwRow(faker, 31, {
          ...person,
          programm: 439,
          antragsnummer: 'X-1',
          email: 'Jana.Schmidt@Example.de ',
        }),
        validKfwRow(faker, 32, {
          ...person,
          programm: 441,
          antragsnummer: 'X-2',
          email: 'j.schmidt@andere.example',
        }),
      ],
    });
    // when it is imported
    imported(await importKfwFile(db, path));
    // then the two cases of the same person share one person and one recipient; the namesake is another person
    const people = await db.models.Person.findAll({ where: { nachname: 'Schmidt' } });
    expect(people.map((p) => p.email).sort()).toEqual([
      'j.schmidt@andere.example',
      'jana.schmidt@example.de',
    ]);
    const cases = await db.models.Foerderfall.findAll({ where: { antragsnummer: 'X-1' } });
    expect(cases).toHaveLength(2);
    expect(new Set(cases.map((fall) => fall.zuwendungsempfaengerId)).size).toBe(1);
    const links = await db.models.PersonFoerderfall.findAll({
      where: { foerderfallId: cases.map((fall) => fall.id) },
    });
    expect(new Set(links.map((link) => link.personId)).size).toBe(1);
  });

  it('imports nothing when the same file comes again, and says so', async () => {
    // given a file that was imported
    const path = await file({ rows: [validKfwRow(faker, 40), validKfwRow(faker, 41)] });
    const first = imported(await importKfwFile(db, path));
    const before = await counts();
    // when the same file is imported again
    const again = await importKfwFile(db, path);
    // then nothing changed and the earlier run is named
    expect(again).toMatchObject({
      kind: 'already-imported',
      importRunId: first.importRunId,
      summary: first.summary,
    });
    expect(await counts()).toEqual(before);
  });

  it('updates a changed row on re-import, audits every changed field and leaves unchanged rows alone', async () => {
    // given a first delivery of two applications
    const kept = validKfwRow(faker, 50, { antragsnummer: 'KEEP' });
    const changed = validKfwRow(faker, 51, {
      antragsnummer: 'CHANGE',
      anzahlLadepunkte: 4,
      standortPlz: '20095',
    });
    imported(await importKfwFile(db, await file({ rows: [kept, changed] })));
    const keptCase = (await db.models.Foerderfall.findOne({ where: { antragsnummer: 'KEEP' } }))!;
    // when a second delivery changes one of them
    const outcome = imported(
      await importKfwFile(
        db,
        await file({
          rows: [
            kept,
            { ...changed, anzahlLadepunkte: 6, standortPlz: 1067, antragsstatus: 'Ausgezahlt' },
          ],
        }),
      ),
    );
    // then one update, one unchanged, and an audit event with before and after
    expect(outcome.summary).toEqual({ new: 0, updated: 1, unchanged: 1, rejected: 0 });
    const fall = (await db.models.Foerderfall.findOne({ where: { antragsnummer: 'CHANGE' } }))!;
    expect(fall.anzahlLadepunkteBeantragt).toBe(6);
    expect(fall.kfwAntragsstatus).toBe('AUSGEZAHLT');
    const audit = await db.models.AuditEvent.findOne({
      where: { foerderfallId: fall.id, aktion: 'foerderfall.kfw-import-aktualisiert' },
    });
    expect(audit?.vorher).toEqual({
      kfwAntragsstatus: 'ZUGESAGT',
      anzahlLadepunkteBeantragt: 4,
      'standort.plz': '20095',
    });
    expect(audit?.nachher).toEqual({
      kfwAntragsstatus: 'AUSGEZAHLT',
      anzahlLadepunkteBeantragt: 6,
      'standort.plz': '01067',
    });
    expect(audit?.korrelationId).toBe(outcome.importRunId);
    const keptAfter = (await db.models.Foerderfall.findByPk(keptCase.id))!;
    expect(keptAfter.updatedAt).toEqual(keptCase.updatedAt);
  });

  it('never overwrites a Reporting-ID the platform issued', async () => {
    // given a case whose Reporting-ID the platform has issued
    const row = validKfwRow(faker, 60, { antragsnummer: 'RID' });
    imported(await importKfwFile(db, await file({ rows: [row] })));
    await db.models.Foerderfall.update(
      { reportingId: 'RID-PLATFORM-1' },
      { where: { antragsnummer: 'RID' } },
    );
    // when KfW delivers the row with another Reporting-ID and a change
    imported(
      await importKfwFile(
        db,
        await file({ rows: [{ ...row, reportingId: 'FROM-KFW', anzahlLadepunkte: 7 }] }),
      ),
    );
    // then the platform's Reporting-ID stays
    const fall = (await db.models.Foerderfall.findOne({ where: { antragsnummer: 'RID' } }))!;
    expect(fall.reportingId).toBe('RID-PLATFORM-1');
    expect(fall.anzahlLadepunkteBeantragt).toBe(7);
  });

  it('rejects a file without the sheet whole and stores none of its rows', async () => {
    const path = await file({ sheetName: 'Tabelle1', rows: [validKfwRow(faker, 70)] });
    const outcome = await importKfwFile(db, path);
    expect(outcome.kind).toBe('rejected');
    expect(outcome.kind === 'rejected' && outcome.error.code).toBe('KFW_SHEET_MISSING');
    const { Importlauf: runs, ...rest } = await counts();
    expect(Object.values(rest).every((count) => count === 0)).toBe(true);
    expect(runs).toBe(1);
  });

  it('rejects a file that is no workbook, recording the error on one run however often it comes', async () => {
    const path = join(dir, 'antraege.csv.xlsx');
    await writeFile(path, 'Programm;Antragsnummer\n441;A-1\n');
    const outcome = await importKfwFile(db, path, { storageKey: 'kfw-inbox/antraege.csv.xlsx' });
    const again = await importKfwFile(db, path);
    expect(outcome.kind === 'rejected' && outcome.error.code).toBe('KFW_FILE_NOT_XLSX');
    expect(again.kind === 'rejected' && again.importRunId).toBe(
      outcome.kind === 'rejected' && outcome.importRunId,
    );
    const runs = await db.models.Importlauf.findAll();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'ABGELEHNT',
      fehlercode: 'KFW_FILE_NOT_XLSX',
      neu: 0,
      abgelehnt: 0,
    });
    expect(runs[0]!.fehlermeldung).toContain('keine lesbare Excel-Arbeitsmappe');
    expect(await db.models.Foerderfall.count()).toBe(0);
  });

  it('records progress on the run after every batch', async () => {
    // given seven rows imported in batches of three
    const path = await file({
      rows: Array.from({ length: 7 }, (_, index) => validKfwRow(faker, 80 + index)),
    });
    const seen: [ImportProgress, number][] = [];
    // when it runs, each progress report is compared with the run as stored
    await importKfwFile(db, path, {
      batchSize: 3,
      onProgress: async (progress) => {
        const run = (await db.models.Importlauf.findByPk(progress.importRunId))!;
        seen.push([progress, run.neu + run.aktualisiert + run.unveraendert + run.abgelehnt]);
      },
    });
    // then rows done grow 3, 6, 7 of 7, and the stored counters say the same
    expect(
      seen.map(([progress, stored]) => [progress.rowsDone, progress.rowsTotal, stored]),
    ).toEqual([
      [3, 7, 3],
      [6, 7, 6],
      [7, 7, 7],
    ]);
  });

  it('links the person KfW names when the applicant changes, and follows their new telephone number', async () => {
    // given a case of Jana Schmidt
    const row = validKfwRow(faker, 100, {
      antragsnummer: 'APPLICANT',
      vorname: 'Jana',
      nachname: 'Schmidt',
      email: 'jana@example.de',
      telefon: '030 111',
    });
    imported(await importKfwFile(db, await file({ rows: [row] })));
    // when KfW first changes her telephone number, then names another applicant
    const phone = imported(
      await importKfwFile(db, await file({ rows: [{ ...row, telefon: '030 222' }] })),
    );
    const other = imported(
      await importKfwFile(
        db,
        await file({
          rows: [
            {
              ...row,
              telefon: '030 222',
              vorname: 'Ole',
              nachname: 'Berg',
              email: 'ole@example.de',
            },
          ],
        }),
      ),
    );
    // then the telephone number follows, and Ole is linked beside Jana (nobody loses access)
    expect(phone.summary.updated).toBe(1);
    expect(other.summary.updated).toBe(1);
    expect((await db.models.Person.findOne({ where: { email: 'jana@example.de' } }))?.telefon).toBe(
      '030 222',
    );
    const fall = (await db.models.Foerderfall.findOne({ where: { antragsnummer: 'APPLICANT' } }))!;
    const links = await db.models.PersonFoerderfall.findAll({
      where: { foerderfallId: fall.id, rolle: 'ANTRAGSTELLER' },
    });
    expect(links).toHaveLength(2);
    const audit = await db.models.AuditEvent.findOne({
      where: { foerderfallId: fall.id, korrelationId: other.importRunId },
    });
    expect(audit?.nachher).toEqual({ antragsteller: ['jana@example.de', 'ole@example.de'] });
  });

  it('stops a run whose sheet is damaged half-way, keeps the rows before and marks it failed', async () => {
    // given 3,000 rows whose XML breaks at row 2,500 (megabytes after the header), batches of 500
    const template = validKfwRow(faker, 110);
    const good = await file({
      rows: Array.from({ length: 3000 }, (_, index) => ({
        ...template,
        antragsnummer: `DMG-${index}`,
      })),
    });
    const parts = await readZipParts(good);
    const broken = join(dir, 'damaged.xlsx');
    await writeZip(
      broken,
      parts.map((part) =>
        part.name === 'xl/worksheets/sheet1.xml'
          ? {
              ...part,
              content: Buffer.from(
                String(part.content).replace('<row r="2500"', '<row r="2500" <<kaputt'),
              ),
            }
          : part,
      ),
    );
    // when it is imported, then the run fails naming the damaged part
    const error = await importKfwFile(db, broken, { batchSize: 500 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ImportRunFailedError);
    expect((error as ImportRunFailedError).cause).toBeInstanceOf(DamagedWorkbookError);
    const run = await db.models.Importlauf.findByPk((error as ImportRunFailedError).importRunId);
    expect(run?.status).toBe('FEHLGESCHLAGEN');
    // the four full batches before the damage (rows 2 to 2001) are stored, nothing after
    expect(await db.models.Foerderfall.count()).toBe(2000);
    expect(run?.neu).toBe(2000);
  });

  it('takes over an unfinished run of the same file without creating anything twice', async () => {
    // given a run of a file that broke off (left LAEUFT, as after a crash) ten minutes ago
    const path = await file({ rows: [validKfwRow(faker, 90), validKfwRow(faker, 91)] });
    const first = imported(await importKfwFile(db, path));
    await db.models.Importlauf.update({ status: 'LAEUFT' }, { where: { id: first.importRunId } });
    const tenMinutesLater = () => new Date(Date.now() + 10 * 60_000);
    // when the job is delivered again
    const again = imported(await importKfwFile(db, path, { clock: tenMinutesLater }));
    // then the same run finishes with the same cases, counted as its new cases
    expect(again.importRunId).toBe(first.importRunId);
    expect(again.summary).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect([...again.newCaseIds].sort()).toEqual([...first.newCaseIds].sort());
    expect(await db.models.Foerderfall.count()).toBe(2);
    expect(await db.models.Importlauf.count()).toBe(1);
  });

  it('does not take over a run of the same file that is still moving', async () => {
    // given a run of the file that made progress just now (another worker is on it)
    const path = await file({ rows: [validKfwRow(faker, 95)] });
    const first = imported(await importKfwFile(db, path));
    await db.models.Importlauf.update({ status: 'LAEUFT' }, { where: { id: first.importRunId } });
    // when the same file is imported again, then it is told to wait, and nothing changes
    const error = await importKfwFile(db, path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportStillRunningError);
    expect((error as ImportStillRunningError).importRunId).toBe(first.importRunId);
    expect((await db.models.Importlauf.findByPk(first.importRunId))?.status).toBe('LAEUFT');
  });
});
