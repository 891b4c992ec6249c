import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRestHarness, type RestHarness } from './testing/rest-harness.js';

const NOW = { consistency: { waitUpToMs: 0 } };
let h: RestHarness;
beforeEach(async () => {
  h = await startRestHarness();
  await h.camunda.createDeployment({
    resources: [h.fixture('await-payment.bpmn'), h.fixture('route-by-risk.bpmn')],
  });
});
afterEach(async () => {
  await h.close();
});

async function problemOf(call: Promise<unknown>) {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; title?: string; detail?: string } | undefined;
  if (!error) throw new Error('expected the call to be refused');
  return { status: error.status, title: error.title, detail: error.detail };
}

const awaitPayment = (caseId: string) =>
  h.camunda.createProcessInstance({
    processDefinitionId: 'await-payment' as never,
    variables: { caseId },
  });
const stateOf = async (processInstanceKey: string) =>
  (await h.camunda.getProcessInstance({ processInstanceKey: processInstanceKey as never }, NOW))
    .state;

describe('the REST API: messages', () => {
  it('correlates a message to the waiting instance and answers its key', async () => {
    // given
    const { processInstanceKey } = await awaitPayment('case-1');
    // when
    const correlated = await h.camunda.correlateMessage({
      name: 'grant-paid',
      correlationKey: 'case-1',
      variables: { paidAmount: 900 },
    });
    // then
    expect(correlated.processInstanceKey).toBe(processInstanceKey);
    expect(await stateOf(processInstanceKey)).toBe('COMPLETED');
    const paid = await h.camunda.searchVariables(
      { filter: { processInstanceKey, name: 'paidAmount' } },
      NOW,
    );
    expect(paid.items.map((v) => v.value)).toEqual(['900']);
  });

  it('answers 404 when no instance waits for the message', async () => {
    // when
    const problem = await problemOf(
      h.camunda.correlateMessage({ name: 'grant-paid', correlationKey: 'nobody' }),
    );
    // then
    expect(problem).toMatchObject({ status: 404, title: 'NOT_FOUND' });
    expect(problem.detail).toContain("'grant-paid'");
  });

  it('correlates to one of two instances waiting with the same key, the other keeps waiting', async () => {
    // given
    const first = await awaitPayment('case-5');
    const second = await awaitPayment('case-5');
    // when
    const correlated = await h.camunda.correlateMessage({
      name: 'grant-paid',
      correlationKey: 'case-5',
    });
    // then
    expect(correlated.processInstanceKey).toBe(first.processInstanceKey);
    expect(await stateOf(first.processInstanceKey)).toBe('COMPLETED');
    expect(await stateOf(second.processInstanceKey)).toBe('ACTIVE');
  });

  it('does not buffer a correlated message: an instance that subscribes later keeps waiting', async () => {
    // given
    const refused = await problemOf(
      h.camunda.correlateMessage({ name: 'grant-paid', correlationKey: 'case-6' }),
    );
    // when
    const { processInstanceKey } = await awaitPayment('case-6');
    // then
    expect(refused.status).toBe(404);
    expect(await stateOf(processInstanceKey)).toBe('ACTIVE');
  });

  it('starts a process at its message start event and answers the started instance, as Zeebe does', async () => {
    // given a waiting instance of one process and a message start event of another
    await h.camunda.createDeployment({ resources: [h.fixture('record-payment.bpmn')] });
    const waiting = await awaitPayment('case-7');
    // when
    const correlated = await h.camunda.correlateMessage({
      name: 'grant-paid',
      correlationKey: 'case-7',
    });
    // then each process takes the message once; the answer names the started instance
    const started = await h.camunda.searchProcessInstances(
      { filter: { processDefinitionId: 'record-payment' as never } },
      NOW,
    );
    expect(started.items.map((i) => i.processInstanceKey)).toEqual([correlated.processInstanceKey]);
    expect(await stateOf(waiting.processInstanceKey)).toBe('COMPLETED');
  });

  it('buffers a published message for its time to live until an instance subscribes', async () => {
    // given a message published before anyone waits for it
    const published = await h.camunda.publishMessage({
      name: 'grant-paid',
      correlationKey: 'case-2',
      timeToLive: 60_000,
      messageId: 'payment-4711',
    });
    expect(published.messageKey).toMatch(/^\d+$/);
    // when the instance arrives
    const { processInstanceKey } = await awaitPayment('case-2');
    // then
    expect(await stateOf(processInstanceKey)).toBe('COMPLETED');
    const duplicate = await problemOf(
      h.camunda.publishMessage({
        name: 'grant-paid',
        correlationKey: 'case-2',
        timeToLive: 60_000,
        messageId: 'payment-4711',
      }),
    );
    expect(duplicate.status).toBe(409);
  });

  it('refuses a message without a name, naming the field', async () => {
    // when
    const response = await fetch(`${h.api.url}/v2/messages/publication`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ correlationKey: 'case-3' }),
    });
    // then
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^name:/);
  });

  it('refuses a message name of 100,000 characters, naming the field', async () => {
    // when
    const response = await fetch(`${h.api.url}/v2/messages/publication`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'm'.repeat(100_000), correlationKey: 'case-3' }),
    });
    // then
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^name:/);
  });
});

describe('the REST API: incidents', () => {
  it('finds an incident and resolves it once the data is fixed', async () => {
    // given an instance stuck at a gateway because `risk` is missing
    const { processInstanceKey } = await h.camunda.createProcessInstance({
      processDefinitionId: 'route-by-risk' as never,
      variables: {},
    });
    // when
    const found = await h.camunda.searchIncidents(
      {
        filter: { processInstanceKey, state: 'ACTIVE' },
        sort: [{ field: 'creationTime', order: 'DESC' }],
      },
      NOW,
    );
    // then
    const [incident] = found.items ?? [];
    expect(incident).toMatchObject({
      errorType: 'CONDITION_ERROR',
      elementId: 'RiskLevel',
      state: 'ACTIVE',
    });
    expect((await h.camunda.getProcessInstance({ processInstanceKey }, NOW)).hasIncident).toBe(
      true,
    );
    const one = await h.camunda.getIncident({ incidentKey: incident!.incidentKey! }, NOW);
    expect(one.errorMessage).toContain('RiskLevel');
    const gateway = await h.camunda.getElementInstance(
      { elementInstanceKey: incident!.elementInstanceKey! },
      NOW,
    );
    expect(gateway).toMatchObject({
      elementName: 'Risk level?',
      hasIncident: true,
      incidentKey: incident!.incidentKey,
    });
    // when the data is fixed and the incident resolved
    await h.camunda.createElementInstanceVariables({
      elementInstanceKey: processInstanceKey as never,
      variables: { risk: 'low' },
    });
    await h.camunda.resolveIncident({ incidentKey: incident!.incidentKey! });
    // then
    expect(await stateOf(processInstanceKey)).toBe('COMPLETED');
    const resolved = await h.camunda.searchIncidents(
      { filter: { incidentKey: incident!.incidentKey! } },
      NOW,
    );
    expect(resolved.items?.[0]?.state).toBe('RESOLVED');
  });

  it('answers 404 for resolving an unknown incident', async () => {
    // when
    const problem = await problemOf(
      h.camunda.resolveIncident({ incidentKey: '2251799813699999' as never }),
    );
    // then
    expect(problem.status).toBe(404);
  });
});
