import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ControlledClock, Engine } from '../index.js';

const order = readFileSync(
  new URL('../core/elements/fixtures/service-task-order.bpmn', import.meta.url),
  'utf8',
);

describe('engine lifecycle', () => {
  it('close ends pending waits, refuses further commands and releases the database', async () => {
    // given an engine with a worker waiting and a caller waiting for a result
    const engine = await Engine.open({ file: ':memory:', clock: new ControlledClock() });
    engine.start();
    await engine.deployResources([{ name: 'order.bpmn', content: order }]);
    const waiting = engine.waitForJobs('nobody-creates-these', 3_600_000);
    const result = engine.createProcessInstanceWithResult({
      bpmnProcessId: 'order-payment',
      variables: { order: { total: 1 } },
    });
    await new Promise((resolve) => setImmediate(resolve));
    // when it closes
    await engine.close();
    // then both waits end and commands are refused
    await expect(waiting).resolves.toBe(false);
    await expect(result).rejects.toThrow(/closed/);
    await expect(
      engine.createProcessInstance({ bpmnProcessId: 'order-payment' }),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(() => engine.search.processInstances()).toThrow();
  });

  it('a refused command inside a batch leaves the others of the batch intact', async () => {
    const engine = await Engine.open({ file: ':memory:', clock: new ControlledClock() });
    try {
      await engine.deployResources([{ name: 'order.bpmn', content: order }]);
      // given three commands submitted together, the middle one invalid
      const outcomes = await Promise.allSettled([
        engine.createProcessInstance({ bpmnProcessId: 'order-payment' }),
        engine.createProcessInstance({ bpmnProcessId: 'missing' }),
        engine.createProcessInstance({ bpmnProcessId: 'order-payment' }),
      ]);
      // then only the middle one failed and both others exist
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(engine.search.processInstances().page.totalItems).toBe(2);
      const positions = engine.records({ limit: 1000 }).map((r) => r.position);
      expect(positions).toEqual(positions.map((_, i) => i + 1));
    } finally {
      await engine.close();
    }
  });

  it('with the system clock, a job whose timeout passes is announced and offered again', async () => {
    // given a job activated with a 50 ms timeout on the real clock
    const engine = await Engine.open({ file: ':memory:' });
    try {
      engine.start();
      await engine.deployResources([{ name: 'order.bpmn', content: order }]);
      await engine.createProcessInstance({
        bpmnProcessId: 'order-payment',
        variables: { order: { total: 1 } },
      });
      const [job] = await engine.activateJobs({
        type: 'charge-card',
        worker: 'slow',
        timeout: 50,
        maxJobsToActivate: 1,
      });
      // when the scheduler sees the deadline pass, workers waiting for the type are told
      await expect(engine.waitForJobs('charge-card', 10_000)).resolves.toBe(true);
      // then the job can be activated again
      const [again] = await engine.activateJobs({
        type: 'charge-card',
        worker: 'fast',
        timeout: 60_000,
        maxJobsToActivate: 1,
      });
      expect(again!.key).toBe(job!.key);
    } finally {
      await engine.close();
    }
  });
});
