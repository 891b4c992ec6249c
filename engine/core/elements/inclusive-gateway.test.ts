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
    // when the invoice branch, which ends at its own end event, is done too
    const [invoice] = await h.engine.activateJobs({
      type: 'invoice',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: invoice!.key });
    // then the merge has fired once with the one arrival and the instance completes
    expect(h.elements(processInstanceKey, 'COMPLETED')).toEqual(
      expect.arrayContaining(['Merge', 'Shipped']),
    );
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('does not wait for a token that cannot reach it', async () => {
    // given news for e-mail and SMS subscribers while a contract review runs beside them
    await h.deploy(new URL('./fixtures/inclusive-gateway-unrelated-token.bpmn', import.meta.url));
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'notify-and-review',
      variables: { email: true, sms: true },
    });
    expect(h.elements(processInstanceKey, 'ACTIVE').sort()).toEqual([
      'ReviewContract',
      'SendMail',
      'SendSms',
    ]);
    // when the mail and the SMS are sent
    await completeJobs('send-mail');
    expect(h.elements(processInstanceKey, 'COMPLETED')).not.toContain('Merge');
    await completeJobs('send-sms');
    // then the merge fires at once, with the review still open
    expect(h.elements(processInstanceKey, 'COMPLETED').filter((id) => id === 'Merge')).toHaveLength(
      1,
    );
    expect(h.elements(processInstanceKey, 'COMPLETED')).toContain('Notified');
    expect(h.elements(processInstanceKey, 'ACTIVE')).toEqual(['ReviewContract']);
    // and the instance completes once the review is filed
    await completeJobs('review-contract');
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('keeps waiting while a token can still reach it', async () => {
    // given packed goods while the stock check, which may lead to gift wrapping, is open
    await h.deploy(new URL('./fixtures/inclusive-gateway-pending-path.bpmn', import.meta.url));
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'pack-and-check',
    });
    await completeJobs('pack');
    expect(h.elements(processInstanceKey)).not.toContain('Merge');
    // when the stock check finds the goods in stock
    await completeJobs('check-stock', { inStock: true });
    // then the merge joins both branches once
    expect(h.elements(processInstanceKey, 'COMPLETED')).toEqual(
      expect.arrayContaining(['PackGoods', 'GiftWrap', 'Shipped']),
    );
    expect(h.elements(processInstanceKey).filter((id) => id === 'Merge')).toHaveLength(1);
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('fires when the last token that could reach it takes another way', async () => {
    // given packed goods while the stock check is open
    await h.deploy(new URL('./fixtures/inclusive-gateway-pending-path.bpmn', import.meta.url));
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'pack-and-check',
    });
    await completeJobs('pack');
    // when the goods are out of stock
    await completeJobs('check-stock', { inStock: false });
    // then the merge fires with the packed goods alone
    expect(h.elements(processInstanceKey, 'COMPLETED')).toEqual(
      expect.arrayContaining(['OutOfStock', 'Merge', 'Shipped']),
    );
    expect(h.elements(processInstanceKey)).not.toContain('GiftWrap');
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  /** Activates and completes every job of a type. */
  async function completeJobs(type: string, variables?: Record<string, unknown>) {
    for (const job of await h.engine.activateJobs({
      type,
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
    })) {
      await h.engine.completeJob({ jobKey: job.key, variables });
    }
  }
});
