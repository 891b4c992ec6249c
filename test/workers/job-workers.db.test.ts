/**
 * Every job worker end to end: a model with the job's task is deployed to the embedded engine,
 * an instance started, and the job delivered through `@camunda8/sdk` over gRPC to the real
 * handler. Each job is delivered twice (the first completion is dropped, as if lost on the
 * way), so every test also shows that a second delivery does no harm; and each job type gets a
 * job with bad input that must end in an incident naming what is wrong.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../domain/index.js';
import { createTestCase } from '../../workers/case-data/testing/case-factory.js';
import { ALL_HANDLERS } from '../../workers/index.js';
import { isValidReportingId } from '../../workers/issue-reporting-id/reporting-id.js';
import { germanFaker, validKfwRow } from '../../workers/kfw-import/testing/kfw-row-factory.js';
import { writeKfwWorkbook } from '../../workers/kfw-import/testing/kfw-workbook-fixture.js';
import { singleTaskModel } from '../support/single-task-model.js';
import {
  memoryMailer,
  redeliveredOnce,
  startWorkerHarness,
  type WorkerHarness,
} from '../support/worker-harness.js';

const mailer = memoryMailer();
let h: WorkerHarness;
let db: Database;

beforeAll(async () => {
  h = await startWorkerHarness({ handlers: ALL_HANDLERS.map(redeliveredOnce), mailer });
  db = h.database.db;
  // kfw-import starts a foerderfall instance per new case
  await h.engine.zeebe.deployResource({ processFilename: 'processes/foerderfall.bpmn' });
});
afterAll(() => h.close());

const model = (jobType: string, headers?: Record<string, string>) =>
  singleTaskModel({
    processId: `job-${jobType}-${Object.values(headers ?? {}).join('-') || 'plain'}`,
    jobType,
    headers,
  });

/** Starts the job, expects the lost first completion and the completed second delivery. */
async function deliverTwice(
  jobType: string,
  variables: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const key = await h.start(model(jobType, headers), variables);
  const first = await h.nextResult(key);
  expect(first, `first delivery of ${jobType}`).toMatchObject({
    action: 'fail',
    message: 'completion lost (test)',
  });
  const second = await h.nextResult(key);
  expect(second, `second delivery of ${jobType}`).toMatchObject({ action: 'complete' });
  const view = h.inspect(key);
  expect(view.state).toBe('COMPLETED');
  return view.variables;
}

const auditCount = (aktion: string, foerderfallId: string) =>
  db.models.AuditEvent.count({ where: { aktion, foerderfallId } });

