/**
 * Prometheus metrics of one portal instance (its own registry, so two portals in one process,
 * as in tests, do not collide): default process metrics and a request duration histogram.
 */
import type { RequestHandler } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The registry and the middleware that records every request. */
export interface PortalMetrics {
  registry: Registry;
  record: RequestHandler;
}

/** Creates the metrics; `collectDefaults` adds CPU, memory and event-loop metrics. */
export function createMetrics(collectDefaults = true): PortalMetrics {
  const registry = new Registry();
  if (collectDefaults) collectDefaultMetrics({ register: registry, prefix: 'now_portal_' });
  const duration = new Histogram({
    name: 'now_portal_http_request_duration_seconds',
    help: 'Duration of HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const record: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // The route pattern, not the URL, keeps the label set small (no ids in labels).
      const route = (req.route as { path?: string } | undefined)?.path;
      end({
        method: req.method,
        route: route ? `${req.baseUrl}${route}` : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  };
  return { registry, record };
}
