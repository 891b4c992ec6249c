/**
 * The entry point `now workers` and `now start` use: `startAllWorkers` serves every job type of
 * the contract against the engine, sends e-mails to the dev mailbox when no SMTP server is
 * configured, and `close()` lets the process end.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_TYPES } from '../../domain/index.js';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../../workers/case-data/testing/case-factory.js';
import { startAllWorkers, type RunningWorkers } from '../../workers/index.js';
import { openObjectStore, type ObjectStore } from '../../workers/snapshot/index.js';
import { startTestEngine, type TestEngine } from '../support/embedded-engine.js';
import { singleTaskModel } from '../support/single-task-model.js';
import { silentLogger } from '../support/worker-harness.js';

let engine: TestEngine;
let database: TestDatabase;
let dir: string;
let storage: ObjectStore;
let workers: RunningWorkers;

beforeAll(async () => {
  engine = await startTestEngine();
  database = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'now-all-workers-'));
  storage = openObjectStore(`file://${path.join(dir, 'storage')}`);
  workers = await startAllWorkers({
    zeebe: engine.newClient(),
    db: database.db,
    storage,
    logger: silentLogger,
    publicUrl: 'http://127.0.0.1:3000',
    smtpUrl: undefined,
    mailboxDir: path.join(dir, 'mailbox'),
  });
});
afterAll(async () => {
  await workers.close();
  await engine.close();
  await storage.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startAllWorkers', () => {
  it('serves every job type of the contract', () => {
    expect([...workers.jobTypes].sort()).toEqual(Object.values(JOB_TYPES).sort());
  });

  it('sends an invitation into the dev mailbox when SMTP_URL is unset', async () => {
    // given a case and a model that invites its applicant
    const { fall, person } = await createTestCase(database.db);
    const xml = singleTaskModel({
      processId: 'invite',
      jobType: 'notify',
      headers: { template: 'invitation' },
    });
    await engine.zeebe.deployResource({ name: 'invite.bpmn', process: Buffer.from(xml) });
    // when an instance runs to its end
    const result = await engine.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'invite',
      variables: { caseId: fall.id },
      requestTimeout: 20_000,
    });
    // then the mailbox holds the invitation with the registration link
    expect(result.bpmnProcessId).toBe('invite');
    const files = await readdir(path.join(dir, 'mailbox'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(await readFile(path.join(dir, 'mailbox', files[0]!)));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(person.email);
    expect(mail.text).toMatch(/http:\/\/127\.0\.0\.1:3000\/einladung\/[A-Za-z0-9_-]{43}/);
  });
});
