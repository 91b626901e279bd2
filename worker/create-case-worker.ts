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
}

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
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath, bundlerOptions: { preloadModules } }),
  });
  return { worker, connection };
}
