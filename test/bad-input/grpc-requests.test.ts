/**
 * Bad gRPC requests straight to the embedded engine's gateway (grpc-js on the SDK's proto):
 * each gets its final status and a message naming the field or key, the engine's state file is
 * unchanged, and the SDK still starts an instance afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { Zeebe } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../engine/gateway/index.js';
import { sdkClientFor } from '../support/embedded-engine.js';
import { singleTaskModel } from '../support/single-task-model.js';
import { grpcCases } from './fixtures/grpc-requests.js';
import { engineChecksum } from './support/engine-checksum.js';

type Callback = (error: grpc.ServiceError | null, response?: unknown) => void;
type GatewayClient = grpc.Client &
  Record<string, (request: object, callback?: Callback) => grpc.ClientReadableStream<unknown>>;

let dir: string;
let file: string;
let engine: EmbeddedEngine;
let zeebe: Zeebe.ZeebeGrpcClient;
let gateway: GatewayClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'now-bad-grpc-'));
  file = path.join(dir, 'engine.sqlite');
  engine = await startEmbeddedEngine({ file, port: 0, managementPort: 0 });
  zeebe = sdkClientFor(engine.grpcAddress);
  await zeebe.deployResource({
    name: 'grpc-target.bpmn',
    process: Buffer.from(singleTaskModel({ processId: 'grpc-target', jobType: 'grpc-target' })),
  });
  const definition = protoLoader.loadSync(
    path.resolve('node_modules/@camunda8/sdk/dist/proto/zeebe.proto'),
    { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true },
  );
  const proto = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: {
      Gateway: new (address: string, credentials: grpc.ChannelCredentials) => GatewayClient;
    };
  };
  gateway = new proto.gateway_protocol.Gateway(
    engine.grpcAddress.replace('grpc://', ''),
    grpc.credentials.createInsecure(),
  );
});
afterAll(async () => {
  gateway?.close();
  await zeebe?.close();
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Sends one request; resolves with the error (or undefined when it succeeded). */
function send(method: string, request: object): Promise<grpc.ServiceError | undefined> {
  return new Promise((resolve) => {
    if (method === 'ActivateJobs') {
      const stream = gateway[method]!(request);
      stream.on('data', () => undefined);
      stream.on('error', (error: grpc.ServiceError) => resolve(error));
      stream.on('end', () => resolve(undefined));
      return;
    }
    gateway[method]!(request, (error) => resolve(error ?? undefined));
  });
}

describe('bad gRPC requests', () => {
  it.each(grpcCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, grpcCase) => {
    // given the engine's state as it is
    const before = engineChecksum(file);
    // when the request is sent
    const error = await send(grpcCase.method, grpcCase.request);
    // then the status is final, the message names the problem, and nothing was stored
    expect(error && grpc.status[error.code]).toBe(grpc.status[grpcCase.code]);
    expect(error?.details).toMatch(grpcCase.details);
    expect(engineChecksum(file)).toEqual(before);
  });

  it('still starts an instance through the SDK afterwards', async () => {
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: 'grpc-target',
      variables: {},
    });
    expect(created.bpmnProcessId).toBe('grpc-target');
  });
});
