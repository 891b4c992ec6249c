/**
 * Where the kfw-import job leaves a delivered file, on both storage backends: a file rejected
 * whole (no workbook, no sheet, zip bomb) moves to `kfw-rejected/` with the reason on its run,
 * an imported one ends in `kfw-processed/`, and a job delivered again still finds it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { openObjectStore, type ObjectStore } from '../storage/index.js';
import { startS3TestServer, type S3TestServer } from '../snapshot/testing/s3-test-server.js';
import { kfwImportHandler } from './handler.js';
import { germanFaker, validKfwRow } from './testing/kfw-row-factory.js';
import { writeKfwWorkbook } from './testing/kfw-workbook-fixture.js';
import { readZipParts } from './testing/read-zip-parts.js';
import { deflate, writeZip } from './testing/zip-writer.js';

let t: TestDatabase;
let dir: string;
let s3: S3TestServer;
const stores: Record<string, ObjectStore> = {};
/** Local files the tests upload: a good workbook, a CSV, one without the sheet, a zip bomb. */
const files: Record<'good' | 'csv' | 'noSheet' | 'bomb', Buffer> = {} as never;

beforeAll(async () => {
  t = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'kfw-settle-'));
  const faker = germanFaker(77);
  const good = join(dir, 'good.xlsx');
  await writeKfwWorkbook(good, {
    rows: [validKfwRow(faker, 1, { antragsnummer: 'ST-1' })],
  });
  const noSheet = join(dir, 'no-sheet.xlsx');
  await writeKfwWorkbook(noSheet, { sheetName: 'Tabelle1', rows: [validKfwRow(faker, 2)] });
  // 64 MB of zeros packed to about 64 KB: past the 200:1 ratio a sheet may have
  const zeros = await deflate({ repeat: Buffer.alloc(1024 * 1024), times: 64 });
  const bomb = join(dir, 'bomb.xlsx');
  await writeZip(
    bomb,
    (await readZipParts(good)).map((part) =>
      part.name === 'xl/worksheets/sheet1.xml' ? { ...part, content: zeros } : part,
    ),
  );
  files.good = await readFile(good);
  files.noSheet = await readFile(noSheet);
  files.bomb = await readFile(bomb);
  files.csv = Buffer.from('Programm;Antragsnummer\n441;A-1\n');
  s3 = await startS3TestServer('kfw-settle');
  stores.file = openObjectStore(pathToFileURL(join(dir, 'storage')).href);
  stores.s3 = s3.openStore('platform');
});
afterAll(async () => {
  await stores.file?.close();
  await stores.s3?.close();
  await s3?.close();
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

/** An engine client that answers each process start with a new key. */
let lastKey = 2251799813690000;
const zeebe = {
  createProcessInstance: async () => ({ processInstanceKey: String(++lastKey) }),
} as unknown as NonNullable<Parameters<typeof runHandler>[2]>['zeebe'];

const keys = async (storage: ObjectStore, prefix: string) =>
  (await storage.list(prefix)).map((entry) => entry.key);

describe.each(['file', 's3'])('the kfw-import job on %s storage', (backend) => {
  const run = (fileKey: string) =>
    runHandler(kfwImportHandler, { fileKey }, { db: t.db, storage: stores[backend]!, zeebe });

  it.each([
    ['no workbook', 'csv', 'KFW_FILE_NOT_XLSX'],
    ['no sheet Antraege', 'noSheet', 'KFW_SHEET_MISSING'],
    ['a zip bomb', 'bomb', 'KFW_FILE_DECOMPRESSION_LIMIT'],
  ] as const)(
    'moves a file with %s to kfw-rejected/ and records why on its run',
    async (_case, file, code) => {
      // given the file claimed by the inbox trigger
      const storage = stores[backend]!;
      const fileKey = `kfw-processed/2026-11-25T01-00-00-000Z-${backend}-${file}.xlsx`;
      await storage.put(fileKey, files[file]);
      // when the job runs, and is delivered once more
      const first = await run(fileKey);
      const second = await run(fileKey);
      // then it fails with an incident naming the code, and the file waits in kfw-rejected/
      expect(first).toMatchObject({ action: 'fail', retries: 0 });
      expect(first.action === 'fail' && first.message).toContain(code);
      expect(second).toEqual(first);
      const rejectedKey = fileKey.replace('kfw-processed/', 'kfw-rejected/');
      expect(await keys(storage, 'kfw-rejected/')).toContain(rejectedKey);
      expect(await keys(storage, 'kfw-processed/')).not.toContain(fileKey);
      // and one run says so, nothing of the file stored
      const runs = await t.db.models.Importlauf.findAll({
        where: { speicherSchluessel: rejectedKey },
      });
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: 'ABGELEHNT', fehlercode: code, neu: 0 });
      expect(first.action === 'fail' && first.message).toContain(runs[0]!.fehlermeldung);
    },
  );

  it('moves a file imported straight from the inbox to kfw-processed/ and completes the job again', async () => {
    // given a good file placed in the inbox (a job started by hand, not by the trigger)
    const storage = stores[backend]!;
    const fileKey = `kfw-inbox/${backend}-good.xlsx`;
    await storage.put(fileKey, files.good);
    // when the job runs twice
    const first = await run(fileKey);
    const second = await run(fileKey);
    // then both complete alike and the file has left the inbox for kfw-processed/
    expect(first).toMatchObject({ action: 'complete', variables: { rejectedCount: 0 } });
    expect(second).toEqual(first);
    expect(await keys(storage, 'kfw-inbox/')).toEqual([]);
    expect(await keys(storage, 'kfw-processed/')).toContain(`kfw-processed/${backend}-good.xlsx`);
  });
});
