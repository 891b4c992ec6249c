import type { Engine } from '../../index.js';
import type { ModelNameCache } from './model-names.js';
import type { ClockControl } from './pinnable-clock.js';
import { invalidField } from './problem-details.js';

/** What the endpoints share: the engine, the model name cache, the clock control if enabled. */
export interface RestContext {
  readonly engine: Engine;
  readonly names: ModelNameCache;
  /** Present only when the controlled clock is enabled. */
  readonly clock: ClockControl | undefined;
  /** Where the API listens (known once it is bound), for the topology. */
  readonly address: { host: string; port: number };
}

/** A request as an endpoint sees it: path parameters, the parsed body, the query string. */
export interface RestRequest {
  readonly params: Readonly<Record<string, string>>;
  /** The JSON body (undefined when empty), or the form data of a multipart request. */
  readonly body: unknown;
  readonly form: FormData | undefined;
  readonly query: URLSearchParams;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
}

/** An endpoint's answer: a status and a JSON body, or a text body with its content type. */
export interface RestReply {
  readonly status: number;
  readonly body?: unknown;
  readonly text?: { readonly contentType: string; readonly content: string };
}

/** One endpoint: method, path template (`/v2/user-tasks/{userTaskKey}`), body kind, handler. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  readonly path: string;
  readonly body: 'json' | 'multipart' | 'none';
  handle(request: RestRequest, context: RestContext): Promise<RestReply> | RestReply;
}

/** 200 with a JSON body. */
export const ok = (body: unknown): RestReply => ({ status: 200, body });
/** 204 without a body. */
export const noContent: RestReply = { status: 204 };

/** A key from the path, or a problem naming the parameter. */
export function pathKey(request: RestRequest, name: string): string {
  const value = request.params[name] ?? '';
  if (!/^\d{1,19}$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) <= 0)
    throw invalidField(name, `expected a key (a positive int64), got '${value}'`);
  return value;
}
