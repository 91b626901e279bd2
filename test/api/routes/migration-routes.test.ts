/**
 * The migration routes over the real routers and a fake gateway: for one case, the payload the API builds (target
 * version, calendar, the directory's departments for the case's region), the dry run answered by a Query and never
 * by the Update, the located 422 problems; for a batch, the request it starts, its idempotency and its problems.
 */
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { loadFlowCatalog } from '../../../config/flow/load-flows';
import { serviceData } from '../../helpers/case-fixtures';
import type { CaseGateway } from '../../../api/cases/case-gateway';
import type { ActionPayload } from '../../../workflows/messages';
import { CASE_ID, bearer, createFakeApp, createFakeGateway, fakePlan, type ActorName } from './fake-api';

const MIGRATE = `/v1/cases/${CASE_ID}/migrate`;

async function post(gateway: CaseGateway, body: object, key?: string) {
  const call = request(await createFakeApp(gateway))
    .post(MIGRATE)
    .set('Authorization', await bearer('designer'));
  if (key !== undefined) call.set('Idempotency-Key', key);
  return call.send(body);
}

describe('POST /v1/cases/{caseId}/migrate', () => {
  it('runs the migrate Update with the target pinned for the case region, answering the plan', async () => {
    const { gateway, calls } = createFakeGateway();
    const response = await post(gateway, { toVersion: 1, stepMapping: { handle: 'handle' } }, 'm-1');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(fakePlan());
    expect(calls.planned).toEqual([]);
    expect(calls.act).toEqual([expect.objectContaining({ type: 'migrate', updateId: 'migrate:case:m-1' })]);
    const payload = calls.act[0]?.payload as ActionPayload<'migrate'>;
    expect(payload).toMatchObject({
      fromVersion: 1,
      stepMapping: { handle: 'handle' },
      actor: { sub: 'd-1', role: 'designer' },
    });
    expect(payload.target.flow).toMatchObject({ id: 'urban.exposed-garbage', version: 1 });
    expect(payload.target.calendar.name).toBe('cn-mainland');
    expect(payload.target.assignees['role:sanitation@district']).toEqual({
      department: 'yuexiu-sanitation',
      role: 'sanitation',
      level: 'district',
    });
  });

  it('answers a dry run from the plan Query without running the Update', async () => {
    const { gateway, calls } = createFakeGateway();
    const response = await post(gateway, { toVersion: 1, dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ applied: false, accepted: true });
    expect(calls.act).toEqual([]);
    expect(calls.planned).toEqual([
      { caseId: CASE_ID, payload: expect.objectContaining({ fromVersion: 1, stepMapping: {} }) },
    ]);
  });

  it('answers a refused dry run as the 422 problem of a refused migration, each error located', async () => {
    const { gateway } = createFakeGateway();
    const errors = [{ path: 'steps.handle', message: "version 2 has no step 'handle'" }];
    const refusing: CaseGateway = {
      ...gateway,
      planMigration: () => Promise.resolve({ ...fakePlan(), accepted: false, applied: false, errors }),
    };
    const response = await post(refusing, { toVersion: 1, dryRun: true });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/migration-refused',
      errors,
    });
  });

  it('answers 422 at toVersion for a version the catalogue does not have, and runs nothing', async () => {
    const { gateway, calls } = createFakeGateway();
    const response = await post(gateway, { toVersion: 9 });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: 'toVersion', message: "flow 'urban.exposed-garbage' has no version 9" },
    ]);
    expect([calls.act, calls.planned]).toEqual([[], []]);
  });

  it('answers 400 with paths for a malformed request', async () => {
    const { gateway } = createFakeGateway();
    const response = await post(gateway, { toVersion: 'two', stepMapping: { handle: 3 } });
    expect(response.status).toBe(400);
    const errors = (response.body as { errors: { path: string }[] }).errors;
    expect(errors.map((e) => e.path).sort()).toEqual(['stepMapping.handle', 'toVersion']);
  });
});

