/**
 * Rate limits (express-rate-limit, in-memory store: one portal instance; several instances
 * behind a load balancer need a shared store, see docs/security.md). Per address for every
 * request, per user for authenticated API calls, and a much tighter one per address for login,
 * registration and password reset.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { RateLimitedError } from './portal-errors.js';
import type { Principal } from './principal.js';

/** A budget of `limit` requests per `windowMs`. */
export interface RateLimitBudget {
  limit: number;
  windowMs: number;
}

/** The limits; every field can be set by the composition root (and is, for load tests). */
export interface RateLimitOptions {
  /** Every request, keyed by client address. @default 600 per minute */
  perIp: RateLimitBudget;
  /** Authenticated API calls, keyed by subject. @default 300 per minute */
  perUser: RateLimitBudget;
  /** Login, registration, password reset, keyed by address. @default 10 per 5 minutes */
  login: RateLimitBudget;
}

export const defaultRateLimits: RateLimitOptions = {
  perIp: { limit: 600, windowMs: 60_000 },
  perUser: { limit: 300, windowMs: 60_000 },
  login: { limit: 10, windowMs: 5 * 60_000 },
};

/** The three limiters. */
export interface RateLimiters {
  perIp: RequestHandler;
  perUser: RequestHandler;
  login: RequestHandler;
}

const ipKey = (ip: string | undefined) => ipKeyGenerator(ip ?? 'unknown');

/** Builds the limiters; each answers 429 with a RATE_LIMITED problem and `RateLimit` headers. */
export function createRateLimiters(options: RateLimitOptions): RateLimiters {
  const common = {
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    // The key generators below do pass addresses through ipKeyGenerator (IPv6 /56 subnets);
    // the library's source heuristic cannot see that through the helper.
    validate: { keyGeneratorIpFallback: false },
    handler: (_req: unknown, _res: unknown, next: (error: unknown) => void) =>
      next(new RateLimitedError()),
  };
  return {
    perIp: rateLimit({
      ...common,
      ...options.perIp,
      identifier: 'ip',
      keyGenerator: (req) => ipKey(req.ip),
    }),
    perUser: rateLimit({
      ...common,
      ...options.perUser,
      identifier: 'user',
      keyGenerator: (req, res) => {
        const principal = res.locals.principal as Principal | undefined;
        return principal ? `sub:${principal.subject}` : `ip:${ipKey(req.ip)}`;
      },
    }),
    login: rateLimit({
      ...common,
      ...options.login,
      identifier: 'login',
      keyGenerator: (req) => ipKey(req.ip),
    }),
  };
}
