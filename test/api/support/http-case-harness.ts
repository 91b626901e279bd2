import { CaseViewSchema } from '../../../api/schemas';
import { caseWorkflowId } from '../../../workflows/messages';
/**
 * The real API over the shared dev server, for end-to-end tests that act only through HTTP: the app (supertest, no
 * port), the shipped directory with its systems pointed at a local stub, role tokens, and a driver that reads the
 * case view over HTTP and completes each active task as the department it is assigned to.
 */
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { Express } from 'express';
import pino, { type Logger } from 'pino';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createTokenVerifier, mintToken, type Actor } from '../../../api/auth';
import { createCaseGateway } from '../../../api/cases/case-gateway';
import { createApiRouters } from '../../../api/create-api-routers';
import type { ActivityDependencies } from '../../../activities';
import type { CaseWorkerOptions } from '../../../worker/create-case-worker';
import { createLedgerWriter, openLedger, type Ledger, type LedgerLocation } from '../../../ledger';
import type { ApiKeyStore } from '../../../api/open311/api-keys';
import type { ServiceData } from '../../../config/load-service-data';
import { loadFlowCatalog } from '../../../config/flow/load-flows';
import type { CaseView, StepView } from '../../../workflows/engine/case/case-view';
import type { Flow } from '../../../workflows/engine/flow-model';
import { flowStep, happyResult } from '../../helpers/case-driver';
import { serviceData } from '../../helpers/case-fixtures';
import { eventually } from '../../helpers/eventually';
import {
  startDepartmentSystemsStub,
  type DepartmentSystemsStub,
} from '../../helpers/department-systems-stub';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { REFERENCE_CASES } from '../../helpers/reference-cases';
import {
  createApiTestClient,
  shutDownIdleRuntime,
  TEST_ACTION_TIMEOUT_MS,
  TEST_QUERY_TIMEOUT_MS,
  uniqueTaskQueue,
  withCaseWorker,
} from '../../helpers/temporal-test-env';

const SHIPPED_FLOWS_DIR = join(__dirname, '..', '..', '..', 'flows');

export const SECRET = 'e2e-secret-e2e-secret-e2e-secret-0001';

export const INTAKE: Actor = { sub: 'seat-12', role: 'intake', region: '440104' };
export const SUPERVISOR: Actor = { sub: 'sup-yuexiu', role: 'supervisor', region: '440104' };
export const OTHER_SUPERVISOR: Actor = { sub: 'sup-tianhe', role: 'supervisor', region: '440106' };

/** The user of a department. */
export const departmentUser = (dept: string): Actor => ({ sub: `${dept}-user`, role: 'department', dept });

/** `Bearer <jwt>` for the actor, valid ten minutes. */
export const bearer = (actor: Actor): Promise<string> =>
  mintToken(SECRET, actor, { expiresIn: '10m' }).then((jwt) => `Bearer ${jwt}`);

export interface HttpHarness {
  readonly app: Express;
  readonly taskQueue: string;
  readonly service: ServiceData;
  readonly stub: DepartmentSystemsStub;
  readonly client: Client;
  /** The case ledger the API reads and the worker (given `activityDependencies`) writes. */
  readonly ledger: Ledger;
  readonly activityDependencies: ActivityDependencies;
  close(): Promise<void>;
}

/** What a harness serves besides the shipped data. */
export interface HttpHarnessOptions {
  /** Open311 api_keys (none by default). */
  readonly apiKeys?: ApiKeyStore;
  /**
   * Serve the flows of this folder instead of the shipped ones (validated against the shipped directory). Either
   * way the harness has its own catalog, as every API instance has: a version published on one instance must not
   * reach another through it.
   */
  readonly flowsDir?: string;
  /** Read this ledger (its own connection, as another API instance would) instead of a throwaway SQLite one. */
  readonly ledger?: LedgerLocation;
  /** Start cases on this task queue (another instance's) instead of a new one. */
  readonly taskQueue?: string;
  /** The workflow code the case worker runs (read when the harness starts); the project's own by default. */
  readonly workflowBundle?: () => Promise<CaseWorkerOptions['workflowBundle']>;
  /** How long a Query may wait for a worker (CASE_READ_QUERY_TIMEOUT_MS); TEST_QUERY_TIMEOUT_MS otherwise. */
  readonly queryTimeoutMs?: number;
  /** How long an action may wait to be applied (CASE_ACTION_UPDATE_TIMEOUT_MS); TEST_ACTION_TIMEOUT_MS otherwise. */
  readonly actionTimeoutMs?: number;
  /** Where the API reaches Temporal (a forwarder in front of the dev server); the dev server itself otherwise. */
  readonly temporalAddress?: string;
}

