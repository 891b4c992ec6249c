import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { changeNoticeApplyHandler } from './handler.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

describe('change-notice-apply', () => {
  it('records the approved change notice once, however often delivered', async () => {
    const { fall } = await createTestCase(t.db);
    for (let i = 0; i < 2; i += 1) {
      const result = await runHandler(
        changeNoticeApplyHandler,
        { caseId: fall.id, changeNoticeId: 'AM-7' },
        { db: t.db },
      );
      expect(result).toEqual({ action: 'complete', variables: {} });
    }
    const events = await t.db.models.AuditEvent.findAll({
      where: { aktion: 'aenderungsmeldung.uebernommen', foerderfallId: fall.id },
    });
    expect(events.map((e) => e.objektId)).toEqual(['AM-7']);
  });

  it('raises an incident for a revoked case', async () => {
    const { fall } = await createTestCase(t.db, { fall: { status: 'WIDERRUFEN' } });
    const result = await runHandler(
      changeNoticeApplyHandler,
      { caseId: fall.id, changeNoticeId: 'AM-8' },
      { db: t.db },
    );
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('widerrufen');
  });
});
