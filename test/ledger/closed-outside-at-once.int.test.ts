/**
 * Cases Temporal closed outside the engine, where the reconciler's pass has not (yet) recorded them, on the real dev
 * server and on each ledger engine: a case terminated before its first workflow task ran gets its ledger row (from
 * the reconciler's pass, and at once from a GET), and an action on a case terminated while running is a 409
 * `case-closed` at once, not a 404 until the next pass. No reconciler runs in the background here.
 */
import pino from 'pino';
import request from 'supertest';
import { buildCaseInput } from '../../api/cases/build-case-input';
import { createCaseGateway } from '../../api/cases/case-gateway';
import { problemTypeUri } from '../../api/problems/problem-document';
import { engineActor } from '../../api/routes/route-context';
import { readCaseRecord } from '../../ledger';
import { recordClosuresIn } from '../../worker/closures/closure-reconciler';
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
import { uniqueTaskQueue, withCaseWorker } from '../helpers/temporal-test-env';

const silent = pino({ level: 'silent' });
const FLOW = 'urban.exposed-garbage';
afterAll(stopSharedPostgres);

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
      const unworked = createCaseGateway(harness.client, uniqueTaskQueue('unworked'));
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
  },
);
