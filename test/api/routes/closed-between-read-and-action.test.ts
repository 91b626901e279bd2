/**
 * A case whose workflow Temporal closed outside the engine after the route read it running (terminated between the
 * view and the Update): the Update finds no workflow, the API records the closure on sight and answers 409
 * `case-closed`, not 404 (api/routes/act-on-case.ts, api/ledger/closure-on-sight.ts).
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import request from 'supertest';
import { problemTypeUri } from '../../../api/problems/problem-document';
import { openLedger, readCaseRecord, writeLedgerBatch, type Ledger } from '../../../ledger';
import { ledgerBatch } from '../../../workflows/engine/case/ledger-snapshot';
import { runningGarbageCase } from '../../ledger/closures/running-garbage-case';
import { at } from '../../workflows/engine/case/fixtures/calendars';
import { bearer, CASE_ID, createFakeApp, createFakeGateway } from './fake-api';

const TERMINATED = at('2026-03-05T09:59:00+08:00');

describe('an action on a case terminated between its read and its Update', () => {
  let ledger: Ledger;
  afterEach(() => ledger.close());

  it('is a 409 case-closed, and the ledger records the closure at once', async () => {
    ledger = await openLedger({ file: ':memory:' });
    await writeLedgerBatch(ledger, ledgerBatch(runningGarbageCase(CASE_ID).state, 0));
    const { gateway } = createFakeGateway();
    const app = await createFakeApp(
      {
        ...gateway,
        act: () => Promise.reject(new WorkflowNotFoundError('not found', `case-${CASE_ID}`, undefined)),
        closures: {
          closure: () => Promise.resolve({ kind: 'terminated', at: TERMINATED, identity: 'ops@host' }),
          firstBatch: () => Promise.resolve(undefined),
        },
      },
      ledger,
    );

    const response = await request(app)
      .post(`/v1/cases/${CASE_ID}/urge`)
      .set('Authorization', await bearer('supervisorYuexiu'))
      .send({ stepId: 'handle', note: '请尽快处理' });

    expect(response.status).toBe(409);
    expect(response.body.type).toBe(problemTypeUri('case-closed'));
    expect((await readCaseRecord(ledger, CASE_ID))?.snapshot).toMatchObject({
      status: 'cancelled',
      closedAt: TERMINATED,
    });
  });
});
