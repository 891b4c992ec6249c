import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { planPeriodsHandler } from './handler.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

describe('plan-periods', () => {
  it('creates the periods from the first commissioning and returns the same ids on re-delivery', async () => {
    // given a KfW 441 case whose group was commissioned on 15 March 2024
    const { fall } = await createTestCase(t.db);
    // when the job runs twice
    const first = await runHandler(planPeriodsHandler, { caseId: fall.id }, { db: t.db });
    const second = await runHandler(planPeriodsHandler, { caseId: fall.id }, { db: t.db });
    // then six yearly periods exist once, returned in order both times
    expect(first.action).toBe('complete');
    expect(second).toEqual(first);
    const periods = await t.db.models.Berichtszeitraum.findAll({
      where: { foerderfallId: fall.id },
      order: [['von', 'ASC']],
    });
    expect(periods).toHaveLength(6);
    expect(first.action === 'complete' && first.variables.periodIds).toEqual(
      periods.map((p) => p.id),
    );
    expect(periods[0]).toMatchObject({ von: '2024-03-15', bis: '2025-03-14', status: 'OFFEN' });
    await fall.reload();
    expect(fall).toMatchObject({
      ersteInbetriebnahme: '2024-03-15',
      zweckbindungEnde: '2030-03-15',
    });
  });

  it('raises an incident naming the missing commissioning date', async () => {
    const { fall } = await createTestCase(t.db, { gruppe: { inbetriebnahme: null } });
    const result = await runHandler(planPeriodsHandler, { caseId: fall.id }, { db: t.db });
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('keine Inbetriebnahme');
  });
});
