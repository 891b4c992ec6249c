import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { pathToFileURL } from 'node:url';
import { runHandler } from '../runtime/testing/run-handler.js';
import { openObjectStore } from '../storage/index.js';
import { handleKfwImportJob, kfwImportHandler, type KfwImportDeps } from './handler.js';
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
      startCaseProcesses: async (caseIds) => {
        for (const caseId of caseIds) if (!started.includes(caseId)) started.push(caseId);
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

describe('kfwImportHandler in the worker runtime', () => {
  it('imports a file from storage and starts one foerderfall process per new case, even when delivered twice', async () => {
    // given a file in the storage inbox and an engine client that records process starts
    const store = openObjectStore(pathToFileURL(storage).href);
    const faker = germanFaker(12);
    const path = join(storage, 'kfw-inbox', 'runtime.xlsx');
    await writeKfwWorkbook(path, {
      rows: [
        validKfwRow(faker, 201, { antragsnummer: 'RT-1' }),
        validKfwRow(faker, 202, { antragsnummer: 'RT-2' }),
      ],
    });
    const starts: { bpmnProcessId: string; variables: Record<string, unknown> }[] = [];
    const zeebe = {
      createProcessInstance: async (request: {
        bpmnProcessId: string;
        variables: Record<string, unknown>;
      }) => {
        starts.push(request);
        return { processInstanceKey: String(2251799813685300 + starts.length) };
      },
    } as unknown as NonNullable<Parameters<typeof runHandler>[2]>['zeebe'];
    // when the job runs twice
    const first = await runHandler(
      kfwImportHandler,
      { fileKey: 'kfw-inbox/runtime.xlsx' },
      { db: t.db, storage: store, zeebe },
    );
    const second = await runHandler(
      kfwImportHandler,
      { fileKey: 'kfw-inbox/runtime.xlsx' },
      { db: t.db, storage: store, zeebe },
    );
    // then both complete with the same ids-only variables and each new case got exactly one process
    expect(first).toEqual({
      action: 'complete',
      variables: { importRunId: expect.any(String), rejectedCount: 0 },
    });
    expect(second).toEqual(first);
    const cases = await t.db.models.Foerderfall.findAll({
      where: { antragsnummer: ['RT-1', 'RT-2'] },
    });
    expect(starts.map((start) => start.variables.caseId).sort()).toEqual(
      cases.map((fall) => fall.id).sort(),
    );
    expect(new Set(starts.map((start) => start.bpmnProcessId))).toEqual(new Set(['foerderfall']));
    await store.close();
  });

  it('fails with an incident, naming the variable, when fileKey is missing', async () => {
    const result = await runHandler(kfwImportHandler, {}, { db: t.db });
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('fileKey');
  });
});
