/**
 * A route as data: method, path, access rule, request schemas (zod), authorisation, service call
 * and presenter. The same definition builds the Express pipeline (`mount-routes.ts`) and the
 * OpenAPI description (`openapi-document.ts`), so no route can be missing from the description.
 *
 * @example
 *   export const getMe = defineRoute({
 *     method: 'get', path: '/api/me', summary: 'Wer bin ich', tags: ['identity'],
 *     access: { roles: 'any' },
 *     response: meSchema,
 *     handle: ({ principal }) => meService.describe(principal),
 *     present: presentMe,
 *   });
 */
import type { z } from 'zod';
import type { Principal, RealmRole } from './principal.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call a route at all; ownership is checked by `authorise`. */
export type RouteAccess = { public: true } | { roles: readonly RealmRole[] | 'any' };

/** What a service receives: validated values, never `req`. */
export interface RouteInput<P, Q, B, Auth extends boolean> {
  principal: Auth extends true ? Principal : Principal | undefined;
  params: P;
  query: Q;
  body: B;
  /** Id of the request, for logs and the audit trail. */
  requestId: string;
}

/** What a presenter returns: a status (default 200) and a JSON body (none for 204). */
export interface Presented {
  status?: number;
  body?: unknown;
  /** A text body (e.g. Prometheus metrics) instead of JSON, with its content type. */
  text?: { contentType: string; content: string };
  /**
   * A streamed body (an export too large to build in memory): `write` writes it to `out` and
   * resolves when done; the pipeline ends the response.
   */
  stream?: { contentType: string; write(out: NodeJS.WritableStream): Promise<void> };
  headers?: Record<string, string>;
}

type AnySchema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The definition of one API route. */
export interface RouteDefinition<
  PS extends AnySchema | undefined = AnySchema | undefined,
  QS extends AnySchema | undefined = AnySchema | undefined,
  BS extends AnySchema | undefined = AnySchema | undefined,
  R = unknown,
> {
  method: HttpMethod;
  /** Express path with `:name` parameters, e.g. `/api/cases/:caseId`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: RouteAccess;
  params?: PS;
  query?: QS;
  body?: BS;
  /**
   * The body is `multipart/form-data` with one file in this field (parsed before the pipeline);
   * the description shows it as such instead of as JSON.
   */
  multipartFile?: string;
  /** Schema of the success body, for the description. */
  response?: AnySchema;
  /** Success status. @default 200 */
  successStatus?: number;
  /** Rate-limit class. `login` is the tight one. @default 'api' */
  rateLimit?: 'api' | 'login';
  /** Ownership and finer role rules; throws NotFoundError / ForbiddenError. */
  authorise?: (input: RouteInput<Out<PS>, Out<QS>, Out<BS>, boolean>) => Promise<void> | void;
  handle: (input: RouteInput<Out<PS>, Out<QS>, Out<BS>, boolean>) => Promise<R> | R;
  present?: (result: R) => Presented;
}

/** Identity function that infers the types of a route definition. */
export function defineRoute<
  PS extends AnySchema | undefined = undefined,
  QS extends AnySchema | undefined = undefined,
  BS extends AnySchema | undefined = undefined,
  R = unknown,
>(definition: RouteDefinition<PS, QS, BS, R>): RouteDefinition<PS, QS, BS, R> {
  return definition;
}

/** A route of any shape, as lists hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any, any>;
