/**
 * A read no worker answers (every worker of the case's queue stopped) comes from the ledger's record after the
 * API's own Query deadline, marked as such, instead of a 503 after Core's 30 s: the case view, its timeline and a
 * repeated start. A case the ledger has not recorded yet, and an action that reads the case first (a supervisor's),
 * wait for the workflow as before (up to Core's 30 s, then a 503 to retry): only it can answer them.
 */
import pino from 'pino';
import request from 'supertest';
import { CaseViewSchema } from '../../../api/schemas';
import { caseWorkflowId } from '../../../workflows/messages';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import { REFERENCE_CASES } from '../../helpers/reference-cases';
import { uniqueCaseId } from '../../helpers/case-fixtures';
import { withCaseWorker } from '../../helpers/temporal-test-env';
import {
  bearer,
  HttpCaseDriver,
  INTAKE,
  isOpenTask,
  startHttpHarness,
  stepIn,
  SUPERVISOR,
  type HttpHarness,
} from '../support/http-case-harness';

const { fields } = REFERENCE_CASES['urban.exposed-garbage']!;

describe('reading a case no worker answers', () => {
  let harness: HttpHarness;
  const caseId = uniqueCaseId('LEDGER-READ');
  const unseen = uniqueCaseId('NEVER-RECORDED');
  let completedStep = '';

  const get = async (path: string) =>
    request(harness.app)
      .get(path)
      .set('Authorization', await bearer(SUPERVISOR));
  const start = async (id: string) =>
    request(harness.app)
      .post('/v1/cases')
      .set('Authorization', await bearer(INTAKE))
      .send({ caseId: id, ...fields });

  beforeAll(async () => {
    // A short deadline of our own, so that the test does not wait the default 5 s for each unanswered Query.
    harness = await startHttpHarness(pino({ level: 'silent' }), { queryTimeoutMs: 1_000 });
    const driver = new HttpCaseDriver(harness.app, harness.service);
    // The worker runs the case to its first task and completes it; then every worker of the queue is gone.
    await withCaseWorker(
      harness.taskQueue,
      async () => {
        expect((await start(caseId)).status).toBe(201);
        const view = await driver.until(caseId, (v) => v.steps.some(isOpenTask), 'a task to do');
        const task = view.steps.find(isOpenTask)!;
        const flow = harness.service.flows.get(view.flowId, view.flowVersion)!;
        expect(stepIn(await driver.complete(caseId, flow, task), task.id).status).toBe('completed');
        completedStep = task.id;
      },
      harness.activityDependencies,
    );
  });
  afterAll(async () => {
    for (const id of [caseId, unseen]) {
      await harness.client.workflow
        .getHandle(caseWorkflowId(id))
        .terminate('test over')
        .catch(() => undefined);
    }
    await harness?.close();
  });

  const expectFromLedger = (response: request.Response) => {
    expect(response.status).toBe(200);
    expect(response.headers['fullcycle-source']).toBe('ledger');
    // In the case's zone (Asia/Shanghai), as every time of a case, and not in the future.
    const written = String(response.headers['fullcycle-record-written-at']);
    expect(written).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/);
    expect(Date.parse(written)).toBeLessThanOrEqual(Date.now());
  };

  it('answers the view from the ledger, marked, with the completed step completed', async () => {
    const response = await get(`/v1/cases/${caseId}`);
    expectFromLedger(response);
    const view = CaseViewSchema.parse(response.body) as CaseView;
    expect(view).toMatchObject({ caseId, status: 'open' });
    expect(stepIn(view, completedStep).status).toBe('completed');
  });

  it("answers the timeline from the ledger's events, marked", async () => {
    const response = await get(`/v1/cases/${caseId}/timeline`);
    expectFromLedger(response);
    const items = (response.body as { items: { type: string; stepId?: string }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ type: 'step-completed', stepId: completedStep }));
  });

  it('answers a repeated start with the case from the ledger, marked', async () => {
    const response = await start(caseId);
    expectFromLedger(response);
    expect(CaseViewSchema.parse(response.body)).toMatchObject({ caseId });
  });

  /** Longer than the API's Query deadline here (1 s): what a request does after it depends on the code under test. */
  const pastTheDeadline = () => new Promise((resolve) => setTimeout(resolve, 2_000));

  it("waits for the workflow on a supervisor's action (read first), past the read deadline: actions need the case", async () => {
    const suspending = request(harness.app)
      .post(`/v1/cases/${caseId}/suspend`)
      .set('Authorization', await bearer(SUPERVISOR))
      .send({ reason: '等待现场复核' })
      .then((response) => response);
    await pastTheDeadline();
    await withCaseWorker(
      harness.taskQueue,
      async () => {
        const response = await suspending;
        expect(response.status).toBe(200);
        expect(CaseViewSchema.parse(response.body)).toMatchObject({ caseId, status: 'suspended' });
      },
      harness.activityDependencies,
    );
  });

  it('waits for the workflow when the ledger has no record of the case yet (its first task has not run)', async () => {
    // Started with no worker running: the workflow exists, but no sink has written its record.
    expect((await start(unseen)).status).toBe(201);
    const reading = get(`/v1/cases/${unseen}`);
    await pastTheDeadline();
    await withCaseWorker(
      harness.taskQueue,
      async () => {
        const response = await reading;
        expect(response.status).toBe(200);
        expect(response.headers['fullcycle-source']).toBeUndefined();
        expect(CaseViewSchema.parse(response.body)).toMatchObject({ caseId: unseen, status: 'open' });
      },
      harness.activityDependencies,
    );
  });
});
