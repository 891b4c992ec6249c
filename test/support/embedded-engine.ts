/**
 * An embedded engine on free ports in a temp directory, and an `@camunda8/sdk` gRPC client
 * pointed at it as users configure one (`grpc://`, no authentication). For suites under `test/`
 * that drive workers or the portal against the real engine.
 *
 * @example
 *   const env = await startTestEngine();
 *   await env.zeebe.deployResource({ processFilename: 'processes/widerruf.bpmn' });
 *   ...
 *   await env.close(); // client, engine and temp directory
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Camunda8, type Zeebe } from '@camunda8/sdk';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../engine/gateway/index.js';

/** A running test engine with a connected client. */
export interface TestEngine {
  readonly embedded: EmbeddedEngine;
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  /** `grpc://127.0.0.1:<port>` */
  readonly grpcAddress: string;
  /** A further client (each one closed by `close()`). */
  newClient(): Zeebe.ZeebeGrpcClient;
  /** Closes every client, the engine, and deletes its files. */
  close(): Promise<void>;
}

/** Starts an engine on free ports with its SQLite file in a fresh temp directory. */
export async function startTestEngine(): Promise<TestEngine> {
  const dir = await mkdtemp(path.join(tmpdir(), 'now-test-engine-'));
  const embedded = await startEmbeddedEngine({
    file: path.join(dir, 'engine.sqlite'),
    port: 0,
    managementPort: 0,
  });
  const clients: Zeebe.ZeebeGrpcClient[] = [];
  const newClient = () => {
    const client = sdkClientFor(embedded.grpcAddress);
    clients.push(client);
    return client;
  };
  const zeebe = newClient();
  return {
    embedded,
    zeebe,
    grpcAddress: embedded.grpcAddress,
    newClient,
    async close() {
      await Promise.allSettled(clients.map((client) => client.close()));
      await embedded.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The SDK's gRPC client for a plaintext gateway without authentication; quiet, and without the
 * SDK's endless retries, so a wrong status fails a test instead of hanging it.
 */
export function sdkClientFor(grpcAddress: string): Zeebe.ZeebeGrpcClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: grpcAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  }).getZeebeGrpcApiClient();
}
