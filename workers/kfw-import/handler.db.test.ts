import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { handleKfwImportJob, type KfwImportDeps } from './handler.js';
import { importKfwFile } from './import-file.js';
import { germanFaker, validKfwRow } from './testing/kfw-row-factory.js';
import { writeKfwWorkbook } from './testing/kfw-workbook-fixture.js';

let t: TestDatabase;
let storage: string;
beforeAll(async () => {
  t = await openTestDatabase();
  storage = await mkdtemp(join(tmpdir(), 'kfw-storage-'));
  await mkdir(join(storage, 'kfw-inbox'));
});
afterAll(async () => {
  await t?.close();
  await rm(storage, { recursive: true, force: true });
});

describe('the kfw-import job on a real database', () => {
  it('does no harm when the same job is delivered twice', async () => {
    // given a delivered file with two valid rows and one bad row
    const faker = germanFaker(9);
    await writeKfwWorkbook(join(storage, 'kfw-inbox', 'antraege.xlsx'), {
      rows: [validKfwRow(faker, 1), validKfwRow(faker, 2), validKfwRow(faker, 3, { plz: 'ABC' })],
    });
    const started: string[] = [];
    const deps: KfwImportDeps = {
      openStoredFile: async (key) => ({ path: join(storage, key), release: async () => undefined }),
      importFile: (path, options) => importKfwFile(t.db, path, options),
      // an idempotent starter, as the adapter records the instance key on the case
      startCaseProcess: async (caseId) => {
        if (!started.includes(caseId)) started.push(caseId);
      },
    };
    const job = { variables: { fileKey: 'kfw-inbox/antraege.xlsx' }, retries: 3 };
    // when the job is handled twice
    const first = await handleKfwImportJob(job, deps);
    const second = await handleKfwImportJob(job, deps);
    // then both complete with the same variables, and there are two cases with one process each
    expect(first).toMatchObject({
      kind: 'complete',
      variables: { rejectedCount: 1 },
      alreadyImported: false,
    });
    expect(second.kind === 'complete' && second.variables).toEqual(
      first.kind === 'complete' && first.variables,
    );
    expect(second).toMatchObject({ alreadyImported: true });
    expect(await t.db.models.Foerderfall.count()).toBe(2);
    expect(started).toHaveLength(2);
    const run = await t.db.models.Importlauf.findOne();
    expect(run).toMatchObject({
      speicherSchluessel: 'kfw-inbox/antraege.xlsx',
      dateiname: 'antraege.xlsx',
      status: 'ABGESCHLOSSEN',
    });
  });
});
