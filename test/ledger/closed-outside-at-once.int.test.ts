/**
 * Cases Temporal closed outside the engine, where the reconciler's pass has not (yet) recorded them, on the real dev
 * server and on each ledger engine: a case terminated before its first workflow task ran gets its ledger row (from
 * the reconciler's pass, and at once from a GET), and an action on a case terminated while running is a 409
 * `case-closed` at once, not a 404 until the next pass. No reconciler runs in the background here.
 */
import pino from 'pino';
import { Registry } from 'prom-client';
import request from 'supertest';
import { buildCaseInput } from '../../api/cases/build-case-input';
import { createCaseGateway } from '../../api/cases/case-gateway';
import { problemTypeUri } from '../../api/problems/problem-document';
import { engineActor } from '../../api/routes/route-context';
import { openLedger, readCaseRecord } from '../../ledger';
import { closureMetrics } from '../../worker/closures/closure-metrics';
import { recordClosuresIn, startClosureReconciler } from '../../worker/closures/closure-reconciler';
import type { CaseView } from '../../workflows/engine/case/case-view';
import { caseWorkflowId } from '../../workflows/messages';
import {
  bearer,
  departmentUser,
  expectStatus,
  HttpCaseDriver,
  INTAKE,
  isOpenTask,
  startHttpHarness,
  startReferenceCase,
  SUPERVISOR,
  timelineOf,
  type HttpHarness,
} from '../api/support/http-case-harness';
import { uniqueCaseId } from '../helpers/case-fixtures';
import { eventually } from '../helpers/eventually';
import { freshLedgerLocation, ledgerEngines, stopSharedPostgres } from '../helpers/ledger-engines';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import {
  createTestClient,
  TEST_GATEWAY_TIMEOUTS,
  uniqueTaskQueue,
  withCaseWorker,
} from '../helpers/temporal-test-env';

const silent = pino({ level: 'silent' });
const FLOW = 'urban.exposed-garbage';
afterAll(stopSharedPostgres);