describe('POST /v1/flows/{flowId}/migrations and GET …/{migrationId}', () => {
  const FLOW = 'fixture.street-litter';
  const withFixtureFlows = async (gateway: CaseGateway) => {
    const data = await serviceData();
    const flows = await loadFlowCatalog(
      path.resolve(__dirname, '..', '..', 'fixtures', 'flows', 'migration'),
      data.validation,
    );
    return createFakeApp(gateway, undefined, { ...data, flows });
  };
  const start = async (app: Express, body: object, key?: string, actor: ActorName = 'designer') => {
    const call = request(app)
      .post(`/v1/flows/${FLOW}/migrations`)
      .set('Authorization', await bearer(actor));
    if (key !== undefined) call.set('Idempotency-Key', key);
    return call.send(body);
  };

  it('starts the batch with the target, its calendar and the directory pinned, answering 202 and where to follow it', async () => {
    const { gateway, calls } = createFakeGateway();
    const app = await withFixtureFlows(gateway);
    const response = await start(app, {
      fromVersion: 1,
      toVersion: 2,
      region: '440104',
      stepMapping: { handle: 'clean-up' },
    });
    expect(response.status).toBe(202);
    const { migrationId } = response.body as { migrationId: string };
    expect(response.headers['location']).toBe(`/v1/flows/${FLOW}/migrations/${migrationId}`);
    expect(response.body).toMatchObject({
      status: 'selecting',
      fromVersion: 1,
      toVersion: 2,
      requestedBy: 'd-1',
    });
    expect(calls.batches).toEqual([
      expect.objectContaining({
        migrationId,
        region: '440104',
        stepMapping: { handle: 'clean-up' },
        dryRun: false,
        actor: { sub: 'd-1', role: 'designer' },
        flow: expect.objectContaining({ id: FLOW, version: 2 }),
        calendar: expect.objectContaining({ name: 'cn-mainland' }),
      }),
    ]);
    const read = await request(app)
      .get(response.headers['location'] as string)
      .set('Authorization', await bearer('admin'));
    expect(read.status).toBe(200);
    const elsewhere = await request(app)
      .get(`/v1/flows/urban.exposed-garbage/migrations/${migrationId}`)
      .set('Authorization', await bearer('admin'));
    expect(elsewhere.status).toBe(404);
  });

  it('answers a repeat with the same Idempotency-Key with the same migration, starting nothing new', async () => {
    const { gateway } = createFakeGateway();
    const app = await withFixtureFlows(gateway);
    const first = await start(app, { fromVersion: 1, toVersion: 2 }, 'k-1');
    const again = await start(app, { fromVersion: 1, toVersion: 2 }, 'k-1');
    expect([first.status, again.status]).toEqual([202, 200]);
    expect((again.body as { migrationId: string }).migrationId).toBe(
      (first.body as { migrationId: string }).migrationId,
    );
  });

  it.each([
    [
      { fromVersion: 1, toVersion: 3 },
      [{ path: 'toVersion', message: "flow 'fixture.street-litter' has no version 3" }],
    ],
    [
      { fromVersion: 2, toVersion: 2 },
      [{ path: 'toVersion', message: 'the cases are already on this version' }],
    ],
    [{ fromVersion: 1, toVersion: 2, region: '999' }, [{ path: 'region', message: "unknown region '999'" }]],
    [
      { fromVersion: 1, toVersion: 2, stepMapping: { handle: 'nope' } },
      [{ path: 'stepMapping.handle', message: "version 2 has no step 'nope'" }],
    ],
  ])('answers 422 at each problem of %o and starts nothing', async (body, errors) => {
    const { gateway, calls } = createFakeGateway();
    const response = await start(await withFixtureFlows(gateway), body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(errors);
    expect(calls.batches).toEqual([]);
  });

  it('answers 404 for an unknown flow or migration, and 403 to other roles', async () => {
    const { gateway } = createFakeGateway();
    const app = await withFixtureFlows(gateway);
    const unknownFlow = await request(app)
      .post('/v1/flows/no.such-flow/migrations')
      .set('Authorization', await bearer('designer'))
      .send({ fromVersion: 1, toVersion: 2 });
    expect(unknownFlow.status).toBe(404);
    const unknown = await request(app)
      .get(`/v1/flows/${FLOW}/migrations/nope`)
      .set('Authorization', await bearer('designer'));
    expect([unknown.status, unknown.body.type]).toEqual([
      404,
      'https://fullcycle.dev/problems/migration-not-found',
    ]);
    expect((await start(app, { fromVersion: 1, toVersion: 2 }, undefined, 'supervisorYuexiu')).status).toBe(
      403,
    );
  });
});
