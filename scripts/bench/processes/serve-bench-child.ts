/**
 * The child side of the bench's process protocol: start, tell the bench `ready` over IPC, stop cleanly when it
 * asks (so that `--cpu-prof` profiles are written), and exit if the bench itself goes away.
 */
import type { Worker } from '@temporalio/worker';
import type { ChildReady, ChildStop, WorkerFacts } from '../harness/child-messages';

export interface RunningChild {
  readonly ready: Omit<ChildReady, 'type'>;
  stop(): Promise<void>;
}

/** The workflow task slots of a worker with fixed-size slots (the only kind Fullcycle and the raw worker use). */
function workflowTaskSlots(worker: Worker): number {
  const slots = worker.options.tuner.workflowTaskSlotSupplier;
  return slots.type === 'fixed-size' ? slots.numSlots : NaN;
}

/** The worker settings the SDK resolved, for the report. */
export function workerFacts(worker: Worker): WorkerFacts {
  return {
    taskQueue: worker.options.taskQueue,
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: workflowTaskSlots(worker),
    workflowThreadPoolSize: worker.options.workflowThreadPoolSize,
    reuseV8Context: worker.options.reuseV8Context,
  };
}

/** Runs `start`, then serves the protocol until asked to stop. */
export function serveBenchChild(start: () => Promise<RunningChild>): void {
  const fail = (error: unknown): never => {
    console.error(error);
    process.exit(1);
  };
  start().then((running) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      running.stop().then(() => process.exit(0), fail);
    };
    process.on('message', (message: ChildStop) => {
      if (message.type === 'stop') stop();
    });
    process.once('disconnect', stop);
    process.send?.({ type: 'ready', ...running.ready } satisfies ChildReady);
  }, fail);
}
