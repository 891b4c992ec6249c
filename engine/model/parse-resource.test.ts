import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feelExpressionLanguage } from '../feel/index.js';
import { timeLanguage } from '../time/index.js';
import { openHarness, type Harness } from '../testing/engine-harness.js';
import { DeploymentError } from './deployment-error.js';
import { parseResources } from './parse-resource.js';

const read = (name: string) => ({
  name,
  content: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'),
});

describe('deploy-time validation', () => {
  it('reports every problem with its element id in one DeploymentError', async () => {
    // given a model with several mistakes
    const resource = read('invalid-shipping.bpmn');
    // when it is parsed
    const error = await parseResources([resource], feelExpressionLanguage, timeLanguage).catch(
      (e: unknown) => e,
    );
    // then one error lists each problem where it is
    expect(error).toBeInstanceOf(DeploymentError);
    const problems = (error as DeploymentError).problems.map((p) => [p.elementId, p.message]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['PrintLabel', expect.stringContaining('missing job type')],
        ['ChooseCarrier', expect.stringContaining('at least one outgoing sequence flow')],
        ['Complicated', expect.stringContaining("'ComplexGateway' is not supported")],
        ['WeighParcel', expect.stringContaining('not valid FEEL')],
        ['AwaitPickup', expect.stringContaining('missing message name')],
        ['AwaitPickup', expect.stringContaining('missing correlation key')],
        ['AuditedStep', expect.stringContaining('execution listeners are not supported')],
        ['LinkCatch', expect.stringContaining("'LinkEventDefinition' is not supported")],
      ]),
    );
    expect((error as DeploymentError).code).toBe('INVALID_ARGUMENT');
  });

  it('rejects a file that is not BPMN', async () => {
    const error = await parseResources(
      [{ name: 'notes.bpmn', content: 'hello' }],
      feelExpressionLanguage,
      timeLanguage,
    ).catch((e: unknown) => e);
    expect((error as DeploymentError).problems[0]?.message).toMatch(/not a BPMN document/);
  });
});

describe('deployments and versions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(() => h.close());

  it('keeps the version for identical content and counts up for new content', async () => {
    // given version 1 deployed
    const first = await h.engine.deployResources([read('invoice-v1.bpmn')]);
    // when the same content and then changed content are deployed
    const again = await h.engine.deployResources([read('invoice-v1.bpmn')]);
    const changed = await h.engine.deployResources([
      { ...read('invoice-v2.bpmn'), name: 'invoice-v1.bpmn' },
    ]);
    // then the duplicate keeps version 1 and its key, the change becomes version 2
    expect(first.processes[0]).toMatchObject({ bpmnProcessId: 'invoice', version: 1 });
    expect(again.processes[0]).toEqual(first.processes[0]);
    expect(changed.processes[0]).toMatchObject({ bpmnProcessId: 'invoice', version: 2 });
    expect(
      h.engine.search.processDefinitions({ filter: { processDefinitionId: 'invoice' } }).page
        .totalItems,
    ).toBe(2);
  });

  it('starts the latest version by id, or a given version', async () => {
    // given two versions
    await h.engine.deployResources([read('invoice-v1.bpmn')]);
    await h.engine.deployResources([read('invoice-v2.bpmn')]);
    // when instances are started by id and by version
    const latest = await h.engine.createProcessInstance({ bpmnProcessId: 'invoice' });
    const v1 = await h.engine.createProcessInstance({ bpmnProcessId: 'invoice', version: 1 });
    // then each ran its own model
    expect(latest.version).toBe(2);
    expect(h.elements(latest.processInstanceKey)).toEqual(['InvoiceReceived', 'InvoiceArchived']);
    expect(h.elements(v1.processInstanceKey)).toEqual(['InvoiceReceived', 'InvoiceDone']);
  });

  it('deploys several resources and several processes per resource at once', async () => {
    const result = await h.engine.deployResources([
      read('invoice-v1.bpmn'),
      read('two-processes.bpmn'),
    ]);
    expect(result.processes.map((p) => p.bpmnProcessId).sort()).toEqual([
      'archive',
      'invoice',
      'reminder',
    ]);
  });

  it('remembers every content ever deployed, so start-up never re-deploys an old file', async () => {
    await h.engine.deployResources([read('invoice-v1.bpmn')]);
    await h.engine.deployResources([read('invoice-v2.bpmn')]);
    expect(h.engine.wasDeployed(read('invoice-v1.bpmn'))).toBe(true);
    expect(h.engine.wasDeployed(read('two-processes.bpmn'))).toBe(false);
  });

  it('serves the deployed XML of a definition', async () => {
    const result = await h.engine.deployResources([read('invoice-v1.bpmn')]);
    expect(h.engine.search.processDefinitionXml(result.processes[0]!.processDefinitionKey)).toBe(
      read('invoice-v1.bpmn').content,
    );
  });

  it('rejects starting an unknown process with NOT_FOUND', async () => {
    await expect(h.engine.createProcessInstance({ bpmnProcessId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('writes DEPLOYMENT and PROCESS records', async () => {
    await h.engine.deployResources([read('invoice-v1.bpmn')]);
    const records = h.engine.records().map((r) => `${r.valueType} ${r.intent}`);
    expect(records).toEqual(['PROCESS CREATED', 'DEPLOYMENT CREATED']);
  });
});
