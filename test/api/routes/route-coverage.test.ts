import type { Router } from 'express';
import request from 'supertest';
import { createTokenVerifier } from '../../../api/auth';
import { createApiRouters } from '../../../api/create-api-routers';
import { openLedger } from '../../../ledger';
import { serviceData } from '../../helpers/case-fixtures';
import { createTestLogger } from '../support/test-logger';
import { bearer, createFakeApp, createFakeGateway, SECRET } from './fake-api';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `METHOD /path/{param}` of every route in the routers, found by walking Express's layer stacks. */
function servedRoutes(routers: readonly Router[]): string[] {
  const walk = (stack: readonly Layer[]): string[] =>
    stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map(
            (method) => `${method} ${layer.route?.path.replace(/:(\w+)/g, '{$1}') ?? ''}`,
          )
        : walk(layer.handle?.stack ?? []),
    );
  return walk(routers.flatMap((router) => router.stack as Layer[]));
}

describe('product routes', () => {
  it('are all described in /openapi.json', async () => {
    const { gateway } = createFakeGateway();
    const routers = createApiRouters({
      gateway,
      ledger: await openLedger({ file: ':memory:' }),
      service: await serviceData(),
      verifier: createTokenVerifier({ secret: SECRET }),
      logger: createTestLogger().logger,
    });
    const served = servedRoutes(routers).filter((route) => / \/(v1|open311)\//.test(route));
    const document = await request(await createFakeApp(gateway)).get('/openapi.json');
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    const described = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m} ${path}`),
    );
    expect(served.length).toBeGreaterThanOrEqual(20);
    expect(served.filter((route) => !described.includes(route))).toEqual([]);
  });

  it('answers 404 problems for unknown routes after authentication', async () => {
    const app = await createFakeApp(createFakeGateway().gateway);
    const response = await request(app)
      .get('/v1/nothing-here')
      .set('Authorization', await bearer('admin'));
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('POST /v1/cases authorization and validation', () => {
  const body = {
    flowId: 'urban.exposed-garbage',
    region: '440104001001001',
    data: { address: 'a', reportedBy: 'citizen' },
  };

  it.each([
    ['intakeYuexiu', 201],
    ['intakeTianhe', 403],
    ['admin', 201],
    ['supervisorYuexiu', 403],
    ['sanitation', 403],
    ['designer', 403],
  ] as const)('lets %s start a 越秀 case: %i', async (actor, status) => {
    const { gateway, calls } = createFakeGateway();
    const response = await request(await createFakeApp(gateway))
      .post('/v1/cases')
      .set('Authorization', await bearer(actor))
      .send(body);
    expect(response.status).toBe(status);
    expect(calls.started).toHaveLength(status === 201 ? 1 : 0);
    if (status === 201) expect(response.headers['location']).toMatch(/^\/v1\/cases\/[\w-]+$/);
  });

  it.each([
    [{ ...body, priority: 'high' }, 400],
    [{ ...body, data: 'x' }, 400],
    [{ ...body, caseId: 'bad id' }, 400],
    [{ ...body, data: {} }, 422],
    [{ ...body, region: '999' }, 422],
    [{ ...body, flowId: 'no.such' }, 404],
  ])('answers %j with %i', async (payload, status) => {
    const { gateway, calls } = createFakeGateway();
    const response = await request(await createFakeApp(gateway))
      .post('/v1/cases')
      .set('Authorization', await bearer('admin'))
      .send(payload);
    expect(response.status).toBe(status);
    expect(calls.started).toHaveLength(0);
  });

  it('names the flow and the version it does not hold, as the flow routes do', async () => {
    const { gateway } = createFakeGateway();
    const response = await request(await createFakeApp(gateway))
      .post('/v1/cases')
      .set('Authorization', await bearer('admin'))
      .send({ ...body, flowVersion: 99 });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/flow-not-found',
      detail: `No flow '${body.flowId}' version 99`,
    });
  });

  it('refuses an intake seat outside the region before looking at the flow or the data', async () => {
    const { gateway } = createFakeGateway();
    const response = await request(await createFakeApp(gateway))
      .post('/v1/cases')
      .set('Authorization', await bearer('intakeTianhe'))
      .send({ ...body, flowId: 'no.such', data: {} });
    expect(response.status).toBe(403);
  });
});
