import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRestHarness, type RestHarness } from './testing/rest-harness.js';

const NOW = { consistency: { waitUpToMs: 0 } };
let h: RestHarness;
beforeEach(async () => {
  h = await startRestHarness();
});
afterEach(async () => {
  await h.close();
});

/** The problem an SDK call was refused with. */
async function problemOf(call: Promise<unknown>) {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; title?: string; detail?: string; instance?: string } | undefined;
  if (!error) throw new Error('expected the call to be refused');
  return {
    status: error.status,
    title: error.title,
    detail: error.detail,
    instance: error.instance,
  };
}

describe('the REST API: topology, deployments and process definitions', () => {
  it('answers the topology with one healthy leader partition', async () => {
    // when
    const topology = await h.camunda.getTopology();
    // then
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1, gatewayVersion: '8.8.0' });
    expect(topology.brokers[0]!.partitions).toEqual([
      { partitionId: 1, role: 'leader', health: 'healthy' },
    ]);
  });

  it('deploys a model and serves it by search, by key and as XML', async () => {
    // when
    const deployment = await h.camunda.createDeployment({
      resources: [h.fixture('review-application.bpmn')],
    });
    // then
    const deployed = deployment.processes[0]!;
    expect(deployed).toMatchObject({
      processDefinitionId: 'review-application',
      processDefinitionVersion: 1,
    });
    const found = await h.camunda.searchProcessDefinitions(
      { filter: { processDefinitionId: 'review-application' } },
      NOW,
    );
    expect(found.items).toEqual([
      expect.objectContaining({
        processDefinitionKey: deployed.processDefinitionKey,
        name: 'Review application',
        version: 1,
      }),
    ]);
    const one = await h.camunda.getProcessDefinition(
      { processDefinitionKey: deployed.processDefinitionKey },
      NOW,
    );
    expect(one.resourceName).toBe('review-application.bpmn');
    const xml = await h.camunda.getProcessDefinitionXml(
      { processDefinitionKey: deployed.processDefinitionKey },
      NOW,
    );
    expect(String(xml)).toContain('<bpmn:userTask id="ReviewApplication"');
  });

  it('answers only the latest version of each process when asked to', async () => {
    // given two versions of the review and one of the routing
    const v1 = h.fixture('review-application.bpmn');
    const v2 = new File(
      [(await v1.text()).replace('name="Review application"', 'name="Review v2"')],
      v1.name,
    );
    await h.camunda.createDeployment({ resources: [v1, h.fixture('route-by-risk.bpmn')] });
    await h.camunda.createDeployment({ resources: [v2] });
    // when
    const latest = await h.camunda.searchProcessDefinitions(
      { filter: { isLatestVersion: true }, sort: [{ field: 'processDefinitionId' }] },
      NOW,
    );
    const all = await h.camunda.searchProcessDefinitions({}, NOW);
    // then
    expect((latest.items ?? []).map((d) => [d.processDefinitionId, d.version, d.name])).toEqual([
      ['review-application', 2, 'Review v2'],
      ['route-by-risk', 1, undefined],
    ]);
    expect(Number(latest.page.totalItems)).toBe(2);
    expect(Number(all.page.totalItems)).toBe(3);
  });

  it('refuses an invalid model with a problem naming the element', async () => {
    // when
    const problem = await problemOf(
      h.camunda.createDeployment({ resources: [h.fixture('invalid-service-task.bpmn')] }),
    );
    // then
    expect(problem).toMatchObject({
      status: 400,
      title: 'INVALID_ARGUMENT',
      instance: '/v2/deployments',
    });
    expect(problem.detail).toContain("element 'ComputeGrant'");
  });

  it('answers 404 as a problem for an unknown process definition', async () => {
    // when
    const problem = await problemOf(
      h.camunda.getProcessDefinition({ processDefinitionKey: '2251799813685999' as never }, NOW),
    );
    // then
    expect(problem).toMatchObject({ status: 404, title: 'NOT_FOUND' });
    expect(problem.detail).toContain('2251799813685999');
  });
});

