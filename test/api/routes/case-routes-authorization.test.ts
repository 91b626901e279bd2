import type { Express } from 'express';
import request from 'supertest';
import {
  ACTORS,
  bearer,
  CASE_ID,
  createFakeApp,
  createFakeGateway,
  type ActorName,
  type GatewayCalls,
} from './fake-api';

const STEP = `/v1/cases/${CASE_ID}/steps/handle`;

/** [path, body, who gets which status]; the fake case lies in 越秀 and `handle` belongs to yuexiu-sanitation. */
const MATRIX: [string, object, Partial<Record<ActorName, number>>][] = [
  [
    `${STEP}/claim`,
    {},
    { sanitation: 200, otherDept: 403, supervisorYuexiu: 403, intakeYuexiu: 403, admin: 403 },
  ],
  [`${STEP}/return`, { reason: 'wrong-area' }, { sanitation: 200, otherDept: 403, supervisorYuexiu: 403 }],
  [
    `${STEP}/extension`,
    { until: '2026-03-04T17:00:00+08:00', reason: 'rain' },
    { sanitation: 202, otherDept: 403, designer: 403 },
  ],
  [
    `${STEP}/extension/decision`,
    { approve: true },
    { supervisorYuexiu: 200, supervisorTianhe: 403, admin: 200, sanitation: 403 },
  ],
  [
    `${STEP}/park`,
    { reason: 'needs a budget decision' },
    { sanitation: 202, otherDept: 403, supervisorYuexiu: 403 },
  ],
  [
    `${STEP}/park/decision`,
    { approve: false },
    { supervisorYuexiu: 200, supervisorTianhe: 403, admin: 200, sanitation: 403 },
  ],
  [`${STEP}/retry`, {}, { supervisorYuexiu: 200, supervisorTianhe: 403, sanitation: 403 }],
  [
    `/v1/cases/${CASE_ID}/emergency`,
    { level: 2, reason: 'flood' },
    { supervisorYuexiu: 200, supervisorTianhe: 403, admin: 200, intakeYuexiu: 403 },
  ],
  [
    `/v1/cases/${CASE_ID}/urge`,
    { stepId: 'handle' },
    { supervisorYuexiu: 200, supervisorTianhe: 403, sanitation: 403 },
  ],
  [
    `/v1/cases/${CASE_ID}/reassign`,
    { stepId: 'handle', department: 'tianhe-sanitation', reason: 'wrong area' },
    { supervisorYuexiu: 200, supervisorTianhe: 403, designer: 403 },
  ],
  [
    `/v1/cases/${CASE_ID}/suspend`,
    { reason: 'x' },
    { supervisorYuexiu: 200, supervisorTianhe: 403, otherDept: 403 },
  ],
  [`/v1/cases/${CASE_ID}/resume`, { reason: 'x' }, { admin: 200, supervisorTianhe: 403 }],
  [`/v1/cases/${CASE_ID}/cancel`, { reason: 'x' }, { supervisorYuexiu: 200, intakeYuexiu: 403 }],
  [
    `/v1/cases/${CASE_ID}/feedback`,
    { satisfaction: 'satisfied', resolved: true },
    { intakeYuexiu: 200, intakeTianhe: 403, supervisorYuexiu: 403, sanitation: 403 },
  ],
  [
    `/v1/cases/${CASE_ID}/migrate`,
    { toVersion: 1 },
    { designer: 200, admin: 200, supervisorYuexiu: 403, sanitation: 403, intakeYuexiu: 403 },
  ],
];

