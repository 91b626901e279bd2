/**
 * Per-test access to the run's shared dev server and workflow bundle (test/setup/global-setup.ts): a client,
 * a unique task queue, and a case worker that runs for the duration of a callback.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { LazyCoreConnection } from '../../api/temporal/core-connection';
import { createCaseWorker, type CaseWorkerOptions } from '../../worker/create-case-worker';
import type { ActivityDependencies } from '../../activities';
import { eventually } from './eventually';
import { installQuietRuntime } from './quiet-runtime';

export {
  expectActivityFailures,
  expectWarning,
  installQuietRuntime,
  quietTestLogger,
  shutDownIdleRuntime,
} from './quiet-runtime';

/** A variable global-setup sets for the integration tests. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the integration tests through jest (globalSetup)`);
  return value;
}

/** The shared dev server's address. */
export function testTemporalAddress(): string {
  return requiredEnv('FULLCYCLE_TEST_TEMPORAL_ADDRESS');
}

/** A task queue no other test uses. */
export function uniqueTaskQueue(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

/** A client of the shared dev server; close its connection after the test. */
export async function createTestClient(): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: testTemporalAddress() });
  return { client: new Client({ connection, namespace: 'default' }), connection };
}

/**
 * A client of the shared dev server (or of `address`, a forwarder in front of it) over the connection the API uses
 * (Core's, opened on first use).
 */
export function createApiTestClient(address = testTemporalAddress()): {
  client: Client;
  connection: LazyCoreConnection;
} {
  installQuietRuntime();
  const connection = new LazyCoreConnection({ address });
  return { client: new Client({ connection, namespace: 'default' }), connection };
}

/**
 * Runs a case worker on `taskQueue` (with the shared bundle) while `fn` runs, then shuts it down; `options` as
 * createCaseWorker takes them (the ledger sink's resend request).
 */
/**
 * How long the API of a test waits for a Query (CASE_READ_QUERY_TIMEOUT_MS): Core's own 30 s, as before that
 * setting, because the shared test machine runs many suites at once and a first workflow task can take longer than
 * the production default of 5 s. Tests of the deadline itself set a short one.
 */
export const TEST_QUERY_TIMEOUT_MS = 30_000;

/**
 * How long the API of a test waits for an action's Update to be applied (CASE_ACTION_UPDATE_TIMEOUT_MS): far past
 * the production default of 10 s, for the same reason. Tests of the deadline itself set a short one.
 */
export const TEST_ACTION_TIMEOUT_MS = 60_000;

/** The gateway's deadlines in tests: the ones above. */
export const TEST_GATEWAY_TIMEOUTS = {
  queryTimeoutMs: TEST_QUERY_TIMEOUT_MS,
  actionTimeoutMs: TEST_ACTION_TIMEOUT_MS,
} as const;

export async function withCaseWorker<T>(
  taskQueue: string,
  fn: () => Promise<T>,
  activityDependencies: ActivityDependencies = { env: {} },
  options: Pick<CaseWorkerOptions, 'askLedgerResend' | 'workflowBundle'> = {},
): Promise<T> {
  installQuietRuntime();
  const { worker, connection } = await createCaseWorker({
    temporal: { connectionOptions: { address: testTemporalAddress() }, namespace: 'default' },
    taskQueue,
    activityDependencies,
    workflowBundle: { codePath: requiredEnv('FULLCYCLE_TEST_WORKFLOW_BUNDLE') },
    ...options,
  });
  try {
    return await worker.runUntil(fn);
  } finally {
    await connection.close();
  }
}

/** Waits until a visibility query (eventually consistent) finds a workflow. */
export async function untilListed(client: Client, query: string): Promise<void> {
  await eventually(async () => {
    for await (const _ of client.workflow.list({ query })) return true;
    return false;
  }, `no workflow listed for ${query}`);
}