describe('the REST API: process instances, element instances and variables', () => {
  beforeEach(async () => {
    await h.camunda.createDeployment({
      resources: [h.fixture('review-application.bpmn'), h.fixture('route-by-risk.bpmn')],
    });
  });

  const start = (caseId: string) =>
    h.camunda.createProcessInstance({
      processDefinitionId: 'review-application' as never,
      variables: { caseId, dueDate: '2026-03-01T12:00:00Z' },
    });

  it('creates an instance and answers it by key with the process name', async () => {
    // when
    const created = await start('case-1');
    // then
    const instance = await h.camunda.getProcessInstance(
      { processInstanceKey: created.processInstanceKey },
      NOW,
    );
    expect(instance).toMatchObject({
      processDefinitionId: 'review-application',
      processDefinitionName: 'Review application',
      state: 'ACTIVE',
      hasIncident: false,
    });
  });

  it('creates an instance and awaits its completion with its variables', async () => {
    // when
    const done = await h.camunda.createProcessInstance({
      processDefinitionId: 'route-by-risk' as never,
      variables: { risk: 'low', caseId: 'case-9' },
      awaitCompletion: true,
      fetchVariables: ['risk'],
    });
    // then
    expect(done.variables).toEqual({ risk: 'low' });
    const instance = await h.camunda.getProcessInstance(
      { processInstanceKey: done.processInstanceKey },
      NOW,
    );
    expect(instance.state).toBe('COMPLETED');
  });

  it('answers 504 when an awaited instance does not complete within the request timeout', async () => {
    // when an instance that waits for a user task is awaited for 200 ms
    const response = await fetch(`${h.api.url}/v2/process-instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        processDefinitionId: 'review-application',
        variables: { caseId: 'case-slow', dueDate: '2026-03-01T12:00:00Z' },
        awaitCompletion: true,
        requestTimeout: 200,
      }),
    });
    // then
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ title: 'DEADLINE_EXCEEDED' });
  });

  it('pages and sorts a search, by offset and by cursor', async () => {
    // given five instances
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) keys.push((await start(`case-${i}`)).processInstanceKey);
    const newestFirst = [...keys].sort().reverse();
    const query = {
      filter: { processDefinitionId: 'review-application', state: 'ACTIVE' as const },
      sort: [{ field: 'processInstanceKey' as const, order: 'DESC' as const }],
    };
    // when
    const first = await h.camunda.searchProcessInstances(
      { ...query, page: { from: 0, limit: 2 } },
      NOW,
    );
    const second = await h.camunda.searchProcessInstances(
      { ...query, page: { after: first.page.endCursor!, limit: 2 } } as never,
      NOW,
    );
    const last = await h.camunda.searchProcessInstances(
      { ...query, page: { from: 4, limit: 2 } },
      NOW,
    );
    // then
    expect(Number(first.page.totalItems)).toBe(5);
    expect(first.items.map((i) => i.processInstanceKey)).toEqual(newestFirst.slice(0, 2));
    expect(second.items.map((i) => i.processInstanceKey)).toEqual(newestFirst.slice(2, 4));
    expect(last.items.map((i) => i.processInstanceKey)).toEqual(newestFirst.slice(4));
    const back = await h.camunda.searchProcessInstances(
      { ...query, page: { before: second.page.startCursor!, limit: 2 } } as never,
      NOW,
    );
    expect(back.items.map((i) => i.processInstanceKey)).toEqual(newestFirst.slice(0, 2));
  });

  it('cancels an instance: it turns TERMINATED, its user task CANCELED', async () => {
    // given
    const { processInstanceKey } = await start('case-cancel');
    // when
    await h.camunda.cancelProcessInstance({ processInstanceKey });
    // then
    const instance = await h.camunda.getProcessInstance({ processInstanceKey }, NOW);
    expect(instance.state).toBe('TERMINATED');
    const tasks = await h.camunda.searchUserTasks({ filter: { processInstanceKey } }, NOW);
    expect(tasks.items.map((t) => t.state)).toEqual(['CANCELED']);
    const elements = await h.camunda.searchElementInstances(
      { filter: { processInstanceKey, elementId: 'ReviewApplication' as never } },
      NOW,
    );
    expect((elements.items ?? []).map((e) => [e.elementName, e.type, e.state])).toEqual([
      ['Review application', 'USER_TASK', 'TERMINATED'],
    ]);
  });

  it('answers element instances with states for a diagram overlay, sorted by start', async () => {
    // given
    const { processInstanceKey } = await start('case-overlay');
    // when
    const elements = await h.camunda.searchElementInstances(
      { filter: { processInstanceKey }, sort: [{ field: 'elementInstanceKey', order: 'ASC' }] },
      NOW,
    );
    // then
    expect((elements.items ?? []).map((e) => [e.elementId, e.state])).toEqual([
      ['ApplicationReceived', 'COMPLETED'],
      ['ReviewApplication', 'ACTIVE'],
    ]);
    const active = await h.camunda.searchElementInstances(
      { filter: { processInstanceKey, state: 'ACTIVE' } },
      NOW,
    );
    expect(Number(active.page.totalItems)).toBe(1);
  });

  it('finds variables by name and answers their value as JSON text', async () => {
    // given
    const { processInstanceKey } = await start('case-42');
    // when
    const found = await h.camunda.searchVariables(
      { filter: { processInstanceKey, name: 'caseId' } },
      NOW,
    );
    // then
    expect(found.items).toEqual([
      expect.objectContaining({
        name: 'caseId',
        value: '"case-42"',
        isTruncated: false,
        scopeKey: processInstanceKey,
      }),
    ]);
    const one = await h.camunda.getVariable({ variableKey: found.items[0]!.variableKey }, NOW);
    expect(one).toMatchObject({ name: 'caseId', value: '"case-42"' });
  });

  it.each([
    [{ filter: { state: 'RUNNING' } }, 'filter.state'],
    [{ filter: { startDate: { $like: '2026*' } } }, 'filter.startDate.$like'],
    [{ filter: { processInstanceKey: 'abc' } }, 'filter.processInstanceKey'],
    [{ sort: [{ field: 'colour' }] }, 'sort[0].field'],
    [{ page: { limit: 0 } }, 'page.limit'],
  ])('refuses a bad search %j with a 400 problem naming %s', async (body, field) => {
    // when
    const response = await fetch(`${h.api.url}/v2/process-instances/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // then
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { detail: string; instance: string; type: string };
    expect(problem.detail.startsWith(`${field}:`)).toBe(true);
    expect(problem).toMatchObject({
      type: 'about:blank',
      instance: '/v2/process-instances/search',
    });
  });
});

describe('the REST API: requests it does not serve', () => {
  it.each([
    ['GET', '/v2/jobs/search', 404, 'NOT_FOUND', 'docs/engine-rest.md'],
    ['DELETE', '/v2/topology', 405, 'METHOD_NOT_ALLOWED', 'GET'],
    ['GET', '/v2/process-instances/not-a-key', 400, 'INVALID_ARGUMENT', 'processInstanceKey:'],
  ])('answers %s %s with %i %s', async (method, path, status, title, mentions) => {
    // when
    const response = await fetch(`${h.api.url}${path}`, { method });
    // then
    expect(response.status).toBe(status);
    const problem = (await response.json()) as { title: string; detail: string; instance: string };
    expect(problem).toMatchObject({ title, instance: path });
    expect(problem.detail).toContain(mentions);
  });

  it('refuses a deployment without files, naming the resources field', async () => {
    // given
    const form = new FormData();
    form.append('tenantId', '<default>');
    // when
    const response = await fetch(`${h.api.url}/v2/deployments`, { method: 'POST', body: form });
    // then
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^resources:/);
  });

  it('refuses a body that is not JSON', async () => {
    // when
    const response = await fetch(`${h.api.url}/v2/user-tasks/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"filter":',
    });
    // then
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^body: not valid JSON/);
  });
});
