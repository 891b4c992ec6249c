import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFacts } from '../../processes/testing/model-facts.js';
import { modelFiles, parseAllModels } from '../../processes/testing/read-model.js';
import { CONSISTENT, startProcessEngine, type ProcessEngine } from './support/process-engine.js';
import { modelPath, SCENARIO_START } from './support/scenario.js';

// Every model in processes/ must deploy to the engine through the real SDK, as `now start` and
// a process owner's deployment do; a rejection fails naming the model and the engine's reason.
const files = modelFiles();
const processIds = files.map((file) => file.replace(/\.bpmn$/, ''));
const models = await parseAllModels();

let engine: ProcessEngine;
beforeAll(async () => {
  engine = await startProcessEngine(SCENARIO_START);
});
afterAll(async () => {
  await engine.close();
});

async function deploy(processId: string) {
  try {
    return await engine.zeebe.deployResource({ processFilename: modelPath(processId) });
  } catch (error) {
    throw new Error(`the engine rejected ${processId}.bpmn: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

describe('deploying the models through @camunda8/sdk', () => {
  it('finds the six processes of the platform', () => {
    // given the folder / then it holds the six lifecycles
    expect(processIds).toEqual([
      'aenderungsmeldung',
      'berichtszeitraum',
      'foerderfall',
      'kfw-import',
      'snapshot',
      'widerruf',
    ]);
  });

  it.each(processIds)('deploys %s.bpmn as its process, version 1', async (processId) => {
    // when
    const result = await deploy(processId);
    // then the process id is the file name
    expect(result.deployments.map((d) => d.process?.bpmnProcessId)).toEqual([processId]);
    expect(result.deployments[0]?.process?.version).toBe(1);
  });

  it('deploys all six at once, keeping the versions of unchanged models', async () => {
    // when the whole folder is deployed again in one request, as at start-up
    const result = await engine.zeebe.deployResources(
      files.map((file) => ({
        processFilename: modelPath(file.replace(/\.bpmn$/, '')),
      })),
    );
    // then each model is there once, still version 1 (same content)
    const deployed = result.deployments as {
      process?: { bpmnProcessId: string; version: number };
    }[];
    expect(deployed.map((d) => [d.process?.bpmnProcessId, d.process?.version]).sort()).toEqual(
      processIds.map((id) => [id, 1]),
    );
  });

  it('resolves every call activity to a deployed process', async () => {
    // given the call activities of all models
    const calls = models.flatMap((model) =>
      modelFacts(model.definitions).calledProcessIds.map((call) => ({ ...call, file: model.file })),
    );
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      // when the portal looks up the called process
      const { items } = await engine.camunda.searchProcessDefinitions(
        { filter: { processDefinitionId: call.processId } } as never,
        CONSISTENT,
      );
      // then it is deployed
      expect(
        (items ?? []).map((definition) => definition.processDefinitionId),
        `${call.file}: ${call.elementId} calls ${String(call.processId)}`,
      ).toEqual([call.processId]);
    }
  });

  it('serves each deployed model back as the file it came from', async () => {
    for (const processId of processIds) {
      // given the deployed definition
      const { items } = await engine.camunda.searchProcessDefinitions(
        { filter: { processDefinitionId: processId } } as never,
        CONSISTENT,
      );
      // when its XML is asked for / then it is the file's content
      const xml = await engine.camunda.getProcessDefinitionXml(
        { processDefinitionKey: items?.[0]?.processDefinitionKey } as never,
        CONSISTENT,
      );
      expect(xml, processId).toBe(readFileSync(modelPath(processId), 'utf8'));
    }
  });
});
