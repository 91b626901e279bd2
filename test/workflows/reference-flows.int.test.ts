import type { Client, Connection } from '@temporalio/client';
import { caseTimelineQuery } from '../../workflows/messages';
import { caseInputFor, serviceData } from '../helpers/case-fixtures';
import { driveToClosure, startCaseWorkflow } from '../helpers/case-driver';
import { startDepartmentSystemsStub, type DepartmentSystemsStub } from '../helpers/department-systems-stub';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import { createTestClient, uniqueTaskQueue, withCaseWorker } from '../helpers/temporal-test-env';

describe('every reference flow on the real dev server', () => {
  let client: Client;
  let connection: Connection;
  let systems: DepartmentSystemsStub;

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
    systems = await startDepartmentSystemsStub();
  });
  afterAll(async () => {
    await connection.close();
    await systems.close();
  });

  it('has a happy-path case for every flow in flows/', async () => {
    const ids = [...new Set((await serviceData()).flows.list().map((flow) => flow.id))].sort();
    expect(Object.keys(REFERENCE_CASES).sort()).toEqual(ids);
  });

  it.each(Object.entries(REFERENCE_CASES))(
    'runs %s from intake to closure on its happy path',
    async (flowId, reference) => {
      const input = systems.pointAt(await caseInputFor(reference.fields));
      const taskQueue = uniqueTaskQueue('happy');
      const { final, timeline } = await withCaseWorker(taskQueue, async () => {
        const handle = await startCaseWorkflow(client, taskQueue, input);
        const view = await driveToClosure(
          handle,
          input.flow,
          reference.results ? { results: reference.results } : {},
        );
        return { final: await handle.result(), timeline: await handle.query(caseTimelineQuery), view };
      });

      expect(final).toMatchObject({ flowId, status: 'closed', stage: 'closed', emergencyLevel: 0 });
      const main = final.steps.filter((s) => input.flow.steps.some((step) => step.id === s.id));
      expect(
        main
          .filter((s) => s.status === 'completed')
          .map((s) => s.id)
          .sort(),
      ).toEqual([...reference.completed].sort());
      expect(main.filter((s) => s.status !== 'completed').every((s) => s.status === 'skipped')).toBe(true);
      for (const step of main.filter((s) => s.status === 'completed')) expect(step.round).toBe(1);

      for (const step of main.filter((s) => s.kind === 'task' && s.status === 'completed')) {
        const done = timeline.filter((e) => e.type === 'step-completed' && e.stepId === step.id);
        expect(done).toHaveLength(1);
        expect(done[0]?.actor).toMatchObject({ role: 'department', dept: step.assignee?.department });
      }
      const services = input.flow.steps.filter((s) => s.kind === 'service').map((s) => s.id);
      for (const stepId of services) {
        const calls = systems.calls.filter((c) => c.body.caseId === input.caseId && c.body.stepId === stepId);
        expect(calls).toHaveLength(1);
      }
      if (input.flow.review) {
        expect(timeline.some((e) => e.type === 'feedback-received')).toBe(true);
      }
      expect(timeline.at(-1)?.type).toBe('case-closed');
    },
  );
});
