/**
 * The time-skipping test server (installed once by global-setup) with a case worker on the run's workflow
 * bundle: long durable timers fire in seconds.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ActivityDependencies } from '../../activities';
import { registerSearchAttributes } from '../../scripts/temporal/prepare-namespace';
import { caseWorkerImplementations } from '../../worker/case-worker-implementations';
import { installQuietRuntime } from './quiet-runtime';
import { requiredEnv } from './temporal-test-env';

/** Starts a time-skipping server with the case search attributes; stop it with `env.teardown()`. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requiredEnv('TEMPORAL_TEST_SERVER_PATH') } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** A case worker on the time-skipping server's connection. */
export function createTimeSkippingWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  activityDependencies: ActivityDependencies = { env: {} },
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...caseWorkerImplementations(activityDependencies, {
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
    }),
    workflowBundle: { codePath: requiredEnv('FULLCYCLE_TEST_WORKFLOW_BUNDLE') },
  });
}
