/**
 * Runs cases through a driver, a fixed number at a time (each lane starts its next case when one closes), and
 * collects what the report needs: completions and their latency, failed attempts by kind, cases that failed.
 */
import { performance } from 'node:perf_hooks';

/** What a driver tells the runner while it drives a case. */
export interface LoadRecorder {
  /** One case started (`POST /v1/cases`, or the client's start), `ms` from its first attempt to its answer. */
  start(ms: number): void;
  /** One department task completed, `ms` from its first attempt to its answer (retries included). */
  completion(ms: number): void;
  /** One read of the case between levels (`GET /v1/cases/{id}`, or the Query), retries included. */
  read(ms: number): void;
  /** One attempt that failed, by HTTP status (`429`) or error type. */
  error(kind: string): void;
}

/** Drives one kind of case. */
export interface CaseDriver {
  /** Drives case number `index` from start to closure; throws when it cannot. */
  run(index: number, record: LoadRecorder): Promise<void>;
  /** Starts case number `index` and leaves it open, its first level waiting. */
  open(index: number, record: LoadRecorder): Promise<void>;
  /** Waits until the open case number `index` has run its first workflow task (an untimed read of it). */
  started(index: number, record: LoadRecorder): Promise<void>;
  /** Completes the first level of the open case number `index`. */
  completeFirstLevel(index: number, record: LoadRecorder): Promise<void>;
  /** The workflow id of case number `index`. */
  workflowId(index: number): string;
}

/** Which of a driver's operations a load runs on each case. */
export type LoadStep = (driver: CaseDriver, index: number, record: LoadRecorder) => Promise<void>;

export const RUN_TO_CLOSURE: LoadStep = (driver, index, record) => driver.run(index, record);

export interface LoadResult {
  readonly cases: number;
  readonly concurrency: number;
  /** Cases the step succeeded on (for whole cases: that reached closure). */
  readonly closed: number;
  readonly tasks: number;
  readonly wallSeconds: number;
  /** Completion latencies, sorted ascending. */
  readonly completionMs: readonly number[];
  /** Latencies of the reads between levels, sorted ascending. */
  readonly readMs: readonly number[];
  /** Latencies of the case starts, sorted ascending. */
  readonly startMs: readonly number[];
  readonly errors: Readonly<Record<string, number>>;
  /** The first few reasons cases failed. */
  readonly failures: readonly string[];
}

export interface LoadOptions {
  readonly cases: number;
  readonly concurrency: number;
  /** The case numbers to drive, `cases` of them (default 0, 1, 2, …). */
  readonly caseIndex?: (nth: number) => number;
  /** Called after every completion with the number so far (e.g. to restart the worker halfway). */
  readonly onCompletion?: (completed: number) => void;
  /** Called after every case, closed or failed, with the number so far. */
  readonly onCase?: (done: number) => void;
}

const KEPT_FAILURES = 5;

/** Runs `step` (by default the whole case) on `cases` cases, `concurrency` at a time. */
export async function runLoad(
  driver: CaseDriver,
  options: LoadOptions,
  step: LoadStep = RUN_TO_CLOSURE,
): Promise<LoadResult> {
  const completionMs: number[] = [];
  const readMs: number[] = [];
  const startMs: number[] = [];
  const errors: Record<string, number> = {};
  const failures: string[] = [];
  let closed = 0;
  let done = 0;
  const record: LoadRecorder = {
    start(ms) {
      startMs.push(ms);
    },
    completion(ms) {
      completionMs.push(ms);
      options.onCompletion?.(completionMs.length);
    },
    read(ms) {
      readMs.push(ms);
    },
    error(kind) {
      errors[kind] = (errors[kind] ?? 0) + 1;
    },
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < options.cases) {
      const nth = next++;
      try {
        await step(driver, options.caseIndex?.(nth) ?? nth, record);
        closed += 1;
      } catch (error) {
        if (failures.length < KEPT_FAILURES)
          failures.push(error instanceof Error ? error.message : String(error));
      }
      options.onCase?.(++done);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.cases) }, lane));
  return {
    cases: options.cases,
    concurrency: options.concurrency,
    closed,
    tasks: completionMs.length,
    wallSeconds: (performance.now() - started) / 1000,
    completionMs: completionMs.sort((a, b) => a - b),
    readMs: readMs.sort((a, b) => a - b),
    startMs: startMs.sort((a, b) => a - b),
    errors,
    failures,
  };
}
