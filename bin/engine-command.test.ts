import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Camunda8 } from '@camunda8/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { stop } from './testing/platform-process.js';

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="cli-smoke" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="EndEvent_1" />
  </bpmn:process>
</bpmn:definitions>`;

interface Started {
  child: ChildProcess;
  grpc: string;
  rest: string;
  management: string;
}

/** Starts `now engine` on free ports and resolves once it has printed its addresses. */
function startEngine(dataDir: string): Promise<Started> {
  const child = spawn(
    process.execPath,
    ['bin/now.js', 'engine', '--port', '0', '--rest-port', '0', '--management-port', '0'],
    {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const found: Partial<Started> = { child };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      found.grpc ??= /gRPC gateway: (grpc:\/\/\S+)/.exec(line)?.[1];
      found.rest ??= /REST API: +(http:\/\/\S+)/.exec(line)?.[1];
      found.management ??= /health and metrics: +(http:\/\/\S+)\/health/.exec(line)?.[1];
      if (found.grpc && found.rest && found.management) resolve(found as Started);
    });
    child.once('exit', (code) => reject(new Error(`now engine exited with ${code}: ${stderr}`)));
  });
}

describe('now engine', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('serves the gateway, the REST API and health, stops cleanly on SIGTERM and keeps its state', async () => {
    // given a fresh data directory and a running engine
    const dataDir = mkdtempSync(path.join(tmpdir(), 'now-engine-'));
    dirs.push(dataDir);
    const first = await startEngine(dataDir);
    const zeebe = new Camunda8({
      ZEEBE_GRPC_ADDRESS: first.grpc,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    }).getZeebeGrpcApiClient();

    // when a client deploys a model and starts it through the SDK
    const deployment = await zeebe.deployResource({
      name: 'cli-smoke.bpmn',
      process: Buffer.from(model),
    });
    const instance = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'cli-smoke',
      variables: {},
    });
    await zeebe.close();

    // then the instance ran, and REST and health answer
    expect(deployment.deployments[0]?.process?.bpmnProcessId).toBe('cli-smoke');
    expect(instance.bpmnProcessId).toBe('cli-smoke');
    expect((await fetch(`${first.management}/health`)).status).toBe(200);
    const topology = (await (await fetch(`${first.rest}/v2/topology`)).json()) as {
      brokers: unknown[];
    };
    expect(topology.brokers).toHaveLength(1);
    expect(await stop(first.child)).toBe(0);

    // and after a restart on the same data directory the deployment is still there
    const second = await startEngine(dataDir);
    const response = await fetch(`${second.rest}/v2/process-definitions/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { processDefinitionId: 'cli-smoke' } }),
    });
    const found = (await response.json()) as {
      items: { processDefinitionId: string; version: number }[];
    };
    expect(found.items.map((d) => [d.processDefinitionId, d.version])).toEqual([['cli-smoke', 1]]);
    expect(await stop(second.child)).toBe(0);
  });
});
