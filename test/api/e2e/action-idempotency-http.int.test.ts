/**
 * An action sent again under its `Idempotency-Key` (a lost answer, a retry) answers what the first one did and
 * applies once; the same key with another request is refused (409 `idempotency-key-reused`) and changes nothing,
 * within a workflow run (Temporal answers the repeated Update id) and after continue-as-new (the case answers it).
 * A case started before engine revision 8, like a worker older than the API, answers as before: the first answer.
 */
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import request from 'supertest';
import { caseWorkflowBundleOptions } from '../../../worker/case-workflow-bundle';
import type { CaseView, StepView } from '../../../workflows/engine/case/case-view';
import type { Flow } from '../../../workflows/engine/flow-model';
import { CASE_ACTION_UPDATES, caseWorkflowId } from '../../../workflows/messages';
import { caseInputFor } from '../../helpers/case-fixtures';
import { departmentActor, flowStep, happyResult, startCaseWorkflow } from '../../helpers/case-driver';
import { REFERENCE_CASES } from '../../helpers/reference-cases';
import { replacingModule } from '../../workflows/replay/replay-with-outcomes';
import {
  SUPERVISOR,
  bearer,
  expectStatus,
  isOpenTask,
  startReferenceCase,
  timelineOf,
  useHttpHarness,
  type LiveHttpHarness,
} from '../support/http-case-harness';

const FLOW_ID = 'urban.exposed-garbage';

/** The case's first open task, claimed when its clock starts at 签收, with a result of its form and another. */
async function openTask(live: LiveHttpHarness, caseId: string) {
  const { driver, harness } = live;
  const flow: Flow = harness.service.flows.get(FLOW_ID)!;
  const view = await driver.until(caseId, (v) => v.steps.some(isOpenTask), 'an open task');
  const step = view.steps.find(isOpenTask)!;
  await driver.claimIfNeeded(caseId, flow, step);
  const spec = flowStep(flow, step.id);
  const result = happyResult(spec.kind === 'task' ? spec.form : {});
  const [name, value] = Object.entries(result)[0]!;
  const changed =
    typeof value === 'boolean' ? !value : typeof value === 'number' ? value + 1 : `${String(value)}-2`;
  return { step, result, other: { ...result, [name]: changed } };
}

/** POSTs a completion with `key`, the body written out as given (so key order and spacing can differ). */
async function complete(live: LiveHttpHarness, caseId: string, step: StepView, key: string, json: string) {
  return request(live.harness.app)
    .post(`/v1/cases/${caseId}/steps/${step.id}/complete`)
    .set('Authorization', await bearer(live.driver.assigneeOf(step)))
    .set('Content-Type', 'application/json')
    .set('Idempotency-Key', key)
    .send(json);
}

/** The same result written with its keys in reverse order and spaced out. */
const rewritten = (result: Record<string, unknown>): string =>
  `{ "result": ${JSON.stringify(Object.fromEntries(Object.entries(result).reverse()), null, 2)} }`;

const completions = async (live: LiveHttpHarness, caseId: string, stepId: string) =>
  (await timelineOf(live.harness.app, caseId)).filter(
    (e) => e.type === 'step-completed' && e.stepId === stepId,
  );

