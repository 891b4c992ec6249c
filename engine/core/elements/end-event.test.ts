import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('terminate end event', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/terminate-end-event.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  it('terminates the other branch and completes the process instance', async () => {
    // given an auction collecting bids while buy-now is offered
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'auction',
    });
    // when buy-now completes into the terminate end event
    const [buy] = await h.engine.activateJobs({
      type: 'buy-now',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: buy!.key });
    // then the bid collection is terminated, its job canceled, and the instance completed
    expect(h.elements(processInstanceKey, 'TERMINATED')).toEqual(['CollectBids']);
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(
      await h.engine.activateJobs({
        type: 'collect-bids',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 1,
      }),
    ).toEqual([]);
    expect(
      h.engine.records().filter((r) => r.valueType === 'JOB' && r.intent === 'CANCELED'),
    ).toHaveLength(1);
  });
});
