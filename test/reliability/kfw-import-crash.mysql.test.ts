/**
 * The KfW import killed mid-file on MySQL/MariaDB: a child process imports a 4,000-row file in
 * batches of 250 and is killed with SIGKILL once some batches are committed; the import is then
 * run again (as a re-delivered job would, taking over the dead run). Afterwards every row is
 * exactly one case, nothing is duplicated, and the file's run is complete, not half-imported.
 * Runs only against a MySQL server (`DATABASE_URL=mysql://...`, as `.ci/run` sets it).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { germanFaker, validKfwRow } from '../../workers/kfw-import/testing/kfw-row-factory.js';
import { writeKfwWorkbook } from '../../workers/kfw-import/testing/kfw-workbook-fixture.js';

const ROWS = 4_000;
let t: TestDatabase;
let dir: string;
let file: string;

beforeAll(async () => {
  t = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'now-kfw-crash-'));
  file = path.join(dir, 'antraege.xlsx');
  const faker = germanFaker(44);
  const template = validKfwRow(faker, 0);
  await writeKfwWorkbook(file, {
    rows: Array.from({ length: ROWS }, (_, index) => ({
      ...template,
      antragsnummer: `CRASH-${index}`,
      email: `person-${index}@example.de`,
    })),
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the import in a child; `killAfterRows` kills it with SIGKILL once that many rows are in. */
async function runImport(
  killAfterRows?: number,
  staleRunAfterMs?: number,
): Promise<{ killedAt?: number; done?: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/reliability/support/kfw-import-child.ts',
      t.url,
      file,
      ...(staleRunAfterMs === undefined ? [] : [String(staleRunAfterMs)]),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const result: { killedAt?: number; done?: string } = {};
  for await (const line of createInterface({ input: child.stdout! })) {
    const rows = /^progress (\d+)$/.exec(line)?.[1];
    if (rows && killAfterRows !== undefined && Number(rows) >= killAfterRows) {
      result.killedAt = Number(rows);
      child.kill('SIGKILL');
      break;
    }
    if (line.startsWith('done ')) result.done = line.slice('done '.length);
  }
  await exited;
  return result;
}

describe('the KfW import killed mid-file on MySQL', () => {
  it(
    'leaves no duplicates and no half-imported file after a re-run',
    { timeout: 300_000 },
    async () => {
      // given an import killed with SIGKILL after at least 1,000 of 4,000 rows were committed
      const killed = await runImport(1_000);
      expect(killed.killedAt).toBeGreaterThanOrEqual(1_000);
      expect(killed.killedAt).toBeLessThan(ROWS);
      const { Foerderfall, Importlauf } = t.db.models;
      const partial = await Foerderfall.count();
      expect(partial).toBeGreaterThanOrEqual(killed.killedAt!);
      expect(partial).toBeLessThan(ROWS);
      expect((await Importlauf.findAll()).map((run) => run.status)).toEqual(['LAEUFT']);

      // when the same file is imported again (a re-delivered job takes the dead run over)
      const rerun = await runImport(undefined, 0);

      // then every row is exactly one case and the file's one run is complete
      expect(JSON.parse(rerun.done!)).toMatchObject({ kind: 'imported' });
      expect(await Foerderfall.count()).toBe(ROWS);
      const [duplicates] = await t.db.sequelize.query(
        'SELECT antragsnummer, COUNT(*) AS n FROM foerderfall GROUP BY antragsnummer HAVING COUNT(*) > 1',
      );
      expect(duplicates).toEqual([]);
      const runs = await Importlauf.findAll();
      expect(runs.map((run) => [run.status, run.zeilenGesamt])).toEqual([['ABGESCHLOSSEN', ROWS]]);
      expect(await t.db.models.Person.count()).toBe(ROWS);

      // and a third delivery of the same file changes nothing
      const again = await runImport();
      expect(JSON.parse(again.done!)).toMatchObject({ kind: 'already-imported' });
      expect(await Foerderfall.count()).toBe(ROWS);
    },
  );
});
