import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { Engine, systemClock } from '../../../index.js';
import { PinnableClock, startRestApi, type RestApi, type RestApiOptions } from '../index.js';

/** The REST API on a free loopback port, in front of a real engine on a temporary file. */
export interface RestHarness {
  engine: Engine;
  clock: PinnableClock | undefined;
  api: RestApi;
  /** The SDK 8.8 Orchestration Cluster API client, pointed at the API as users configure it. */
  camunda: ReturnType<Camunda8['getOrchestrationClusterApiClient']>;
  /** A fixture beside this folder's tests as the `File` the SDK uploads. */
  fixture(name: string): File;
  close(): Promise<void>;
}

/**
 * Starts an engine and the REST API for one test. The SDK validates every response against
 * Camunda 8.8's schemas and refuses unknown fields (`fanatical`), so a shape that differs from
 * Camunda's fails the test. Request validation stays off: the SDK's request schema parses
 * `page` as offset paging first and drops `after`/`before`, so cursor paging would never leave
 * the client with it on.
 */
export async function startRestHarness(
  options: { controlledClock?: boolean } & Partial<RestApiOptions> = {},
): Promise<RestHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-rest-'));
  const clock = options.controlledClock ? new PinnableClock() : undefined;
  const engine = await Engine.open({
    file: path.join(dir, 'engine.sqlite'),
    clock: clock ?? systemClock,
    durability: 'normal',
  });
  engine.start();
  const api = await startRestApi({ port: 0, ...options, engine });
  const sdk = new Camunda8({
    ZEEBE_REST_ADDRESS: api.url,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
  });
  const camunda = sdk.getOrchestrationClusterApiClient();
  camunda.configure({
    config: {
      CAMUNDA_REST_ADDRESS: `${api.url}/v2`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_SDK_VALIDATION: 'req:none,res:fanatical',
      CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1,
      CAMUNDA_SDK_LOG_LEVEL: 'silent',
    } as never,
  });
  return {
    engine,
    clock,
    api,
    camunda,
    fixture(name) {
      const file = new URL(`../fixtures/${name}`, import.meta.url);
      return new File([readFileSync(file)], name, { type: 'application/xml' });
    },
    async close() {
      await sdk.closeAllClients();
      await api.close();
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
