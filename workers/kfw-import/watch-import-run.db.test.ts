import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { ImportRunTimeoutError, importRunMarker, waitForImportRun } from './watch-import-run.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

const run = (dateiHash: string, status: 'LAEUFT' | 'ABGELEHNT' | 'ABGESCHLOSSEN') =>
  t.db.models.Importlauf.create({
    quelle: 'KFW_DATEI',
    dateiname: 'antraege.xlsx',
    dateiHash,
    status,
    gestartetAm: new Date(),
    ...(status === 'ABGELEHNT'
      ? { fehlercode: 'KFW_SHEET_MISSING', fehlermeldung: 'Blatt fehlt' }
      : {}),
  });

describe('waitForImportRun', () => {
  it('says it is still waiting while no run appears, then gives up naming the platform', async () => {
    const waited: number[] = [];
    const error = await waitForImportRun(t.db, 'a'.repeat(64), 0, {
      timeoutMs: 300,
      pollMs: 20,
      waitingEveryMs: 100,
      onWaiting: (ms) => waited.push(ms),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportRunTimeoutError);
    expect((error as Error).message).toContain('is the platform running');
    expect(waited.length).toBeGreaterThanOrEqual(2);
  });

  it('ignores an earlier rejection of the same file and reports the run of this delivery', async () => {
    // given the file was rejected once before
    const hash = 'b'.repeat(64);
    const earlier = await run(hash, 'ABGELEHNT');
    // (a minute ago, so the new delivery's rows are later even on a fast machine)
    await t.db.sequelize
      .getQueryInterface()
      .bulkUpdate('importlauf', { updatedAt: new Date(Date.now() - 60_000) }, { id: earlier.id });
    const marker = await importRunMarker(t.db, hash);
    expect(marker).toBeLessThan(Date.now() - 30_000);
    // when a new delivery's run shows progress and then finishes
    const waiting = waitForImportRun(t.db, hash, marker, { pollMs: 20, timeoutMs: 10_000 });
    const current = await run(hash, 'LAEUFT');
    await current.update({ status: 'ABGESCHLOSSEN', neu: 3 });
    const outcome = await waiting;
    // then the outcome is the new run, finished
    expect(outcome.kind).toBe('finished');
    expect(outcome.run.id).toBe(current.id);
    expect(outcome.run.id).not.toBe(earlier.id);
  });
});
