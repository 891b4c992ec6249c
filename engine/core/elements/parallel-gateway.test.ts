import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('parallel gateway', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/parallel-gateway-join.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  async function work(type: string, variables: Record<string, unknown> = {}) {
    const [job] = await h.engine.activateJobs({
      type,
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: job!.key, variables });
  }

  it('forks into both branches and joins only when both have arrived', async () => {
    // given an onboarding instance
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'onboarding',
    });
    // then both branches wait for their workers
    expect(h.elements(processInstanceKey, 'ACTIVE').sort()).toEqual([
      'CreateAccount',
      'OrderLaptop',
    ]);
    // when one branch completes, the join waits
    await work('order-laptop', { laptop: 'ordered' });
    expect(h.elements(processInstanceKey, 'ACTIVE')).toEqual(['CreateAccount']);
    expect(h.instanceState(processInstanceKey)).toBe('ACTIVE');
    // when the other completes, the join passes once and the instance ends
    await work('create-account', { account: 'jdoe' });
    expect(h.elements(processInstanceKey).filter((id) => id === 'Join')).toHaveLength(1);
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(h.variables(processInstanceKey)).toEqual({ laptop: 'ordered', account: 'jdoe' });
  });
});