/** The value of one series in Prometheus text (`name{labels} value`), undefined when it has none. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(ledgerEngines())(
  'a case closed outside the engine, not yet reconciled (%s ledger)',
  (engine) => {
    let harness: HttpHarness;
    let driver: HttpCaseDriver;
    let stopWorker = (): void => undefined;
    let worker: Promise<void> = Promise.resolve();

    beforeAll(async () => {
      harness = await startHttpHarness(silent, { ledger: await freshLedgerLocation(engine) });
      driver = new HttpCaseDriver(harness.app, harness.service);
      const stopped = new Promise<void>((resolve) => (stopWorker = resolve));
      worker = withCaseWorker(harness.taskQueue, () => stopped, harness.activityDependencies);
    });
    afterAll(async () => {
      stopWorker();
      await worker;
      await harness?.close();
    });

    const get = async (path: string, actor = SUPERVISOR) =>
      request(harness.app)
        .get(path)
        .set('Authorization', await bearer(actor));

    /** A case the API started (its start input as POST /v1/cases builds it) on a queue no worker polls, terminated. */
    async function terminatedBeforeItsFirstTask(prefix: string): Promise<string> {
      const caseId = uniqueCaseId(prefix);
      const fields = { caseId, ...REFERENCE_CASES[FLOW]!.fields };
      const unworked = createCaseGateway(harness.client, uniqueTaskQueue('unworked'), TEST_GATEWAY_TIMEOUTS);
      await unworked.start(buildCaseInput(harness.service, fields, engineActor(INTAKE)), fields);
      await harness.client.workflow.getHandle(caseWorkflowId(caseId)).terminate('filed twice');
      expect(await readCaseRecord(harness.ledger, caseId)).toBeUndefined();
      return caseId;
    }

    it("gets its ledger row from the reconciler's pass when terminated before its first task", async () => {
      const since = Date.now() - 60_000;
      const caseId = await terminatedBeforeItsFirstTask('UNWRITTEN');
      const deps = { client: harness.client, ledger: harness.ledger, logger: silent };
      // Visibility lists the closure eventually: a pass on demand until it has.
      const record = await eventually(async () => {
        await recordClosuresIn(deps, { from: since, to: Date.now() + 1_000 });
        return readCaseRecord(harness.ledger, caseId);
      }, 'the case recorded by a pass');
      expect(record.snapshot).toMatchObject({ caseId, flowId: FLOW, status: 'cancelled', stage: 'closed' });

      const search = await get(`/v1/cases?caseIdPrefix=${caseId}&status=cancelled`);
      expect(search.body.items).toEqual([expect.objectContaining({ caseId, status: 'cancelled' })]);
      const timeline = await timelineOf(harness.app, caseId);
      expect(timeline[0]).toMatchObject({ type: 'case-started' });
      expect(timeline.at(-1)).toMatchObject({ type: 'workflow-terminated' });
      expect(timeline.filter((entry) => entry.type === 'workflow-terminated')).toHaveLength(1);
    }, 60_000);

    it('is shown cancelled at once when terminated before its first task, not 404', async () => {
      const caseId = await terminatedBeforeItsFirstTask('UNSEEN');
      const answer = await get(`/v1/cases/${caseId}`);
      expectStatus(answer, 200, 'view of a case terminated before its first task');
      expect(answer.body as CaseView).toMatchObject({ caseId, status: 'cancelled', stage: 'closed' });
    }, 60_000);

    it('refuses an action at once with 409 case-closed when terminated while running', async () => {
      const caseId = await startReferenceCase(harness.app, FLOW, 'ON-SIGHT');
      const running = await driver.until(caseId, (view) => view.steps.some(isOpenTask), 'a task to do');
      const task = running.steps.find(isOpenTask)!;
      const dept = task.assignee!.department;
      await harness.client.workflow.getHandle(caseWorkflowId(caseId)).terminate('duplicate');

      const claim = await driver.post(caseId, `steps/${task.id}/claim`, departmentUser(dept), {});
      expectStatus(claim, 409, 'claim on a case terminated a moment ago');
      expect(claim.body.type).toBe(problemTypeUri('case-closed'));
      const urge = await driver.post(caseId, 'urge', SUPERVISOR, { stepId: task.id, note: '请尽快处理' });
      expectStatus(urge, 409, 'urge on a case terminated a moment ago');
      expect(urge.body.type).toBe(problemTypeUri('case-closed'));
      expect((await get(`/v1/cases/${caseId}`)).body).toMatchObject({ status: 'cancelled' });
      const closures = (await timelineOf(harness.app, caseId)).filter(
        (entry) => entry.type === 'workflow-terminated',
      );
      expect(closures).toHaveLength(1);
    }, 60_000);

    it("counts the reconciler's closures by kind and passes, and its watermark's lag, for the worker's /metrics", async () => {
      const caseId = await terminatedBeforeItsFirstTask('COUNTED');
      const registry = new Registry();
      // Scraped a minute after the pass: the lag is at least that minute.
      const metrics = closureMetrics(registry, () => Date.now() + 60_000);
      const deps = { client: harness.client, ledger: harness.ledger, logger: silent, metrics };
      const reconciler = startClosureReconciler(deps, 100);
      try {
        await eventually(
          async () => (await readCaseRecord(harness.ledger, caseId))?.snapshot.status === 'cancelled',
          'the case recorded by a pass',
        );
      } finally {
        await reconciler.stop();
      }
      const text = await registry.metrics();
      const recorded = 'fullcycle_ledger_closures_recorded_total{kind="terminated"}';
      expect(seriesValue(text, recorded)).toBeGreaterThanOrEqual(1);
      expect(seriesValue(text, 'fullcycle_ledger_closure_passes_total')).toBeGreaterThanOrEqual(1);
      expect(seriesValue(text, 'fullcycle_ledger_closure_pass_failures_total')).toBe(0);
      expect(seriesValue(text, 'fullcycle_ledger_closure_watermark_lag_seconds')).toBeGreaterThanOrEqual(60);
    }, 60_000);
  },
);

describe("the closure reconciler's metrics when its passes fail", () => {
  it('counts each failed pass; the lag stays 0 until a pass has read the watermark', async () => {
    const { client, connection } = await createTestClient();
    const ledger = await openLedger({ file: ':memory:' });
    await ledger.close(); // the database unreachable
    const registry = new Registry();
    const reconciler = startClosureReconciler(
      { client, ledger, logger: silent, metrics: closureMetrics(registry) },
      50,
    );
    try {
      await eventually(
        async () =>
          (seriesValue(await registry.metrics(), 'fullcycle_ledger_closure_pass_failures_total') ?? 0) >= 2,
        'two failed passes counted',
      );
    } finally {
      await reconciler.stop();
      await connection.close();
    }
    const text = await registry.metrics();
    expect(seriesValue(text, 'fullcycle_ledger_closure_passes_total')).toBeGreaterThanOrEqual(2);
    expect(seriesValue(text, 'fullcycle_ledger_closure_watermark_lag_seconds')).toBe(0);
  });
});
