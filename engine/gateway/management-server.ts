import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { GatewayConfigError } from './listen-address.js';

/** Options of the management server. */
export interface ManagementServerOptions {
  /** The registry served at `/metrics`. */
  registry: Registry;
  /** True while the engine accepts commands; `/ready` answers 503 otherwise. */
  ready: () => boolean;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 9600 (0: any free port) */
  port?: number;
}

/**
 * The engine's management port (`MANAGEMENT_PORT`, default 9600), as Zeebe has one:
 * `/health` (the process is up), `/ready` (the engine accepts commands) and `/metrics`
 * (Prometheus text format). Read-only, so plain `node:http` is enough.
 *
 * @example
 * const management = new ManagementServer({ registry: gateway.metrics.registry, ready: () => true });
 * await management.start(); // curl 127.0.0.1:9600/metrics
 */
export class ManagementServer {
  readonly #options: ManagementServerOptions;
  #server: Server | null = null;

  constructor(options: ManagementServerOptions) {
    this.#options = options;
  }

  /** Binds the port; resolves with the address bound. */
  async start(): Promise<{ host: string; port: number }> {
    const host = this.#options.host ?? '127.0.0.1';
    const port = this.#options.port ?? 9600;
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      const json = (code: number, body: unknown): void => {
        response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        json(405, { status: 'METHOD_NOT_ALLOWED' });
      } else if (path === '/health') {
        json(200, { status: 'UP' });
      } else if (path === '/ready') {
        const ready = this.#options.ready();
        json(ready ? 200 : 503, { status: ready ? 'UP' : 'DOWN' });
      } else if (path === '/metrics') {
        const { registry } = this.#options;
        registry.metrics().then(
          (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
          (error: unknown) => json(500, { status: 'ERROR', message: String(error) }),
        );
      } else {
        json(404, { status: 'NOT_FOUND', paths: ['/health', '/ready', '/metrics'] });
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) =>
        reject(
          new GatewayConfigError(
            'BIND_FAILED',
            `Cannot serve the management port on ${host}:${port}: ${error.message}`,
            { cause: error },
          ),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.#server = server;
    return { host, port: (server.address() as AddressInfo).port };
  }

  /** Stops serving and releases the port. */
  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
