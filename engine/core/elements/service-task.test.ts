import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

const fixture = new URL('./fixtures/service-task-order.bpmn', import.meta.url);

describe('service task (jobs)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(fixture);
  });
  afterEach(() => h.close());

  async function startOrder(total = 12.5) {
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'order-payment',
      variables: { order: { total } },
    });
    return processInstanceKey;
  }

  it('creates a job with type, retries, headers and the input-mapped variables', async () => {
    // given an order payment instance
    const key = await startOrder();
    // when a worker activates charge-card jobs
    const jobs = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'payments',
      timeout: 60_000,
      maxJobsToActivate: 10,
    });
    // then it gets one job with the task's data
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      type: 'charge-card',
      retries: 3,
      worker: 'payments',
      elementId: 'ChargeCard',
      processInstanceKey: key,
      customHeaders: { provider: 'acme-pay' },
      variables: { order: { total: 12.5 }, amountInCents: 1250 },
    });
    expect(h.elements(key, 'ACTIVE')).toEqual(['ChargeCard']);
  });

  it('completes the task with the output mapping and ends the instance', async () => {
    // given an activated job
    const key = await startOrder();
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'payments',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    // when the worker completes it with a receipt
    await h.engine.completeJob({ jobKey: job!.key, variables: { receipt: { id: 'R-1' } } });
    // then only the mapped output reaches the process and the instance completes
    expect(h.variables(key)).toEqual({ order: { total: 12.5 }, receiptId: 'R-1' });
    expect(h.elements(key)).toEqual(['OrderReceived', 'ChargeCard', 'OrderPaid']);
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('does not offer an activated job again until its timeout passes', async () => {
    // given a job activated with a 30 s timeout
    await startOrder();
    await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'slow',
      timeout: 30_000,
      maxJobsToActivate: 1,
    });
    // when another worker asks before and after the deadline
    const before = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'other',
      timeout: 30_000,
      maxJobsToActivate: 1,
    });
    await h.advance(30_001);
    const after = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'other',
      timeout: 30_000,
      maxJobsToActivate: 1,
    });
    // then it is offered only after the timeout, with a TIMED_OUT record between
    expect(before).toHaveLength(0);
    expect(after).toHaveLength(1);
    expect(h.engine.records().some((r) => r.valueType === 'JOB' && r.intent === 'TIMED_OUT')).toBe(
      true,
    );
  });

  it('offers a failed job again only after its retry back-off', async () => {
    // given a job that failed with retries left and a 10 s back-off
    await startOrder();
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await h.engine.failJob({
      jobKey: job!.key,
      retries: 2,
      retryBackOff: 10_000,
      errorMessage: 'gateway down',
    });
    // when a worker asks during and after the back-off
    const during = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await h.advance(10_000);
    const afterwards = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    // then the job comes back with the reduced retries
    expect(during).toHaveLength(0);
    expect(afterwards[0]).toMatchObject({ key: job!.key, retries: 2 });
  });

  it('raises an incident at zero retries; updating retries and resolving it lets the worker finish', async () => {
    // given a job failed with no retries left
    const key = await startOrder();
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await h.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'card declined' });
    const [incident] = h.incidents(key);
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'card declined',
      elementId: 'ChargeCard',
      jobKey: job!.key,
    });
    // when resolving without retries, then it is refused
    await expect(h.engine.resolveIncident(incident!.incidentKey)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    // when retries are updated and the incident resolved
    await h.engine.updateJobRetries({ jobKey: job!.key, retries: 1 });
    await h.engine.resolveIncident(incident!.incidentKey);
    const [again] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: again!.key, variables: { receipt: { id: 'R-2' } } });
    // then the instance completes without incidents
    expect(h.incidents(key)).toEqual([]);
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('refuses to complete an unknown job with NOT_FOUND', async () => {
    await expect(h.engine.completeJob({ jobKey: '2251799813999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('notifies waiting workers as soon as a job of their type becomes activatable', async () => {
    // given a worker waiting for charge-card jobs
    const waiting = h.engine.waitForJobs('charge-card', 60_000);
    // when an instance creates such a job
    await startOrder();
    // then the wait ends with true
    await expect(waiting).resolves.toBe(true);
  });

  it('updateJobTimeout moves the deadline of an activated job', async () => {
    // given a job activated for 10 s
    await startOrder();
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 10_000,
      maxJobsToActivate: 1,
    });
    // when the worker asks for 60 s more, and 30 s pass
    await h.engine.updateJobTimeout({ jobKey: job!.key, timeout: 60_000 });
    await h.advance(30_000);
    // then the job is still held; after the new deadline it is offered again
    expect(
      await h.engine.activateJobs({
        type: 'charge-card',
        worker: 'x',
        timeout: 1000,
        maxJobsToActivate: 1,
      }),
    ).toEqual([]);
    await h.advance(30_001);
    expect(
      await h.engine.activateJobs({
        type: 'charge-card',
        worker: 'x',
        timeout: 1000,
        maxJobsToActivate: 1,
      }),
    ).toHaveLength(1);
  });

  it('failJob variables land in the task scope, visible to the next attempt only', async () => {
    const key = await startOrder();
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await h.engine.failJob({
      jobKey: job!.key,
      retries: 2,
      errorMessage: 'timeout',
      variables: { attempt: 1 },
    });
    const [again] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    expect(again!.variables).toMatchObject({ attempt: 1 });
    expect(h.variables(key)).not.toHaveProperty('attempt');
  });

  it('only fetches the requested variables', async () => {
    await startOrder();
    const [job] = await h.engine.activateJobs({
      type: 'charge-card',
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
      fetchVariable: ['amountInCents'],
    });
    expect(job!.variables).toEqual({ amountInCents: 1250 });
  });

  it('rejects invalid arguments with INVALID_ARGUMENT', async () => {
    await expect(
      h.engine.updateJobRetries({ jobKey: '2251799813685249', retries: 0 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      h.engine.activateJobs({ type: '', worker: 'w', timeout: 1000, maxJobsToActivate: 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(h.engine.completeJob({ jobKey: 'not-a-key' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
