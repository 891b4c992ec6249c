/**
 * KfW files through the portal, end to end: an admin uploads a KfW file (multipart); it lands in
 * the storage inbox, the inbox trigger starts `kfw-import` on the embedded engine, the real
 * import worker imports it; the run's progress, rejected rows and row report are served by the
 * portal, and the export for KfW lists the imported cases.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, demoUsers } from '../../portal/server/identity/demo-users.js';
import { accessTokenFor } from '../../portal/server/testing/api-token.js';
import { startTestPortal, type TestPortal } from '../../portal/server/testing/test-portal.js';
import { startKfwInbox, type KfwInbox } from '../../workers/kfw-inbox/inbox-trigger.js';
import { writeImportReport } from '../../workers/kfw-import/import-report.js';
import { kfwImportHandler } from '../../workers/kfw-import/handler.js';
import { germanFaker, validKfwRow } from '../../workers/kfw-import/testing/kfw-row-factory.js';
import { writeKfwWorkbook } from '../../workers/kfw-import/testing/kfw-workbook-fixture.js';
import { silentLogger, startWorkerHarness, type WorkerHarness } from '../support/worker-harness.js';

const secret = 'kfw-files-secret';
const admin = demoUsers.find((u) => u.roles[0] === 'admin')!;
const officer = demoUsers.find((u) => u.roles[0] === 'case-officer')!;

/** Polls until `probe` gives a value, or fails after `timeoutMs`. */
async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('KfW files through the portal', () => {
  let h: WorkerHarness;
  let inbox: KfwInbox;
  let p: TestPortal;
  let token: string;
  let workbook: string;
  const started: string[] = [];

  const upload = (bytes: Buffer, name: string, bearer = token) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${p.url}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}` },
      body: form,
    });
  };
  const get = async (apiPath: string) => {
    const response = await fetch(`${p.url}${apiPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return response;
  };

  beforeAll(async () => {
    h = await startWorkerHarness({ handlers: [kfwImportHandler] });
    await h.engine.zeebe.deployResource({ processFilename: 'processes/kfw-import.bpmn' });
    await h.engine.zeebe.deployResource({ processFilename: 'processes/foerderfall.bpmn' });
    inbox = await startKfwInbox({
      storage: h.storage,
      zeebe: h.engine.zeebe,
      logger: silentLogger,
      inboxDir: path.join(h.storageDir, 'kfw-inbox'),
      pollIntervalMs: 1_000,
      onStarted: (entry) => started.push(entry.fileKey),
    });
    p = await startTestPortal({
      db: h.database.db,
      identity: { kind: 'embedded', clientSecret: secret },
      storage: h.storage,
      importReport: (runId, out) => writeImportReport(h.database.db, runId, out),
      uploadLimitBytes: 256 * 1024,
    });
    token = await accessTokenFor(p.url, secret, admin.email, demoPassword);
    const faker = germanFaker(11);
    workbook = path.join(tmpdir(), `kfw-portal-${process.pid}.xlsx`);
    await writeKfwWorkbook(workbook, {
      rows: [
        validKfwRow(faker, 1),
        validKfwRow(faker, 2),
        validKfwRow(faker, 3, { plz: 'ABC' }),
        validKfwRow(faker, 4),
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await inbox?.close();
    await h?.close();
    await rm(workbook, { force: true });
  });

  it('takes the upload into the inbox, the import runs, and its run shows progress and rejected rows', async () => {
    // given the admin's KfW file
    const bytes = await readFile(workbook);
    // when it is uploaded
    const response = await upload(bytes, 'Anträge November.xlsx');
    const receipt = (await response.json()) as { fileKey: string; sha256: string; runs: string };
    // then the answer names the file's hash and where its run will be
    expect(response.status).toBe(202);
    const { createHash } = await import('node:crypto');
    expect(receipt.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(receipt.fileKey).toMatch(/^kfw-inbox\/[0-9a-f]{12}-Antrage_November\.xlsx$/);
    // and the inbox trigger started the import, which finished
    const run = await eventually(async () => {
      const list = (await (await get(receipt.runs)).json()) as {
        items: { id: string; status: string }[];
      };
      const found = list.items[0];
      return found && found.status !== 'LAEUFT' ? found : undefined;
    }, 'the finished import run');
    expect(started).toHaveLength(1);
    const detail = (await (await get(`/api/imports/${run.id}`)).json()) as {
      status: string;
      progress: { done: number; total: number };
      abgelehnt: number;
      rejected: { items: { zeile: number; spalte: string | null }[]; total: number };
    };
    expect(detail).toMatchObject({
      status: 'ABGESCHLOSSEN',
      progress: { done: 4, total: 4 },
      abgelehnt: 1,
    });
    expect(detail.rejected.total).toBeGreaterThanOrEqual(1);
    expect(detail.rejected.items[0]!.zeile).toBe(4);

    // when the row report is downloaded
    const report = await get(`/api/imports/${run.id}/report`);
    // then it is an xlsx file naming the rejected row
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain('zeilenbericht-');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await report.arrayBuffer()) as never);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => cells.push(row.values?.toString() ?? ''));
    expect(cells.join('\n')).toContain('ABC');
  });

  it('serves the export for KfW with the imported cases, as CSV and xlsx', async () => {
    // when the admin downloads the export
    const csv = await get('/api/exports/kfw?format=csv');
    const xlsx = await get('/api/exports/kfw');
    // then the CSV has the header and one line per imported application
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Antragsnummer');
    expect(lines.filter((line) => line.includes('A-10000'))).toHaveLength(3);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('refuses what is not a KfW file, too large a file, and callers who are not admins', async () => {
    // when a text file, an oversized file, a case officer and an anonymous caller upload
    const text = await upload(Buffer.from('Name;Antrag\n'), 'antraege.csv');
    const fake = await upload(Buffer.from('kein zip'), 'antraege.xlsx');
    const big = await upload(Buffer.alloc(300 * 1024, 1), 'gross.xlsx');
    const officerToken = await accessTokenFor(p.url, secret, officer.email, demoPassword);
    const byOfficer = await upload(await readFile(workbook), 'antraege.xlsx', officerToken);
    const anonymous = await fetch(`${p.url}/api/imports`, {
      method: 'POST',
      body: new FormData(),
    });
    // then each is refused and nothing more reached the inbox
    expect(text.status).toBe(400);
    expect(((await text.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe(
      '/body/file',
    );
    expect(fake.status).toBe(400);
    expect(big.status).toBe(413);
    expect(byOfficer.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(await h.storage.list('kfw-inbox/')).toEqual([]);
    expect(started).toHaveLength(1);
  });

  it('describes the upload as multipart in the OpenAPI document', async () => {
    const document = (await (await fetch(`${p.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: object } }>>;
    };
    expect(Object.keys(document.paths['/api/imports']!.post!.requestBody!.content)).toEqual([
      'multipart/form-data',
    ]);
  });

  it('finds no run for an unknown id', async () => {
    const response = await get('/api/imports/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
  });
});