describe('job workers through the engine, each job delivered twice', () => {
  it('case-status sets the status once', async () => {
    const { fall } = await createTestCase(db);
    await deliverTwice('case-status', { caseId: fall.id }, { status: 'EINGELADEN' });
    expect((await fall.reload()).status).toBe('EINGELADEN');
    expect(await auditCount('foerderfall.status', fall.id)).toBe(1);
  });

  it('period-status returns the timer dates', async () => {
    const { fall } = await createTestCase(db);
    const period = await db.models.Berichtszeitraum.create({
      foerderfallId: fall.id,
      von: '2024-03-15',
      bis: '2025-03-14',
      frist: '2025-06-12',
      status: 'OFFEN',
    });
    const variables = await deliverTwice(
      'period-status',
      { periodId: period.id },
      { status: 'EINGEREICHT' },
    );
    expect(variables).toMatchObject({
      periodEnd: '2025-03-15T00:00:00+01:00',
      periodDeadline: '2025-06-13T00:00:00+02:00',
    });
    expect(await auditCount('berichtszeitraum.status', fall.id)).toBe(1);
  });

  it('issue-reporting-id issues one valid id', async () => {
    const { fall } = await createTestCase(db);
    await deliverTwice('issue-reporting-id', { caseId: fall.id });
    expect(isValidReportingId((await fall.reload()).reportingId ?? '')).toBe(true);
    expect(await auditCount('foerderfall.reporting-id', fall.id)).toBe(1);
  });

  it('plan-periods plans the periods once and sets periodIds', async () => {
    const { fall } = await createTestCase(db);
    const variables = await deliverTwice('plan-periods', { caseId: fall.id });
    const periods = await db.models.Berichtszeitraum.findAll({
      where: { foerderfallId: fall.id },
      order: [['von', 'ASC']],
    });
    expect(periods).toHaveLength(6);
    expect(variables.periodIds).toEqual(periods.map((p) => p.id));
  });

  it('case-validate sets valid and findings', async () => {
    const { fall } = await createTestCase(db, { gruppe: { kwProLadepunkt: '50.00' } });
    const variables = await deliverTwice('case-validate', { caseId: fall.id });
    expect(variables.valid).toBe(false);
    expect(variables.findings).toEqual([
      expect.objectContaining({
        code: 'GROUP_KW_ABOVE_LIMIT',
        path: 'locations[0].groups[0].kwPerPoint',
      }),
    ]);
  });

  it('report-validate sets valid and findings', async () => {
    const { fall, standort } = await createTestCase(db);
    const period = await db.models.Berichtszeitraum.create({
      foerderfallId: fall.id,
      von: '2024-03-15',
      bis: '2025-03-14',
      frist: '2025-06-12',
      status: 'ENTWURF',
    });
    const report = await db.models.Nutzungsbericht.create({
      berichtszeitraumId: period.id,
      standortId: standort!.id,
      energieKwh: '1200.000',
    });
    const variables = await deliverTwice('report-validate', {
      caseId: fall.id,
      periodId: period.id,
      reportId: report.id,
    });
    expect(variables).toMatchObject({ valid: true, findings: [] });
  });

  it('notify sends the same message again on re-delivery, recognisable by its Message-ID', async () => {
    const { fall, person } = await createTestCase(db);
    const before = mailer.sent.length;
    await deliverTwice('notify', { caseId: fall.id }, { template: 'approved' });
    const sent = mailer.sent.slice(before);
    expect(sent.map((m) => m.to)).toEqual([person.email, person.email]);
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(1);
  });

  it('sessions-import stores each session once', async () => {
    const { fall, gruppe } = await createTestCase(db);
    await db.models.Ladepunkt.create({
      ladesaeulengruppeId: gruppe!.id,
      evseId: 'DE*ABC*E000123*1',
      status: 'IN_BETRIEB',
    });
    const period = await db.models.Berichtszeitraum.create({
      foerderfallId: fall.id,
      von: '2024-03-15',
      bis: '2025-03-14',
      frist: '2025-06-12',
      status: 'OFFEN',
    });
    const csv = [
      '#decimal=,',
      'evse_id;beginn;ende;energie_kwh',
      'DE*ABC*E000123*1;2024-06-01T08:00:00+02:00;2024-06-01T09:00:00+02:00;9,5',
      'DE*ABC*E000123*1;2024-06-02T08:00:00+02:00;2024-06-02T09:00:00+02:00;10',
    ].join('\n');
    const key = `uploads/${randomUUID()}.csv`;
    await h.storage.put(key, csv);
    const upload = await db.models.Upload.create({
      foerderfallId: fall.id,
      berichtszeitraumId: period.id,
      art: 'LADEVORGAENGE_CSV',
      dateiname: 'x.csv',
      mimeType: 'text/csv',
      groesseBytes: csv.length,
      sha256: '0'.repeat(64),
      speicherSchluessel: key,
      status: 'EMPFANGEN',
    });
    const variables = await deliverTwice('sessions-import', {
      caseId: fall.id,
      uploadId: upload.id,
      periodId: period.id,
    });
    expect(variables.rejectedCount).toBe(0);
    expect(await db.models.Ladevorgang.count({ where: { uploadId: upload.id } })).toBe(2);
  });

  it('change-notice-apply records the approval once', async () => {
    const { fall } = await createTestCase(db);
    await deliverTwice('change-notice-apply', { caseId: fall.id, changeNoticeId: 'AM-1' });
    expect(await auditCount('aenderungsmeldung.uebernommen', fall.id)).toBe(1);
  });

  it('case-revoke revokes once; the engine refuses the repeated message, which counts as sent', async () => {
    const { fall } = await createTestCase(db, { fall: { status: 'BERICHTSPFLICHTIG' } });
    await deliverTwice('case-revoke', { caseId: fall.id, revocationId: 'W-1' });
    expect((await fall.reload()).status).toBe('WIDERRUFEN');
    expect(await auditCount('foerderfall.widerruf', fall.id)).toBe(1);
  });

  it('snapshot writes one snapshot, found again by the re-delivered job', async () => {
    const variables = await deliverTwice('snapshot', {});
    expect(variables.snapshotId).toMatch(/^job-\d+$/);
    expect(variables.suppressedCount).toEqual(expect.any(Number));
    const manifests = (await h.storage.list('snapshots/')).filter((o) =>
      o.key.endsWith('manifest.json'),
    );
    expect(manifests).toHaveLength(1);
  });

  it('kfw-import imports the file once and starts one foerderfall per new case', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'now-kfw-'));
    const file = path.join(dir, 'antraege.xlsx');
    const faker = germanFaker(11);
    await writeKfwWorkbook(file, { rows: [0, 1, 2].map((i) => validKfwRow(faker, i)) });
    const { readFile } = await import('node:fs/promises');
    await h.storage.put('kfw-inbox/antraege.xlsx', await readFile(file));
    await rm(dir, { recursive: true, force: true });
    const variables = await deliverTwice('kfw-import', { fileKey: 'kfw-inbox/antraege.xlsx' });
    expect(variables).toMatchObject({ importRunId: expect.any(String), rejectedCount: 0 });
    const cases = await db.models.Foerderfall.findAll({
      where: { importlaufId: variables.importRunId as string },
    });
    expect(cases).toHaveLength(3);
    const started = h.engine.embedded.engine.search.processInstances({
      filter: { processDefinitionId: 'foerderfall' },
    });
    expect(started.items).toHaveLength(3);
  });
});

