import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('event subprocesses', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/event-subprocess.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  const fileClaim = async () =>
    (
      await h.engine.createProcessInstance({
        bpmnProcessId: 'insurance-claim',
        variables: { claimId: 'cl-1' },
      })
    ).processInstanceKey;

  it('an interrupting message start terminates the running work and completes through the event subprocess', async () => {
    const key = await fileClaim();
    await h.engine.publishMessage({
      name: 'claim-withdrawn',
      correlationKey: 'cl-1',
      variables: { withdrawnBy: 'customer' },
    });
    expect(h.elements(key, 'TERMINATED')).toEqual(['AssessClaim']);
    expect(h.elements(key, 'COMPLETED')).toEqual([
      'ClaimFiled',
      'WithdrawalHandling',
      'ClaimWithdrawn',
      'ClaimClosed',
    ]);
    expect(h.variables(key)).toMatchObject({ withdrawnBy: 'customer' });
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('a non-interrupting timer start runs beside the work, which then finishes normally', async () => {
    const key = await fileClaim();
    await h.advance(2 * 24 * 3600_000);
    expect(h.elements(key, 'COMPLETED')).toContain('DelayNoticeSent');
    expect(h.elements(key, 'ACTIVE')).toEqual(['AssessClaim']);
    const [job] = await h.engine.activateJobs({
      type: 'assess-claim',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: job!.key });
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('an error start catches a worker error thrown anywhere in the process', async () => {
    const key = await fileClaim();
    const [job] = await h.engine.activateJobs({
      type: 'assess-claim',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.throwError({ jobKey: job!.key, errorCode: 'FRAUD' });
    expect(h.elements(key, 'COMPLETED')).toEqual([
      'ClaimFiled',
      'FraudHandling',
      'FraudSuspected',
      'ClaimFrozen',
    ]);
  });
});
