import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { caseStatusHandler } from './handler.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

const auditOf = (caseId: string) =>
  t.db.models.AuditEvent.findAll({
    where: { foerderfallId: caseId, aktion: 'foerderfall.status' },
  });

describe('case-status', () => {
  it('sets the status from the header and audits the change once, however often delivered', async () => {
    // given a registered case
    const { fall } = await createTestCase(t.db);
    // when the job is delivered twice
    for (let i = 0; i < 2; i += 1) {
      const result = await runHandler(
        caseStatusHandler,
        { caseId: fall.id },
        {
          db: t.db,
          headers: { status: 'STAMMDATEN_VOLLSTAENDIG' },
        },
      );
      expect(result).toEqual({ action: 'complete', variables: {} });
    }
    // then the case has the new status and one audit event says from what to what
    await fall.reload();
    expect(fall.status).toBe('STAMMDATEN_VOLLSTAENDIG');
    const events = await auditOf(fall.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      akteurTyp: 'WORKER',
      akteurId: 'case-status',
      vorher: { status: 'REGISTRIERT' },
      nachher: { status: 'STAMMDATEN_VOLLSTAENDIG' },
    });
  });

  it('leaves a revoked case revoked', async () => {
    const { fall } = await createTestCase(t.db, { fall: { status: 'WIDERRUFEN' } });
    await runHandler(
      caseStatusHandler,
      { caseId: fall.id },
      { db: t.db, headers: { status: 'BERICHTSPFLICHTIG' } },
    );
    await fall.reload();
    expect(fall.status).toBe('WIDERRUFEN');
  });

  it.each([
    ['an unknown status header', { status: 'FERTIG' }, 'Header „status“'],
    ['no status header', {}, 'Header „status“: fehlt'],
  ])('refuses %s', async (_name, headers, text) => {
    const { fall } = await createTestCase(t.db);
    const result = await runHandler(caseStatusHandler, { caseId: fall.id }, { db: t.db, headers });
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain(text);
  });

  it('raises an incident for a case that does not exist', async () => {
    const result = await runHandler(
      caseStatusHandler,
      { caseId: '0b8e4c7a-5d2f-4e1b-9c3a-7f6d5e4c3b2a' },
      { db: t.db, headers: { status: 'EINGELADEN' } },
    );
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('nicht gefunden');
  });
});
