import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('script task (zeebe:script) and escalation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/escalation-and-script.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  it('computes the result variable with FEEL', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'project-status',
      variables: { done: 8, planned: 10 },
    });
    expect(h.variables(key)).toMatchObject({ progress: 80 });
    expect(h.elements(key, 'COMPLETED')).not.toContain('ManagerInformed');
  });

  it('an escalation thrown inside a subprocess starts the non-interrupting boundary path; the subprocess continues', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'project-status',
      variables: { done: 2, planned: 10 },
    });
    const completed = h.elements(key, 'COMPLETED');
    expect(completed).toEqual(
      expect.arrayContaining([
        'ReportDelay',
        'DelayReported',
        'ManagerInformed',
        'EscalationHandled',
        'ReviewDone',
        'WeekClosed',
      ]),
    );
    expect(h.instanceState(key)).toBe('COMPLETED');
  });
});
