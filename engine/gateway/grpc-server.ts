import { setMaxListeners } from 'node:events';
import { Server, ServerCredentials, type ServerWritableStream } from '@grpc/grpc-js';
import type { GatewayEngine } from './gateway-engine.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { loadGatewayService } from './gateway-proto.js';
import { JobDispatcher } from './job-dispatcher.js';
import { jobRpcs } from './job-rpcs.js';
import { processRpcs } from './process-rpcs.js';
import { allowAll, bearerToken, type RpcGuard } from './rpc-call.js';
import { GatewayConfigError, isLoopback } from './listen-address.js';

/** The version the gateway and its one broker report (the Zeebe protocol it speaks). */
export const GATEWAY_VERSION = '8.8.0';

/** Options of the gRPC gateway; every field has a default fit for one machine. */
export interface GrpcGatewayOptions {
  engine: GatewayEngine;
  /** @default '127.0.0.1' (a non-loopback address needs `token` or `tls`) */
  host?: string;
  /** @default 26500 (0: any free port, see `address()` after `start()`) */
  port?: number;
  /** Required as `authorization: Bearer <token>` on every call when set. */
  token?: string;
  /** Serve TLS instead of plaintext. */
  tls?: { cert: Buffer; key: Buffer };
  /** Wait of an ActivateJobs request with requestTimeout 0 (Zeebe's `longPolling.timeout`). @default 10000 */
  defaultLongPollMs?: number;
  /** Time-out of CreateProcessInstanceWithResult with requestTimeout 0 (Zeebe's `requestTimeout`). @default 15000 */
  defaultRequestTimeoutMs?: number;
  /** Metrics to count into; a private set when absent. */
  metrics?: GatewayMetrics;
  /** Where unexpected failures (answered INTERNAL) are reported; pino fits. */
  logger?: { error(details: object, message: string): void };
  /** How long `close()` lets calls finish before cutting connections. @default 2000 */
  closeGraceMs?: number;
}

/**
 * The Zeebe gateway (`gateway_protocol.Gateway`) over gRPC in front of the embedded engine, so
 * `@camunda8/sdk`, `zeebe-node` and any other Zeebe client work against it unchanged.
 *
 * @example
 * const gateway = new GrpcGateway({ engine });
 * const { port } = await gateway.start(); // 127.0.0.1:26500, plaintext
 * // ZEEBE_GRPC_ADDRESS=grpc://127.0.0.1:26500 CAMUNDA_AUTH_STRATEGY=NONE
 * await gateway.close();
 */
export class GrpcGateway {
  readonly metrics: GatewayMetrics;
  readonly #options: GrpcGatewayOptions;
  readonly #host: string;
  #server: Server | null = null;
  #dispatcher: JobDispatcher | null = null;
  #closing = new AbortController();
  readonly #streams = new Set<ServerWritableStream<unknown, unknown>>();
  #port = 0;
  #unsubscribeRecords: (() => void) | null = null;

  constructor(options: GrpcGatewayOptions) {
    this.#options = options;
    this.#host = options.host ?? '127.0.0.1';
    if (!isLoopback(this.#host) && options.token === undefined && options.tls === undefined) {
      throw new GatewayConfigError(
        'INSECURE_BIND',
        `Refusing to serve the gateway on ${this.#host} without a token or TLS: only loopback addresses may go unprotected`,
      );
    }
    this.metrics =
      options.metrics ?? new GatewayMetrics(options.engine.jobBacklog?.bind(options.engine));
  }

  /** Binds the port and starts serving. Resolves with the address actually bound. */
  async start(): Promise<{ host: string; port: number }> {
    if (this.#server)
      throw new GatewayConfigError('ALREADY_STARTED', 'The gateway is already started');
    const { engine } = this.#options;
    this.#closing = new AbortController();
    // Every waiting create-with-result listens for the shutdown.
    setMaxListeners(0, this.#closing.signal);
    const logger = this.#options.logger;
    const dispatcher = new JobDispatcher(engine, {
      jobsActivated: (type, count, latencyMs) => this.metrics.jobsActivated(type, count, latencyMs),
      activationFailed: (type, error) =>
        logger?.error({ err: error, type }, 'job activation for waiting workers failed'),
    });
    const guard: RpcGuard = {
      authorize: this.#options.token === undefined ? allowAll : bearerToken(this.#options.token),
      onInternalError: (error) => logger?.error({ err: error }, 'gateway call failed unexpectedly'),
    };
    const server = new Server({
      // The SDK pings every 6 minutes even while idle; allow that instead of answering with GOAWAY.
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.http2.min_ping_interval_without_data_ms': 10_000,
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
    });
    server.addService(loadGatewayService(), {
      ...processRpcs({
        engine,
        guard,
        advertised: () => ({ host: this.#host, port: this.#port }),
        version: GATEWAY_VERSION,
        defaultRequestTimeoutMs: this.#options.defaultRequestTimeoutMs ?? 15_000,
        closing: this.#closing.signal,
      }),
      ...jobRpcs({
        engine,
        dispatcher,
        metrics: this.metrics,
        guard,
        defaultLongPollMs: this.#options.defaultLongPollMs ?? 10_000,
        streams: this.#streams,
      }),
    });
    const credentials = this.#options.tls
      ? ServerCredentials.createSsl(null, [
          { cert_chain: this.#options.tls.cert, private_key: this.#options.tls.key },
        ])
      : ServerCredentials.createInsecure();
    const address = this.#host.includes(':') ? `[${this.#host}]` : this.#host;
    this.#port = await new Promise<number>((resolve, reject) => {
      server.bindAsync(`${address}:${this.#options.port ?? 26500}`, credentials, (error, port) =>
        error
          ? reject(
              new GatewayConfigError(
                'BIND_FAILED',
                `Cannot serve the gateway on ${address}:${this.#options.port ?? 26500}: ${error.message}`,
                { cause: error },
              ),
            )
          : resolve(port),
      );
    });
    this.#server = server;
    this.#unsubscribeRecords =
      engine.onRecords?.((records) => this.metrics.countRecords(records)) ?? null;
    this.#dispatcher = dispatcher;
    return { host: this.#host, port: this.#port };
  }

  /** The bound address (after `start()`). */
  address(): { host: string; port: number } {
    return { host: this.#host, port: this.#port };
  }

  /** Long polls and streams waiting for jobs of a type (diagnostics, tests). */
  workersWaiting(type: string): { polls: number; streams: number } {
    return this.#dispatcher?.waiting(type) ?? { polls: 0, streams: 0 };
  }

  /**
   * Stops serving: answers waiting long polls (with no jobs), ends job streams and
   * create-with-result waits, lets running calls finish for a grace period, then releases the port.
   */
  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    this.#closing.abort();
    this.#dispatcher?.close();
    this.#dispatcher = null;
    this.#unsubscribeRecords?.();
    this.#unsubscribeRecords = null;
    for (const call of this.#streams) call.end();
    this.#streams.clear();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        server.forceShutdown();
        resolve();
      }, this.#options.closeGraceMs ?? 2000);
      server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }
}
