import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../../engine/gateway/index.js';
import { PinnableClock, startRestApi, type RestApi } from '../../../engine/gateway/rest/index.js';
import type { EngineRecord } from '../../../engine/index.js';

/** One day in milliseconds, for moving the engine's clock. */
export const DAY = 24 * 60 * 60 * 1000;

/** Answers of the engine's searches are never behind a command (docs/engine-rest.md). */
export const CONSISTENT = { consistency: { waitUpToMs: 0 } } as const;

/** The engine as the platform runs it, reached only the way workers and the portal reach it. */
export interface ProcessEngine {
  /** The running engine service (gRPC gateway in front of the engine). */
  running: EmbeddedEngine;
  rest: RestApi;
  /** The real `@camunda8/sdk` gRPC client: deploy, create, publish, workers. */
  zeebe: ReturnType<Camunda8['getZeebeGrpcApiClient']>;
  /** The SDK 8.8 REST client (Orchestration Cluster API): user tasks, searches, the clock. */
  camunda: ReturnType<Camunda8['getOrchestrationClusterApiClient']>;
  /** The engine's current time (epoch ms). */
  now(): number;
  /** Moves the engine's clock forward through `PUT /v2/clock`; due timers fire before it answers. */
  advance(ms: number): Promise<void>;
  /** Pins the engine's clock to an instant through `PUT /v2/clock`. */
  pinClock(epochMs: number): Promise<void>;
  /**
   * Resolves with the first value `probe` returns other than undefined; `probe` is asked now
   * and after every batch of records the engine commits, so nothing waits on real time. Fails
   * naming `what` when an incident is raised or nothing matched within `timeoutMs`.
   */
  until<T>(what: string, probe: () => T | undefined, timeoutMs?: number): Promise<T>;
  /** Asks the pending `until` probes again (for changes outside the engine, e.g. a worker's log). */
  recheck(): void;
  /** Every record the engine committed since start, in order. */
  readonly records: readonly EngineRecord[];
  close(): Promise<void>;
}

/**
 * Starts the embedded engine (gRPC gateway and REST API with the controlled clock) on a
 * temporary file, with the clock pinned to `start`, and the SDK's clients pointed at it as a
 * deployment configures them (`grpc://` plaintext, no authentication).
 */
export async function startProcessEngine(start: number): Promise<ProcessEngine> {
  const dir = mkdtempSync(path.join(tmpdir(), 'process-scenario-'));
  const clock = new PinnableClock();
  const running = await startEmbeddedEngine({
    file: path.join(dir, 'engine.sqlite'),
    port: 0,
    managementPort: 0,
    clock,
  });
  const rest = await startRestApi({ engine: running.engine, port: 0, controlledClock: true });
  const records: EngineRecord[] = [];
  const listeners = new Set<() => void>();
  const stopRecording = running.engine.onRecords((batch) => {
    records.push(...batch);
    for (const listener of [...listeners]) listener();
  });
  const sdk = new Camunda8({
    ZEEBE_GRPC_ADDRESS: running.grpcAddress,
    ZEEBE_REST_ADDRESS: rest.url,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  });
  const zeebe = sdk.getZeebeGrpcApiClient();
  const camunda = sdk.getOrchestrationClusterApiClient();
  camunda.configure({
    config: {
      CAMUNDA_REST_ADDRESS: `${rest.url}/v2`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      // every answer is checked against Camunda 8.8's schemas, unknown fields refused
      CAMUNDA_SDK_VALIDATION: 'req:none,res:fanatical',
      CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1,
      CAMUNDA_SDK_LOG_LEVEL: 'silent',
    } as never,
  });
  await camunda.pinClock({ timestamp: start });

  const engine: ProcessEngine = {
    running,
    rest,
    zeebe,
    camunda,
    records,
    now: () => clock.now(),
    recheck() {
      for (const listener of [...listeners]) listener();
    },
    advance: (ms) => engine.pinClock(clock.now() + ms),
    async pinClock(epochMs) {
      await camunda.pinClock({ timestamp: epochMs });
    },
    until(what, probe, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const done = (settle: () => void) => {
          listeners.delete(check);
          clearTimeout(timer);
          settle();
        };
        const check = () => {
          const incident = records.find(
            (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
          );
          if (incident) {
            const { elementId, errorMessage } = incident.value as Record<string, unknown>;
            done(() =>
              reject(
                new Error(
                  `while waiting for ${what}: incident at ${String(elementId)}: ${String(errorMessage)}`,
                ),
              ),
            );
            return;
          }
          const value = probe();
          if (value !== undefined) done(() => resolve(value));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${what} did not happen within ${timeoutMs} ms`))),
          timeoutMs,
        );
        listeners.add(check);
        check();
      });
    },
    async close() {
      stopRecording();
      await sdk.closeAllClients();
      await zeebe.close();
      await rest.close();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return engine;
}
