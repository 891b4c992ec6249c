import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('BPMN errors', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/error-events.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  const checkout = async (items: string[]) =>
    (await h.engine.createProcessInstance({ bpmnProcessId: 'card-payment', variables: { items } }))
      .processInstanceKey;

  it('an error end event in a subprocess is caught by the boundary event on the subprocess', async () => {
    const key = await checkout([]);
    expect(h.elements(key, 'TERMINATED')).toEqual(['ValidateCart', 'CartEmpty']);
    expect(h.elements(key, 'COMPLETED')).toContain('NothingToPay');
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('a worker error with a matching code is caught by the task boundary event, with its variables', async () => {
    // given a card charge
    const key = await checkout(['book']);
    const [job] = await h.engine.activateJobs({
      type: 'charge',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    // when the worker throws CARD_DECLINED
    await h.engine.throwError({
      jobKey: job!.key,
      errorCode: 'CARD_DECLINED',
      errorMessage: 'insufficient funds',
      variables: { reason: 'funds' },
    });
    // then the boundary path is taken and the variables are there
    expect(h.elements(key, 'COMPLETED')).toEqual([
      'CheckoutStarted',
      'ValidateCart',
      'ValidationStarted',
      'CartValid',
      'ValidationDone',
      'CardDeclined',
      'PaymentFailed',
    ]);
    expect(h.variables(key)).toMatchObject({ reason: 'funds' });
  });

  it('an error nobody catches becomes an incident on the task', async () => {
    const key = await checkout(['book']);
    const [job] = await h.engine.activateJobs({
      type: 'charge',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.throwError({
      jobKey: job!.key,
      errorCode: 'UNKNOWN_CODE',
      errorMessage: 'boom',
    });
    expect(h.incidents(key)).toEqual([
      expect.objectContaining({
        errorType: 'UNHANDLED_ERROR_EVENT',
        elementId: 'ChargeCard',
        jobKey: job!.key,
      }),
    ]);
    expect(h.incidents(key)[0]!.errorMessage).toContain("'UNKNOWN_CODE'");
  });
});
