import type { Client, Connection } from '@temporalio/client';
import { caseTimelineQuery, caseViewQuery } from '../../workflows/messages';
import { createCaseWorker } from '../../worker/create-case-worker';
import { caseInputFor } from '../helpers/case-fixtures';
import { completeStep, driveToClosure, startCaseWorkflow, stepOf, waitForView } from '../helpers/case-driver';
import { startDepartmentSystemsStub, type DepartmentSystemsStub } from '../helpers/department-systems-stub';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import {
  installQuietRuntime,
  createTestClient,
  testTemporalAddress,
  uniqueTaskQueue,
  withCaseWorker,
} from '../helpers/temporal-test-env';

describe('a worker killed in the middle of a case', () => {
  let client: Client;
  let connection: Connection;
  let systems: DepartmentSystemsStub;

  beforeAll(async () => {
    installQuietRuntime();
    ({ client, connection } = await createTestClient());
    systems = await startDepartmentSystemsStub();
  });
  afterAll(async () => {
    await connection.close();
    await systems.close();
  });

  it('finishes the case on a new worker with no step lost or done twice', async () => {
    const reference = REFERENCE_CASES['urban.exposed-garbage']!;
    const input = systems.pointAt(await caseInputFor(reference.fields));
    const taskQueue = uniqueTaskQueue('restart');

    const first = await createCaseWorker({
      temporal: { connectionOptions: { address: testTemporalAddress() }, namespace: 'default' },
      taskQueue,
      activityDependencies: { env: {} },
      workflowBundle: { codePath: process.env.FULLCYCLE_TEST_WORKFLOW_BUNDLE! },
    });
    const running = first.worker.run();
    const handle = await startCaseWorkflow(client, taskQueue, input);
    await completeStep(handle, input.flow, stepOf(await handle.query(caseViewQuery), 'verify'));
    const filing = await waitForView(handle, (v) => stepOf(v, 'file').status === 'active');
    first.worker.shutdown();
    await running;
    await first.connection.close();

    // Sent while no worker runs: Temporal holds it until the new worker picks the case up.
    const pendingFile = completeStep(handle, input.flow, stepOf(filing, 'file'));
    const { view: final, timeline } = await withCaseWorker(
      taskQueue,
      async () => {
        await pendingFile;
        const view = await driveToClosure(handle, input.flow);
        return { view, timeline: await handle.query(caseTimelineQuery) };
      },
      { env: {} },
    );

    expect(final.status).toBe('closed');
    const completed = final.steps.filter((s) => s.status === 'completed');
    expect(completed.map((s) => s.id).sort()).toEqual([...reference.completed].sort());
    for (const step of completed) expect(step.round).toBe(1);
    for (const stepId of reference.completed) {
      expect(timeline.filter((e) => e.type === 'step-completed' && e.stepId === stepId)).toHaveLength(1);
    }
    expect(systems.calls.filter((c) => c.body.caseId === input.caseId)).toHaveLength(1);
  });
});
