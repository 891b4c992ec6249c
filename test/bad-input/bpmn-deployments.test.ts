/**
 * Bad BPMN deployments through `@camunda8/sdk` against the embedded engine: each is refused
 * with INVALID_ARGUMENT naming the resource and element, the engine's state file is unchanged,
 * and a good deployment afterwards succeeds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Zeebe } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../engine/gateway/index.js';
import { sdkClientFor } from '../support/embedded-engine.js';
import { bpmnCases, validModel } from './fixtures/bpmn-models.js';
import { engineChecksum } from './support/engine-checksum.js';

let dir: string;
let file: string;
let engine: EmbeddedEngine;
let zeebe: Zeebe.ZeebeGrpcClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'now-bad-bpmn-'));
  file = path.join(dir, 'engine.sqlite');
  engine = await startEmbeddedEngine({ file, port: 0, managementPort: 0 });
  zeebe = sdkClientFor(engine.grpcAddress);
});
afterAll(async () => {
  await zeebe?.close();
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('bad BPMN deployments', () => {
  it.each(bpmnCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, bpmnCase) => {
    // given the engine's state as it is
    const before = engineChecksum(file);
    // when the resources are deployed through the SDK
    const refused = await zeebe
      .deployResources(bpmnCase.resources().map((r) => ({ name: r.name, process: r.content })))
      .then(
        () => undefined,
        (error: unknown) => error as { code: number; details: string },
      );
    // then INVALID_ARGUMENT names what is wrong and where, and nothing was stored
    expect(refused?.code).toBe(3);
    expect(refused?.details).toMatch(bpmnCase.details);
    expect(engineChecksum(file)).toEqual(before);
  });

  it('deploys and runs a good model afterwards', async () => {
    const deployed = await zeebe.deployResource({ name: 'good-one.bpmn', process: validModel });
    expect(deployed.deployments[0]?.process?.bpmnProcessId).toBe('good-one');
  });

  it('answers a second client after the refusals', async () => {
    const second = sdkClientFor(engine.grpcAddress);
    try {
      const deployed = await second.deployResource({ name: 'good-one.bpmn', process: validModel });
      expect(deployed.deployments[0]?.process?.bpmnProcessId).toBe('good-one');
    } finally {
      await second.close();
    }
  });
});
