import type { Client, Connection } from '@temporalio/client';
import { CASE_ACTION_UPDATES, caseTimelineQuery, caseViewQuery } from '../../workflows/messages';
import { caseInputFor, flowFromYaml } from '../helpers/case-fixtures';
import {
  SUPERVISOR,
  departmentActor,
  driveToClosure,
  startCaseWorkflow,
  stepOf,
  waitForView,
} from '../helpers/case-driver';
import { SCENARIO_DATA, SCENARIO_FLOW, SCENARIO_REGION } from '../helpers/scenario-flow';
import { createTestClient, uniqueTaskQueue, withCaseWorker } from '../helpers/temporal-test-env';

describe('continue-as-new with a lowered history limit', () => {
  let client: Client;
  let connection: Connection;

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
  });
  afterAll(async () => connection.close());

  it('continues as new, keeps the case, and ignores update ids applied in the earlier run', async () => {
    const flow = await flowFromYaml(SCENARIO_FLOW);
    const input = await caseInputFor({ flowId: flow.id, region: SCENARIO_REGION, data: SCENARIO_DATA }, flow);
    const taskQueue = uniqueTaskQueue('can');
    await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, input, { historyEventLimit: 60 });
      const firstRunId = handle.firstExecutionRunId;
      const shiftLead = departmentActor('yuexiu-urban-command');
      const completeDispatch = () =>
        handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
          args: [{ actor: shiftLead, stepId: 'dispatch', result: { note: '派往环卫' } }],
          updateId: 'complete-dispatch',
        });
      const urge = (n: number) =>
        handle.executeUpdate(CASE_ACTION_UPDATES.urge, {
          args: [{ actor: SUPERVISOR, stepId: 'dispatch', note: `催办 ${n}` }],
          updateId: `urge-${n}`,
        });
      await completeDispatch();
      await waitForView(handle, (v) => stepOf(v, 'handle').status === 'active');
      // 退单: dispatch runs again in round 2, so the same completion would be valid again and apply to it.
      const returned = await handle.executeUpdate(CASE_ACTION_UPDATES.return, {
        args: [{ actor: departmentActor('yuexiu-sanitation'), stepId: 'handle', reason: 'wrong-area' }],
        updateId: 'return-handle',
      });
      expect(stepOf(returned, 'dispatch')).toMatchObject({ status: 'active', round: 2 });
      expect((await handle.describe()).runId).toBe(firstRunId);

      let urges = 0;
      while ((await handle.describe()).runId === firstRunId) {
        urges += 1;
        if (urges > 30) throw new Error('the case never continued as new');
        await urge(urges);
      }
      const earlier = await client.workflow.getHandle(handle.workflowId, firstRunId).describe();
      expect(earlier.status.name).toBe('CONTINUED_AS_NEW');
      const before = await handle.query(caseTimelineQuery);
      expect(before[0]?.type).toBe('case-started');
      expect(before.filter((e) => e.type === 'urged')).toHaveLength(urges);

      // Temporal knows nothing of the earlier run's update ids: only the ids the case carries stop these.
      const repeated = await completeDispatch();
      expect(stepOf(repeated, 'dispatch')).toMatchObject({ status: 'active', round: 2 });
      await urge(1);
      expect(await handle.query(caseTimelineQuery)).toEqual(before);

      const final = await driveToClosure(handle, flow);
      expect(final.status).toBe('closed');
      expect(stepOf(final, 'dispatch')).toMatchObject({ status: 'completed', round: 2 });
      expect(await handle.result()).toMatchObject({ status: 'closed' });
    });
  });

  it('continues as new when the timeline grows near the payload limit, keeping every event', async () => {
    const flow = await flowFromYaml(SCENARIO_FLOW);
    const input = await caseInputFor({ flowId: flow.id, region: SCENARIO_REGION, data: SCENARIO_DATA }, flow);
    const taskQueue = uniqueTaskQueue('can-size');
    await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, input);
      const firstRunId = handle.firstExecutionRunId;
      const note = '请尽快到场处理并反馈结果。'.repeat(250); // ~3,000 characters, ~9 KB as UTF-8
      let urges = 0;
      while ((await handle.describe()).runId === firstRunId) {
        urges += 1;
        if (urges > 400) throw new Error('the case never continued as new');
        await handle.executeUpdate(CASE_ACTION_UPDATES.urge, {
          args: [{ actor: SUPERVISOR, stepId: 'dispatch', note }],
        });
      }
      // ~9 KB per urge: continued at the 1.5 MB state trigger (~160 urges), long before Temporal's own
      // suggestion by history size (~350 here), when the state would already be past the 2 MB payload limit.
      expect(urges).toBeGreaterThan(100);
      expect(urges).toBeLessThan(200);
      const timeline = await handle.query(caseTimelineQuery);
      expect(timeline.filter((e) => e.type === 'urged')).toHaveLength(urges);
      expect(timeline.some((e) => e.detail.includes('shortened when the case continued'))).toBe(true);
      expect((await handle.query(caseViewQuery)).status).toBe('open');
      await handle.terminate('test done');
    });
  }, 120_000);
});
