import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

describe('messages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(
      fixture('message-catch-event.bpmn'),
      fixture('message-start-event.bpmn'),
      fixture('message-boundary-event.bpmn'),
    );
  });
  afterEach(() => h.close());

  const awaitPayment = async (invoiceId: string) =>
    (
      await h.engine.createProcessInstance({
        bpmnProcessId: 'await-payment',
        variables: { invoiceId },
      })
    ).processInstanceKey;

  it('correlates a message published after the subscription, with its variables', async () => {
    // given an instance waiting for payment of invoice 7
    const key = await awaitPayment('inv-7');
    expect(h.elements(key, 'ACTIVE')).toEqual(['PaymentReceived']);
    // when the payment message arrives
    await h.engine.publishMessage({
      name: 'payment-received',
      correlationKey: 'inv-7',
      variables: { paidAmount: 99 },
    });
    // then the instance continues with the message variables
    expect(h.instanceState(key)).toBe('COMPLETED');
    expect(h.variables(key)).toMatchObject({ paidAmount: 99 });
  });

  it('buffers a message for its time to live and correlates it to a later subscription', async () => {
    // given a message published before anyone waits, with a 1 minute TTL
    await h.engine.publishMessage({
      name: 'payment-received',
      correlationKey: 'inv-8',
      timeToLive: 60_000,
    });
    // when an instance starts waiting within the TTL
    const key = await awaitPayment('inv-8');
    // then it takes the buffered message at once
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('drops a buffered message when its time to live ends', async () => {
    await h.engine.publishMessage({
      name: 'payment-received',
      correlationKey: 'inv-9',
      timeToLive: 60_000,
    });
    await h.advance(60_000);
    const key = await awaitPayment('inv-9');
    expect(h.instanceState(key)).toBe('ACTIVE');
    expect(
      h.engine.records().some((r) => r.valueType === 'MESSAGE' && r.intent === 'EXPIRED'),
    ).toBe(true);
  });

  it('does not correlate a message without TTL to a later subscription', async () => {
    await h.engine.publishMessage({ name: 'payment-received', correlationKey: 'inv-10' });
    expect(h.instanceState(await awaitPayment('inv-10'))).toBe('ACTIVE');
  });

  it('rejects a second message with the same id while the first is buffered', async () => {
    await h.engine.publishMessage({
      name: 'payment-received',
      correlationKey: 'a',
      messageId: 'm-1',
      timeToLive: 60_000,
    });
    await expect(
      h.engine.publishMessage({
        name: 'payment-received',
        correlationKey: 'a',
        messageId: 'm-1',
        timeToLive: 60_000,
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('correlates one message at most once per process', async () => {
    // given two instances of the same process waiting for the same key
    const first = await awaitPayment('shared');
    const second = await awaitPayment('shared');
    // when one message is published
    await h.engine.publishMessage({
      name: 'payment-received',
      correlationKey: 'shared',
      timeToLive: 60_000,
    });
    // then only one instance takes it
    expect([h.instanceState(first), h.instanceState(second)].sort()).toEqual([
      'ACTIVE',
      'COMPLETED',
    ]);
  });

  it('starts a process by message start event, once per correlation key while that instance is active', async () => {
    // when the order-placed message arrives twice for the same order
    await h.engine.publishMessage({
      name: 'order-placed',
      correlationKey: 'o-1',
      variables: { orderId: 'o-1' },
    });
    await h.engine.publishMessage({
      name: 'order-placed',
      correlationKey: 'o-1',
      variables: { orderId: 'o-1' },
    });
    // then one instance runs with the message variables, waiting in the receive task
    const instances = h.engine.search.processInstances({
      filter: { processDefinitionId: 'web-order' },
    }).items;
    expect(instances).toHaveLength(1);
    const key = instances[0]!.processInstanceKey;
    expect(h.variables(key)).toEqual({ orderId: 'o-1' });
    expect(h.elements(key, 'ACTIVE')).toEqual(['OrderConfirmed']);
    // when the confirmation arrives the receive task completes
    await h.engine.publishMessage({ name: 'order-confirmed', correlationKey: 'o-1' });
    expect(h.instanceState(key)).toBe('COMPLETED');
    // and a new order-placed message starts a new instance
    await h.engine.publishMessage({
      name: 'order-placed',
      correlationKey: 'o-1',
      variables: { orderId: 'o-1' },
    });
    expect(
      h.engine.search.processInstances({ filter: { processDefinitionId: 'web-order' } }).page
        .totalItems,
    ).toBe(2);
  });

  it('a buffered start message for an active correlation key starts the next instance when that one ends', async () => {
    // given an order instance for o-2 and a second order-placed for o-2 buffered meanwhile
    await h.engine.publishMessage({
      name: 'order-placed',
      correlationKey: 'o-2',
      variables: { orderId: 'o-2', n: 1 },
    });
    await h.engine.publishMessage({
      name: 'order-placed',
      correlationKey: 'o-2',
      timeToLive: 60_000,
      variables: { orderId: 'o-2', n: 2 },
    });
    const count = () =>
      h.engine.search.processInstances({ filter: { processDefinitionId: 'web-order' } }).page
        .totalItems;
    expect(count()).toBe(1);
    // when the first instance completes
    await h.engine.publishMessage({ name: 'order-confirmed', correlationKey: 'o-2' });
    // then the buffered message starts the next instance with its variables
    const instances = h.engine.search.processInstances({
      filter: { processDefinitionId: 'web-order', state: 'ACTIVE' },
    }).items;
    expect(count()).toBe(2);
    expect(h.variables(instances[0]!.processInstanceKey)).toEqual({ orderId: 'o-2', n: 2 });
  });

  it('interrupts a task with a message boundary event and cancels its job', async () => {
    // given a ticket being resolved
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'support-ticket',
      variables: { ticketId: 't-1' },
    });
    // when the customer withdraws it
    await h.engine.publishMessage({ name: 'ticket-withdrawn', correlationKey: 't-1' });
    // then the task is terminated, its job canceled, and the boundary path taken
    expect(h.elements(key, 'TERMINATED')).toEqual(['ResolveTicket']);
    expect(h.elements(key, 'COMPLETED')).toEqual([
      'TicketOpened',
      'TicketWithdrawn',
      'TicketClosedUnresolved',
    ]);
    expect(
      await h.engine.activateJobs({
        type: 'resolve-ticket',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 1,
      }),
    ).toEqual([]);
  });

  it('runs a non-interrupting message boundary path beside the task, as often as messages come', async () => {
    // given a ticket being resolved
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'support-ticket',
      variables: { ticketId: 't-2' },
    });
    // when the customer replies twice
    await h.engine.publishMessage({ name: 'customer-replied', correlationKey: 't-2' });
    await h.engine.publishMessage({ name: 'customer-replied', correlationKey: 't-2' });
    // then the reply path ran twice and the task still waits for its worker
    expect(h.elements(key, 'COMPLETED').filter((id) => id === 'ReplyLogged')).toHaveLength(2);
    expect(h.elements(key, 'ACTIVE')).toEqual(['ResolveTicket']);
    const [job] = await h.engine.activateJobs({
      type: 'resolve-ticket',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: job!.key });
    expect(h.instanceState(key)).toBe('COMPLETED');
  });
});

describe('message correlation (correlate now, never buffered)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(fixture('message-catch-event.bpmn'), fixture('reminder-run.bpmn'));
  });
  afterEach(() => h.close());

  const instancesOf = (bpmnProcessId: string) =>
    h.engine.search
      .processInstances({ filter: { processDefinitionId: bpmnProcessId } })
      .items.map((i) => i.processInstanceKey);

  it('reaches a waiting catch event before the same process’s start event', async () => {
    // given a run started by the message, now waiting for the next one with its run id
    const started = await h.engine.correlateMessage({
      name: 'reminder-due',
      variables: { runId: 'run-1' },
    });
    expect(h.elements(started.processInstanceKey, 'ACTIVE')).toEqual(['NextReminderDue']);
    // when the next message of that run is correlated
    const next = await h.engine.correlateMessage({
      name: 'reminder-due',
      correlationKey: 'run-1',
    });
    // then the waiting run took it, and no second run started: one per process
    expect(next.processInstanceKey).toBe(started.processInstanceKey);
    expect(h.instanceState(started.processInstanceKey)).toBe('COMPLETED');
    expect(instancesOf('reminder-run')).toEqual([started.processInstanceKey]);
    const correlations = h.engine
      .records({ limit: 10_000 })
      .filter((r) => r.valueType === 'MESSAGE_CORRELATION')
      .map((r) => `${r.intent} ${String(r.value.processInstanceKey ?? '')}`);
    expect(correlations).toEqual([
      'CORRELATING ',
      `CORRELATED ${started.processInstanceKey}`,
      'CORRELATING ',
      `CORRELATED ${started.processInstanceKey}`,
    ]);
  });

  it('is refused with NOT_FOUND when nothing takes it, leaving no state behind', async () => {
    // when
    const refused = await h.engine
      .correlateMessage({ name: 'payment-received', correlationKey: 'inv-9' })
      .then(
        () => undefined,
        (error: unknown) => error as { code?: string; message?: string },
      );
    const key = (
      await h.engine.createProcessInstance({
        bpmnProcessId: 'await-payment',
        variables: { invoiceId: 'inv-9' },
      })
    ).processInstanceKey;
    // then
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect(refused?.message).toContain("'payment-received'");
    expect(h.elements(key, 'ACTIVE')).toEqual(['PaymentReceived']);
    const records = h.engine
      .records({ limit: 10_000 })
      .filter((r) => r.valueType === 'MESSAGE' || r.valueType === 'MESSAGE_CORRELATION')
      .map((r) => `${r.recordType} ${r.intent}`);
    expect(records).toEqual(['COMMAND_REJECTION CORRELATE_MESSAGE']);
  });
});
