import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../testing/engine-harness.js';

describe('variables and scopes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await h.deploy(new URL('./fixtures/variable-scopes.bpmn', import.meta.url));
  });
  afterEach(() => h.close());

  const start = async () =>
    (
      await h.engine.createProcessInstance({
        bpmnProcessId: 'checkout',
        variables: { cart: { items: ['pen', 'ink'] } },
      })
    ).processInstanceKey;
  const activate = async (type: string) =>
    (await h.engine.activateJobs({ type, worker: 'w', timeout: 60_000, maxJobsToActivate: 1 }))[0]!;

  it('input mappings create local variables that the job sees and the process does not', async () => {
    const key = await start();
    const job = await activate('reserve-stock');
    expect(job.variables).toEqual({
      cart: { items: ['pen', 'ink'] },
      items: ['pen', 'ink'],
      itemCount: 2,
      warehouse: 'warehouse-1',
    });
    expect(h.variables(key)).toEqual({ cart: { items: ['pen', 'ink'] } });
  });

  it('with output mappings only the mapped result leaves the task; without, job variables propagate to the nearest scope that has them', async () => {
    // given the stock reserved with an extra variable the mapping ignores
    const key = await start();
    const reserve = await activate('reserve-stock');
    await h.engine.completeJob({
      jobKey: reserve.key,
      variables: { reservationId: 'RS-1', debug: 'x' },
    });
    // then only `reservation` left the task, into the subprocess scope chain
    const confirm = await activate('confirm-order');
    expect(confirm.variables).toMatchObject({ reservation: 'RS-1' });
    expect(confirm.variables).not.toHaveProperty('debug');
    // when the confirmation changes `items` (local to the subprocess) and adds `confirmed`
    await h.engine.completeJob({
      jobKey: confirm.key,
      variables: { items: ['pen'], confirmed: true },
    });
    // then `items` stayed in the subprocess, `confirmed` and the subprocess output reached the root
    expect(h.variables(key)).toEqual({
      cart: { items: ['pen', 'ink'] },
      reservation: 'RS-1',
      confirmed: true,
      checkoutReservation: 'RS-1',
    });
    expect(h.instanceState(key)).toBe('COMPLETED');
  });

  it('setVariables: local stays in the given scope, propagating updates the nearest scope with the name', async () => {
    const key = await start();
    const job = await activate('reserve-stock');
    await h.engine.setVariables({
      elementInstanceKey: job.elementInstanceKey,
      variables: { note: 'local' },
      local: true,
    });
    await h.engine.setVariables({
      elementInstanceKey: job.elementInstanceKey,
      variables: { cart: { items: [] }, flag: 1 },
    });
    expect(h.variables(key)).toEqual({ cart: { items: [] }, flag: 1 });
    const local = h.engine.search.variables({
      filter: { scopeKey: job.elementInstanceKey, name: 'note' },
    }).items;
    expect(local.map((v) => v.value)).toEqual(['"local"']);
    await expect(
      h.engine.setVariables({ elementInstanceKey: '2251799899999999', variables: {} }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an input mapping that fails raises an IO_MAPPING_ERROR incident; fixing the data and resolving retries it', async () => {
    const { processInstanceKey: key } = await h.engine.createProcessInstance({
      bpmnProcessId: 'checkout',
      variables: { cart: { items: [] } },
    });
    const [incident] = h.incidents(key);
    expect(incident).toMatchObject({ elementId: 'ReserveStock' });
    // `items` lives in the subprocess (its input mapping); propagation from the task finds it there
    await h.engine.setVariables({
      elementInstanceKey: incident!.elementInstanceKey,
      variables: { items: ['a'] },
    });
    await h.engine.resolveIncident(incident!.incidentKey);
    expect(h.incidents(key)).toEqual([]);
    expect(h.elements(key, 'ACTIVE')).toEqual(['Checkout', 'ReserveStock']);
  });
});
