import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../testing/engine-harness.js';

describe('searches', () => {
  let h: Harness;
  const keys: string[] = [];
  beforeAll(async () => {
    h = await openHarness();
    await h.deploy(new URL('../core/elements/fixtures/service-task-order.bpmn', import.meta.url));
    for (let i = 0; i < 5; i++) {
      keys.push(
        (
          await h.engine.createProcessInstance({
            bpmnProcessId: 'order-payment',
            variables: { order: { total: i } },
          })
        ).processInstanceKey,
      );
      await h.advance(1000);
    }
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: job!.key, variables: { receipt: { id: 'R' } } });
  });
  afterAll(() => h.close());

  it('pages and sorts process instances', () => {
    const page1 = h.engine.search.processInstances({
      sort: [{ field: 'startDate', order: 'DESC' }],
      page: { from: 0, limit: 2 },
    });
    const page2 = h.engine.search.processInstances({
      sort: [{ field: 'startDate', order: 'DESC' }],
      page: { from: 2, limit: 2 },
    });
    expect(page1.page.totalItems).toBe(5);
    expect([...page1.items, ...page2.items].map((i) => i.processInstanceKey)).toEqual(
      [...keys].reverse().slice(0, 4),
    );
  });

  it('filters by state and date range', () => {
    expect(
      h.engine.search
        .processInstances({ filter: { state: 'COMPLETED' } })
        .items.map((i) => i.processInstanceKey),
    ).toEqual([keys[0]]);
    const from = new Date(Date.UTC(2026, 0, 1, 8, 0, 2)).toISOString();
    expect(
      h.engine.search.processInstances({ filter: { startDate: { from } } }).page.totalItems,
    ).toBe(3);
  });

  it('counts element instances by state for diagram overlays', () => {
    const active = h.engine.search.elementInstances({
      filter: { elementId: 'ChargeCard', state: 'ACTIVE' },
    });
    expect(active.page.totalItems).toBe(4);
    expect(active.items[0]).toMatchObject({
      type: 'SERVICE_TASK',
      state: 'ACTIVE',
      hasIncident: false,
    });
  });

  it('rejects unknown filter and sort fields with INVALID_ARGUMENT', () => {
    expect(() => h.engine.search.processInstances({ filter: { colour: 'red' } as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => h.engine.search.incidents({ sort: [{ field: 'colour' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('answers a missing key with NOT_FOUND', () => {
    expect(() => h.engine.getProcessInstance('2251799813999999')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('counts instances per element and state for diagram overlays', () => {
    const [definition] = h.engine.search.processDefinitions().items;
    const stats = h.engine.search.elementStatistics({
      processDefinitionKey: definition!.processDefinitionKey,
    });
    expect(stats).toEqual([
      { elementId: 'ChargeCard', active: 4, completed: 1, canceled: 0, incidents: 0 },
      { elementId: 'OrderPaid', active: 0, completed: 1, canceled: 0, incidents: 0 },
      { elementId: 'OrderReceived', active: 0, completed: 5, canceled: 0, incidents: 0 },
    ]);
  });
});