describe('a case action sent again under its Idempotency-Key', () => {
  const live = useHttpHarness();

  it('answers the first answer for the same request, whatever its key order, and applies it once', async () => {
    const caseId = await startReferenceCase(live.harness.app, FLOW_ID, 'IDEM');
    const { step, result } = await openTask(live, caseId);
    const first = await complete(live, caseId, step, 'k-same', JSON.stringify({ result }));
    expectStatus(first, 200, 'first completion');
    const again = await complete(live, caseId, step, 'k-same', rewritten(result));
    expectStatus(again, 200, 'the same completion again');
    expect(again.body).toEqual(first.body);
    expect((first.body as CaseView).steps.find((s) => s.id === step.id)?.status).toBe('completed');
    expect(await completions(live, caseId, step.id)).toHaveLength(1);
  });

  it('refuses the same key with another result (409) and keeps the first', async () => {
    const caseId = await startReferenceCase(live.harness.app, FLOW_ID, 'IDEM');
    const { step, result, other } = await openTask(live, caseId);
    expectStatus(await complete(live, caseId, step, 'k-reused', JSON.stringify({ result })), 200, 'first');
    const reused = await complete(live, caseId, step, 'k-reused', JSON.stringify({ result: other }));
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/idempotency-key-reused',
      detail: expect.stringContaining("'k-reused'"),
    });
    expect(await completions(live, caseId, step.id)).toHaveLength(1);
    // The key still answers its own request.
    expectStatus(await complete(live, caseId, step, 'k-reused', rewritten(result)), 200, 'first again');
  });

  it('answers the same way after the case continued as new', async () => {
    const { harness } = live;
    const input = await caseInputFor(REFERENCE_CASES[FLOW_ID]!.fields, harness.service.flows.get(FLOW_ID));
    const handle = await startCaseWorkflow(harness.client, harness.taskQueue, input, {
      historyEventLimit: 40,
    });
    const { caseId } = input;
    const { step, result, other } = await openTask(live, caseId);
    const first = await complete(live, caseId, step, 'k-can', JSON.stringify({ result }));
    expectStatus(first, 200, 'first');
    const next = (first.body as CaseView).steps.find(isOpenTask);
    for (let n = 1; (await handle.describe()).runId === handle.firstExecutionRunId; n += 1) {
      if (n > 40 || next === undefined) throw new Error('the case never continued as new');
      const urged = await live.driver.post(caseId, 'urge', SUPERVISOR, {
        stepId: next.id,
        note: `催办 ${n}`,
      });
      expectStatus(urged, 200, 'urge');
    }
    const reused = await complete(live, caseId, step, 'k-can', JSON.stringify({ result: other }));
    expect([reused.status, reused.body.type]).toEqual([
      409,
      'https://fullcycle.dev/problems/idempotency-key-reused',
    ]);
    expectStatus(await complete(live, caseId, step, 'k-can', rewritten(result)), 200, 'the same again');
    expect(await completions(live, caseId, step.id)).toHaveLength(1);
  });

  it('answers an Update sent without a digest (an API older than the worker) with the case view, as before', async () => {
    const caseId = await startReferenceCase(live.harness.app, FLOW_ID, 'IDEM');
    const { step, result } = await openTask(live, caseId);
    const actor = departmentActor(step.assignee!.department);
    const answer = await live.harness.client.workflow
      .getHandle(caseWorkflowId(caseId))
      .executeUpdate(CASE_ACTION_UPDATES.complete, {
        args: [{ actor, stepId: step.id, result }],
        updateId: `complete:${step.id}:k-old-api`,
      });
    expect(Object.keys(answer)).not.toContain('requestDigest');
    expect(answer.steps.find((s) => s.id === step.id)?.status).toBe('completed');
  });
});

describe('a case action sent again under its Idempotency-Key, on a case of engine revision 7', () => {
  // A worker whose new cases start on revision 7: such a case answers as every case started before revision 8
  // does, and as a worker older than the API does (without the request's digest).
  const live = useHttpHarness({
    workflowBundle: () =>
      bundleWorkflowCode({
        ...caseWorkflowBundleOptions(),
        logger: new DefaultLogger('WARN'),
        webpackConfigHook: replacingModule({
          request: /^\.\/engine-behaviour-changes$/,
          withFile: path.resolve(__dirname, 'before-revision-8-behaviour-changes.ts'),
        }),
      }),
  });

  it('keeps answering the first answer for the same key with another result, and applies once', async () => {
    const caseId = await startReferenceCase(live.harness.app, FLOW_ID, 'IDEM7');
    const { step, result, other } = await openTask(live, caseId);
    const first = await complete(live, caseId, step, 'k-rev7', JSON.stringify({ result }));
    expectStatus(first, 200, 'first');
    const reused = await complete(live, caseId, step, 'k-rev7', JSON.stringify({ result: other }));
    expectStatus(reused, 200, 'the key with another result');
    expect(reused.body).toEqual(first.body);
    expect(await completions(live, caseId, step.id)).toHaveLength(1);
  });
});
