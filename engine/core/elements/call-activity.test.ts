import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('call activity', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/call-activity.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  it('runs the called process with the parent variables and propagates the child variables back', async () => {
    // given an order to fulfil
    const { processInstanceKey: parent } = await h.engine.createProcessInstance({
      bpmnProcessId: 'fulfil-order',
      variables: { address: 'Main St 1' },
    });
    const [child] = h.engine.search.processInstances({
      filter: { parentProcessInstanceKey: parent },
    }).items;
    expect(child).toMatchObject({
      processDefinitionId: 'ship-parcel',
      state: 'ACTIVE',
      parentProcessInstanceKey: parent,
    });
    // when the child's worker sees the parent's variables and completes
    const [job] = await h.engine.activateJobs({
      type: 'print-label',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    expect(job!.variables).toEqual({ address: 'Main St 1' });
    await h.engine.completeJob({ jobKey: job!.key, variables: { trackingId: 'TR-1' } });
    // then both complete and the child's variables reach the parent
    expect(h.instanceState(child!.processInstanceKey)).toBe('COMPLETED');
    expect(h.instanceState(parent)).toBe('COMPLETED');
    expect(h.variables(parent)).toEqual({ address: 'Main St 1', trackingId: 'TR-1' });
  });

  it('canceling the parent terminates the child and its job', async () => {
    const { processInstanceKey: parent } = await h.engine.createProcessInstance({
      bpmnProcessId: 'fulfil-order',
    });
    const [child] = h.engine.search.processInstances({
      filter: { parentProcessInstanceKey: parent },
    }).items;
    await expect(h.engine.cancelProcessInstance(child!.processInstanceKey)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await h.engine.cancelProcessInstance(parent);
    expect(h.instanceState(child!.processInstanceKey)).toBe('TERMINATED');
    expect(h.instanceState(parent)).toBe('TERMINATED');
    expect(
      await h.engine.activateJobs({
        type: 'print-label',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 1,
      }),
    ).toEqual([]);
  });

  it('raises an incident when the called process is not deployed; deploying it and resolving continues', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'call-missing',
      variables: { target: 'ship-parcel-v9' },
    });
    const [incident] = h.incidents(key);
    expect(incident).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'CallNowhere' });
    await h.engine.setVariables({ elementInstanceKey: key, variables: { target: 'ship-parcel' } });
    await h.engine.resolveIncident(incident!.incidentKey);
    expect(h.elements(key, 'ACTIVE')).toEqual(['CallNowhere']);
  });
});

describe('call activity: events crossing the process boundary', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/call-activity-error.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  const bookTrip = async () =>
    (
      await h.engine.createProcessInstance({
        bpmnProcessId: 'book-trip',
        variables: { bookBy: '2026-01-02T08:00:00Z' },
      })
    ).processInstanceKey;

  it("an error thrown in the called process is caught by the call activity's boundary event", async () => {
    const parent = await bookTrip();
    const [job] = await h.engine.activateJobs({
      type: 'reserve-seat',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.throwError({ jobKey: job!.key, errorCode: 'NO_SEAT' });
    const [child] = h.engine.search.processInstances({
      filter: { parentProcessInstanceKey: parent },
    }).items;
    expect(h.instanceState(child!.processInstanceKey)).toBe('TERMINATED');
    expect(h.elements(parent, 'COMPLETED')).toEqual([
      'TripRequested',
      'FlightUnavailable',
      'TripCanceled',
    ]);
  });

  it('an escalation from the called process starts a non-interrupting event subprocess in the caller', async () => {
    const parent = await bookTrip();
    const [job] = await h.engine.activateJobs({
      type: 'reserve-seat',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.completeJob({ jobKey: job!.key, variables: { price: 900 } });
    expect(h.elements(parent, 'COMPLETED')).toEqual(
      expect.arrayContaining([
        'PriceWatch',
        'PriceRose',
        'CustomerWarned',
        'BookFlight',
        'TripBooked',
      ]),
    );
    expect(h.instanceState(parent)).toBe('COMPLETED');
  });

  it('an interrupting timeDate boundary event fires at the date and terminates the called process', async () => {
    const parent = await bookTrip();
    await h.advance(24 * 3600_000);
    expect(h.elements(parent, 'COMPLETED')).toEqual(['TripRequested', 'DeadlinePassed', 'TooLate']);
    expect(
      h.engine.search.processInstances({ filter: { parentProcessInstanceKey: parent } }).items[0]!
        .state,
    ).toBe('TERMINATED');
  });
});
