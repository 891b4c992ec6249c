import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../index.js';
import { RestApiConfigError, startRestApi } from './index.js';
import { startRestHarness, type RestHarness } from './testing/rest-harness.js';

const NOW = { consistency: { waitUpToMs: 0 } };
const harnesses: RestHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});
async function harness(controlledClock: boolean) {
  const h = await startRestHarness({ controlledClock });
  harnesses.push(h);
  return h;
}

describe('the REST API: controlled clock', () => {
  it('refuses to pin or reset the clock when the controlled clock is not enabled', async () => {
    // given
    const h = await harness(false);
    // when
    const pin = await fetch(`${h.api.url}/v2/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timestamp: Date.UTC(2030, 0, 1) }),
    });
    const reset = await fetch(`${h.api.url}/v2/clock/reset`, { method: 'POST' });
    // then
    expect(pin.status).toBe(403);
    expect(pin.headers.get('content-type')).toBe('application/problem+json');
    expect(((await pin.json()) as { detail: string }).detail).toContain(
      'ENGINE_CONTROLLED_CLOCK=true',
    );
    expect(reset.status).toBe(403);
    expect(Math.abs(h.engine.clock.now() - Date.now())).toBeLessThan(60_000);
  });

  it('pins the engine time, which new records carry, and resets it to the machine time', async () => {
    // given
    const h = await harness(true);
    await h.camunda.createDeployment({ resources: [h.fixture('route-by-risk.bpmn')] });
    const pinned = Date.UTC(2031, 5, 1, 12, 0, 0);
    // when
    await h.camunda.pinClock({ timestamp: pinned });
    const { processInstanceKey } = await h.camunda.createProcessInstance({
      processDefinitionId: 'route-by-risk' as never,
      variables: { risk: 'high' },
    });
    // then
    const instance = await h.camunda.getProcessInstance({ processInstanceKey }, NOW);
    expect(instance.startDate).toBe(new Date(pinned).toISOString());
    // when reset
    await h.camunda.resetClock();
    // then
    expect(Math.abs(h.engine.clock.now() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a timestamp that is not a number, naming the field', async () => {
    // given
    const h = await harness(true);
    // when
    const response = await fetch(`${h.api.url}/v2/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timestamp: 'tomorrow' }),
    });
    // then
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^timestamp:/);
  });

  it('will not start with the controlled clock on an engine whose clock cannot be pinned', async () => {
    // given an engine on the system clock
    const engine = await Engine.open({ file: ':memory:' });
    try {
      // when
      const started = startRestApi({ engine, port: 0, controlledClock: true });
      // then
      await expect(started).rejects.toBeInstanceOf(RestApiConfigError);
      await expect(started).rejects.toMatchObject({ code: 'CLOCK_NOT_CONTROLLABLE' });
    } finally {
      await engine.close();
    }
  });
});
