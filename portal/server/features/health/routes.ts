/** `/healthz`, `/readyz` and `/metrics`: public, for load balancers and Prometheus. */
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { Database } from '../../../../domain/index.js';
import type { EngineClient } from '../../engine-client/engine-client.js';
import { defineRoute, type AnyRoute } from '../../http/route-definition.js';
import { checkReadiness } from './service.js';

const outcome = z.enum(['ok', 'failed', 'not-configured']);
const readinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.object({ database: outcome, engine: outcome }),
});

/** The health routes. */
export function healthRoutes(deps: {
  db: Database;
  engine: EngineClient | undefined;
  registry: Registry;
  readinessTimeoutMs: number;
}): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      summary: 'Lebenszeichen des Prozesses',
      tags: ['Betrieb'],
      access: { public: true },
      response: z.object({ status: z.literal('ok') }),
      handle: () => ({ status: 'ok' as const }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      summary: 'Bereitschaft: Datenbank und Engine erreichbar (503 sonst)',
      tags: ['Betrieb'],
      access: { public: true },
      response: readinessSchema,
      handle: () =>
        checkReadiness({ db: deps.db, engine: deps.engine, timeoutMs: deps.readinessTimeoutMs }),
      present: (readiness) => ({
        status: readiness.ready ? 200 : 503,
        body: { status: readiness.ready ? 'ready' : 'not-ready', checks: readiness.checks },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      summary: 'Metriken im Prometheus-Textformat',
      tags: ['Betrieb'],
      access: { public: true },
      handle: async () => ({
        contentType: deps.registry.contentType,
        content: await deps.registry.metrics(),
      }),
      present: (text) => ({ text }),
    }),
  ];
}
