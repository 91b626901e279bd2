import type { Client, Connection } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import type { CaseInput } from '../../workflows/engine/case-input';
import { caseWorkflow } from '../../workflows';
import { caseStart } from '../../api/cases/case-start';
import {
  CASE_ACTION_UPDATES,
  caseTimelineQuery,
  caseViewQuery,
  caseWorkflowId,
} from '../../workflows/messages';
import {
  type CaseHandle,
  completeStep,
  driveToClosure,
  driveUntil,
  isOpenTask,
  startCaseWorkflow,
  waitForView,
} from '../helpers/case-driver';
import { startDepartmentSystemsStub } from '../helpers/department-systems-stub';
import { caseInputFor, flowFromYaml } from '../helpers/case-fixtures';
import { createTestClient, uniqueTaskQueue, untilListed, withCaseWorker } from '../helpers/temporal-test-env';
import { PARALLEL_TASKS_FLOW, taskThenNotifyFlow } from '../helpers/scenario-flow';
import { shellCommandsOf, type ShellCommands } from '../helpers/history-shape';
import type { CaseView } from '../../workflows/engine/case';
import type { Flow } from '../../workflows/engine/flow-model';

const SMALL_FLOW = taskThenNotifyFlow('test.small');

const SHORT_DEADLINE_FLOW = `
id: test.short-deadline
version: 1
title: { en: Short deadline }
steps:
  - id: handle
    stage: action
    kind: task
    assignee: { role: sanitation, level: district }
    sla: { within: 2s, clock: calendar }
`;

/** What the API started a case with before it started it with its first workflow task's values too. */
const INPUT_PINNED_KEYS = ['FcFlowId', 'FcFlowVersion', 'FcRegion', 'FcRegionPath', 'FcPriority', 'FcStatus'];

const SANITATION = { sub: 'worker-1', role: 'department', dept: 'yuexiu-sanitation' } as const;
const OTHER_DEPT = { sub: 'worker-2', role: 'department', dept: 'tianhe-sanitation' } as const;