/** Builds the app over the dev server, with a stub for the departmental systems and no practical rate limit. */
export async function startHttpHarness(
  logger: Logger,
  {
    apiKeys,
    flowsDir,
    ledger: location,
    taskQueue: queue,
    queryTimeoutMs,
    actionTimeoutMs,
    temporalAddress,
  }: HttpHarnessOptions = {},
): Promise<HttpHarness> {
  // The API's own connection (Core's), so every HTTP test also shows how its errors map.
  const { client, connection } = createApiTestClient(temporalAddress);
  const stub = await startDepartmentSystemsStub();
  const data = await serviceData();
  const flows = await loadFlowCatalog(flowsDir ?? SHIPPED_FLOWS_DIR, data.validation);
  const service: ServiceData = {
    ...data,
    // Its own map, as every API instance has: publishing on one instance must not reach another's through it.
    calendars: new Map(data.calendars),
    flows,
    directory: {
      ...data.directory,
      systems: data.directory.systems.map((system) => ({ ...system, url: stub.url })),
    },
  };
  const taskQueue = queue ?? uniqueTaskQueue('e2e');
  const ledger = await openLedger(location ?? { file: ':memory:' });
  const routers = createApiRouters({
    gateway: createCaseGateway(client, taskQueue, {
      queryTimeoutMs: queryTimeoutMs ?? TEST_QUERY_TIMEOUT_MS,
      actionTimeoutMs: actionTimeoutMs ?? TEST_ACTION_TIMEOUT_MS,
    }),
    ledger,
    service,
    verifier: createTokenVerifier({ secret: SECRET }),
    logger,
    config: { http: { bodyLimit: '1mb' }, rateLimitPerMinute: 1_000_000 },
    ...(apiKeys === undefined ? {} : { apiKeys }),
  });
  const app = createApp({ logger, checkTemporal: () => Promise.resolve(), routers });
  return {
    app,
    taskQueue,
    service,
    stub,
    client,
    ledger,
    activityDependencies: { env: {}, ledger: createLedgerWriter(ledger) },
    async close() {
      await stub.close();
      await connection.close();
      // The runtime createApiTestClient installed: Core shuts it down with its last connection, or never if the
      // connection never connected (no call to Temporal), which kept jest running after the tests.
      await shutDownIdleRuntime();
      await ledger.close();
    },
  };
}

/** The harness and a driver over it, with a case worker running, for one test file. */
export interface LiveHttpHarness {
  readonly harness: HttpHarness;
  readonly driver: HttpCaseDriver;
}

/**
 * Starts the harness and a case worker on its task queue before the file's tests (`beforeAll`) and stops both
 * after them (`afterAll`). Read the returned getters inside tests, once `beforeAll` has run.
 */
export function useHttpHarness(options: HttpHarnessOptions = {}): LiveHttpHarness {
  let live: LiveHttpHarness | undefined;
  let stopWorker = (): void => undefined;
  let worker: Promise<void> = Promise.resolve();
  beforeAll(async () => {
    const harness = await startHttpHarness(pino({ level: 'silent' }), options);
    live = { harness, driver: new HttpCaseDriver(harness.app, harness.service) };
    const stopped = new Promise<void>((resolve) => (stopWorker = resolve));
    const workflowBundle = await options.workflowBundle?.();
    worker = withCaseWorker(
      harness.taskQueue,
      () => stopped,
      harness.activityDependencies,
      workflowBundle === undefined ? {} : { workflowBundle },
    );
  });
  afterAll(async () => {
    stopWorker();
    await worker;
    await live?.harness.close();
  });
  const current = (): LiveHttpHarness => {
    if (live === undefined) throw new Error('useHttpHarness: read it inside a test, after beforeAll');
    return live;
  };
  return {
    get harness() {
      return current().harness;
    },
    get driver() {
      return current().driver;
    },
  };
}

/** One timeline entry as the API answers it. */
export interface TimelineItem {
  type: string;
  stepId?: string;
  actor?: { sub: string; role: string; dept?: string };
}

/** Starts the reference case of `flowId` as the intake seat under a fresh id; fails on anything but 201. */
export async function startReferenceCase(app: Express, flowId: string, prefix: string): Promise<string> {
  const caseId = uniqueCaseId(prefix);
  const response = await request(app)
    .post('/v1/cases')
    .set('Authorization', await bearer(INTAKE))
    .send({ caseId, ...REFERENCE_CASES[flowId]!.fields });
  expectStatus(response, 201, `start ${flowId}`);
  return caseId;
}

/** The case's timeline as `actor` (the region's supervisor by default) reads it. */
export async function timelineOf(
  app: Express,
  caseId: string,
  actor: Actor = SUPERVISOR,
): Promise<TimelineItem[]> {
  const response = await request(app)
    .get(`/v1/cases/${caseId}/timeline`)
    .set('Authorization', await bearer(actor));
  expectStatus(response, 200, 'timeline');
  return (response.body as { items: TimelineItem[] }).items;
}

export const isOpenTask = (step: StepView): boolean =>
  step.kind === 'task' && (step.status === 'active' || step.status === 'claimed');

