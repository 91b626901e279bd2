/**
 * The production processes stop on SIGTERM as a container orchestrator or systemd expects: the API stops taking
 * connections, answers the request in flight (a client that keeps its connection alive does not hold it open) and
 * exits 0; the worker finishes what it has in flight and exits 0, and a case in the middle of a department call is
 * neither lost nor doubled: a worker started afterwards finishes it, with the call made once.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import pino from 'pino';
import { caseWorkflowId } from '../../workflows/messages';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import { uniqueCaseId } from '../helpers/case-fixtures';
import { eventually } from '../helpers/eventually';
import { freePort } from '../helpers/temporal-forwarder';
import { spawnEntryPoint, type SpawnedProcess } from '../helpers/spawned-process';
import {
  createTestClient,
  testTemporalAddress,
  uniqueTaskQueue,
  withCaseWorker,
} from '../helpers/temporal-test-env';
import {
  bearer,
  departmentUser,
  HttpCaseDriver,
  INTAKE,
  isOpenTask,
  SECRET,
  startHttpHarness,
  startReferenceCase,
  stepIn,
  terminateCases,
  timelineOf,
  type HttpHarness,
} from '../api/support/http-case-harness';
import type { Flow } from '../../workflows/engine/flow-model';

/** Long enough for a process to drain and close on a loaded machine; it never ended before the fix. */
const GIVE_UP_MS = 40_000;

let dataDir: string;
const ledgerFile = () => path.join(dataDir, 'ledger.sqlite');
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fullcycle-signals-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** One HTTP exchange over `agent`. */
function call(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        agent,
        method: options.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || 'null') }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

describe('npm run api, on SIGTERM', () => {
  let api: SpawnedProcess | undefined;
  let temporalClient: { client: Client; connection: Connection };
  const caseId = uniqueCaseId('SIGTERM-API');

  beforeAll(async () => {
    temporalClient = await createTestClient();
  });
  afterAll(async () => {
    api?.child.kill('SIGKILL');
    await terminateCases(temporalClient.client, [caseId]);
    await temporalClient.connection.close();
  });

  it('answers the request in flight, closes a kept-alive connection still in use, and exits 0', async () => {
    const port = await freePort();
    api = spawnEntryPoint('api/server.ts', {
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      AUTH_JWT_SECRET: SECRET,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      // No worker polls it: the action below waits for one until its deadline.
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('no-worker'),
      CASE_ACTION_UPDATE_TIMEOUT_MS: '3000',
      LEDGER_FILE: path.join(dataDir, 'api-ledger.sqlite'),
      LOG_LEVEL: 'info',
    });
    await api.lineMatching(/API listening/);
    const base = `http://127.0.0.1:${port}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const started = await call(agent, `${base}/v1/cases`, {
      method: 'POST',
      headers: { authorization: await bearer(INTAKE) },
      body: { caseId, ...REFERENCE_CASES['urban.exposed-garbage']!.fields },
    });
    expect(started.status).toBe(201);
    const step = (started.body as CaseView).steps.find(isOpenTask)!;
    const dept = departmentUser(step.assignee!.department);

    // A client that keeps sending on its kept-alive connection, as a department's system or a proxy does.
    const busy = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let polling = true;
    const pollingEnded = (async () => {
      while (polling) await call(busy, `${base}/healthz`).catch(() => (polling = false));
    })();

    const claiming = call(agent, `${base}/v1/cases/${caseId}/steps/${step.id}/claim`, {
      method: 'POST',
      headers: { authorization: await bearer(dept), 'idempotency-key': 'k-in-flight' },
      body: {},
    });
    // In flight once Temporal holds its Update (the API waits for a worker until the action's deadline).
    await updateAdmitted(temporalClient.client, caseId, `claim:${step.id}:k-in-flight`);
    api.child.kill('SIGTERM');

    const answered = await claiming;
    expect(answered).toMatchObject({
      status: 503,
      body: { type: expect.stringMatching(/action-not-delivered$/) },
    });
    expect(await api.ended(GIVE_UP_MS)).toBe('exited 0');
    await pollingEnded;
    agent.destroy();
    busy.destroy();
  });
});

describe('npm run worker, on SIGTERM', () => {
  let harness: HttpHarness;
  let worker: SpawnedProcess | undefined;
  const caseIds: string[] = [];

  beforeAll(async () => {
    // The ledger the spawned worker writes, as an API and its workers share one.
    harness = await startHttpHarness(pino({ level: 'silent' }), { ledger: { file: ledgerFile() } });
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await terminateCases(harness.client, caseIds);
    await harness?.close();
  });

  it('lets the department call in flight finish and exits 0; the next worker finishes the case, the call made once', async () => {
    const flowId = 'business.startup';
    const flow = harness.service.flows.get(flowId)!;
    // The registration system takes a while to answer: the worker is stopped while it is being called.
    harness.stub.respond('publishLicence', () => ({
      status: 200,
      body: { published: true },
      delayMs: 2_000,
    }));
    worker = spawnEntryPoint('worker/main.ts', {
      HTTP_HOST: '127.0.0.1',
      WORKER_METRICS_PORT: String(await freePort()),
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: harness.taskQueue,
      LEDGER_FILE: ledgerFile(),
      LOG_LEVEL: 'info',
    });
    // Without a build, the worker bundles the workflows at start (a minute on a loaded machine).
    await worker.lineMatching(/Worker started/, 180_000);

    const driver = new HttpCaseDriver(harness.app, harness.service);
    const caseId = await startReferenceCase(harness.app, flowId, 'SIGTERM-WORKER');
    caseIds.push(caseId);
    const calls = () =>
      harness.stub.calls.filter((c) => c.operation === 'publishLicence' && c.body.caseId === caseId);
    await driveUntil(driver, caseId, flow, () => calls().length > 0);

    worker.child.kill('SIGTERM');
    expect(await worker.ended(GIVE_UP_MS)).toBe('exited 0');

    await withCaseWorker(
      harness.taskQueue,
      async () => {
        await driver.until(
          caseId,
          (view) => stepIn(view, 'share-licence').status === 'completed',
          'the call made',
        );
        const completions = (await timelineOf(harness.app, caseId)).filter(
          (entry) => entry.type === 'step-completed' && entry.stepId === 'share-licence',
        );
        expect(completions).toHaveLength(1);
      },
      harness.activityDependencies,
    );
    expect(calls()).toHaveLength(1);
  }, 300_000);
});

/** Completes the case's open tasks, as their departments, until `reached` holds. */
async function driveUntil(
  driver: HttpCaseDriver,
  caseId: string,
  flow: Flow,
  reached: () => boolean,
): Promise<void> {
  await eventually(
    async () => {
      if (reached()) return true;
      const view = await driver.view(caseId);
      for (const step of view.steps.filter(isOpenTask)) await driver.complete(caseId, flow, step);
      return reached();
    },
    `${caseId}: the department call under way`,
    { timeoutMs: 60_000 },
  );
}

/** Resolves once Temporal has admitted the Update `updateId` of the case (the API's request waits on it). */
async function updateAdmitted(client: Client, caseId: string, updateId: string): Promise<void> {
  const ADMITTED =
    temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage
      .UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED;
  await eventually(async () => {
    try {
      await client.workflowService.pollWorkflowExecutionUpdate({
        namespace: 'default',
        updateRef: { workflowExecution: { workflowId: caseWorkflowId(caseId) }, updateId },
        waitPolicy: { lifecycleStage: ADMITTED },
      });
      return true;
    } catch {
      return false;
    }
  }, `Update ${updateId} admitted`);
}
