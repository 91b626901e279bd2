/**
 * The benchmark's two sides stay runnable and comparable: the bench flow loads through the normal loader in the
 * 1 → 3 → 1 → 2 → 1 shape, the HTTP driver brings a case to closure through the real API and worker, the raw
 * driver brings the raw baseline to closure, and the baseline's validators refuse what Fullcycle refuses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import type { WorkflowUpdateFailedError } from '@temporalio/client';

import { startApi } from '../../../api/start-api';
import { loadConfig } from '../../../config/load-config';
import { createFullcycleHttpDriver } from '../../../scripts/bench/drivers/fullcycle-http-driver';
import type { LoadRecorder } from '../../../scripts/bench/drivers/load-runner';
import { createRawClientDriver } from '../../../scripts/bench/drivers/raw-client-driver';
import { BENCH_FLOWS_DIR, loadBenchPlan } from '../../../scripts/bench/harness/bench-plan';
import { completeTaskUpdate, rawCaseStateQuery } from '../../../scripts/bench/raw/raw-case-messages';
import { findFreePort } from '../../../scripts/temporal/dev-server';
import {
  createTestClient,
  expectWarning,
  installQuietRuntime,
  testTemporalAddress,
  uniqueTaskQueue,
  withCaseWorker,
} from '../../helpers/temporal-test-env';
import { eventually } from '../../helpers/eventually';
import { createTestLogger } from '../../api/support/test-logger';

const SECRET = 'bench-driver-secret-bench-driver-secret';

// The raw baseline's worker has workflows only, as the bench runs it.
expectWarning('No activities registered, not polling for activity tasks');

/** A recorder that keeps what it is told. */
function recorder() {
  const seen = { starts: 0, completions: 0, reads: 0, errors: [] as string[] };
  const record: LoadRecorder = {
    start: () => void (seen.starts += 1),
    completion: () => void (seen.completions += 1),
    read: () => void (seen.reads += 1),
    error: (kind) => void seen.errors.push(kind),
  };
  return { seen, record };
}

describe('benchmark drivers', () => {
  // A ledger of its own: the default (.data/ledger.sqlite) may hold a migration another branch left there.
  const ledgerFolder = mkdtempSync(path.join(tmpdir(), 'bench-drivers-'));
  afterAll(() => rmSync(ledgerFolder, { recursive: true, force: true }));

  it('plans the bench flow as 1 → 3 → 1 → 2 → 1 tasks of eight departments', async () => {
    const plan = await loadBenchPlan();
    expect(plan.levels.map((level) => level.length)).toEqual([1, 3, 1, 2, 1]);
    expect(new Set(plan.levels.flat().map((task) => task.department)).size).toBe(8);
  });

  it('drives a bench case through the HTTP API to closure: one start, a read per level, eight completions, no failure', async () => {
    const taskQueue = uniqueTaskQueue('bench-http');
    const config = loadConfig(
      {
        AUTH_JWT_SECRET: SECRET,
        FLOWS_DIR: BENCH_FLOWS_DIR,
        HTTP_PORT: String(await findFreePort()),
        TEMPORAL_TASK_QUEUE: taskQueue,
        LEDGER_FILE: path.join(ledgerFolder, 'ledger.sqlite'),
      },
      'api',
    );
    const api = await startApi(config, createTestLogger().logger, {
      connectionOptions: { address: testTemporalAddress() },
      namespace: 'default',
    });
    try {
      const driver = await createFullcycleHttpDriver({
        apiUrl: api.url,
        jwtSecret: SECRET,
        runId: taskQueue,
        plan: await loadBenchPlan(),
      });
      const { seen, record } = recorder();
      await withCaseWorker(taskQueue, () => driver.run(0, record));
      expect(seen).toEqual({ starts: 1, completions: 8, reads: 5, errors: [] });
    } finally {
      await api.close();
    }
  });

  it('drives the raw baseline to closure, and its validators refuse another department and a pending task', async () => {
    const taskQueue = uniqueTaskQueue('bench-raw');
    const { client, connection } = await createTestClient();
    installQuietRuntime();
    const workerConnection = await NativeConnection.connect({ address: testTemporalAddress() });
    try {
      const bundle = await bundleWorkflowCode({
        workflowsPath: require.resolve('../../../scripts/bench/raw/raw-case-workflow'),
        logger: new DefaultLogger('ERROR'),
      });
      const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: bundle });
      const plan = await loadBenchPlan();
      const driver = createRawClientDriver({ client, taskQueue, runId: taskQueue, plan });
      await worker.runUntil(async () => {
        const { seen, record } = recorder();
        await driver.run(0, record);
        expect(seen).toEqual({ starts: 1, completions: 8, reads: 5, errors: [] });

        await driver.open(1, record);
        const handle = client.workflow.getHandle(driver.workflowId(1));
        const [first] = plan.levels[0]!;
        const [later] = plan.levels[1]!;
        // An Update sent with the first workflow task is validated as its handler is set, before the workflow
        // has activated its first level; the drivers always read first, and so does this test.
        await eventually(async () => {
          const state = await handle.query(rawCaseStateQuery);
          return state.tasks.find((task) => task.id === first!.id)?.status === 'active';
        }, 'the first level is active');
        const refusal = (taskId: string, department: string) =>
          handle
            .executeUpdate(completeTaskUpdate, { args: [{ taskId, department, result: { done: true } }] })
            .catch((error: unknown) => (error as WorkflowUpdateFailedError).cause);
        await expect(refusal(first!.id, later!.department)).resolves.toMatchObject({
          type: 'StepNotAssignedError',
        });
        await expect(refusal(later!.id, later!.department)).resolves.toMatchObject({
          type: 'StepNotActiveError',
        });
      });
    } finally {
      await workerConnection.close();
      await connection.close();
    }
  });
});
