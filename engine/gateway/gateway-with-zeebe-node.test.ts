import { ZBClient } from 'zeebe-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngineGateway, type EngineGateway } from './testing/engine-gateway.js';

/** The older `zeebe-node` client (plaintext by default, empty tenant) works unchanged. */
let env: EngineGateway;
let zbc: ZBClient;
beforeEach(async () => {
  env = await openEngineGateway();
  zbc = new ZBClient(`127.0.0.1:${env.port}`, { loglevel: 'NONE', retry: false });
});
afterEach(async () => {
  await zbc.close();
  await env.close();
});

describe('the gateway with zeebe-node', () => {
  it('deploys, creates an instance and lets a worker complete its job', async () => {
    // given the model deployed through zeebe-node and a worker for its job type
    await zbc.deployResource({ processFilename: env.fixture('check-documents.bpmn') });
    const worker = zbc.createWorker({
      taskType: 'check-documents',
      taskHandler: (job) => job.complete({ checkedBy: 'zeebe-node', caseId: job.variables.caseId }),
    });
    // when an instance is started and awaited
    const result = await zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'check-documents',
      variables: { caseId: 'c-11' },
      requestTimeout: 20_000,
    });
    await worker.close();
    // then the worker's output is the instance's result
    expect(result.variables).toEqual({ caseId: 'c-11', checkedBy: 'zeebe-node' });
    expect(env.engine.getProcessInstance(result.processInstanceKey).state).toBe('COMPLETED');
  });
});