describe('case action routes: who may do what', () => {
  let app: Express;
  let calls: GatewayCalls;

  beforeEach(async () => {
    const fake = createFakeGateway();
    calls = fake.calls;
    app = await createFakeApp(fake.gateway);
  });

  const rows = MATRIX.flatMap(([path, body, expected]) =>
    Object.entries(expected).map(([actor, status]) => [path, actor as ActorName, status, body] as const),
  );

  it.each(rows)('POST %s as %s answers %i', async (path, actor, status, body) => {
    const response = await request(app)
      .post(path)
      .set('Authorization', await bearer(actor))
      .set('Idempotency-Key', 'k-1')
      .send(body);
    expect(response.status).toBe(status);
    expect(calls.act).toHaveLength(status < 300 ? 1 : 0);
    if (status < 300) {
      expect(calls.act[0]?.payload).toMatchObject({
        actor: { sub: ACTORS[actor].sub, role: ACTORS[actor].role },
      });
    }
  });

  it.each(MATRIX.map(([path, body, expected]) => [path, body, expected] as const))(
    'answers POST %s with the one success status its OpenAPI entry documents',
    async (path, body, expected) => {
      const [actor, status] = Object.entries(expected).find(([, code]) => code < 300)!;
      const response = await request(app)
        .post(path)
        .set('Authorization', await bearer(actor as ActorName))
        .set('Idempotency-Key', 'k-1')
        .send(body);
      const document = await request(app).get('/openapi.json');
      const template = path.replace(`/${CASE_ID}`, '/{caseId}').replace('/steps/handle/', '/steps/{stepId}/');
      const documented = Object.keys(document.body.paths[template].post.responses).filter((code) =>
        code.startsWith('2'),
      );
      expect([response.status, documented]).toEqual([status, [String(status)]]);
    },
  );

  it('answers 401 without a token and runs nothing', async () => {
    const response = await request(app).post(`${STEP}/claim`).send({});
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(calls.act).toHaveLength(0);
  });

  it('requires an Idempotency-Key to complete and passes it on as the Update id', async () => {
    const sanitation = await bearer('sanitation');
    const missing = await request(app)
      .post(`${STEP}/complete`)
      .set('Authorization', sanitation)
      .send({ result: {} });
    expect(missing.status).toBe(400);
    const done = await request(app)
      .post(`${STEP}/complete`)
      .set('Authorization', sanitation)
      .set('Idempotency-Key', 'abc')
      .send({ result: { done: true } });
    expect(done.status).toBe(200);
    expect(calls.act).toEqual([
      expect.objectContaining({
        type: 'complete',
        updateId: 'complete:handle:abc',
        payload: expect.objectContaining({ stepId: 'handle', result: { done: true } }),
      }),
    ]);
  });

  it('converts the extension deadline to epoch milliseconds for the engine', async () => {
    await request(app)
      .post(`${STEP}/extension`)
      .set('Authorization', await bearer('sanitation'))
      .send({ until: '2026-03-04T17:00:00+08:00', reason: 'rain' })
      .expect(202);
    expect(calls.act[0]).toMatchObject({
      type: 'requestExtension',
      payload: { until: Date.parse('2026-03-04T09:00:00Z') },
    });
  });

  it.each([
    [`${STEP}/return`, { reason: 'because' }, 'sanitation'],
    [`${STEP}/extension`, { until: 'tomorrow', reason: 'rain' }, 'sanitation'],
    [`/v1/cases/${CASE_ID}/emergency`, { level: 7, reason: 'x' }, 'admin'],
    [`/v1/cases/${CASE_ID}/urge`, {}, 'admin'],
    [`/v1/cases/${CASE_ID}/feedback`, { satisfaction: 'meh', resolved: 'yes' }, 'intakeYuexiu'],
    [`/v1/cases/bad id!/cancel`, { reason: 'x' }, 'admin'],
  ] as const)('answers 400 with paths for a bad body on %s', async (path, body, actor) => {
    const response = await request(app)
      .post(path)
      .set('Authorization', await bearer(actor))
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors.length).toBeGreaterThan(0);
    expect(calls.act).toHaveLength(0);
  });

  it('answers 422 and runs nothing when 改派 names a department the directory does not have', async () => {
    const response = await request(app)
      .post(`/v1/cases/${CASE_ID}/reassign`)
      .set('Authorization', await bearer('supervisorYuexiu'))
      .send({ stepId: 'handle', department: 'no-such-department', reason: 'wrong area' });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'department' })]);
    expect(calls.act).toHaveLength(0);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    const auth = await bearer('supervisorYuexiu');
    const broken = await request(app)
      .post(`/v1/cases/${CASE_ID}/cancel`)
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"reason":');
    expect(broken.status).toBe(400);
    const text = await request(app)
      .post(`/v1/cases/${CASE_ID}/cancel`)
      .set('Authorization', auth)
      .set('Content-Type', 'text/plain')
      .send('cancel it');
    expect(text.status).toBe(415);
  });

  it('answers 404 for a step the flow does not have and 409 for one the case has not reached', async () => {
    const auth = await bearer('sanitation');
    const unknown = await request(app)
      .post(`/v1/cases/${CASE_ID}/steps/nope/claim`)
      .set('Authorization', auth)
      .send({});
    expect(unknown.status).toBe(404);
    const unreached = await request(app)
      .post(`/v1/cases/${CASE_ID}/steps/check/claim`)
      .set('Authorization', auth)
      .send({});
    expect(unreached.status).toBe(409);
  });
});
