/**
 * A department's action that no worker applies (every worker of the case's queue stopped), or that Temporal does
 * not answer (the connection holds), answers 503 `action-not-delivered` with `Retry-After` at the API's action
 * deadline (CASE_ACTION_UPDATE_TIMEOUT_MS) instead of waiting as long as no worker runs. Temporal may still hold the
 * action and apply it once a worker is back: the retry with the same `Idempotency-Key` then answers 200 with the
 * outcome, and the case shows the action applied once.
 */
import pino from 'pino';
import request from 'supertest';
import type { CaseView, StepView } from '../../../workflows/engine/case/case-view';
import { flowStep, happyResult } from '../../helpers/case-driver';
import { eventually } from '../../helpers/eventually';
import { forwardToDevServer, freePort, type Forwarder } from '../../helpers/temporal-forwarder';
import { withCaseWorker } from '../../helpers/temporal-test-env';
import {
  bearer,
  expectStatus,
  HttpCaseDriver,
  isOpenTask,
  startHttpHarness,
  startReferenceCase,
  stepIn,
  terminateCases,
  timelineOf,
  type HttpHarness,
} from '../support/http-case-harness';

const FLOW_ID = 'urban.exposed-garbage';
/** A short deadline of our own, so that the test does not wait the default 10 s for each action no worker takes. */
const ACTION_TIMEOUT_MS = 1_000;

/** Starts a case and brings it to its first open task (claimed when its clock starts at 签收), with a worker. */
async function caseAtOpenTask(
  harness: HttpHarness,
  prefix: string,
): Promise<{ caseId: string; step: StepView }> {
  const driver = new HttpCaseDriver(harness.app, harness.service);
  return await withCaseWorker(
    harness.taskQueue,
    async () => {
      const caseId = await startReferenceCase(harness.app, FLOW_ID, prefix);
      const view = await driver.until(caseId, (v) => v.steps.some(isOpenTask), 'an open task');
      const step = view.steps.find(isOpenTask)!;
      await driver.claimIfNeeded(caseId, harness.service.flows.get(FLOW_ID)!, step);
      return { caseId, step };
    },
    harness.activityDependencies,
  );
}

/** Completes the step as its department under `key`. */
async function complete(harness: HttpHarness, caseId: string, step: StepView, key: string) {
  const driver = new HttpCaseDriver(harness.app, harness.service);
  const spec = flowStep(harness.service.flows.get(FLOW_ID)!, step.id);
  return request(harness.app)
    .post(`/v1/cases/${caseId}/steps/${step.id}/complete`)
    .set('Authorization', await bearer(driver.assigneeOf(step)))
    .set('Idempotency-Key', key)
    .send({ result: happyResult(spec.kind === 'task' ? spec.form : {}) });
}

/** Sends the action again under its key, as a client does after a 503, until it is answered otherwise. */
const retried = (send: () => Promise<request.Response>): Promise<request.Response> =>
  eventually(async () => {
    const response = await send();
    return response.status === 503 ? undefined : response;
  }, 'an answer other than 503 to the retry');

/** The 503 a client retries: the action is received, not applied yet, and the same key is how to retry it. */
function expectNotAppliedYet(response: request.Response): void {
  expectStatus(response, 503, 'an action no worker applied');
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  expect(response.body).toMatchObject({
    type: 'https://fullcycle.dev/problems/action-not-delivered',
    status: 503,
    detail: expect.stringMatching(/not applied yet.*same Idempotency-Key/s),
  });
}

async function expectCompletedOnce(
  harness: HttpHarness,
  caseId: string,
  stepId: string,
  answer: request.Response,
) {
  expectStatus(answer, 200, 'the retry under the same key');
  expect(stepIn(answer.body as CaseView, stepId).status).toBe('completed');
  const completions = (await timelineOf(harness.app, caseId)).filter(
    (entry) => entry.type === 'step-completed' && entry.stepId === stepId,
  );
  expect(completions).toHaveLength(1);
}

describe('an action no worker takes', () => {
  let harness: HttpHarness;
  const started: string[] = [];

  beforeAll(async () => {
    harness = await startHttpHarness(pino({ level: 'silent' }), { actionTimeoutMs: ACTION_TIMEOUT_MS });
  });
  afterAll(async () => {
    await terminateCases(harness.client, started);
    await harness?.close();
  });

  it('answers 503 to retry at the deadline; once a worker is back, Temporal applies it and the retry answers it, once', async () => {
    const { caseId, step } = await caseAtOpenTask(harness, 'NO-WORKER');
    started.push(caseId);
    // Every worker of the queue is gone: Temporal admits the Update and holds it for a worker.
    expectNotAppliedYet(await complete(harness, caseId, step, 'k-held'));
    const driver = new HttpCaseDriver(harness.app, harness.service);
    await withCaseWorker(
      harness.taskQueue,
      async () => {
        // The held action is applied without any retry: the 503 did not mean "dropped".
        await driver.until(
          caseId,
          (v) => stepIn(v, step.id).status === 'completed',
          'the held completion applied',
        );
        const retry = await retried(() => complete(harness, caseId, step, 'k-held'));
        await expectCompletedOnce(harness, caseId, step.id, retry);
      },
      harness.activityDependencies,
    );
  });
});

describe('an action Temporal does not answer', () => {
  let forwarder: Forwarder;
  let harness: HttpHarness;
  const started: string[] = [];

  beforeAll(async () => {
    forwarder = await forwardToDevServer(await freePort());
    harness = await startHttpHarness(pino({ level: 'silent' }), {
      actionTimeoutMs: ACTION_TIMEOUT_MS,
      temporalAddress: `127.0.0.1:${forwarder.port}`,
    });
  });
  afterAll(async () => {
    await terminateCases(harness.client, started);
    await harness?.close();
    await forwarder?.stop();
  });

  it('answers 503 to retry at the deadline; once Temporal answers again, the retry applies it, once', async () => {
    const { caseId, step } = await caseAtOpenTask(harness, 'NO-TEMPORAL');
    started.push(caseId);
    await withCaseWorker(
      harness.taskQueue,
      async () => {
        // The API's connection to Temporal stops passing bytes (the worker's own connection still works).
        forwarder.hold();
        expectNotAppliedYet(await complete(harness, caseId, step, 'k-unanswered'));
        await forwarder.stop();
        forwarder = await forwardToDevServer(forwarder.port);
        const retry = await retried(() => complete(harness, caseId, step, 'k-unanswered'));
        await expectCompletedOnce(harness, caseId, step.id, retry);
      },
      harness.activityDependencies,
    );
  });
});
