import type { Client, Connection } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseInput } from '../../workflows/engine/case-input';
import type { Flow } from '../../workflows/engine/flow-model';
import { CASE_ACTION_UPDATES, caseTimelineQuery, caseViewQuery } from '../../workflows/messages';
import { caseInputFor, flowFromYaml } from '../helpers/case-fixtures';
import {
  SUPERVISOR,
  VISITOR,
  completeStep,
  departmentActor,
  driveToClosure,
  startCaseWorkflow,
  stepOf,
  waitForView,
  type CaseHandle,
} from '../helpers/case-driver';
import { SCENARIO_DATA, SCENARIO_FLOW, SCENARIO_REGION } from '../helpers/scenario-flow';
import { createTestClient, uniqueTaskQueue, withCaseWorker } from '../helpers/temporal-test-env';

const SANITATION = departmentActor('yuexiu-sanitation');
const HOUR = 60 * 60 * 1000;

function failureType(error: unknown): string | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  return error.cause instanceof ApplicationFailure ? (error.cause.type ?? undefined) : undefined;
}

describe('case exceptions on the real dev server', () => {
  let client: Client;
  let connection: Connection;
  let flow: Flow;
  let input: CaseInput;

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
    flow = await flowFromYaml(SCENARIO_FLOW);
  });
  afterAll(async () => connection.close());
  beforeEach(async () => {
    input = await caseInputFor({ flowId: flow.id, region: SCENARIO_REGION, data: SCENARIO_DATA }, flow);
  });

  /** Starts the case on a fresh task queue and runs `fn` while a worker serves it. */
  function withCase<T>(fn: (handle: CaseHandle) => Promise<T>): Promise<T> {
    const taskQueue = uniqueTaskQueue('exceptions');
    return withCaseWorker(taskQueue, async () => fn(await startCaseWorkflow(client, taskQueue, input)));
  }

  /** Completes dispatch and waits until handle is active. */
  async function untilHandle(handle: CaseHandle): Promise<void> {
    await completeStep(handle, flow, stepOf(await handle.query(caseViewQuery), 'dispatch'));
    await waitForView(handle, (v) => stepOf(v, 'handle').status === 'active');
  }

  it('sends a returned step back to dispatch and runs both again in round 2', async () => {
    await withCase(async (handle) => {
      await untilHandle(handle);
      const after = await handle.executeUpdate(CASE_ACTION_UPDATES.return, {
        args: [{ actor: SANITATION, stepId: 'handle', reason: 'wrong-area', note: '不属本单位' }],
      });
      expect(stepOf(after, 'handle').status).toBe('returned');
      expect(stepOf(after, 'dispatch')).toMatchObject({ status: 'active', round: 2 });

      await completeStep(handle, flow, stepOf(after, 'dispatch'));
      const redispatched = await waitForView(handle, (v) => stepOf(v, 'handle').status === 'active');
      expect(stepOf(redispatched, 'handle').round).toBe(2);

      const final = await driveToClosure(handle, flow);
      expect(final.status).toBe('closed');
      expect(stepOf(final, 'dispatch').round).toBe(2);
      expect(stepOf(final, 'handle')).toMatchObject({ status: 'completed', round: 2 });
      const returned = (await handle.query(caseTimelineQuery)).filter((e) => e.type === 'step-returned');
      expect(returned).toEqual([expect.objectContaining({ stepId: 'handle', actor: SANITATION })]);
    });
  });

  it('moves the deadline to the approved date and leaves it when an extension is refused', async () => {
    await withCase(async (handle) => {
      await untilHandle(handle);
      const dueAt = Date.parse(stepOf(await handle.query(caseViewQuery), 'handle').dueAt!);

      const ask = (until: number, id: string) =>
        handle.executeUpdate(CASE_ACTION_UPDATES.requestExtension, {
          args: [{ actor: SANITATION, stepId: 'handle', until, reason: '需协调渣土车' }],
          updateId: id,
        });
      const decide = (approve: boolean, id: string) =>
        handle.executeUpdate(CASE_ACTION_UPDATES.decideExtension, {
          args: [{ actor: SUPERVISOR, stepId: 'handle', approve }],
          updateId: id,
        });

      const pending = await ask(dueAt + 2 * HOUR, 'ext-1');
      expect(stepOf(pending, 'handle').request).toMatchObject({ kind: 'extension' });
      const approved = await decide(true, 'decide-1');
      expect(Date.parse(stepOf(approved, 'handle').dueAt!)).toBe(dueAt + 2 * HOUR);
      expect(stepOf(approved, 'handle').request).toBeUndefined();

      await ask(dueAt + 6 * HOUR, 'ext-2');
      const refused = await decide(false, 'decide-2');
      expect(Date.parse(stepOf(refused, 'handle').dueAt!)).toBe(dueAt + 2 * HOUR);

      const timeline = await handle.query(caseTimelineQuery);
      expect(timeline.filter((e) => e.type.startsWith('extension-')).map((e) => [e.type, e.actor])).toEqual([
        ['extension-requested', SANITATION],
        ['extension-approved', SUPERVISOR],
        ['extension-requested', SANITATION],
        ['extension-refused', SUPERVISOR],
      ]);
      await handle.terminate('test done');
    });
  });

  it('reworks twice and closes in round 3 when the check finally passes', async () => {
    await withCase(async (handle) => {
      await untilHandle(handle);
      for (const fixed of [false, false, true]) {
        const view = await handle.query(caseViewQuery);
        await completeStep(handle, flow, stepOf(view, 'handle'));
        const checking = await waitForView(handle, (v) => stepOf(v, 'check').status === 'active');
        await completeStep(handle, flow, stepOf(checking, 'check'), { fixed });
        if (!fixed) await waitForView(handle, (v) => stepOf(v, 'handle').status === 'active');
      }
      const final = await driveToClosure(handle, flow);
      expect(final.status).toBe('closed');
      expect(stepOf(final, 'handle')).toMatchObject({ status: 'completed', round: 3 });
      expect(stepOf(final, 'check')).toMatchObject({
        status: 'completed',
        round: 3,
        result: { fixed: true },
      });
      expect(stepOf(final, 'dispatch').round).toBe(1);
      const timeline = await handle.query(caseTimelineQuery);
      expect(timeline.filter((e) => e.type === 'rework-started')).toHaveLength(2);
      expect(timeline.filter((e) => e.type === 'step-completed' && e.stepId === 'handle')).toHaveLength(3);
    });
  });

  it('opens, raises, lowers and closes an emergency, in stage emergency while it is open', async () => {
    await withCase(async (handle) => {
      const setLevel = (level: 0 | 1 | 2 | 3 | 4, reason: string) =>
        handle.executeUpdate(CASE_ACTION_UPDATES.setEmergency, {
          args: [{ actor: SUPERVISOR, level, reason }],
        });

      const opened = await setLevel(4, '路面塌陷有人受伤');
      expect(opened).toMatchObject({ stage: 'emergency', emergencyLevel: 4 });
      expect(stepOf(opened, 'report-duty-office')).toMatchObject({
        status: 'active',
        assignee: { department: 'yuexiu-duty-office' },
      });
      expect(await setLevel(2, '伤亡扩大')).toMatchObject({ stage: 'emergency', emergencyLevel: 2 });
      expect(await setLevel(3, '已控制')).toMatchObject({ stage: 'emergency', emergencyLevel: 3 });
      const closed = await setLevel(0, '险情解除');
      expect(closed).toMatchObject({ stage: 'mobilization', emergencyLevel: 0, status: 'open' });
      expect(stepOf(closed, 'report-duty-office').status).toBe('cancelled');

      const timeline = await handle.query(caseTimelineQuery);
      expect(timeline.filter((e) => e.type.startsWith('emergency-')).map((e) => [e.type, e.actor])).toEqual([
        ['emergency-opened', SUPERVISOR],
        ['emergency-raised', SUPERVISOR],
        ['emergency-lowered', SUPERVISOR],
        ['emergency-closed', SUPERVISOR],
      ]);
      expect((await driveToClosure(handle, flow)).status).toBe('closed');
    });
  });

  it('stops the clock while suspended: the deadline moves by the suspended time', async () => {
    await withCase(async (handle) => {
      await untilHandle(handle);
      const dueAt = Date.parse(stepOf(await handle.query(caseViewQuery), 'handle').dueAt!);
      const suspended = await handle.executeUpdate(CASE_ACTION_UPDATES.suspend, {
        args: [{ actor: SUPERVISOR, reason: '等待产权认定' }],
      });
      expect(suspended.status).toBe('suspended');
      const blocked = await completeStep(handle, flow, stepOf(suspended, 'handle')).catch((e: unknown) => e);
      expect(failureType(blocked)).toBe('CaseSuspendedError');
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const resumed = await handle.executeUpdate(CASE_ACTION_UPDATES.resume, {
        args: [{ actor: SUPERVISOR, reason: '产权已认定' }],
      });
      expect(resumed.status).toBe('open');

      const timeline = await handle.query(caseTimelineQuery);
      const at = (type: string) => Date.parse(timeline.find((e) => e.type === type)!.at);
      const pause = at('case-resumed') - at('case-suspended');
      expect(pause).toBeGreaterThanOrEqual(1_000);
      expect(Date.parse(stepOf(resumed, 'handle').dueAt!) - dueAt).toBe(pause);
      expect((await driveToClosure(handle, flow)).status).toBe('closed');
    });
  });

  it('runs the target step again (重办) when the citizen is unsatisfied through the department', async () => {
    await withCase(async (handle) => {
      await untilHandle(handle);
      await completeStep(handle, flow, stepOf(await handle.query(caseViewQuery), 'handle'));
      const checking = await waitForView(handle, (v) => stepOf(v, 'check').status === 'active');
      await completeStep(handle, flow, stepOf(checking, 'check'));
      await waitForView(handle, (v) => v.review?.status === 'open');

      const redo = await handle.executeUpdate(CASE_ACTION_UPDATES.feedback, {
        args: [{ actor: VISITOR, satisfaction: 'unsatisfied', resolved: false, fault: 'department' }],
      });
      expect(redo).toMatchObject({ status: 'open', stage: 'action', review: { status: 'redo' } });
      expect(stepOf(redo, 'handle')).toMatchObject({ status: 'active', round: 2 });

      const final = await driveToClosure(handle, flow);
      expect(final).toMatchObject({ status: 'closed', review: { status: 'done', feedbackCount: 2 } });
      expect(stepOf(final, 'handle')).toMatchObject({ status: 'completed', round: 2 });
      expect(stepOf(final, 'check')).toMatchObject({ status: 'completed', round: 2 });
      const timeline = await handle.query(caseTimelineQuery);
      expect(timeline.filter((e) => e.type === 'redo-started')).toHaveLength(1);
      expect(timeline.filter((e) => e.type === 'feedback-received').map((e) => e.actor)).toEqual([
        VISITOR,
        VISITOR,
      ]);
    });
  });

  it('applies two concurrent completions with the same update id once', async () => {
    await withCase(async (handle) => {
      await untilHandle(handle);
      const complete = () =>
        handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
          args: [{ actor: SANITATION, stepId: 'handle', result: { done: true } }],
          updateId: 'same-completion',
        });
      const [first, second] = await Promise.all([complete(), complete()]);
      expect(second).toEqual(first);
      const again = await complete();
      expect(stepOf(again, 'handle')).toMatchObject({ status: 'completed', round: 1 });
      const timeline = await handle.query(caseTimelineQuery);
      expect(timeline.filter((e) => e.type === 'step-completed' && e.stepId === 'handle')).toHaveLength(1);
      expect(stepOf(await handle.query(caseViewQuery), 'check').round).toBe(1);
      await handle.terminate('test done');
    });
  });

  it('lets one of two racing departments complete a reassigned step and rejects the other', async () => {
    await withCase(async (handle) => {
      await untilHandle(handle);
      await handle.executeUpdate(CASE_ACTION_UPDATES.reassign, {
        args: [{ actor: SUPERVISOR, stepId: 'handle', department: 'tianhe-sanitation', reason: '属地不符' }],
      });
      const tianhe = departmentActor('tianhe-sanitation');
      const attempt = (actor: typeof tianhe, id: string) =>
        handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
          args: [{ actor, stepId: 'handle', result: { done: true } }],
          updateId: id,
        });
      const outcomes = await Promise.allSettled([
        attempt(SANITATION, 'yuexiu-try'),
        attempt(tianhe, 'tianhe-try'),
        attempt(tianhe, 'tianhe-second-seat'),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [failureType(o.reason)] : []));
      expect(won).toHaveLength(1);
      // The other department is refused as not assigned, or as too late if the winner got in first.
      expect(lost).toHaveLength(2);
      for (const type of lost) expect(['StepNotActiveError', 'StepNotAssignedError']).toContain(type);
      const timeline = await handle.query(caseTimelineQuery);
      const completed = timeline.filter((e) => e.type === 'step-completed' && e.stepId === 'handle');
      expect(completed).toEqual([expect.objectContaining({ actor: tianhe })]);
      await handle.terminate('test done');
    });
  });
});
