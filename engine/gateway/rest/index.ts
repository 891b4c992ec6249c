/**
 * The Camunda 8.8 REST API (`/v2/...`, the Orchestration Cluster API) of the embedded engine:
 * the subset the portal and `@camunda8/sdk` use for user tasks and searches (see
 * docs/engine-rest.md for what is served and what is not).
 *
 * @example
 *   const clock = controlledClock ? new PinnableClock() : systemClock;
 *   const engine = await Engine.open({ file, clock });
 *   engine.start();
 *   const rest = await startRestApi({ engine, port: 8080, controlledClock });
 *   // ZEEBE_REST_ADDRESS=http://127.0.0.1:8080 for the SDK
 *   process.once('SIGTERM', () => void rest.close().then(() => engine.close()));
 */
import { isLoopback } from '../listen-address.js';
import type { Engine, EngineLogger } from '../../index.js';
import { BearerAuth, type BearerAuthOptions } from './bearer-auth.js';
import { clockEndpoints } from './clock-endpoints.js';
import { messageEndpoints } from './message-endpoints.js';
import { ModelNameCache } from './model-names.js';
import { clockControlOf } from './pinnable-clock.js';
import { processEndpoints } from './process-endpoints.js';
import { RestApiConfigError } from './rest-api-error.js';
import { RestServer } from './rest-server.js';
import type { RestContext } from './route.js';
import { searchEndpoints } from './search-endpoints.js';
import { userTaskEndpoints } from './user-task-endpoints.js';

export { PinnableClock, type ClockControl } from './pinnable-clock.js';
export { RestApiConfigError, type RestApiConfigErrorCode } from './rest-api-error.js';
export type { BearerAuthOptions } from './bearer-auth.js';
export type { ProblemDocument, RestProblemCode } from './problem-details.js';

/** Options of startRestApi; only `engine` is required. */
export interface RestApiOptions {
  /** An open, started engine. */
  engine: Engine;
  /** @default '127.0.0.1' */
  host?: string;
  /** `ENGINE_REST_PORT`; 0 picks a free port. @default 8080 */
  port?: number;
  /**
   * Serve `PUT /v2/clock` and `POST /v2/clock/reset` (`ENGINE_CONTROLLED_CLOCK=true`). The engine
   * must have been opened with a PinnableClock (or the tests' ControlledClock). Refused with a
   * problem otherwise. @default false
   */
  controlledClock?: boolean;
  /** Bearer tokens of this issuer and audience; required to bind anything but loopback. */
  auth?: BearerAuthOptions;
  logger?: EngineLogger;
}

/** A running REST API. */
export interface RestApi {
  /** Base URL as clients configure it (`ZEEBE_REST_ADDRESS`), e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Stops accepting requests and closes every connection; the engine stays open. */
  close(): Promise<void>;
}

/** Starts the REST API in front of an engine. */
export async function startRestApi(options: RestApiOptions): Promise<RestApi> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.auth)
    throw new RestApiConfigError(
      'INSECURE_BIND',
      `Refusing to serve the REST API on ${host} without authentication: bind a loopback address or configure a bearer token issuer`,
    );
  const clock = options.controlledClock ? clockControlOf(options.engine.clock) : undefined;
  if (options.controlledClock && !clock)
    throw new RestApiConfigError(
      'CLOCK_NOT_CONTROLLABLE',
      'The controlled clock was asked for, but the engine was opened with a clock that cannot be pinned: open it with a PinnableClock',
    );
  const address = { host, port: options.port ?? 8080 };
  const context: RestContext = {
    engine: options.engine,
    names: new ModelNameCache((key) => options.engine.search.processDefinitionXml(key)),
    clock,
    address,
  };
  const server = new RestServer(
    [
      ...processEndpoints,
      ...searchEndpoints,
      ...userTaskEndpoints,
      ...messageEndpoints,
      ...clockEndpoints,
    ],
    context,
    options.auth ? new BearerAuth(options.auth) : undefined,
    options.logger,
  );
  const bound = await server.listen(host, address.port);
  address.port = bound.port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${bound.port}`,
    port: bound.port,
    close: () => server.close(),
  };
}
