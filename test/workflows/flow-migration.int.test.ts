/**
 * The flow migration workflow on the real dev server: a batch that continues as new after every case and whose
 * worker is stopped half-way still migrates each case once, carrying its selection and outcomes.
 */
import path from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import { batchMigrationRequestFor } from '../../api/cases/build-migration';
import { selectionQuery } from '../../activities/migration-activities';
import { loadFlowCatalog } from '../../config/flow/load-flows';
import { flowMigrationWorkflow } from '../../workflows/flow-migration-workflow';
import { flowMigrationProgressQuery, flowMigrationWorkflowId } from '../../workflows/flow-migration-messages';
import { caseTimelineQuery, caseViewQuery, caseWorkflowId } from '../../workflows/messages';
import { caseInputFor, serviceData, uniqueCaseId } from '../helpers/case-fixtures';
import { startCaseWorkflow } from '../helpers/case-driver';
import { eventually } from '../helpers/eventually';
import { createTestClient, uniqueTaskQueue, withCaseWorker } from '../helpers/temporal-test-env';

const FLOW_ID = 'fixture.street-litter';
const FLOWS_DIR = path.resolve(__dirname, '..', 'fixtures', 'flows', 'migration');

describe('a batch migration workflow', () => {
  let client: Client;
  let connection: Connection;

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
  });
  afterAll(async () => {
    await connection.close();
  });

  it('continues as new with its progress and survives a worker stop, migrating each case once', async () => {
    const data = await serviceData();
    const flows = await loadFlowCatalog(FLOWS_DIR, data.validation);
    const taskQueue = uniqueTaskQueue('batch');
    const caseIds = [uniqueCaseId('B'), uniqueCaseId('B'), uniqueCaseId('B')];
    const request = batchMigrationRequestFor(
      { ...data, flows },
      FLOW_ID,
      { fromVersion: 1, toVersion: 2 },
      {
        migrationId: uniqueCaseId('m').toLowerCase(),
        actor: { sub: 'designer-1', role: 'designer' },
        now: Date.now(),
      },
    );
    const workflowId = flowMigrationWorkflowId(request.migrationId);

    await withCaseWorker(taskQueue, async () => {
      for (const caseId of caseIds) {
        const input = await caseInputFor(
          { caseId, flowId: FLOW_ID, region: '440104001001001', data: { address: '北京路' } },
          flows.get(FLOW_ID, 1),
        );
        await startCaseWorkflow(client, taskQueue, input);
      }
      const query = selectionQuery({ flowId: FLOW_ID, fromVersion: 1, taskQueue });
      await eventually(async () => {
        let count = 0;
        for await (const _ of client.workflow.list({ query })) count += 1;
        return count === caseIds.length;
      }, 'the cases listed');
      const handle = await client.workflow.start(flowMigrationWorkflow, {
        taskQueue,
        workflowId,
        args: [{ request, options: { casesPerRun: 1 } }],
      });
      await eventually(
        async () => (await handle.query(flowMigrationProgressQuery)).done >= 1,
        'one case done',
      );
    });

    const final = await withCaseWorker(taskQueue, () =>
      client.workflow.getHandle<typeof flowMigrationWorkflow>(workflowId).result(),
    );
    expect(final).toMatchObject({ status: 'completed', selected: 3, done: 3 });
    expect(final.counts).toEqual({ migrated: 3, planned: 0, refused: 0, skipped: 0, failed: 0 });
    expect(final.cases.map((c) => c.caseId)).toEqual([...caseIds].sort());

    const runs = await eventually(async () => {
      const found: string[] = [];
      for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
        found.push(run.status.name);
      }
      return found.length >= 3 ? found : undefined;
    }, 'the runs listed');
    expect(runs.filter((status) => status === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);

    await withCaseWorker(taskQueue, async () => {
      for (const caseId of caseIds) {
        const handle = client.workflow.getHandle(caseWorkflowId(caseId));
        expect((await handle.query(caseViewQuery)).flowVersion).toBe(2);
        const migrated = (await handle.query(caseTimelineQuery)).filter((e) => e.type === 'case-migrated');
        expect(migrated).toHaveLength(1);
      }
    });
  });
});
