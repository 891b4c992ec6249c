/**
 * Bad KfW files through the real path: the file lies in storage, a process's `kfw-import` job
 * is activated by the worker over gRPC from the embedded engine, the handler imports into the
 * test database. Each case must get its specific error, store no case, and leave the worker
 * able to import a good file afterwards.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kfwImportHandler } from '../../workers/kfw-import/handler.js';
import { germanFaker, validKfwRow } from '../../workers/kfw-import/testing/kfw-row-factory.js';
import { writeKfwWorkbook } from '../../workers/kfw-import/testing/kfw-workbook-fixture.js';
import { singleTaskModel } from '../support/single-task-model.js';
import { startWorkerHarness, type WorkerHarness } from '../support/worker-harness.js';
import { fixtureTools, kfwCases, type FixtureTools } from './fixtures/kfw-files.js';
import { businessChecksum } from './support/business-checksum.js';

const model = singleTaskModel({ processId: 'bad-kfw', jobType: 'kfw-import', retries: 1 });
let h: WorkerHarness;
let tools: FixtureTools;

beforeAll(async () => {
  h = await startWorkerHarness({ handlers: [kfwImportHandler] });
  await mkdir(path.join(h.storageDir, 'kfw-inbox'), { recursive: true });
  // a stand-in for the case process the import starts for each new case: it ends at once
  await h.engine.zeebe.deployResource({
    name: 'foerderfall.bpmn',
    process: Buffer.from(
      singleTaskModel({ processId: 'foerderfall', jobType: 'unused' }).replace(
        /<bpmn:serviceTask[\s\S]*?<\/bpmn:serviceTask>/,
        '<bpmn:task id="Task_Job"><bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing></bpmn:task>',
      ),
    ),
  });
  tools = await fixtureTools();
});
afterAll(() => h?.close());

describe('bad KfW files', () => {
  it.each(kfwCases.map((c, index) => [c.name, c, index] as const))(
    'refuses %s',
    { timeout: 60_000 },
    async (_name, kfwCase, index) => {
      // given the file in the storage inbox and the business tables as they are
      const fileKey = `kfw-inbox/case-${index}.xlsx`;
      await writeFile(path.join(h.storageDir, fileKey), await kfwCase.file(tools));
      const before = await businessChecksum(h.database.db);
      // when a process hands it to the kfw-import worker
      const instance = await h.start(model, kfwCase.variables ?? { fileKey });
      const result = await h.nextResult(instance);
      // then the error is the specific one, and no business table changed
      if (kfwCase.expected.kind === 'rejected') {
        expect(result).toMatchObject({ action: 'fail', retries: 0 });
        expect(result.action === 'fail' && result.message).toMatch(kfwCase.expected.message);
      } else {
        expect(result).toEqual({
          action: 'complete',
          variables: {
            importRunId: expect.any(String),
            rejectedCount: kfwCase.expected.report.length,
          },
        });
        if (result.action !== 'complete') throw new Error('not completed');
        const runId = String(result.variables.importRunId);
        const report = await h.database.db.models.Importfehler.findAll({
          where: { importlaufId: runId },
          order: [['zeile', 'ASC']],
        });
        expect(report.map((line) => [line.zeile, line.spalte, line.code])).toEqual(
          kfwCase.expected.report,
        );
      }
      expect(await businessChecksum(h.database.db)).toEqual(before);
    },
  );

  it('still imports a good file afterwards', async () => {
    // given a valid file after the whole corpus
    const fileKey = 'kfw-inbox/good.xlsx';
    await writeKfwWorkbook(path.join(h.storageDir, fileKey), {
      rows: [validKfwRow(germanFaker(5), 1, { antragsnummer: 'GOOD-1' })],
    });
    // when it is imported the same way
    const result = await h.nextResult(await h.start(model, { fileKey }));
    // then the case is there
    expect(result).toMatchObject({ action: 'complete', variables: { rejectedCount: 0 } });
    expect(
      await h.database.db.models.Foerderfall.count({ where: { antragsnummer: 'GOOD-1' } }),
    ).toBe(1);
  });
});
