/**
 * Bad uploads of charging sessions through the real path: the file in storage, its `upload` row,
 * and a process whose `sessions-import` job the worker takes from the embedded engine over gRPC.
 * Each upload must be refused with its row report (row, column, code), store no session, and
 * leave the worker able to import a good upload afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCase } from '../../workers/case-data/testing/case-factory.js';
import { sessionsImportHandler } from '../../workers/sessions-import/handler.js';
import { singleTaskModel } from '../support/single-task-model.js';
import { startWorkerHarness, type WorkerHarness } from '../support/worker-harness.js';
import { POINT, sessionCases, type SessionCase } from './fixtures/session-uploads.js';
import { businessChecksum } from './support/business-checksum.js';

const model = singleTaskModel({ processId: 'bad-sessions', jobType: 'sessions-import' });
let h: WorkerHarness;
let caseId: string;
let periodId: string;

beforeAll(async () => {
  h = await startWorkerHarness({ handlers: [sessionsImportHandler] });
  const { fall, gruppe } = await createTestCase(h.database.db, {
    gruppe: {
      kwProLadepunkt: '22.00',
      inbetriebnahme: '2019-01-01',
      anzahlLadesaeulen: 1,
      ladepunkteProSaeule: 1,
    },
  });
  caseId = fall.id;
  await h.database.db.models.Ladepunkt.create({
    ladesaeulengruppeId: gruppe!.id,
    evseId: POINT,
    status: 'IN_BETRIEB',
  });
  const period = await h.database.db.models.Berichtszeitraum.create({
    foerderfallId: caseId,
    von: '2020-02-01',
    bis: '2020-03-31',
    frist: '2020-06-29',
    status: 'OFFEN',
  });
  periodId = period.id;
});
afterAll(() => h?.close());

async function upload(art: SessionCase['art'], content: Buffer) {
  const key = `uploads/${randomUUID()}.${art === 'LADEVORGAENGE_CSV' ? 'csv' : 'json'}`;
  await h.storage.put(key, content);
  return h.database.db.models.Upload.create({
    foerderfallId: caseId,
    art,
    dateiname: key.slice('uploads/'.length),
    mimeType: art === 'LADEVORGAENGE_CSV' ? 'text/csv' : 'application/json',
    groesseBytes: content.length,
    sha256: '0'.repeat(64),
    speicherSchluessel: key,
    status: 'EMPFANGEN',
  });
}

describe('bad session uploads', () => {
  it.each(sessionCases.map((c) => [c.name, c] as const))(
    'refuses %s',
    { timeout: 60_000 },
    async (_name, sessionCase) => {
      // given the upload in storage and the business tables as they are
      const file = await upload(sessionCase.art, sessionCase.content());
      const before = await businessChecksum(h.database.db);
      // when a process hands it to the sessions-import worker
      const instance = await h.start(model, { caseId, uploadId: file.id, periodId });
      const result = await h.nextResult(instance);
      // then the row report names each problem, and no session was stored
      expect(result).toEqual({
        action: 'complete',
        variables: { rejectedCount: sessionCase.report.length },
      });
      const report = await h.database.db.models.Importfehler.findAll({
        where: { uploadId: file.id },
        order: [
          ['zeile', 'ASC'],
          ['spalte', 'ASC'],
        ],
      });
      expect(report.map((line) => [line.zeile, line.spalte, line.code])).toEqual(
        sessionCase.report,
      );
      if (sessionCase.message) expect(report[0]?.meldung).toMatch(sessionCase.message);
      expect(await businessChecksum(h.database.db)).toEqual(before);
    },
  );

  it.each([
    [
      'an upload id that is no UUID',
      () => ({ caseId, uploadId: '../etc/passwd', periodId }),
      /uploadId/,
    ],
    [
      'an upload of another case',
      async () => ({
        caseId: randomUUID(),
        uploadId: (await upload('LADEVORGAENGE_CSV', Buffer.from('x'))).id,
        periodId,
      }),
      /Upload .* des Förderfalls .* nicht gefunden/,
    ],
  ] as const)('raises an incident for %s', async (_name, variables, message) => {
    const before = await businessChecksum(h.database.db);
    const result = await h.nextResult(await h.start(model, await variables()));
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toMatch(message);
    expect(await businessChecksum(h.database.db)).toEqual(before);
  });

  it('still imports a good upload afterwards', async () => {
    const line = `${POINT};2020-03-10T10:00:00+01:00;2020-03-10T11:00:00+01:00;10,0;;;22;EVDisconnected`;
    const file = await upload(
      'LADEVORGAENGE_CSV',
      Buffer.from(
        `#decimal=,\nevse_id;beginn;ende;energie_kwh;zaehlerstand_beginn_wh;zaehlerstand_ende_wh;max_kw;beendigungsgrund\n${line}\n`,
      ),
    );
    const result = await h.nextResult(
      await h.start(model, { caseId, uploadId: file.id, periodId }),
    );
    expect(result).toEqual({ action: 'complete', variables: { rejectedCount: 0 } });
    expect(await h.database.db.models.Ladevorgang.count({ where: { uploadId: file.id } })).toBe(1);
  });
});
