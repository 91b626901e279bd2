/**
 * How the case worker holds and runs workflows (the WORKER_* variables of README's configuration table). The
 * defaults are sized from `npm run bench -- memory restart replay` (docs/benchmarks.md, "Worker memory and
 * restart"):
 *
 * - the workflow cache holds the cases the worker keeps in memory between their tasks; a case not in it replays
 *   its history when it is next touched. Each cached case costs the worker heap, so the cache, not the number of
 *   open cases, bounds the worker's memory: about 220 MiB plus 0.5–0.6 MiB per cached case (the SDK's default
 *   grows with the machine's memory: 2,310 cases here, 2.3 GB). With 200 cached and the V8 heap capped at 256 MB
 *   (`npm run worker` starts node with `--max-old-space-size=256`), the worker stays near 370 MiB however many
 *   cases are open; without the cap V8 lets garbage from evicted cases pile up to 500+ MiB between collections;
 * - workflow tasks run one at a time on the worker's workflow thread: tasks accepted beyond what that thread can
 *   run only wait inside the worker with Temporal's task timeout running. Accepting fewer lets them wait on the
 *   server instead, so that a burst of replays after a restart does not become tasks that take seconds.
 */
import { z } from 'zod';

export const DEFAULT_MAX_CACHED_WORKFLOWS = 200;
export const DEFAULT_MAX_CONCURRENT_WORKFLOW_TASKS = 10;

export interface WorkerTuning {
  /** Cases kept in memory between their tasks (0: none, every task replays its case's history). */
  readonly maxCachedWorkflows: number;
  /** Workflow tasks the worker accepts at once. */
  readonly maxConcurrentWorkflowTaskExecutions: number;
}

/** The variables, for the config schema. */
export const WORKER_TUNING_VARIABLES = {
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(DEFAULT_MAX_CACHED_WORKFLOWS),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce
    .number()
    .int()
    .min(2)
    .default(DEFAULT_MAX_CONCURRENT_WORKFLOW_TASKS),
};

/**
 * The V8 heap a worker needs for its cache, in MiB: the workflow thread's own (about 64 MiB) plus 0.75 MiB per
 * cached case (0.5–0.6 measured, with room for the cases whose tasks are running). The workflow thread gets the
 * same heap limit as the process (`--max-old-space-size`).
 */
export function heapNeededMiB(tuning: WorkerTuning): number {
  return Math.ceil(64 + 0.75 * tuning.maxCachedWorkflows);
}

/**
 * The SDK's own limits between the two, checked at start instead of being silently corrected by the SDK; with
 * `heapLimitMiB` (a process that runs a worker), also whether the V8 heap can hold the cache: a cache larger than
 * the heap makes the worker die of "heap out of memory" under load instead of refusing to start.
 */
export function workerTuningProblems(tuning: WorkerTuning, heapLimitMiB?: number): string[] {
  const { maxCachedWorkflows: cache, maxConcurrentWorkflowTaskExecutions: tasks } = tuning;
  if (cache === 1) return ['WORKER_MAX_CACHED_WORKFLOWS: 0 (no cache) or at least 2'];
  if (cache > 0 && tasks > cache) {
    return [
      'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: at most WORKER_MAX_CACHED_WORKFLOWS (each task in progress holds its case in the cache)',
    ];
  }
  const needed = heapNeededMiB(tuning);
  if (heapLimitMiB !== undefined && heapLimitMiB < needed) {
    return [
      `WORKER_MAX_CACHED_WORKFLOWS: ${cache} cached cases need a V8 heap of at least ${needed} MiB, this process has ` +
        `${Math.floor(heapLimitMiB)} MiB; lower the cache or raise the heap (NODE_OPTIONS=--max-old-space-size=${needed})`,
    ];
  }
  return [];
}
