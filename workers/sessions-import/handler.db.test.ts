/**
 * The sessions import on the public Hamburg sessions turned into our CSV and OCPI formats, and
 * on broken variants of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { openObjectStore, type ObjectStore } from '../storage/index.js';
import { sessionsImportHandler } from './handler.js';
import {
  readHamburgSessions,
  toOcpiCdrs,
  toOurCsv,
  type HamburgSession,
} from './testing/hamburg-upload.js';

let t: TestDatabase;
let dir: string;
let storage: ObjectStore;
let caseId: string;
let periodId: string;
const hamburg = readHamburgSessions();

beforeAll(async () => {
  t = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'now-sessions-'));
  storage = openObjectStore(`file://${dir}`);
  // given a case whose location has a 22 kW point for every Hamburg charger
  const { fall, gruppe } = await createTestCase(t.db, {
    gruppe: {
      kwProLadepunkt: '22.00',
      inbetriebnahme: '2019-01-01',
      anzahlLadesaeulen: 1,
      ladepunkteProSaeule: 1,
    },
  });
  caseId = fall.id;
  const evseIds = [...new Set(hamburg.map((s) => s.evseId))];
  await t.db.models.Ladepunkt.bulkCreate(
    evseIds.map((evseId) => ({
      ladesaeulengruppeId: gruppe!.id,
      evseId,
      status: 'IN_BETRIEB' as const,
    })),
  );
  const period = await t.db.models.Berichtszeitraum.create({
    foerderfallId: caseId,
    von: '2020-02-01',
    bis: '2020-03-31',
    frist: '2020-06-29',
    status: 'OFFEN',
  });
  periodId = period.id;
});
afterAll(async () => {
  await storage.close();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function upload(
  content: string,
  art: 'LADEVORGAENGE_CSV' | 'LADEVORGAENGE_OCPI' = 'LADEVORGAENGE_CSV',
) {
  const key = `uploads/${randomUUID()}.${art === 'LADEVORGAENGE_CSV' ? 'csv' : 'json'}`;
  await storage.put(key, content);
  return t.db.models.Upload.create({
    foerderfallId: caseId,
    art,
    dateiname: path.basename(key),
    mimeType: 'text/csv',
    groesseBytes: Buffer.byteLength(content),
    sha256: '0'.repeat(64),
    speicherSchluessel: key,
    status: 'EMPFANGEN',
  });
}

const run = (uploadId: string) =>
  runHandler(sessionsImportHandler, { caseId, uploadId, periodId }, { db: t.db, storage });

const reportOf = (uploadId: string) =>
  t.db.models.Importfehler.findAll({
    where: { uploadId },
    order: [
      ['zeile', 'ASC'],
      ['spalte', 'ASC'],
    ],
    raw: true,
  });

describe('sessions-import on the Hamburg sessions', () => {
  it('takes every session of the real data set from our CSV, and a re-delivery adds nothing', async () => {
    // given the whole data set as our CSV
    const file = await upload(toOurCsv(hamburg));
    // when the job runs, and is delivered again
    const first = await run(file.id);
    const second = await run(file.id);
    // then every session is stored once, nothing rejected, and the upload counts say so
    expect(first).toEqual({ action: 'complete', variables: { rejectedCount: 0 } });
    expect(second).toEqual(first);
    expect(await t.db.models.Ladevorgang.count({ where: { uploadId: file.id } })).toBe(
      hamburg.length,
    );
    await file.reload();
    expect(file).toMatchObject({
      status: 'VERARBEITET',
      zeilenGesamt: hamburg.length,
      zeilenUebernommen: hamburg.length,
      zeilenAbgelehnt: 0,
    });
  });

  it('drops sessions uploaded again in a later file as already stored', async () => {
    const again = await upload(toOcpiCdrs(hamburg.slice(0, 20)), 'LADEVORGAENGE_OCPI');
    const result = await run(again.id);
    expect(result).toEqual({ action: 'complete', variables: { rejectedCount: 20 } });
    const report = await reportOf(again.id);
    expect(new Set(report.map((r) => r.code))).toEqual(new Set(['SESSION_ALREADY_STORED']));
  });
});

describe('sessions-import on broken variants', () => {
  // sessions on a point of their own so they clash with nothing stored by the tests above
  const base: HamburgSession = {
    evseId: 'DE*HAM*E8590',
    start: '2020-03-31T20:00:00+02:00',
    end: '2020-03-31T21:00:00+02:00',
    energyKwh: 10,
  };
  const line = (cells: string[]) => cells.join(';');

  it('rejects each broken row with its row, column and a German message, and keeps the rest', async () => {
    // given a CSV with one good row and one row per defect
    const csv = toOurCsv(
      [base],
      [
        line(['DE*HAM*E8590', '2020-03-30T10:00:00+02:00', '2020-03-30T09:00:00+02:00', '1,0']),
        line(['DE*HAM*E8590', '2020-03-29T10:00:00+02:00', '2020-03-29T11:00:00+02:00', '500,0']),
        line(['DE*HAM*E8590', '2020-03-28T10:00:00', '2020-03-28T11:00:00', '1,0']),
        line(['DE*XYZ*E1', '2020-03-27T10:00:00+01:00', '2020-03-27T11:00:00+01:00', '1,0']),
        line(['DE*HAM*E8590', '2020-03-26T10:00:00+01:00', '2020-03-26T11:00:00+01:00', '1.5']),
        line(['DE*HAM*E8590', '2020-03-31T20:00:00+02:00', '2020-03-31T20:30:00+02:00', '2,0']),
        line(['DE*HAM*E8590', '2020-04-02T10:00:00+02:00', '2020-04-02T11:00:00+02:00', '1,0']),
        line(['DE*HAM*E8590', '', '2020-03-25T11:00:00+01:00', '1,0']),
      ],
    );
    const file = await upload(csv);
    // when it is imported
    const result = await run(file.id);
    // then eight rows are rejected, each with what is wrong where (both bad timestamps of row 6)
    expect(result).toEqual({ action: 'complete', variables: { rejectedCount: 8 } });
    const report = await reportOf(file.id);
    expect(report.map((r) => [r.zeile, r.spalte, r.code])).toEqual([
      [4, 'ende', 'SESSION_END_BEFORE_START'],
      [5, 'energie_kwh', 'SESSION_ENERGY_ABOVE_CAPACITY'],
      [6, 'beginn', 'SESSION_TIMESTAMP_INVALID'],
      [6, 'ende', 'SESSION_TIMESTAMP_INVALID'],
      [7, 'evse_id', 'SESSION_POINT_UNKNOWN'],
      [8, 'energie_kwh', 'SESSION_NUMBER_INVALID'],
      [9, 'beginn', 'SESSION_DUPLICATE'],
      [10, 'beginn', 'SESSION_OUTSIDE_PERIOD'],
      [11, 'beginn', 'SESSION_VALUE_MISSING'],
    ]);
    expect(
      report.every((r) => /[äöüß]|Zeile|Ladevorgang|Ladepunkt|liegt|ist/.test(r.meldung)),
    ).toBe(true);
    expect(await t.db.models.Ladevorgang.count({ where: { uploadId: file.id } })).toBe(1);
  });

  it('rejects a file without the required columns whole, naming the column', async () => {
    const file = await upload(
      'evse_id;beginn;ende\nDE*HAM*E8590;2020-03-01T10:00:00+01:00;2020-03-01T11:00:00+01:00\n',
    );
    const result = await run(file.id);
    expect(result).toEqual({ action: 'complete', variables: { rejectedCount: 1 } });
    const [row] = await reportOf(file.id);
    expect(row).toMatchObject({ zeile: 1, spalte: 'energie_kwh', code: 'SESSIONS_FILE_INVALID' });
    expect(row?.meldung).toContain('„energie_kwh“');
    await file.reload();
    expect(file.status).toBe('ABGELEHNT');
  });

  it('rejects a CDR file that is not JSON, and a CDR without EVSE-ID by its number', async () => {
    const broken = await upload('{"data": [', 'LADEVORGAENGE_OCPI');
    expect(await run(broken.id)).toEqual({ action: 'complete', variables: { rejectedCount: 1 } });
    expect((await reportOf(broken.id))[0]?.meldung).toContain('kein gültiges JSON');

    const cdrs = JSON.parse(
      toOcpiCdrs([
        { ...base, start: '2020-03-30T20:00:00+02:00', end: '2020-03-30T21:00:00+02:00' },
      ]),
    ) as {
      data: Record<string, unknown>[];
    };
    cdrs.data.push({ ...cdrs.data[0], cdr_location: {} });
    const file = await upload(JSON.stringify(cdrs), 'LADEVORGAENGE_OCPI');
    expect(await run(file.id)).toEqual({ action: 'complete', variables: { rejectedCount: 1 } });
    expect((await reportOf(file.id)).map((r) => [r.zeile, r.spalte])).toEqual([
      [2, 'cdr_location.evse_id'],
    ]);
    // and no token of the CDR reached the database
    const stored = await t.db.models.Ladevorgang.findAll({
      where: { uploadId: file.id },
      raw: true,
    });
    expect(JSON.stringify(stored)).not.toContain('SECRET-TOKEN-UID');
  });

  it('raises an incident for an upload of another case', async () => {
    const file = await upload(toOurCsv([base]));
    const result = await runHandler(
      sessionsImportHandler,
      { caseId: '0b8e4c7a-5d2f-4e1b-9c3a-7f6d5e4c3b2a', uploadId: file.id, periodId },
      { db: t.db, storage },
    );
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
  });
});
