import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { caseRevokeHandler } from './handler.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

/** An engine client that remembers message ids, answering a repeat as the engine does. */
function fakeEngine() {
  const published: { name: string; correlationKey: string; messageId: string }[] = [];
  return {
    published,
    client: {
      async publishMessage(message: { name: string; correlationKey: string; messageId: string }) {
        if (published.some((p) => p.messageId === message.messageId)) {
          throw Object.assign(new Error('ALREADY_EXISTS'), { code: 6 });
        }
        published.push(message);
        return { key: '1' };
      },
    } as never,
  };
}

describe('case-revoke', () => {
  it('revokes the case, drops its future periods and publishes case-revoked once', async () => {
    // given a case in reporting with a past and a future period
    const { fall } = await createTestCase(t.db, { fall: { status: 'BERICHTSPFLICHTIG' } });
    const make = (von: string, bis: string) =>
      t.db.models.Berichtszeitraum.create({
        foerderfallId: fall.id,
        von,
        bis,
        frist: bis,
        status: 'OFFEN',
      });
    const past = await make('2024-03-15', '2025-03-14');
    await make('2026-03-15', '2027-03-14');
    const engine = fakeEngine();
    // when the job is delivered twice
    for (let i = 0; i < 2; i += 1) {
      const result = await runHandler(
        caseRevokeHandler,
        { caseId: fall.id, revocationId: 'W-1' },
        {
          db: t.db,
          zeebe: engine.client,
          clock: () => new Date('2025-06-01T00:00:00Z'),
        },
      );
      expect(result.action).toBe('complete');
    }
    // then the case is revoked once, only the past period is left and one message went out
    await fall.reload();
    expect(fall.status).toBe('WIDERRUFEN');
    const periods = await t.db.models.Berichtszeitraum.findAll({
      where: { foerderfallId: fall.id },
    });
    expect(periods.map((p) => p.id)).toEqual([past.id]);
    expect(engine.published).toEqual([
      expect.objectContaining({
        name: 'case-revoked',
        correlationKey: fall.id,
        messageId: 'case-revoked:W-1',
      }),
    ]);
    expect(
      await t.db.models.AuditEvent.count({
        where: { aktion: 'foerderfall.widerruf', foerderfallId: fall.id },
      }),
    ).toBe(1);
  });

  it('refuses a job without revocationId', async () => {
    const result = await runHandler(
      caseRevokeHandler,
      { caseId: '0b8e4c7a-5d2f-4e1b-9c3a-7f6d5e4c3b2a' },
      { db: t.db },
    );
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('Variable „revocationId“: fehlt');
  });
});
