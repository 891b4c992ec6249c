import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../testing/engine-harness.js';

describe('signals', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/signal-events.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  const count = (bpmnProcessId: string, state?: 'ACTIVE' | 'COMPLETED') =>
    h.engine.search.processInstances({
      filter: { processDefinitionId: bpmnProcessId, ...(state ? { state } : {}) },
    }).page.totalItems;

  it('a broadcast reaches every waiting catch event and starts processes with a signal start event', async () => {
    // given two traders waiting for the opening
    await h.engine.createProcessInstance({ bpmnProcessId: 'trader' });
    await h.engine.createProcessInstance({ bpmnProcessId: 'trader' });
    // when the signal is broadcast with a variable
    await h.engine.broadcastSignal({ signalName: 'market-open', variables: { at: '09:00' } });
    // then both traders continue and one market watch started with the variable
    expect(count('trader', 'COMPLETED')).toBe(2);
    const [watch] = h.engine.search.processInstances({
      filter: { processDefinitionId: 'market-watch' },
    }).items;
    expect(h.variables(watch!.processInstanceKey)).toEqual({ at: '09:00' });
  });

  it('a signal throw event broadcasts from inside a process', async () => {
    await h.engine.createProcessInstance({ bpmnProcessId: 'trader' });
    await h.engine.createProcessInstance({ bpmnProcessId: 'opening-bell' });
    expect(count('trader', 'COMPLETED')).toBe(1);
    expect(count('market-watch')).toBe(1);
  });

  it('is not buffered: a catch event opened after the broadcast keeps waiting', async () => {
    await h.engine.broadcastSignal({ signalName: 'market-open' });
    await h.engine.createProcessInstance({ bpmnProcessId: 'trader' });
    expect(count('trader', 'ACTIVE')).toBe(1);
  });
});
