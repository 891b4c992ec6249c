/**
 * The embedded engine as a service: the engine on its SQLite file, the Zeebe gRPC gateway in
 * front of it and the management port beside it. `bin/` calls this for `now engine`.
 *
 * @example
 * const running = await startEmbeddedEngine({ file: 'var/engine.sqlite' });
 * // ZEEBE_GRPC_ADDRESS=grpc://127.0.0.1:26500 CAMUNDA_AUTH_STRATEGY=NONE
 * process.once('SIGTERM', () => void running.close());
 */
import { Engine, type Clock, type EngineLogger } from '../index.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { GrpcGateway } from './grpc-server.js';
import { ManagementServer } from './management-server.js';

export { GrpcGateway, GATEWAY_VERSION, type GrpcGatewayOptions } from './grpc-server.js';
export { ManagementServer, type ManagementServerOptions } from './management-server.js';
export { GatewayMetrics } from './gateway-metrics.js';
export { GatewayConfigError, type GatewayConfigErrorCode } from './listen-address.js';
export type { GatewayEngine } from './gateway-engine.js';

/** Options of `startEmbeddedEngine`; only `file` is required. */
export interface EmbeddedEngineOptions {
  /** The engine's SQLite file (created if missing). */
  file: string;
  /** Address of the gRPC gateway and the management port. @default '127.0.0.1' */
  host?: string;
  /** gRPC gateway port (`ENGINE_PORT`). @default 26500 */
  port?: number;
  /** Management port (`MANAGEMENT_PORT`): /health, /ready, /metrics. @default 9600 */
  managementPort?: number;
  /** @default the system clock */
  clock?: Clock;
  logger?: EngineLogger;
  /** Bearer token required on every gRPC call (needed to bind a non-loopback host without TLS). */
  token?: string;
  /** Serve gRPC over TLS. */
  tls?: { cert: Buffer; key: Buffer };
}

/** A running embedded engine. */
export interface EmbeddedEngine {
  engine: Engine;
  gateway: GrpcGateway;
  management: ManagementServer;
  /** The gRPC address as clients configure it, e.g. `grpc://127.0.0.1:26500`. */
  grpcAddress: string;
  /** The management base URL, e.g. `http://127.0.0.1:9600`. */
  managementUrl: string;
  /**
   * Shuts down in order: the gateway answers waiting long polls and ends job streams, the
   * management port closes, then the engine finishes queued commands and closes its database.
   */
  close(): Promise<void>;
}

/** Opens the engine and starts the gateway and the management port. */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const host = options.host ?? '127.0.0.1';
  const engine = await Engine.open({
    file: options.file,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  let accepting = false;
  const metrics = new GatewayMetrics(() => engine.jobBacklog());
  const gateway = new GrpcGateway({
    engine,
    host,
    port: options.port ?? 26500,
    metrics,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const management = new ManagementServer({
    registry: metrics.registry,
    ready: () => accepting,
    host,
    port: options.managementPort ?? 9600,
  });
  try {
    engine.start();
    const grpc = await gateway.start();
    const manage = await management.start();
    accepting = true;
    const hostInUrl = host.includes(':') ? `[${host}]` : host;
    return {
      engine,
      gateway,
      management,
      grpcAddress: `${options.tls ? 'grpcs' : 'grpc'}://${hostInUrl}:${grpc.port}`,
      managementUrl: `http://${hostInUrl}:${manage.port}`,
      async close() {
        accepting = false;
        await gateway.close();
        await management.close();
        await engine.close();
      },
    };
  } catch (error) {
    await gateway.close();
    await management.close();
    await engine.close();
    throw error;
  }
}
