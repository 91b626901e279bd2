/**
 * The ledger feed's activity: writes one batch (events not yet sent and the case's snapshot) through an injected
 * writer, and measures the lag from the newest event to its commit. A failed write is an ordinary error, retried
 * by the workflow's retry policy without limit; the case keeps running meanwhile.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import type { LedgerBatch } from '../workflows/engine/case/ledger-snapshot';

/** Writes one batch idempotently (ledger/ledger-writer.ts over the configured database). */
export interface LedgerWriter {
  write(batch: LedgerBatch): Promise<void>;
}

export interface LedgerActivityDependencies {
  /** Absent in processes that keep no ledger (some tests, history recording): batches are acknowledged unwritten. */
  ledger?: LedgerWriter;
  /** Where the lag and failure metrics are registered. */
  metricsRegistry?: Registry;
  now?: () => number;
}

/** Builds the ledger activity over an injected writer. */
export function createLedgerActivities(deps: LedgerActivityDependencies) {
  const registers = deps.metricsRegistry === undefined ? [] : [deps.metricsRegistry];
  const lag = new Histogram({
    name: 'fullcycle_ledger_lag_seconds',
    help: 'Seconds from a case event to its commit in the ledger (per write, newest event of the batch)',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 1800],
    registers,
  });
  const failures = new Counter({
    name: 'fullcycle_ledger_write_failures_total',
    help: 'Ledger writes that failed and will be retried (database unreachable or refusing)',
    registers,
  });
  const now = deps.now ?? Date.now;
  return {
    /** Writes the batch; safe to repeat. */
    async recordCaseFacts(batch: LedgerBatch): Promise<void> {
      if (deps.ledger === undefined) return;
      try {
        await deps.ledger.write(batch);
      } catch (error) {
        failures.inc();
        throw error;
      }
      const newest = batch.events.at(-1)?.at;
      if (newest !== undefined) lag.observe(Math.max(0, now() - newest) / 1000);
    },
  };
}

export type LedgerActivities = ReturnType<typeof createLedgerActivities>;
