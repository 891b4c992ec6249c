import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import { startEmbeddedEngine, type EmbeddedEngine } from '../engine/gateway/index.js';
import { PinnableClock, startRestApi, type RestApi } from '../engine/gateway/rest/index.js';

/** Where and how to run the embedded engine; flags have already overridden the environment. */
export interface EngineSettings {
  file: string;
  host: string;
  port: number;
  restPort: number;
  managementPort: number;
  controlledClock: boolean;
}

/** The embedded engine with its gRPC gateway, management port and REST API. */
export interface RunningEngine {
  grpcAddress: string;
  restAddress: string;
  managementUrl: string;
  close(): Promise<void>;
}

/** Starts the embedded engine service; `close()` stops the REST API, then the rest in order. */
export async function runEmbeddedEngine(
  settings: EngineSettings,
  logger: Logger,
): Promise<RunningEngine> {
  mkdirSync(path.dirname(settings.file), { recursive: true });
  const engineLogger = {
    error: (details: object, message: string) => logger.error(details, message),
  };
  const embedded: EmbeddedEngine = await startEmbeddedEngine({
    file: settings.file,
    host: settings.host,
    port: settings.port,
    managementPort: settings.managementPort,
    logger: engineLogger,
    ...(settings.controlledClock ? { clock: new PinnableClock() } : {}),
  });
  let rest: RestApi;
  try {
    rest = await startRestApi({
      engine: embedded.engine,
      host: settings.host,
      port: settings.restPort,
      controlledClock: settings.controlledClock,
      logger: engineLogger,
    });
  } catch (error) {
    await embedded.close();
    throw error;
  }
  return {
    grpcAddress: embedded.grpcAddress,
    restAddress: rest.url,
    managementUrl: embedded.managementUrl,
    async close() {
      await rest.close();
      await embedded.close();
    },
  };
}

/**
 * Resolves when the process is asked to stop (SIGTERM or SIGINT). The listeners stay installed:
 * libraries that use `signal-exit` re-raise a signal when theirs is the only listener left, which
 * would kill the process in the middle of its clean shutdown. A second signal while stopping
 * ends the process at once.
 */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
