import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TimelineEntry } from '../../workflows/engine/case';
import { ENGINE_ACTOR } from '../../workflows/engine/case';
import { CASE_ACTION_UPDATES, caseTimelineQuery, caseViewQuery } from '../../workflows/messages';
import { caseInputFor, flowFromYaml } from '../helpers/case-fixtures';
import { SUPERVISOR, completeStep, startCaseWorkflow, stepOf } from '../helpers/case-driver';
import { uniqueTaskQueue } from '../helpers/temporal-test-env';
import { createTimeSkippingEnv, createTimeSkippingWorker } from '../helpers/time-skipping-env';

const LADDER_FLOW = `
id: test.escalation-ladder
version: 1
title: { en: A step nobody handles }
calendar: cn-mainland
data:
  address: { type: string, required: true }
steps:
  - id: handle
    stage: action
    kind: task
    assignee: { role: sanitation, level: district }
    sla: { within: 2h, clock: calendar }
    escalation:
      - { at: -30m, do: remind }
      - { at: 0, do: urge }
      - { at: 1h, do: escalate, to: { role: supervisor, level: district } }
      - { at: 2h, do: emergency, level: 4 }
    form:
      done: { type: boolean, required: true }
emergency:
  steps:
    - id: report-duty-office
      kind: task
      assignee: { role: duty-office, level: district }
      sla: { within: 1h, clock: calendar }
      form:
        reported: { type: boolean, required: true }
`;

const MINUTE = 60_000;

describe('an SLA breach on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    // With the case search attributes registered: the workflow's upserts need them.
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => env?.teardown());

  it('walks remind, urge, escalate and emergency as the deadline passes, then closes when handled', async () => {
    const flow = await flowFromYaml(LADDER_FLOW);
    const input = await caseInputFor(
      { flowId: flow.id, region: '440104001001001', data: { address: '北京路 5 号' } },
      flow,
    );
    const taskQueue = uniqueTaskQueue('ladder');
    const worker = await createTimeSkippingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      const handle = await startCaseWorkflow(env.client, taskQueue, input);
      const started = await handle.query(caseViewQuery);
      const dueAt = Date.parse(stepOf(started, 'handle').dueAt!);
      expect(dueAt - Date.parse(stepOf(started, 'handle').activatedAt!)).toBe(120 * MINUTE);

      await env.sleep('5h');
      const timeline = await handle.query(caseTimelineQuery);
      const ladder = timeline.filter((e) =>
        ['reminded', 'urged', 'escalated', 'emergency-opened'].includes(e.type),
      );
      const offset = (e: TimelineEntry): number => Math.round((Date.parse(e.at) - dueAt) / MINUTE);
      expect(ladder.map((e) => [e.type, offset(e)])).toEqual([
        ['reminded', -30],
        ['urged', 0],
        ['escalated', 60],
        ['escalated', 120],
        ['emergency-opened', 120],
      ]);
      expect(ladder.find((e) => e.type === 'escalated')?.detail).toContain('yuexiu-supervision');
      expect(ladder.find((e) => e.type === 'urged')?.actor).toEqual(ENGINE_ACTOR);
      expect(ladder.find((e) => e.type === 'emergency-opened')?.actor).toEqual(ENGINE_ACTOR);

      const breached = await handle.query(caseViewQuery);
      expect(breached).toMatchObject({ status: 'open', stage: 'emergency', emergencyLevel: 4 });
      expect(stepOf(breached, 'handle')).toMatchObject({ status: 'active', overdue: true });
      expect(stepOf(breached, 'report-duty-office')).toMatchObject({ status: 'active' });

      await completeStep(handle, flow, stepOf(breached, 'report-duty-office'));
      const calm = await handle.executeUpdate(CASE_ACTION_UPDATES.setEmergency, {
        args: [{ actor: SUPERVISOR, level: 0, reason: '已处置' }],
      });
      expect(calm).toMatchObject({ stage: 'action', emergencyLevel: 0 });
      await completeStep(handle, flow, stepOf(breached, 'handle'));
      const final = await handle.result();
      expect(final.status).toBe('closed');
      expect(stepOf(final, 'handle')).toMatchObject({ status: 'completed', onTime: false });
    });
  });
});
