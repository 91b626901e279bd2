import type { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createTokenVerifier, mintToken, type Actor } from '../../../api/auth';
import { createCaseGateway } from '../../../api/cases/case-gateway';
import { createApiRouters } from '../../../api/create-api-routers';
import { createFlowCatalog } from '../../../config/flow/load-flows';
import { createLedgerWriter, openLedger, type Ledger } from '../../../ledger';
import { flowFromYaml, serviceData, uniqueCaseId } from '../../helpers/case-fixtures';
import { eventually } from '../../helpers/eventually';
import {
  createTestClient,
  TEST_GATEWAY_TIMEOUTS,
  uniqueTaskQueue,
  withCaseWorker,
} from '../../helpers/temporal-test-env';
import { createTestLogger } from '../support/test-logger';
import { taskThenNotifyFlow } from '../../helpers/scenario-flow';

const SECRET = 'integration-secret-integration-secret-01';
const SMALL_FLOW = taskThenNotifyFlow('test.api');

const token = (actor: Actor) => mintToken(SECRET, actor, { expiresIn: '10m' }).then((jwt) => `Bearer ${jwt}`);
const INTAKE: Actor = { sub: 'seat-1', role: 'intake', region: '440104' };
const SANITATION: Actor = { sub: 'w-1', role: 'department', dept: 'yuexiu-sanitation' };
const OTHER: Actor = { sub: 'w-2', role: 'department', dept: 'tianhe-sanitation' };
const SUPERVISOR: Actor = { sub: 'sup-1', role: 'supervisor', region: '440104' };

/** The case ids of a list response body. */
const caseIdsOf = (body: unknown): string[] =>
  ((body as { items?: { caseId: string }[] }).items ?? []).map((item) => item.caseId);

describe('HTTP API over the real gateway and dev server', () => {
  let client: Client;
  let connection: Connection;
  let app: Express;
  let ledger: Ledger;
  const taskQueue = uniqueTaskQueue('api');

  beforeAll(async () => {
    ({ client, connection } = await createTestClient());
    const data = await serviceData();
    const flow = await flowFromYaml(SMALL_FLOW);
    const flows = createFlowCatalog([{ flow, file: 'test.yaml', text: SMALL_FLOW, format: 'yaml' }]);
    const { logger } = createTestLogger();
    ledger = await openLedger({ file: ':memory:' });
    const routers = createApiRouters({
      gateway: createCaseGateway(client, taskQueue, TEST_GATEWAY_TIMEOUTS),
      ledger,
      service: { ...data, flows },
      verifier: createTokenVerifier({ secret: SECRET }),
      logger,
    });
    app = createApp({ logger, checkTemporal: () => Promise.resolve(), routers });
  });
  afterAll(async () => {
    await connection.close();
    await ledger.close();
  });

  it('starts, lists, supervises and completes a case with the contract status codes', async () => {
    await withCaseWorker(
      taskQueue,
      async () => {
        const caseId = uniqueCaseId('API');
        const body = {
          caseId,
          flowId: 'test.api',
          region: '440104001001001',
          data: { address: '北京路 1 号' },
        };
        const intake = await token(INTAKE);
        const start = () => request(app).post('/v1/cases').set('Authorization', intake).send(body);

        const created = await start();
        expect(created.status).toBe(201);
        expect(created.headers['location']).toBe(`/v1/cases/${caseId}`);
        expect(created.body).toMatchObject({ caseId, status: 'open', stage: 'action' });
        // The created case's view is the engine's start as the API ran it; a repeated start reads the workflow's:
        // the same view, byte for byte.
        const repeated = await start();
        expect(repeated.status).toBe(200);
        expect(repeated.text).toBe(created.text);
        const different = { ...body, data: { address: '北京路 2 号' } };
        expect(
          (await request(app).post('/v1/cases').set('Authorization', intake).send(different)).status,
        ).toBe(409);
        const unknown = { ...body, caseId: uniqueCaseId(), flowId: 'no.such.flow' };
        expect((await request(app).post('/v1/cases').set('Authorization', intake).send(unknown)).status).toBe(
          404,
        );
        const bad = await request(app)
          .post('/v1/cases')
          .set('Authorization', intake)
          .send({ ...body, caseId: uniqueCaseId(), data: {} });
        expect(bad.status).toBe(422);
        expect(bad.body.errors).toContainEqual(expect.objectContaining({ path: 'data.address' }));

        const sanitation = await token(SANITATION);
        await eventually(async () => {
          const inbox = await request(app)
            .get('/v1/departments/yuexiu-sanitation/tasks')
            .set('Authorization', sanitation);
          return caseIdsOf(inbox.body).includes(caseId);
        }, 'the case in the department inbox');
        const supervisor = await token(SUPERVISOR);
        await eventually(async () => {
          const stalled = await request(app)
            .get('/v1/supervision/stalled?department=yuexiu-sanitation')
            .set('Authorization', supervisor);
          return caseIdsOf(stalled.body).includes(caseId);
        }, 'the case among stalled cases');

        const complete = (auth: string, key: string) =>
          request(app)
            .post(`/v1/cases/${caseId}/steps/handle/complete`)
            .set('Authorization', auth)
            .set('Idempotency-Key', key)
            .send({ result: { done: true } });
        expect((await complete(await token(OTHER), 'k-other')).status).toBe(403);
        const first = await complete(sanitation, 'k-1');
        expect(first.status).toBe(200);
        const again = await complete(sanitation, 'k-1');
        expect(again.status).toBe(200);
        expect(again.body.steps).toEqual(first.body.steps);
        expect((await complete(sanitation, 'k-2')).status).toBe(409);

        const timeline = await request(app).get(`/v1/cases/${caseId}/timeline`).set('Authorization', intake);
        const entries = (timeline.body as { items: { type: string; stepId?: string }[] }).items;
        const completions = entries.filter(
          (entry: { type: string; stepId?: string }) =>
            entry.stepId === 'handle' && entry.type.includes('complete'),
        );
        expect(completions).toHaveLength(1);
      },
      { env: {}, ledger: createLedgerWriter(ledger) },
    );
  });
});
