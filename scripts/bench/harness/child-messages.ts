/** What a bench child process tells the bench over IPC once it is up. */

/** The worker settings that matter for what a benchmark measures, as the SDK resolved them. */
export interface WorkerFacts {
  readonly taskQueue: string;
  readonly maxCachedWorkflows: number;
  readonly maxConcurrentWorkflowTaskExecutions: number;
  readonly workflowThreadPoolSize: number;
  readonly reuseV8Context: boolean;
}

export interface ChildReady {
  readonly type: 'ready';
  /** Base URL of the API, when the child serves it. */
  readonly url?: string;
  /** The worker's settings, when the child runs one. */
  readonly worker?: WorkerFacts;
}

export interface ChildStop {
  readonly type: 'stop';
}
