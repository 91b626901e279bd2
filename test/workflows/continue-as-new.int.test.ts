import type { Client, Connection } from '@temporalio/client';
import { CASE_ACTION_UPDATES, caseTimelineQuery, caseViewQuery } from '../../workflows/messages';
import { caseInputFor, flowFromYaml } from '../helpers/case-fixtures';
import {
  SUPERVISOR,
  completeStep,
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

  it('continues as new, keeps the case, and ignores an update id repeated from the earlier run', async () => {
    const flow = await flowFromYaml(SCENARIO_FLOW);
    const input = await caseInputFor({ flowId: flow.id, region: SCENARIO_REGION, data: SCENARIO_DATA }, flow);
    const taskQueue = uniqueTaskQueue('can');
    await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, input, { historyEventLimit: 40 });
      const firstRunId = handle.firstExecutionRunId;
      await completeStep(handle, flow, stepOf(await handle.query(caseViewQuery), 'dispatch'));
      await waitForView(handle, (v) => stepOf(v, 'handle').status === 'active');
      const sanitation = departmentActor('yuexiu-sanitation');
      await handle.executeUpdate(CASE_ACTION_UPDATES.claim, {
        args: [{ actor: sanitation, stepId: 'handle' }],
        updateId: 'claim-handle',
      });

      let urges = 0;
      while ((await handle.describe()).runId === firstRunId) {
        urges += 1;
        if (urges > 30) throw new Error('the case never continued as new');
        await handle.executeUpdate(CASE_ACTION_UPDATES.urge, {
          args: [{ actor: SUPERVISOR, stepId: 'handle', note: `催办 ${urges}` }],
          updateId: `urge-${urges}`,
        });
      }
      const earlier = await client.workflow.getHandle(handle.workflowId, firstRunId).describe();
      expect(earlier.status.name).toBe('CONTINUED_AS_NEW');

      const kept = await handle.query(caseViewQuery);
      expect(kept.status).toBe('open');
      expect(stepOf(kept, 'dispatch')).toMatchObject({ status: 'completed', round: 1 });
      expect(stepOf(kept, 'handle')).toMatchObject({ status: 'claimed', round: 1 });
      const before = await handle.query(caseTimelineQuery);
      expect(before[0]?.type).toBe('case-started');
      expect(before.filter((e) => e.type === 'urged')).toHaveLength(urges);

      const repeated = await handle.executeUpdate(CASE_ACTION_UPDATES.urge, {
        args: [{ actor: SUPERVISOR, stepId: 'handle', note: '催办 1' }],
        updateId: 'urge-1',
      });
      expect(stepOf(repeated, 'handle').status).toBe('claimed');
      await handle.executeUpdate(CASE_ACTION_UPDATES.claim, {
        args: [{ actor: sanitation, stepId: 'handle' }],
        updateId: 'claim-handle',
      });
      expect(await handle.query(caseTimelineQuery)).toEqual(before);

      const final = await driveToClosure(handle, flow);
      expect(final.status).toBe('closed');
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