/** Acting on cases over HTTP as the roles of the contract. */
export class HttpCaseDriver {
  private keys = 0;

  constructor(
    readonly app: Express,
    readonly service: ServiceData,
  ) {}

  /** The case view as `actor` sees it (intake by default); fails on anything but 200. */
  async view(caseId: string, actor: Actor = INTAKE): Promise<CaseView> {
    const response = await request(this.app)
      .get(`/v1/cases/${caseId}`)
      .set('Authorization', await bearer(actor));
    if (response.status !== 200) throw new Error(`GET case ${caseId}: ${response.status} ${response.text}`);
    // Every view served must match the documented (OpenAPI) schema.
    CaseViewSchema.parse(response.body);
    return response.body as CaseView;
  }

  /** Polls the view (as `actor`, intake by default) until `predicate` holds. */
  until(
    caseId: string,
    predicate: (view: CaseView) => boolean,
    what: string,
    actor: Actor = INTAKE,
  ): Promise<CaseView> {
    return eventually(async () => {
      const view = await this.view(caseId, actor);
      return predicate(view) ? view : undefined;
    }, `${caseId}: ${what}`);
  }

  /** POSTs `body` to a case path as `actor`; returns the raw response. */
  async post(caseId: string, path: string, actor: Actor, body: object, key?: string) {
    const call = request(this.app)
      .post(`/v1/cases/${caseId}/${path}`)
      .set('Authorization', await bearer(actor));
    if (key !== undefined) call.set('Idempotency-Key', key);
    return call.send(body);
  }

  /** Claims the step as its department when its clock starts at 签收. */
  async claimIfNeeded(caseId: string, flow: Flow, step: StepView): Promise<void> {
    const spec = flowStep(flow, step.id);
    const startsClaimed = 'sla' in spec && spec.sla?.starts === 'claimed';
    if (!startsClaimed || step.status !== 'active') return;
    const claimed = await this.post(caseId, `steps/${step.id}/claim`, this.assigneeOf(step), {});
    expectStatus(claimed, 200, `claim ${step.id}`);
  }

  /** Claims when needed, then completes the step as its department with an Idempotency-Key. */
  async complete(
    caseId: string,
    flow: Flow,
    step: StepView,
    result?: Record<string, unknown>,
  ): Promise<CaseView> {
    await this.claimIfNeeded(caseId, flow, step);
    const spec = flowStep(flow, step.id);
    const form = spec.kind === 'task' ? spec.form : {};
    this.keys += 1;
    const response = await this.post(
      caseId,
      `steps/${step.id}/complete`,
      this.assigneeOf(step),
      { result: result ?? happyResult(form) },
      `k-${caseId}-${step.id}-r${step.round}-${this.keys}`,
    );
    expectStatus(response, 200, `complete ${step.id}`);
    return response.body as CaseView;
  }

  /** Completes active tasks (results by step id) and gives satisfied feedback until the case is closed. */
  async driveToClosure(
    caseId: string,
    flow: Flow,
    results: Readonly<Record<string, Record<string, unknown>>> = {},
  ): Promise<CaseView> {
    let last: CaseView | undefined;
    return eventually(
      async () => {
        const view = await this.view(caseId);
        last = view;
        if (view.status === 'closed' || view.status === 'cancelled') return view;
        const incident = view.steps.find((step) => step.incident !== undefined);
        if (incident) throw new Error(`incident on ${incident.id}: ${incident.incident?.error}`);
        const tasks = view.steps.filter(isOpenTask);
        for (const step of tasks) await this.complete(caseId, flow, step, results[step.id]);
        if (tasks.length === 0 && view.review?.status === 'open') {
          const feedback = await this.post(caseId, 'feedback', INTAKE, {
            satisfaction: 'satisfied',
            resolved: true,
          });
          expectStatus(feedback, 200, 'feedback');
        }
        return undefined;
      },
      () => `${caseId} did not close: ${JSON.stringify(last?.steps)}`,
      { timeoutMs: 30_000 },
    );
  }

  /** The department user the step is assigned to. */
  assigneeOf(step: StepView): Actor {
    const dept = step.assignee?.department;
    if (dept === undefined) throw new Error(`step ${step.id} has no assignee`);
    return departmentUser(dept);
  }
}

/** Terminates the cases a test file leaves running on the shared server (those already ended are skipped). */
export async function terminateCases(client: Client, caseIds: readonly string[]): Promise<void> {
  for (const caseId of caseIds) {
    await client.workflow
      .getHandle(caseWorkflowId(caseId))
      .terminate('test over')
      .catch(() => undefined);
  }
}

/** Fails with the response body when the status is not the expected one. */
export function expectStatus(response: request.Response, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${response.text}`);
  }
}

export const stepIn = (view: CaseView, stepId: string): StepView => {
  const step = view.steps.find((candidate) => candidate.id === stepId);
  if (step === undefined) throw new Error(`no step ${stepId} in ${view.caseId}`);
  return step;
};
