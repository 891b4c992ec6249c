import { readFileSync } from 'node:fs';
import { Camunda8 } from '@camunda8/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRestHarness, type RestHarness } from './testing/rest-harness.js';

/**
 * The SDK's other REST client, `getCamundaRestClient()` (written for 8.6/8.7, still shipped in
 * 8.8): code that uses it for the task inbox works against the embedded engine too.
 */
let h: RestHarness;
let sdk: Camunda8;
beforeEach(async () => {
  h = await startRestHarness();
  sdk = new Camunda8({
    ZEEBE_REST_ADDRESS: h.api.url,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
  });
});
afterEach(async () => {
  await sdk.closeAllClients();
  await h.close();
});

describe("the REST API with the SDK's CamundaRestClient", () => {
  it('deploys, starts, finds, assigns and completes a user task', async () => {
    // given
    const rest = sdk.getCamundaRestClient();
    const xml = readFileSync(
      new URL('./fixtures/review-application.bpmn', import.meta.url),
      'utf8',
    );
    await rest.deployResources([{ name: 'review-application.bpmn', content: xml }]);
    const { processInstanceKey } = await rest.createProcessInstance({
      processDefinitionId: 'review-application',
      variables: { caseId: 'case-l', dueDate: '2026-03-01T12:00:00Z' },
    });
    // when
    const found = await rest.searchUserTasks({
      filter: { processInstanceVariables: [{ name: 'caseId', value: '"case-l"' }] },
    } as never);
    const task = found.items[0]!;
    await rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'officer-3' });
    const assigned = await rest.getUserTask(task.userTaskKey);
    await rest.completeUserTask({
      userTaskKey: task.userTaskKey,
      variables: { decision: 'rework' },
    });
    // then
    expect(String(task.processInstanceKey)).toBe(String(processInstanceKey));
    expect(assigned.assignee).toBe('officer-3');
    const instances = await rest.searchProcessInstances({
      filter: { processInstanceKey },
    } as never);
    expect(instances.items.map((i: { state: string }) => i.state)).toEqual(['COMPLETED']);
  });
});
