import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { issueReportingIdHandler } from './handler.js';
import { isValidReportingId } from './reporting-id.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

describe('issue-reporting-id', () => {
  it('issues a valid Reporting-ID once and keeps it on every later delivery', async () => {
    // given a case without a Reporting-ID
    const { fall } = await createTestCase(t.db);
    // when the job runs, then runs again (re-delivery, or the rework loop)
    await runHandler(issueReportingIdHandler, { caseId: fall.id }, { db: t.db });
    await fall.reload();
    const issued = fall.reportingId;
    await runHandler(issueReportingIdHandler, { caseId: fall.id }, { db: t.db });
    await fall.reload();
    // then the id is valid, dated, unchanged and audited once
    expect(isValidReportingId(issued ?? '')).toBe(true);
    expect(fall.reportingId).toBe(issued);
    expect(fall.reportingIdVergebenAm).toBeInstanceOf(Date);
    expect(
      await t.db.models.AuditEvent.count({
        where: { aktion: 'foerderfall.reporting-id', foerderfallId: fall.id },
      }),
    ).toBe(1);
  });

  it('issues exactly one id when two deliveries race', async () => {
    const { fall } = await createTestCase(t.db);
    const results = await Promise.all([
      runHandler(issueReportingIdHandler, { caseId: fall.id }, { db: t.db }),
      runHandler(issueReportingIdHandler, { caseId: fall.id }, { db: t.db }),
    ]);
    expect(results.map((r) => r.action)).toEqual(['complete', 'complete']);
    expect(
      await t.db.models.AuditEvent.count({
        where: { aktion: 'foerderfall.reporting-id', foerderfallId: fall.id },
      }),
    ).toBe(1);
  });

  it('keeps an id the case already has (e.g. from KfW)', async () => {
    const { fall } = await createTestCase(t.db, { fall: { reportingId: 'RP-KEEP-THIS-ONE-00' } });
    await runHandler(issueReportingIdHandler, { caseId: fall.id }, { db: t.db });
    await fall.reload();
    expect(fall.reportingId).toBe('RP-KEEP-THIS-ONE-00');
  });

  it('refuses a missing caseId', async () => {
    const result = await runHandler(issueReportingIdHandler, {}, { db: t.db });
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('Variable „caseId“: fehlt');
  });
});
