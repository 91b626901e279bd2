import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { caseWorkflow } from '../../workflows';
import { caseViewQuery, caseWorkflowId } from '../../workflows/messages';
import { caseInputFor, flowFromYaml } from '../helpers/case-fixtures';
import { uniqueTaskQueue } from '../helpers/temporal-test-env';
import { createTimeSkippingEnv, createTimeSkippingWorker } from '../helpers/time-skipping-env';

const THIRTY_DAY_WAIT = `
id: test.thirty-day-wait
version: 1
title: { en: Public notice then close }
calendar: cn-mainland
steps:
  - id: public-notice
    stage: supervision
    kind: wait
    for: 30d
    clock: calendar
`;

const DAY_MS = 24 * 60 * 60 * 1000;

describe('durable timers on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => env?.teardown());

  it('fires a 30-day wait step without waiting 30 days and closes the case', async () => {
    const taskQueue = uniqueTaskQueue('timer');
    const input = await caseInputFor(
      { flowId: 'test.thirty-day-wait', region: '440104001001001', data: {} },
      await flowFromYaml(THIRTY_DAY_WAIT),
    );
    const worker = await createTimeSkippingWorker(env, taskQueue);
    const final = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(caseWorkflow, {
        taskQueue,
        workflowId: caseWorkflowId(input.caseId),
        args: [{ kind: 'start', case: input }],
      });
      const waiting = await handle.query(caseViewQuery);
      expect(waiting.steps[0]).toMatchObject({ id: 'public-notice', status: 'active' });
      return handle.result();
    });
    expect(final.status).toBe('closed');
    const step = final.steps[0]!;
    const waited = Date.parse(step.completedAt!) - Date.parse(step.activatedAt!);
    expect(waited).toBeGreaterThanOrEqual(30 * DAY_MS - 60 * 60 * 1000);
    expect(waited).toBeLessThanOrEqual(30 * DAY_MS + 60 * 60 * 1000);
  });
});
