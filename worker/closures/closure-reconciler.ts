/**
 * Brings into the ledger the case workflows Temporal closed outside the engine (terminated, timed out, failed,
 * cancelled through Temporal): they never write their end themselves. Each pass lists, through visibility, the
 * case workflows closed that way since a watermark on CloseTime (kept in `ledger_watermarks`, less a margin for
 * visibility's eventual consistency), reads each one's close event, and writes the closure over the case's last
 * known record, or over its start when the ledger has none (ledger/closures/record-closure.ts). Only such closures are listed, never the open cases; a case
 * the ledger already shows ended costs one row read. Idempotent: passes of several workers, or one repeated, write
 * the same rows. docs/ledger.md, "Closed outside the engine".
 */
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { caseWorkflowId } from '../../workflows/messages';
import { advanceWatermark, readWatermark, recordClosure, type Ledger } from '../../ledger';
import { temporalClosureSource } from '../../closures/temporal-closure-source';
import type { ClosureMetrics } from './closure-metrics';

/** The watermark's name in `ledger_watermarks`. */
const WATERMARK = 'closure-reconciler';
/** Each pass lists again the closures of this long before its watermark: visibility may show them late. */
export const VISIBILITY_MARGIN_MS = 10 * 60_000;
/** A listing covers at most this span of CloseTime; the watermark moves after each (a long outage, resumed). */
export const WINDOW_MS = 60 * 60_000;
/** How Temporal's visibility names the statuses of a workflow closed outside the engine. */
const CLOSED_OUTSIDE = ['Terminated', 'TimedOut', 'Failed', 'Canceled'];
const WORKFLOW_ID_PREFIX = caseWorkflowId('');

export interface ClosureReconcilerDependencies {
  readonly client: Client;
  readonly ledger: Ledger;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Where it reports what it does (the worker's /metrics, worker/closures/closure-metrics.ts); none by default. */
  readonly metrics?: ClosureMetrics;
}

/** What a pass did. */
export interface ClosurePass {
  /** Case workflows listed as closed outside the engine in the pass's windows. */
  readonly listed: number;
  /** Closures written into the ledger by this pass. */
  readonly recorded: number;
}

/**
 * The visibility query of case workflows closed outside the engine with CloseTime in [from, to); `from` undefined
 * for no lower bound. Built-in attributes only (no search attribute needs registering); no ORDER BY, LIMIT or LIKE
 * (SQLite visibility has none).
 */
export function closedOutsideQuery(from: number | undefined, to: number): string {
  const statuses = CLOSED_OUTSIDE.map((status) => `'${status}'`).join(', ');
  const since = from === undefined ? '' : ` AND CloseTime >= '${new Date(from).toISOString()}'`;
  return (
    `WorkflowType = 'caseWorkflow' AND ExecutionStatus IN (${statuses})` +
    `${since} AND CloseTime < '${new Date(to).toISOString()}'`
  );
}

/**
 * The windows of CloseTime a pass lists, oldest first: from the watermark less the margin up to `now`, each at most
 * WINDOW_MS long; without a watermark (the first pass on this ledger) one window with no lower bound.
 */
export function closureWindows(
  watermark: number | undefined,
  now: number,
): { from: number | undefined; to: number }[] {
  if (watermark === undefined) return [{ from: undefined, to: now }];
  const windows: { from: number | undefined; to: number }[] = [];
  for (let from = Math.min(watermark, now) - VISIBILITY_MARGIN_MS; from < now; from += WINDOW_MS) {
    windows.push({ from, to: Math.min(from + WINDOW_MS, now) });
  }
  return windows;
}

/** Records the closures of one CloseTime window the ledger lacks (`from` undefined: all Temporal keeps). */
export async function recordClosuresIn(
  deps: Pick<ClosureReconcilerDependencies, 'client' | 'ledger' | 'logger' | 'metrics'>,
  window: { from: number | undefined; to: number },
): Promise<ClosurePass> {
  let listed = 0;
  let recorded = 0;
  const recording = { ledger: deps.ledger, logger: deps.logger, source: temporalClosureSource(deps.client) };
  for await (const execution of deps.client.workflow.list({
    query: closedOutsideQuery(window.from, window.to),
  })) {
    if (!execution.workflowId.startsWith(WORKFLOW_ID_PREFIX)) continue;
    listed += 1;
    const caseId = execution.workflowId.slice(WORKFLOW_ID_PREFIX.length);
    const closure = await recordClosure(recording, caseId);
    if (closure === undefined) continue;
    recorded += 1;
    deps.metrics?.recorded(closure.kind);
  }
  return { listed, recorded };
}

/** Lists the windows since the watermark and records each closure the ledger lacks; moves the watermark. */
export async function reconcileClosures(deps: ClosureReconcilerDependencies): Promise<ClosurePass> {
  const now = (deps.now ?? Date.now)();
  let listed = 0;
  let recorded = 0;
  const watermark = await readWatermark(deps.ledger, WATERMARK);
  if (watermark !== undefined) deps.metrics?.watermark(watermark);
  for (const window of closureWindows(watermark, now)) {
    const pass = await recordClosuresIn(deps, window);
    listed += pass.listed;
    recorded += pass.recorded;
    await advanceWatermark(deps.ledger, WATERMARK, window.to);
    deps.metrics?.watermark(window.to);
  }
  return { listed, recorded };
}

/**
 * Runs a pass now and then every `intervalMs` after the last one ended; a pass that fails (Temporal or the
 * database unreachable) is logged and the next one covers its windows again. `stop` waits for a running pass.
 */
export function startClosureReconciler(
  deps: ClosureReconcilerDependencies,
  intervalMs: number,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = async (): Promise<void> => {
    try {
      await reconcileClosures(deps);
      deps.metrics?.passed(false);
    } catch (error) {
      deps.metrics?.passed(true);
      deps.logger.warn({ err: error }, 'Closure reconciler pass failed; the next pass covers it again');
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = pass();
      }, intervalMs);
  };
  running = pass();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
