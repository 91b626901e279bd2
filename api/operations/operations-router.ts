/**
 * `/healthz` (process up), `/readyz` (Temporal reachable; warnings such as a calendar's published years running
 * out) and `/metrics` (Prometheus text).
 */
import { Router } from 'express';
import type { Registry } from 'prom-client';

export interface OperationsDependencies {
  /** Resolves when Temporal answers; rejects or times out otherwise. */
  checkTemporal: () => Promise<void>;
  metricsRegistry: Registry;
  /** What an operator should act on soon without the API being unready; listed by `/readyz` as `warnings`. */
  warnings?: () => string[];
}

const READINESS_TIMEOUT_MS = 2_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  // The check may settle after the timeout has answered; its late rejection must not go unhandled.
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Builds the operations router. */
export function createOperationsRouter(deps: OperationsDependencies): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    const warnings = deps.warnings?.() ?? [];
    const details = warnings.length > 0 ? { warnings } : {};
    try {
      await withTimeout(deps.checkTemporal(), READINESS_TIMEOUT_MS);
      res.json({ status: 'ready', temporal: 'reachable', ...details });
    } catch (error) {
      req.log.warn({ err: error }, 'Temporal unreachable');
      res
        .status(503)
        .set('Retry-After', '5')
        .json({ status: 'unavailable', temporal: 'unreachable', ...details });
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.type(deps.metricsRegistry.contentType).send(await deps.metricsRegistry.metrics());
  });
  return router;
}
