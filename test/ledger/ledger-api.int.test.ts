/**
 * Over HTTP on the real dev server, with the worker feeding the API's ledger: a closed case, its timeline and its
 * place in the search still answer after its workflow is deleted from Temporal (as retention would).
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import request from 'supertest';
import { caseWorkflowId } from '../../workflows/messages';
import { eventually } from '../helpers/eventually';
import {
  bearer,
  expectStatus,
  startReferenceCase,
  SUPERVISOR,
  timelineOf,
  useHttpHarness,
} from '../api/support/http-case-harness';

const live = useHttpHarness();

describe('a closed case in the ledger', () => {
  it('is still readable through the API after its workflow is deleted from Temporal', async () => {
    const { harness, driver } = live;
    const flowId = 'urban.exposed-garbage';
    const caseId = await startReferenceCase(harness.app, flowId, 'LEDGER');
    await driver.driveToClosure(caseId, harness.service.flows.get(flowId)!);
    const handle = harness.client.workflow.getHandle(caseWorkflowId(caseId));
    await handle.result(); // completes only once its last ledger write has landed
    const before = await timelineOf(harness.app, caseId);

    await harness.client.workflowService.deleteWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: caseWorkflowId(caseId) },
    });
    await eventually(
      () =>
        handle.describe().then(
          () => false,
          (error: unknown) => error instanceof WorkflowNotFoundError,
        ),
      'the workflow deleted',
      // Deletion is a background task of the server: on a loaded machine it can take a while.
      { timeoutMs: 60_000, intervalMs: 250 },
    );

    const auth = await bearer(SUPERVISOR);
    const view = await request(harness.app).get(`/v1/cases/${caseId}`).set('Authorization', auth);
    expectStatus(view, 200, 'case view from the ledger');
    expect(view.body).toMatchObject({ caseId, flowId, status: 'closed', stage: 'closed' });
    const after = await timelineOf(harness.app, caseId);
    expect(after.map((e) => [e.type, e.stepId])).toEqual(before.map((e) => [e.type, e.stepId]));
    const search = await request(harness.app)
      .get(`/v1/cases?caseIdPrefix=${caseId}&status=closed`)
      .set('Authorization', auth);
    expect(search.body.items).toEqual([expect.objectContaining({ caseId, status: 'closed' })]);
  }, 120_000);
});
