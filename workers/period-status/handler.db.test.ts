import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { periodStatusHandler } from './handler.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

async function period(status: 'OFFEN' | 'EINGEREICHT' = 'OFFEN') {
  const { fall } = await createTestCase(t.db);
  return t.db.models.Berichtszeitraum.create({
    foerderfallId: fall.id,
    von: '2024-03-15',
    bis: '2025-03-14',
    frist: '2025-06-12',
    status,
  });
}

describe('period-status', () => {
  it('sets the status and returns the end and deadline as instants with the Berlin offset', async () => {
    // given an open period
    const row = await period();
    // when it is set to EINGEREICHT
    const now = new Date('2025-04-01T10:00:00Z');
    const result = await runHandler(
      periodStatusHandler,
      { periodId: row.id },
      {
        db: t.db,
        headers: { status: 'EINGEREICHT' },
        clock: () => now,
      },
    );
    // then the timers get midnight after the last day (winter time) and after the deadline (summer time)
    expect(result).toEqual({
      action: 'complete',
      variables: {
        periodEnd: '2025-03-15T00:00:00+01:00',
        periodDeadline: '2025-06-13T00:00:00+02:00',
      },
    });
    await row.reload();
    expect(row.status).toBe('EINGEREICHT');
    expect(row.eingereichtAm?.toISOString()).toBe(now.toISOString());
  });

  it('does not mark a submitted report overdue when the deadline timer fires late', async () => {
    const row = await period('EINGEREICHT');
    const result = await runHandler(
      periodStatusHandler,
      { periodId: row.id },
      {
        db: t.db,
        headers: { status: 'UEBERFAELLIG' },
      },
    );
    expect(result.action).toBe('complete');
    await row.reload();
    expect(row.status).toBe('EINGEREICHT');
  });

  it('answers a second delivery with the same dates and one audit event', async () => {
    const row = await period();
    const first = await runHandler(
      periodStatusHandler,
      { periodId: row.id },
      { db: t.db, headers: { status: 'OFFEN' } },
    );
    const second = await runHandler(
      periodStatusHandler,
      { periodId: row.id },
      { db: t.db, headers: { status: 'OFFEN' } },
    );
    expect(second).toEqual(first);
    const events = await t.db.models.AuditEvent.count({ where: { objektId: row.id } });
    expect(events).toBe(0); // OFFEN was already the status
  });

  it('refuses a period id that is not a UUID', async () => {
    const result = await runHandler(
      periodStatusHandler,
      { periodId: 42 },
      { db: t.db, headers: { status: 'OFFEN' } },
    );
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('Variable „periodId“');
  });
});
