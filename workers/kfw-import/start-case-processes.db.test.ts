import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { importKfwFile } from './import-file.js';
import { startCaseProcesses, type ProcessStarter } from './start-case-processes.js';
import { germanFaker, validKfwRow } from './testing/kfw-row-factory.js';
import { writeKfwWorkbook } from './testing/kfw-workbook-fixture.js';

let t: TestDatabase;
let dir: string;
let caseIds: readonly string[];
let runId: string;
beforeAll(async () => {
  t = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'kfw-start-'));
  const faker = germanFaker(31);
  const path = join(dir, 'antraege.xlsx');
  await writeKfwWorkbook(path, {
    rows: Array.from({ length: 5 }, (_, index) => validKfwRow(faker, 300 + index)),
  });
  const outcome = await importKfwFile(t.db, path);
  if (outcome.kind !== 'imported') throw new Error(outcome.kind);
  caseIds = outcome.newCaseIds;
  runId = outcome.importRunId;
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startCaseProcesses', () => {
  it('starts each case once, also when the first attempt broke off half-way', async () => {
    // given an engine that fails on the third start
    const started: string[] = [];
    let calls = 0;
    const flaky: ProcessStarter = {
      async createProcessInstance({ bpmnProcessId, variables }) {
        calls += 1;
        if (calls === 3) throw new Error('UNAVAILABLE: gateway restarting');
        started.push(`${bpmnProcessId}:${String(variables.caseId)}`);
        return { processInstanceKey: String(2251799813685400 + calls) };
      },
    };
    // when the starts run one at a time, fail, and run again
    await expect(
      startCaseProcesses(t.db, flaky, caseIds, runId, { concurrency: 1 }),
    ).rejects.toThrow('UNAVAILABLE');
    const again = await startCaseProcesses(t.db, flaky, caseIds, runId, { concurrency: 1 });
    // then every case has exactly one foerderfall instance, and a third run starts nothing
    expect(again).toEqual({ started: 3, alreadyStarted: 2 });
    expect([...started].sort()).toEqual(caseIds.map((id) => `foerderfall:${id}`).sort());
    expect(await startCaseProcesses(t.db, flaky, caseIds, runId)).toEqual({
      started: 0,
      alreadyStarted: 5,
    });
    // and each case carries the key of its own instance
    const keys = await t.db.models.Foerderfall.findAll({
      where: { id: [...caseIds] },
      attributes: ['prozessInstanzKey'],
    });
    expect(new Set(keys.map((fall) => fall.prozessInstanzKey)).size).toBe(5);
    expect(keys.every((fall) => /^22517998136854\d\d$/.test(fall.prozessInstanzKey ?? ''))).toBe(
      true,
    );
  });
});
