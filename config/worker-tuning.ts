/**
 * How the case worker holds and runs workflows (the WORKER_* variables of README's configuration table). The
 * defaults are sized from `npm run bench -- memory restart replay` (docs/benchmarks.md, "Worker memory and
 * restart"):
 *
 * - the workflow cache holds the cases the worker keeps in memory between their tasks; a case not in it replays
 *   its history when it is next touched. Each cached case costs the worker heap, so the cache, not the number of
 *   open cases, bounds the worker's memory: about 165 MiB plus 0.3–0.4 MiB per cached case (the SDK's default
 *   grows with the machine's memory: 2,310 cases here, 2.3 GB);
 * - workflow tasks run one at a time on the worker's workflow thread: tasks accepted beyond what that thread can
 *   run only wait inside the worker with Temporal's task timeout running. Accepting fewer lets them wait on the
 *   server instead, so that a burst of replays after a restart does not become tasks that take seconds.
 */
import { z } from 'zod';

export const DEFAULT_MAX_CACHED_WORKFLOWS = 300;
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

/** The SDK's own limits between the two, checked at start instead of being silently corrected by the SDK. */
export function workerTuningProblems(tuning: WorkerTuning): string[] {
  const { maxCachedWorkflows: cache, maxConcurrentWorkflowTaskExecutions: tasks } = tuning;
  if (cache === 1) return ['WORKER_MAX_CACHED_WORKFLOWS: 0 (no cache) or at least 2'];
  if (cache > 0 && tasks > cache) {
    return [
      'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: at most WORKER_MAX_CACHED_WORKFLOWS (each task in progress holds its case in the cache)',
    ];
  }
  return [];
}
