/**
 * The closure reconciler of a process that writes the ledger (`npm run worker`, `npm run dev`): cases Temporal
 * closed outside the engine (terminated, timed out, failed) reach the ledger (worker/closures/, docs/ledger.md).
 */
import { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config/load-config';
import type { TemporalConnectionSettings } from '../config/temporal-connection';
import type { Ledger } from '../ledger';
import { closureMetrics } from './closures/closure-metrics';
import { startClosureReconciler } from './closures/closure-reconciler';

/**
 * Starts it over the worker's connection, a pass every `ledgerReconcileIntervalMs` (config); `stop()` before
 * closing the connection and the ledger.
 */
export function startWorkerClosureReconciler(options: {
  connection: NativeConnection;
  temporal: Pick<TemporalConnectionSettings, 'namespace'>;
  ledger: Ledger;
  logger: Logger;
  config: Pick<Config, 'ledgerReconcileIntervalMs'>;
  /** The worker's /metrics, where the reconciler's counters and watermark lag are registered. */
  metricsRegistry: Registry;
}): { stop(): Promise<void> } {
  const { connection, temporal, ledger, logger, config, metricsRegistry } = options;
  return startClosureReconciler(
    {
      client: new Client({ connection, namespace: temporal.namespace }),
      ledger,
      logger: logger.child({ component: 'closure-reconciler' }),
      metrics: closureMetrics(metricsRegistry),
    },
    config.ledgerReconcileIntervalMs,
  );
}
