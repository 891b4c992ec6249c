import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ControlledClock, Engine } from '../../index.js';
import { GrpcGateway } from '../grpc-server.js';
import { sdkClient } from './sdk-client.js';

/** A real engine on a temporary SQLite file and a controlled clock, behind a gateway on a free port. */
export interface EngineGateway {
  engine: Engine;
  clock: ControlledClock;
  gateway: GrpcGateway;
  port: number;
  /** The real `@camunda8/sdk` gRPC client, connected over loopback. */
  zeebe: ReturnType<typeof sdkClient>;
  /** Path of a fixture beside the tests. */
  fixture(name: string): string;
  /** Moves the engine's clock and waits until everything due is processed. */
  advance(ms: number): Promise<void>;
  /** Closes client, gateway and engine, and deletes the file. */
  close(): Promise<void>;
}

/** Opens engine, gateway and client for one test. */
export async function openEngineGateway(): Promise<EngineGateway> {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-gateway-'));
  const clock = new ControlledClock(Date.UTC(2026, 0, 1, 8, 0, 0));
  const engine = await Engine.open({ file: path.join(dir, 'engine.sqlite'), clock });
  engine.start();
  const gateway = new GrpcGateway({ engine, port: 0 });
  const { port } = await gateway.start();
  const zeebe = sdkClient(port);
  return {
    engine,
    clock,
    gateway,
    port,
    zeebe,
    fixture: (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname,
    async advance(ms) {
      clock.advance(ms);
      await engine.settle();
    },
    async close() {
      await zeebe.close();
      await gateway.close();
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
