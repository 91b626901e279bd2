/** Builds the worker that runs case workflows and their activities on one task queue. */
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { ActivityDependencies } from '../activities';
import type { TemporalConnectionSettings } from '../config/temporal-connection';
import type { WorkerTuning } from '../config/worker-tuning';
import { caseWorkerImplementations } from './case-worker-implementations';
import type { LedgerSinkDependencies } from './ledger-sink';
import { caseWorkflowBundleOptions } from './case-workflow-bundle';

export interface CaseWorkerOptions {
  temporal: TemporalConnectionSettings;
  taskQueue: string;
  activityDependencies: ActivityDependencies;
  /** A prebuilt bundle (tests build one for the whole run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** The workflow cache and concurrent workflow tasks (config's `workerTuning`); the SDK's defaults without. */
  tuning?: WorkerTuning;
  /** Replaces the ledger sink's resend request (a signal through this worker's connection); tests only. */
  askLedgerResend?: LedgerSinkDependencies['askResend'];
  /** How a process's worker stops (WORKER_PROCESS_SHUTDOWN); the SDK's defaults without (tests stop at once). */
  shutdown?: Pick<WorkerOptions, 'shutdownGraceTime' | 'shutdownForceTime'>;
}

/**
 * How the worker of `npm run worker` and `npm run dev` stops on SIGINT/SIGTERM: it polls no more, finishes the
 * workflow tasks in flight, and lets the activities in flight finish for up to 10 s (a department call gives up
 * after 10 s itself) instead of cancelling them at once, which would send the call again on the next worker. Past
 * 25 s (within the 30 s an orchestrator waits by default) it gives up: `run()` throws and the process exits 1.
 */
export const WORKER_PROCESS_SHUTDOWN = {
  shutdownGraceTime: '10 s',
  shutdownForceTime: '25 s',
} as const satisfies CaseWorkerOptions['shutdown'];

export interface CaseWorker {
  worker: Worker;
  connection: NativeConnection;
}

/** Connects to Temporal and creates (but does not run) the case worker. */
export async function createCaseWorker(options: CaseWorkerOptions): Promise<CaseWorker> {
  const connection = await NativeConnection.connect(options.temporal.connectionOptions);
  const { workflowsPath, preloadModules } = caseWorkflowBundleOptions();
  const namespace = options.temporal.namespace;
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: options.taskQueue,
    ...caseWorkerImplementations(
      options.activityDependencies,
      { connection, namespace },
      options.askLedgerResend,
    ),
    ...options.tuning,
    ...options.shutdown,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath, bundlerOptions: { preloadModules } }),
  });
  return { worker, connection };
}
