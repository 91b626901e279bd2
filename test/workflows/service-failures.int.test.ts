import type { Client, Connection } from '@temporalio/client';
import type { Flow } from '../../workflows/engine/flow-model';
import { CASE_ACTION_UPDATES, caseTimelineQuery } from '../../workflows/messages';
import { caseInputFor, flowFromYaml } from '../helpers/case-fixtures';
import { SUPERVISOR, driveToClosure, startCaseWorkflow, stepOf, waitForView } from '../helpers/case-driver';
import { startDepartmentSystemsStub, type DepartmentSystemsStub } from '../helpers/department-systems-stub';
import {
  createTestClient,
  expectActivityFailures,
  expectWarning,
  uniqueTaskQueue,
  untilListed,
  withCaseWorker,
} from '../helpers/temporal-test-env';

// The stub answers 503 and 400 on purpose; each test asserts what the case does next.
expectActivityFailures('callDepartmentSystem');
expectWarning('Departmental system call failed for good');

const SERVICE_FLOW = `
id: test.service-call
version: 1
title: { en: Dispatch through the district system }
calendar: cn-mainland
data:
  address: { type: string, required: true }
steps:
  - id: dispatch
    stage: mobilization
    kind: service
    call:
      system: district-dispatch
      operation: createWorkOrder
      input: { address: 'case.data.address', caseId: 'case.id' }
  - id: handle
    stage: action
    kind: task
    after: [dispatch]
    assignee: { role: sanitation, level: district }
    form:
      done: { type: boolean, required: true }
`;

describe('departmental systems failing on the real dev server', () => {
  let client: Client;
  let connection: Connection;
  let systems: DepartmentSystemsStub;
  let flow: Flow;

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
    systems = await startDepartmentSystemsStub();
    flow = await flowFromYaml(SERVICE_FLOW);
  });
  afterAll(async () => {
    await connection.close();
    await systems.close();
  });
  afterEach(() => systems.respond('createWorkOrder', undefined));

  it('retries a system answering 503 and completes the step once it recovers', async () => {
    const input = systems.pointAt(
      await caseInputFor(
        { flowId: flow.id, region: '440104001001001', data: { address: '北京路 3 号' } },
        flow,
      ),
    );
    systems.respond('createWorkOrder', (_call, attempt) =>
      attempt === 1 ? { status: 503 } : { status: 201, body: { workOrderId: 'WO-503-then-ok' } },
    );
    const taskQueue = uniqueTaskQueue('service');
    const final = await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, input);
      return driveToClosure(handle, flow);
    });
    expect(final.status).toBe('closed');
    expect(stepOf(final, 'dispatch')).toMatchObject({
      status: 'completed',
      round: 1,
      result: { workOrderId: 'WO-503-then-ok' },
    });
    const calls = systems.calls.filter((c) => c.body.caseId === input.caseId);
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(1);
    expect(calls[0]?.body.input).toEqual({ address: '北京路 3 号', caseId: input.caseId });
  });

  it('opens an incident on a 400, shows FcIncident, and completes after a supervisor retries', async () => {
    const input = systems.pointAt(
      await caseInputFor(
        { flowId: flow.id, region: '440104001001001', data: { address: '北京路 4 号' } },
        flow,
      ),
    );
    let fixed = false;
    systems.respond('createWorkOrder', () =>
      fixed
        ? { status: 200, body: { workOrderId: 'WO-after-fix' } }
        : { status: 400, body: { error: 'bad grid' } },
    );
    const taskQueue = uniqueTaskQueue('service');
    await withCaseWorker(taskQueue, async () => {
      const handle = await startCaseWorkflow(client, taskQueue, input);
      const broken = await waitForView(handle, (v) => stepOf(v, 'dispatch').incident !== undefined);
      expect(stepOf(broken, 'dispatch')).toMatchObject({
        status: 'active',
        incident: { error: expect.any(String) },
      });
      expect(stepOf(broken, 'dispatch').incident?.error).toContain('DepartmentSystemRejectedError');
      expect(systems.calls.filter((c) => c.body.caseId === input.caseId)).toHaveLength(1);
      await untilListed(client, `WorkflowId = '${handle.workflowId}' AND FcIncident = true`);

      fixed = true;
      const retried = await handle.executeUpdate(CASE_ACTION_UPDATES.retry, {
        args: [{ actor: SUPERVISOR, stepId: 'dispatch' }],
      });
      expect(stepOf(retried, 'dispatch').incident).toBeUndefined();
      const running = await waitForView(handle, (v) => stepOf(v, 'dispatch').status === 'completed');
      expect(stepOf(running, 'dispatch')).toMatchObject({
        round: 1,
        result: { workOrderId: 'WO-after-fix' },
      });
      await untilListed(client, `WorkflowId = '${handle.workflowId}' AND FcIncident = false`);

      const timeline = await handle.query(caseTimelineQuery);
      expect(
        timeline.filter((e) => e.type === 'incident' || e.type === 'step-retried').map((e) => e.type),
      ).toEqual(['incident', 'step-retried']);
      expect(timeline.find((e) => e.type === 'step-retried')?.actor).toEqual(SUPERVISOR);
      expect((await driveToClosure(handle, flow)).status).toBe('closed');
    });
    const keys = systems.calls.filter((c) => c.body.caseId === input.caseId).map((c) => c.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});
