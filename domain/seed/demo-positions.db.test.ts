import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { planDemoPositions } from './demo-positions.js';
import { seedDemo } from './seed-demo.js';

describe('planDemoPositions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await seedDemo(t.db, { cases: 60 });
  });
  afterAll(() => t.close());

  it('places up to n cases per position, each in the status that position follows', async () => {
    // when three cases per position are planned
    const plan = await planDemoPositions(t.db, { perPosition: 3 });
    // then each position has its cases, in the matching status, each case once
    const status = async (id: string) => (await t.db.models.Foerderfall.findByPk(id))!.status;
    for (const [position, expected] of [
      ['registration', 'EINGELADEN'],
      ['master-data', 'REGISTRIERT'],
      ['review', 'STAMMDATEN_VOLLSTAENDIG'],
      ['report', 'BERICHTSPFLICHTIG'],
    ] as const) {
      const planned = plan.filter((p) => p.position === position);
      expect(planned.length).toBeGreaterThan(0);
      expect(planned.length).toBeLessThanOrEqual(3);
      for (const p of planned) expect(await status(p.caseId)).toBe(expected);
    }
    expect(new Set(plan.map((p) => p.caseId)).size).toBe(plan.length);
  });

  it('gives a report position an open period of its case', async () => {
    const plan = await planDemoPositions(t.db, { perPosition: 3 });
    for (const p of plan.filter((x) => x.position === 'report')) {
      const period = await t.db.models.Berichtszeitraum.findByPk(p.periodId!);
      expect(period?.foerderfallId).toBe(p.caseId);
      expect(['OFFEN', 'UEBERFAELLIG', 'NACHFORDERUNG']).toContain(period?.status);
    }
  });

  it('puts preferred cases first and skips cases that already have their instance', async () => {
    // given a registered case to prefer, and another one whose instance runs already
    const registered = await t.db.models.Foerderfall.findAll({
      where: { status: 'REGISTRIERT' },
      order: [['antragsnummer', 'DESC']],
    });
    const [preferred, running] = registered;
    await running!.update({ prozessInstanzKey: '2251799813685999' });
    // when planned
    const plan = await planDemoPositions(t.db, { perPosition: 1, preferCaseIds: [preferred!.id] });
    // then the preferred case has the master-data position and the running one none
    expect(plan.find((p) => p.position === 'master-data')?.caseId).toBe(preferred!.id);
    expect(plan.map((p) => p.caseId)).not.toContain(running!.id);
  });
});
