import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('inclusive gateway', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/inclusive-gateway-fork-join.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  it('takes every flow whose condition is true and merges them again', async () => {
    // given news for e-mail and SMS subscribers
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'notify-channels',
      variables: { email: true, sms: true },
    });
    expect(h.elements(processInstanceKey, 'ACTIVE').sort()).toEqual(['SendMail', 'SendSms']);
    // when the mail is sent the merge still waits for the SMS
    const [mail] = await h.engine.activateJobs({
      type: 'send-mail',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: mail!.key });
    expect(h.instanceState(processInstanceKey)).toBe('ACTIVE');
    // when the SMS is sent the instance completes through one merge
    const [sms] = await h.engine.activateJobs({
      type: 'send-sms',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: sms!.key });
    expect(h.elements(processInstanceKey).filter((id) => id === 'Merge')).toHaveLength(1);
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('takes the default flow when no condition is true', async () => {
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'notify-channels',
      variables: { email: false, sms: false },
    });
    expect(h.elements(processInstanceKey)).toEqual([
      'NewsReady',
      'Channels',
      'SendLetter',
      'Merge',
      'Notified',
    ]);
  });

  it('does not wait forever for a branch that cannot reach it', async () => {
    // given goods packed while the invoice (which ends elsewhere) is still open
    await h.deploy(
      new URL('./fixtures/inclusive-gateway-unreachable-branch.bpmn', import.meta.url),
    );
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'partial-merge',
    });
    const [pack] = await h.engine.activateJobs({
      type: 'pack',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: pack!.key });
    // when the invoice branch ends at its own end event
    const [invoice] = await h.engine.activateJobs({
      type: 'invoice',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: invoice!.key });
    // then the merge fires with the one arrival and the instance completes
    expect(h.elements(processInstanceKey, 'COMPLETED')).toEqual(
      expect.arrayContaining(['Merge', 'Shipped']),
    );
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
