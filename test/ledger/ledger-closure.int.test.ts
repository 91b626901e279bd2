/**
 * A case whose workflow an operator terminates in Temporal (outside the engine) reaches the ledger through the
 * worker's closure reconciler, on the real dev server and on each ledger engine: the API shows it cancelled with a
 * `workflow-terminated` entry naming who and why, the department's inbox and the supervisor's stalled list drop
 * it, search finds it among the cancelled cases, and an action on it is a 409 `case-closed`.
 */
import pino from 'pino';
import request from 'supertest';
import { openCaseCounts } from '../../ledger';
import { startClosureReconciler } from '../../worker/closures/closure-reconciler';
import { problemTypeUri } from '../../api/problems/problem-document';
import { caseWorkflowId } from '../../workflows/messages';
import type { CaseView } from '../../workflows/engine/case/case-view';
import {
  bearer,
  departmentUser,
  expectStatus,
  HttpCaseDriver,
  isOpenTask,
  startHttpHarness,
  startReferenceCase,
  SUPERVISOR,
  timelineOf,
  type HttpHarness,
} from '../api/support/http-case-harness';
import { eventually } from '../helpers/eventually';
import { freshLedgerLocation, ledgerEngines, stopSharedPostgres } from '../helpers/ledger-engines';
import { withCaseWorker } from '../helpers/temporal-test-env';

const silent = pino({ level: 'silent' });
const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
afterAll(stopSharedPostgres);

describe.each(ledgerEngines())('a case terminated in Temporal (%s ledger)', (engine) => {
  let harness: HttpHarness;
  let driver: HttpCaseDriver;
  let stopWorker = (): void => undefined;
  let worker: Promise<void> = Promise.resolve();
  let reconciler: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    harness = await startHttpHarness(silent, { ledger: await freshLedgerLocation(engine) });
    driver = new HttpCaseDriver(harness.app, harness.service);
    const stopped = new Promise<void>((resolve) => (stopWorker = resolve));
    worker = withCaseWorker(harness.taskQueue, () => stopped, harness.activityDependencies);
    // As the worker process runs it, over the same ledger (a short interval: the test waits for it, not on it).
    reconciler = startClosureReconciler(
      { client: harness.client, ledger: harness.ledger, logger: silent },
      200,
    );
  });
  afterAll(async () => {
    await reconciler?.stop();
    stopWorker();
    await worker;
    await harness?.close();
  });

  const get = async (path: string, actor = SUPERVISOR) =>
    request(harness.app)
      .get(path)
      .set('Authorization', await bearer(actor));
  const listed = async (path: string, caseId: string, actor = SUPERVISOR): Promise<boolean> =>
    ((await get(path, actor)).body as { items: { caseId: string }[] }).items.some(
      (item) => item.caseId === caseId,
    );
  const inboxHas = (dept: string, caseId: string) =>
    listed(`/v1/departments/${dept}/tasks`, caseId, departmentUser(dept));
  const stalledHas = (caseId: string) => listed('/v1/supervision/stalled?limit=100', caseId);

  it('is cancelled everywhere, with who terminated it and why, and refuses actions with 409', async () => {
    const caseId = await startReferenceCase(harness.app, 'urban.exposed-garbage', 'TERMINATED');
    const running = await driver.until(caseId, (view) => view.steps.some(isOpenTask), 'a task to do');
    const task = running.steps.find(isOpenTask)!;
    const dept = task.assignee!.department;
    await eventually(() => inboxHas(dept, caseId), 'the task in its inbox');
    await eventually(() => stalledHas(caseId), 'the case among the open cases of stalled');
    const countsBefore = await openCaseCounts(harness.ledger, { now: Date.now() });

    const reason = 'duplicate of case 12345-9, closed there';
    await harness.client.workflow.getHandle(caseWorkflowId(caseId)).terminate(reason);

    const view = await eventually(async () => {
      const answer = await get(`/v1/cases/${caseId}`);
      expectStatus(answer, 200, 'view');
      const body = answer.body as CaseView;
      return body.status === 'cancelled' ? body : undefined;
    }, 'the case shown cancelled');
    expect(view).toMatchObject({ caseId, status: 'cancelled', stage: 'closed' });
    expect(view.closedAt).toEqual(expect.any(String));
    expect(view.steps.find((step) => step.id === task.id)?.status).toBe('cancelled');

    const last = (await timelineOf(harness.app, caseId)).at(-1);
    expect(last).toMatchObject({
      type: 'workflow-terminated',
      actor: { sub: harness.client.options.identity, role: 'system' },
    });
    expect(JSON.stringify(last)).toContain(reason);

    expect(await inboxHas(dept, caseId)).toBe(false);
    expect(await stalledHas(caseId)).toBe(false);
    const search = await get(`/v1/cases?caseIdPrefix=${caseId}&status=cancelled`);
    expect(search.body.items).toEqual([expect.objectContaining({ caseId, status: 'cancelled' })]);
    const countsAfter = await openCaseCounts(harness.ledger, { now: Date.now() });
    expect(totalOf(countsAfter.openByStage)).toBe(totalOf(countsBefore.openByStage) - 1);

    const urge = await driver.post(caseId, 'urge', SUPERVISOR, { stepId: task.id, note: '请尽快处理' });
    expectStatus(urge, 409, 'urge on a terminated case');
    expect(urge.body.type).toBe(problemTypeUri('case-closed'));
    const claim = await driver.post(caseId, `steps/${task.id}/claim`, departmentUser(dept), {});
    expectStatus(claim, 409, 'claim on a terminated case');
    expect(claim.body.type).toBe(problemTypeUri('case-closed'));
  }, 120_000);
});