describe('job workers refuse bad input with an incident naming it', () => {
  it.each([
    ['case-status', {}, { status: 'EINGELADEN' }, 'Variable „caseId“: fehlt'],
    ['case-status', { caseId: randomUUID() }, { status: 'FERTIG' }, 'Header „status“'],
    ['period-status', { periodId: 'P-1' }, { status: 'OFFEN' }, 'Variable „periodId“'],
    ['issue-reporting-id', { caseId: 42 }, undefined, 'Variable „caseId“'],
    ['plan-periods', {}, undefined, 'Variable „caseId“: fehlt'],
    ['case-validate', {}, undefined, 'Variable „caseId“: fehlt'],
    [
      'report-validate',
      { caseId: randomUUID(), periodId: randomUUID() },
      undefined,
      'Variable „reportId“: fehlt',
    ],
    ['notify', { caseId: randomUUID() }, { template: 'welcome' }, 'Header „template“'],
    ['sessions-import', { caseId: randomUUID() }, undefined, 'Variable „uploadId“: fehlt'],
    [
      'change-notice-apply',
      { caseId: randomUUID() },
      undefined,
      'Variable „changeNoticeId“: fehlt',
    ],
    ['case-revoke', { caseId: randomUUID() }, undefined, 'Variable „revocationId“: fehlt'],
    ['snapshot', { snapshotId: '../etc' }, undefined, 'snapshotId'],
    ['kfw-import', {}, undefined, 'fileKey'],
  ])('%s with %j', async (jobType, variables, headers, text) => {
    const key = await h.start(model(jobType, headers), variables);
    const result = await h.nextResult(key);
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    const [incident] = h.inspect(key).incidents;
    expect(incident?.errorMessage).toContain(text);
  });
});
