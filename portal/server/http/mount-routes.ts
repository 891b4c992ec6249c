/**
 * Turns route definitions into Express handlers. Every route runs the same pipeline:
 * rate limit (login routes) -> authenticate -> same-origin check (cookie sessions, unsafe
 * methods) -> per-user rate limit -> validate -> authorise (role, then ownership) -> service ->
 * presenter. Services get plain validated values, never `req`.
 */
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import {
  ForbiddenError,
  NotAuthenticatedError,
  RequestInvalidError,
  type FieldProblem,
} from './portal-errors.js';
import type { Principal } from './principal.js';
import type { AnyRoute, Presented } from './route-definition.js';

/** What the pipeline needs from the rest of the portal. */
export interface RoutePipelineDeps {
  /** The caller from the session cookie or bearer token, or undefined. */
  resolvePrincipal(req: Request): Promise<Principal | undefined>;
  /** Throws CrossOriginRequestError unless the request comes from the portal's own origin. */
  checkSameOrigin(req: Request): void;
  /** Limiter for every authenticated call, keyed by user. */
  userRateLimit: RequestHandler;
  /** The tight limiter for login-like routes, keyed by address. */
  loginRateLimit: RequestHandler;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Mounts every route on `router`. */
export function mountRoutes(router: Router, routes: AnyRoute[], deps: RoutePipelineDeps): void {
  for (const route of routes) {
    const handlers: RequestHandler[] = [];
    if (route.rateLimit === 'login') handlers.push(deps.loginRateLimit);
    handlers.push(async (req, res) => {
      const principal = await deps.resolvePrincipal(req);
      res.locals.principal = principal;
      if (!('public' in route.access) && !principal) throw new NotAuthenticatedError();
      if (principal?.via === 'session' && unsafeMethods.has(req.method)) deps.checkSameOrigin(req);
      return 'next';
    });
    handlers.push(deps.userRateLimit);
    handlers.push(async (req, res) => {
      const principal = res.locals.principal as Principal | undefined;
      const input = {
        principal,
        params: parse(route.params, req.params, '/params'),
        query: parse(route.query, req.query, '/query'),
        body: parse(route.body, req.body, '/body'),
        requestId: String(req.id ?? randomUUID()),
      };
      if ('roles' in route.access && route.access.roles !== 'any') {
        const allowed = route.access.roles;
        if (!principal?.roles.some((role) => allowed.includes(role))) throw new ForbiddenError();
      }
      if (route.authorise) await route.authorise(input);
      const result = await route.handle(input);
      const presented: Presented = route.present ? route.present(result) : { body: result };
      if (presented.stream) {
        for (const [name, value] of Object.entries(presented.headers ?? {}))
          res.setHeader(name, value);
        res
          .status(presented.status ?? route.successStatus ?? 200)
          .type(presented.stream.contentType);
        await presented.stream.write(res);
        if (!res.writableEnded) res.end();
        return undefined;
      }
      send(res, presented, route.successStatus);
      return undefined;
    });
    router[route.method](route.path, ...handlers.map(asMiddleware));
  }
}

/** Async handlers that resolve to 'next' continue the chain; thrown errors reach the error handler. */
function asMiddleware(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    Promise.resolve(handler(req, res, next)).then(
      (outcome) => {
        if (outcome === 'next') next();
      },
      (error: unknown) => next(error),
    );
  };
}

/**
 * zod's German messages for every request check without a message of its own. Per parse, not
 * through `z.config`, which would change the messages of every zod user in the process (the
 * engine's REST API answers in English like Camunda's).
 */
const germanMessages = z.locales.de().localeError;

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {}, { error: germanMessages });
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => ({
    path: `${where}${issue.path.map((segment) => `/${String(segment)}`).join('')}`,
    message: issue.message,
  }));
  throw new RequestInvalidError(problems);
}

function send(res: Response, presented: Presented, defaultStatus = 200): void {
  for (const [name, value] of Object.entries(presented.headers ?? {})) res.setHeader(name, value);
  const status = presented.status ?? defaultStatus;
  if (presented.text)
    res.status(status).type(presented.text.contentType).send(presented.text.content);
  else if (presented.body === undefined || status === 204) res.status(status).end();
  else res.status(status).json(presented.body);
}
