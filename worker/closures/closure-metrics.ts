/**
 * The closure reconciler's Prometheus metrics, on the worker's `GET /metrics` (docs/ledger.md, "Closed outside the
 * engine"): closures recorded by kind, passes and failed passes, and how far its watermark is behind now.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ClosureKind } from '../../ledger';

/** What a reconciler reports as it runs. */
export interface ClosureMetrics {
  /** A closure its pass wrote into the ledger. */
  recorded(kind: ClosureKind): void;
  /** A pass ended; `failed` when it threw (the next one covers its windows again). */
  passed(failed: boolean): void;
  /** The watermark stands at `at` (epoch ms): read at a pass's start, moved after each window. */
  watermark(at: number): void;
}

/** The metrics, registered in `registry`; `now` is the clock the lag is measured on (epoch ms). */
export function closureMetrics(registry: Registry, now: () => number = Date.now): ClosureMetrics {
  const registers = [registry];
  const recorded = new Counter({
    name: 'fullcycle_ledger_closures_recorded_total',
    help: 'Case workflows closed outside the engine (terminated, timed out, failed, cancelled) whose closure the reconciler recorded in the ledger, by kind',
    labelNames: ['kind'],
    registers,
  });
  const passes = new Counter({
    name: 'fullcycle_ledger_closure_passes_total',
    help: 'Passes of the closure reconciler, failed ones included',
    registers,
  });
  const failures = new Counter({
    name: 'fullcycle_ledger_closure_pass_failures_total',
    help: 'Passes of the closure reconciler that failed (Temporal or the database unreachable); the next pass covers their windows again',
    registers,
  });
  let watermark: number | undefined;
  new Gauge({
    name: 'fullcycle_ledger_closure_watermark_lag_seconds',
    help: "Seconds between now and the closure reconciler's watermark (the CloseTime it has listed up to); 0 until a pass has read it",
    registers,
    collect() {
      if (watermark !== undefined) this.set(Math.max(0, (now() - watermark) / 1000));
    },
  });
  return {
    recorded: (kind) => recorded.inc({ kind }),
    passed(failed) {
      passes.inc();
      if (failed) failures.inc();
    },
    watermark(at) {
      watermark = Math.max(watermark ?? at, at);
    },
  };
}
