import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { reportValidateHandler } from './handler.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

/** A case with one 2 x 2 x 11 kW location, a 2024/25 period, a report of `kwh` and `sessions` sessions of 10 kWh. */
async function reportWith(kwh: string | null, sessions: number) {
  const { fall, standort, gruppe } = await createTestCase(t.db);
  const period = await t.db.models.Berichtszeitraum.create({
    foerderfallId: fall.id,
    von: '2024-03-15',
    bis: '2025-03-14',
    frist: '2025-06-12',
    status: 'ENTWURF',
  });
  const report = await t.db.models.Nutzungsbericht.create({
    berichtszeitraumId: period.id,
    standortId: standort!.id,
    energieKwh: kwh,
  });
  const punkt = await t.db.models.Ladepunkt.create({
    ladesaeulengruppeId: gruppe!.id,
    status: 'IN_BETRIEB',
    inbetriebnahme: '2024-03-15',
  });
  for (let i = 0; i < sessions; i += 1) {
    const start = new Date(Date.UTC(2024, 5, 1 + i, 8));
    await t.db.models.Ladevorgang.create({
      ladepunktId: punkt.id,
      beginn: start,
      ende: new Date(start.getTime() + 3_600_000),
      energieKwh: '10.000',
    });
  }
  return { caseId: fall.id, periodId: period.id, reportId: report.id };
}

describe('report-validate', () => {
  it('passes a report that matches its sessions', async () => {
    const ids = await reportWith('50.000', 5);
    expect(await runHandler(reportValidateHandler, ids, { db: t.db })).toEqual({
      action: 'complete',
      variables: { valid: true, findings: [] },
    });
  });

  it('warns, but passes, when the sessions add up to much less than reported', async () => {
    const ids = await reportWith('900.000', 5);
    const result = await runHandler(reportValidateHandler, ids, { db: t.db });
    expect(result).toMatchObject({
      action: 'complete',
      variables: {
        valid: true,
        findings: [{ code: 'REPORT_SESSIONS_MISMATCH', severity: 'warning' }],
      },
    });
  });

  it('rejects more energy than the points could deliver', async () => {
    // 4 points x 11 kW x 8760 h = 385,440 kWh at most
    const ids = await reportWith('500000.000', 0);
    const result = await runHandler(reportValidateHandler, ids, { db: t.db });
    expect(result).toMatchObject({
      action: 'complete',
      variables: {
        valid: false,
        findings: [{ code: 'REPORT_ENERGY_ABOVE_CAPACITY', path: 'energyKwh' }],
      },
    });
  });

  it('raises an incident when the report belongs to another period', async () => {
    const ids = await reportWith('10.000', 0);
    const other = await reportWith('10.000', 0);
    const result = await runHandler(
      reportValidateHandler,
      { ...ids, periodId: other.periodId },
      { db: t.db },
    );
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
    expect(result.action === 'fail' && result.message).toContain('gehört nicht zu');
  });
});
