import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('exclusive gateway', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(
      new URL('./fixtures/exclusive-gateway-default-flow.bpmn', import.meta.url),
      new URL('./fixtures/exclusive-gateway-no-default.bpmn', import.meta.url),
    );
  });
  afterEach(() => h.close());

  it.each([
    [500, 'AutoApproved'],
    [80_000, 'Rejected'],
    [5_000, 'ManualReview'],
  ])(
    'routes an amount of %i to %s (first true condition, else the default flow)',
    async (amount, end) => {
      // given a loan application with an amount
      const { processInstanceKey } = await h.engine.createProcessInstance({
        bpmnProcessId: 'loan-decision',
        variables: { amount },
      });
      // then exactly one path is taken
      expect(h.elements(processInstanceKey)).toEqual(['ApplicationIn', 'AmountCheck', end]);
      expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
    },
  );

  it('raises an incident when no condition is true and there is no default; fixing the variable and resolving continues', async () => {
    // given a case whose risk matches no flow
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'risk-routing',
      variables: { risk: 'medium' },
    });
    // then the gateway waits with an incident
    const [incident] = h.incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'RiskLevel' });
    expect(h.elements(processInstanceKey, 'ACTIVE')).toEqual(['RiskLevel']);
    // when the variable is fixed and the incident resolved
    await h.engine.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { risk: 'high' },
    });
    await h.engine.resolveIncident(incident!.incidentKey);
    // then the gateway takes the matching flow
    expect(h.elements(processInstanceKey, 'COMPLETED')).toEqual([
      'CaseIn',
      'RiskLevel',
      'HighRisk',
    ]);
    expect(h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('raises an incident when a condition cannot be evaluated to a boolean', async () => {
    const { processInstanceKey } = await h.engine.createProcessInstance({
      bpmnProcessId: 'risk-routing',
      variables: {},
    });
    expect(h.incidents(processInstanceKey)[0]).toMatchObject({
      errorType: 'CONDITION_ERROR',
      elementId: 'RiskLevel',
    });
  });
});
