import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../testing/engine-harness.js';

const order = new URL('./elements/fixtures/service-task-order.bpmn', import.meta.url);
const invoice = new URL('../model/fixtures/invoice-v1.bpmn', import.meta.url);

describe('process instances', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(order, invoice);
  });
  afterEach(() => h.close());

  it('create with result answers when a straight-through instance completes, with its variables', async () => {
    const result = await h.engine.createProcessInstanceWithResult({
      bpmnProcessId: 'invoice',
      variables: { amount: 10 },
    });
    expect(result).toMatchObject({
      bpmnProcessId: 'invoice',
      version: 1,
      variables: { amount: 10 },
    });
  });

  it('create with result waits for the worker and returns only the fetched variables', async () => {
    const pending = h.engine.createProcessInstanceWithResult({
      bpmnProcessId: 'order-payment',
      variables: { order: { total: 1 } },
      fetchVariables: ['receiptId'],
    });
    const jobs = await new Promise<Awaited<ReturnType<typeof h.engine.activateJobs>>>((resolve) => {
      const poll = async () => {
        const found = await h.engine.activateJobs({
          type: 'charge-card',
          worker: 'w',
          timeout: 1000,
          maxJobsToActivate: 1,
        });
        if (found.length) resolve(found);
        else setImmediate(() => void poll());
      };
      void poll();
    });
    await h.engine.completeJob({ jobKey: jobs[0]!.key, variables: { receipt: { id: 'R-9' } } });
    expect((await pending).variables).toEqual({ receiptId: 'R-9' });
  });

  it('cancel terminates every element, cancels jobs and is refused for unknown or finished instances', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'order-payment',
      variables: { order: { total: 1 } },
    });
    await h.engine.cancelProcessInstance(key);
    expect(h.instanceState(key)).toBe('TERMINATED');
    expect(h.elements(key, 'TERMINATED')).toEqual(['ChargeCard']);
    expect(
      await h.engine.activateJobs({
        type: 'charge-card',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 1,
      }),
    ).toEqual([]);
    await expect(h.engine.cancelProcessInstance(key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rejection = h.engine.records().at(-1)!;
    expect(rejection).toMatchObject({
      recordType: 'COMMAND_REJECTION',
      rejectionType: 'NOT_FOUND',
    });
  });

  it('writes the records in Zeebe vocabulary and order for start -> service task -> end', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'order-payment',
      variables: { order: { total: 1 } },
    });
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: job!.key, variables: { receipt: { id: 'R' } } });
    const trail = h.engine
      .records()
      .filter((r) => r.value.processInstanceKey === Number(key) || r.valueType === 'JOB_BATCH')
      .map(
        (r) =>
          `${r.valueType} ${r.intent}${r.value.elementId ? ` ${String(r.value.elementId)}` : ''}`,
      );
    expect(trail).toEqual([
      'VARIABLE CREATED',
      'PROCESS_INSTANCE ELEMENT_ACTIVATING order-payment',
      'PROCESS_INSTANCE ELEMENT_ACTIVATED order-payment',
      'PROCESS_INSTANCE_CREATION CREATED',
      'PROCESS_INSTANCE ELEMENT_ACTIVATING OrderReceived',
      'PROCESS_INSTANCE ELEMENT_ACTIVATED OrderReceived',
      'PROCESS_INSTANCE ELEMENT_COMPLETING OrderReceived',
      'PROCESS_INSTANCE ELEMENT_COMPLETED OrderReceived',
      'PROCESS_INSTANCE SEQUENCE_FLOW_TAKEN Flow_ToCharge',
      'PROCESS_INSTANCE ELEMENT_ACTIVATING ChargeCard',
      'VARIABLE CREATED',
      'PROCESS_INSTANCE ELEMENT_ACTIVATED ChargeCard',
      'JOB CREATED ChargeCard',
      'JOB_BATCH ACTIVATED',
      'JOB COMPLETED ChargeCard',
      'VARIABLE CREATED',
      'PROCESS_INSTANCE ELEMENT_COMPLETING ChargeCard',
      'VARIABLE CREATED',
      'PROCESS_INSTANCE ELEMENT_COMPLETED ChargeCard',
      'PROCESS_INSTANCE SEQUENCE_FLOW_TAKEN Flow_ToPaid',
      'PROCESS_INSTANCE ELEMENT_ACTIVATING OrderPaid',
      'PROCESS_INSTANCE ELEMENT_ACTIVATED OrderPaid',
      'PROCESS_INSTANCE ELEMENT_COMPLETING OrderPaid',
      'PROCESS_INSTANCE ELEMENT_COMPLETED OrderPaid',
      'PROCESS_INSTANCE ELEMENT_COMPLETING order-payment',
      'PROCESS_INSTANCE ELEMENT_COMPLETED order-payment',
    ]);
  });

  it('start instructions start at the given element instead of the none start event', async () => {
    // given an order whose payment is already known to be due
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'order-payment',
      variables: { order: { total: 2 } },
      startElementIds: ['ChargeCard'],
    });
    // then it waits at the task without having passed the start event
    expect(h.elements(key)).toEqual(['ChargeCard']);
    await expect(
      h.engine.createProcessInstance({
        bpmnProcessId: 'order-payment',
        startElementIds: ['Nowhere'],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
