/**
 * `POST /v1/cases/{caseId}/migrate` over the real routers and a fake gateway: the payload the API builds (target
 * version, calendar, the directory's departments for the case's region), the dry run answered by a Query and never
 * by the Update, and the located 422 problems.
 */
import request from 'supertest';
import type { CaseGateway } from '../../../api/cases/case-gateway';
import type { ActionPayload } from '../../../workflows/messages';
import { CASE_ID, bearer, createFakeApp, createFakeGateway, fakePlan } from './fake-api';

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