describe('caseWorkflow on the real dev server', () => {
  let client: Client;
  let connection: Connection;
  let input: CaseInput;

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
  });
  afterAll(async () => connection.close());

  beforeEach(async () => {
    input = await caseInputFor(
      { flowId: 'test.small', region: '440104001001001', data: { address: '北京路 1 号' } },
      await flowFromYaml(SMALL_FLOW),
    );
  });

  it('runs a case from intake to closure when the department completes its task', async () => {
    const taskQueue = uniqueTaskQueue();
    await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, input);
      const started = await handle.query(caseViewQuery);
      expect(started.stage).toBe('action');
      expect(started.steps.find((s) => s.id === 'handle')).toMatchObject({
        status: 'active',
        assignee: { department: 'yuexiu-sanitation' },
      });

      await handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
        args: [{ actor: SANITATION, stepId: 'handle', result: { done: true } }],
        updateId: 'complete-handle-1',
      });
      const final = await handle.result();
      expect(final.status).toBe('closed');
      expect(final.steps.map((s) => [s.id, s.status])).toEqual([
        ['handle', 'completed'],
        ['tell', 'completed'],
      ]);
      const timeline = await handle.query(caseTimelineQuery);
      expect(timeline.some((entry) => entry.actor?.dept === 'yuexiu-sanitation')).toBe(true);
    });
  });

  it('rejects a completion by another department and leaves the step active', async () => {
    const taskQueue = uniqueTaskQueue();
    await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, input);
      const attempt = handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
        args: [{ actor: OTHER_DEPT, stepId: 'handle', result: { done: true } }],
      });
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe(
        'StepNotAssignedError',
      );
      const view = await handle.query(caseViewQuery);
      expect(view.steps.find((s) => s.id === 'handle')?.status).toBe('active');
      await handle.terminate('test done');
    });
  });

  it('marks the case overdue in visibility when a step without escalation rungs passes its deadline', async () => {
    const flow = await flowFromYaml(SHORT_DEADLINE_FLOW);
    const shortInput = await caseInputFor({ flowId: flow.id, region: '440104001001001', data: {} }, flow);
    const taskQueue = uniqueTaskQueue();
    await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, shortInput);
      await untilListed(client, `WorkflowId = '${handle.workflowId}' AND FcOverdue = true`);
      expect((await handle.query(caseViewQuery)).steps[0]).toMatchObject({ id: 'handle', overdue: true });
      await handle.terminate('test done');
    });
  });

  it('delivers the notification of a closing notify step before the case completes', async () => {
    const stub = await startDepartmentSystemsStub();
    try {
      const hotline = input.departments['gz-hotline-12345']!;
      const notified: CaseInput = {
        ...input,
        departments: { ...input.departments, [hotline.id]: { ...hotline, notifyUrl: `${stub.url}/notify` } },
      };
      const taskQueue = uniqueTaskQueue();
      await withCaseWorker(taskQueue, async () => {
        const handle = await startCaseWorkflow(client, taskQueue, notified);
        await handle.executeUpdate(CASE_ACTION_UPDATES.complete, {
          args: [{ actor: SANITATION, stepId: 'handle', result: { done: true } }],
        });
        expect((await handle.result()).status).toBe('closed');
      });
      const delivered = stub.calls.filter((call) => call.body.caseId === input.caseId);
      expect(delivered).toContainEqual(
        expect.objectContaining({ body: expect.objectContaining({ stepId: 'tell', kind: 'notify' }) }),
      );
    } finally {
      await stub.close();
    }
  });

  /**
   * Runs a case of PARALLEL_TASKS_FLOW: `drive` takes it to closure; answers what its history shows of the shell's
   * timer and search attribute commands. Its limits count on the calendar clock here: on the working clock, tasks
   * activated outside working hours (the lunch break, the evening) all get the same deadline, and the timer counts
   * below would depend on the time of day the test runs.
   */
  async function parallelTasksCase(
    drive: (handle: CaseHandle, flow: Flow) => Promise<CaseView>,
  ): Promise<ShellCommands> {
    const flow = await flowFromYaml(PARALLEL_TASKS_FLOW.replaceAll('clock: working', 'clock: calendar'));
    const parallel = await caseInputFor(
      { flowId: flow.id, region: '440104001001001', data: { address: '北京路 1 号' } },
      flow,
    );
    const taskQueue = uniqueTaskQueue();
    return withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, parallel);
      expect((await drive(handle, flow)).status).toBe('closed');
      return shellCommandsOf((await handle.fetchHistory()).events ?? []);
    });
  }

  it('keeps its timer while the next wake stays the same (engine revision 4 on)', async () => {
    const shell = await parallelTasksCase(driveToClosure);
    // A timer for accept's deadline, one for the deadline the three parallel tasks share (seal's and tax's
    // completions left it running), one for register's; the closing pass leaves the last one to Temporal.
    expect(shell).toMatchObject({ timersStarted: 3, timersCanceled: 2 });
  });

  it('shows what identifies it and its stage in visibility from start to close, never the per-transition keys (engine revision 5)', async () => {
    const listedKeys: string[] = [];
    const shell = await parallelTasksCase(async (handle, flow) => {
      const identity = [
        `WorkflowId = '${handle.workflowId}'`,
        `FcFlowId = 'test.parallel-tasks' AND FcFlowVersion = 1 AND FcPriority = 'normal'`,
        `FcRegion = '440104001001001' AND FcRegionPath = '440104'`,
        `FcEmergencyLevel = 0 AND FcIncident = false AND FcOverdue = false`,
      ].join(' AND ');
      const listedAt = (stage: string, status: string) =>
        untilListed(client, `${identity} AND FcStage = '${stage}' AND FcStatus = '${status}'`);
      await listedAt('assessment', 'open');
      for (const stage of ['action', 'supervision']) {
        await driveUntil(handle, flow, (view) => view.stage === stage);
        await listedAt(stage, 'open');
      }
      const closed = await driveToClosure(handle, flow);
      await listedAt('closed', 'closed');
      for await (const execution of client.workflow.list({ query: `WorkflowId = '${handle.workflowId}'` })) {
        listedKeys.push(...execution.typedSearchAttributes.getAll().map((pair) => pair.key.name));
      }
      return closed;
    });
    for (const key of ['FcLastProgressAt', 'FcWaitingOn', 'FcDepartments', 'FcNextDueAt']) {
      expect(listedKeys).not.toContain(key);
    }
    expect(listedKeys).toEqual(expect.arrayContaining(['FcFlowId', 'FcStage', 'FcStatus', 'FcRegionPath']));
    // The API's start request set every key at the value of the case's start: one upsert per stage change, none
    // for the completions within a stage.
    expect(shell.upsertedKeys).toEqual([['FcStage'], ['FcStage'], ['FcStage', 'FcStatus']]);
  });

  it('is started with the search attributes its first workflow task upserted before: the same values, one upsert fewer', async () => {
    const flow = await flowFromYaml(PARALLEL_TASKS_FLOW.replaceAll('clock: working', 'clock: calendar'));
    const fields = { flowId: flow.id, region: '440104001001001', data: { address: '北京路 1 号' } };
    const [now, before] = [await caseInputFor(fields, flow), await caseInputFor(fields, flow)];
    const taskQueue = uniqueTaskQueue();
    await withCaseWorker(taskQueue, async () => {
      const handles = {
        now: await startCaseWorkflow(client, taskQueue, now),
        // As the API started a case before: only what its input pins, the first workflow task upserting the rest.
        before: await client.workflow.start(caseWorkflow, {
          taskQueue,
          workflowId: caseWorkflowId(before.caseId),
          args: [{ kind: 'start', case: before }],
          typedSearchAttributes: caseStart(before, Date.now()).typedSearchAttributes.filter(({ key }) =>
            INPUT_PINNED_KEYS.includes(key.name),
          ),
        }),
      };
      const searchAttributes = async (handle: CaseHandle): Promise<unknown[]> =>
        (await handle.describe()).typedSearchAttributes
          .getAll()
          .map(({ key, value }) => [key.name, value])
          .sort(([a], [b]) => String(a).localeCompare(String(b)));
      const upserts = async (handle: CaseHandle) =>
        shellCommandsOf((await handle.fetchHistory()).events ?? []).upsertedKeys;
      for (const handle of Object.values(handles))
        await waitForView(handle, (view) => view.stage === 'assessment');
      expect(await searchAttributes(handles.now)).toEqual(await searchAttributes(handles.before));
      expect(await upserts(handles.before)).toEqual([
        ['FcEmergencyLevel', 'FcIncident', 'FcOverdue', 'FcStage'],
      ]);
      expect(await upserts(handles.now)).toEqual([]);
      for (const handle of Object.values(handles)) await driveToClosure(handle, flow);
      expect(await searchAttributes(handles.now)).toEqual(await searchAttributes(handles.before));
      expect((await upserts(handles.now)).length).toBe((await upserts(handles.before)).length - 1);
    });
  });

  it('upserts its search attributes at most once for the completions one workflow task takes (engine revision 4 on)', async () => {
    const shell = await parallelTasksCase(async (handle, flow) => {
      const sideBySide = await driveUntil(handle, flow, (view) => view.steps.filter(isOpenTask).length === 3);
      // As the departments' systems do: the three completions at once, often taken by one workflow task.
      await Promise.all(sideBySide.steps.filter(isOpenTask).map((step) => completeStep(handle, flow, step)));
      return driveToClosure(handle, flow);
    });
    expect(shell.mostUpsertsInOneTask).toBe(1);
    expect(shell).toMatchObject({ timersStarted: 3, timersCanceled: 2 });
  });
});
