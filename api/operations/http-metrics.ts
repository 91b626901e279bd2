/** Prometheus metrics of the API: process defaults plus an HTTP request duration histogram. */
import type { RequestHandler } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface HttpMetrics {
  registry: Registry;
  /** Records each request's duration, labelled by method, matched route and status. */
  middleware: RequestHandler;
  /**
   * Counts a request Node's HTTP parser refused (it never reached Express): method `unknown`, route `unmatched`,
   * its status, and no duration (it is answered as soon as the parser fails; when it began is not known).
   */
  refused(status: number): void;
}

/** The route label of a request no route matched (a 404, a problem before routing, one the parser refused). */
const UNMATCHED = 'unmatched';

/** A fresh registry per app, so tests and several apps in one process do not collide. */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // The matched route pattern keeps label cardinality bounded (no case ids in labels).
      const matched = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof matched === 'string' ? `${req.baseUrl}${matched}` : UNMATCHED;
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  const refused = (status: number): void =>
    duration.observe({ method: 'unknown', route: UNMATCHED, status: String(status) }, 0);
  return { registry, middleware, refused };
}
