import type { Express } from 'express';
import request from 'supertest';
import {
  DepartmentListSchema,
  FlowExplanationSchema,
  MeSchema,
  RegionListSchema,
} from '../../../api/schemas';
import { bearer, createFakeApp, createFakeGateway } from './fake-api';

describe('workbench reads: me, regions, departments, flow explanation', () => {
  let app: Express;

  beforeAll(async () => {
    app = await createFakeApp(createFakeGateway().gateway);
  });

  const get = async (path: string, actor: Parameters<typeof bearer>[0] = 'designer') =>
    request(app)
      .get(path)
      .set('Authorization', await bearer(actor));

  it('says who the token speaks for, with the directory names of its department and region', async () => {
    const clerk = await get('/v1/me', 'sanitation');
    expect(clerk.status).toBe(200);
    expect(MeSchema.parse(clerk.body)).toEqual({
      sub: 'w-1',
      role: 'department',
      dept: 'yuexiu-sanitation',
      departmentName: '越秀区市容环卫',
    });
    const supervisor = await get('/v1/me', 'supervisorYuexiu');
    expect(supervisor.body).toEqual({
      sub: 'sup-1',
      role: 'supervisor',
      region: '440104',
      regionName: '越秀区',
    });
  });

  it('answers 401 without a token', async () => {
    expect((await request(app).get('/v1/me')).status).toBe(401);
    expect((await request(app).get('/v1/regions')).status).toBe(401);
  });

  it('lists the five-level region tree, each region naming its parent', async () => {
    const response = await get('/v1/regions');
    const { items } = RegionListSchema.parse(response.body);
    const grid = items.find((region) => region.code === '440104001001001');
    expect(grid).toEqual({
      code: '440104001001001',
      name: '大塘社区第1网格',
      level: 'grid',
      parent: '440104001001',
    });
    expect(new Set(items.map((region) => region.level))).toEqual(
      new Set(['city', 'district', 'street', 'community', 'grid']),
    );
  });

  it('lists departments without their notification URLs', async () => {
    const response = await get('/v1/departments', 'supervisorYuexiu');
    const { items } = DepartmentListSchema.parse(response.body);
    expect(items).toContainEqual({
      id: 'yuexiu-sanitation',
      name: '越秀区市容环卫',
      region: '440104',
      roles: ['sanitation'],
    });
    expect(JSON.stringify(response.body)).not.toContain('notifyUrl');
  });

  it("explains a flow's deadlines from a start time, in the calendar's zone", async () => {
    const start = encodeURIComponent('2026-03-06T16:30:00+08:00');
    const response = await get(`/v1/flows/urban.exposed-garbage/explanation?start=${start}`);
    expect(response.status).toBe(200);
    const explanation = FlowExplanationSchema.parse(response.body);
    const verify = explanation.steps.find((step) => step.id === 'verify');
    // 16:30 Friday + 1 working hour: 17:30 closes the day, so 1 hour is exactly the end of Friday.
    expect(verify?.dueAt).toBe('2026-03-06T17:30:00+08:00');
    expect(verify?.explanation).not.toBe('');
    expect(verify?.explanationZh).toMatch(
      /^自 2026-03-06（周五）16:30 起 1 个工作小时，按 cn-mainland 日历.* → 2026-03-06（周五）17:30$/,
    );
    expect(verify?.sla).toMatchObject({ within: '1h', clock: 'working', days: 0, minutes: 60 });
  });

  it('refuses an unknown profile with 400 naming it, and an unknown flow with 404', async () => {
    const start = encodeURIComponent('2026-03-06T16:30:00+08:00');
    const profile = await get(`/v1/flows/urban.exposed-garbage/explanation?start=${start}&profile=nowhere`);
    expect(profile.status).toBe(400);
    expect(profile.body.errors).toEqual([expect.objectContaining({ path: 'profile' })]);
    expect((await get(`/v1/flows/no.such-flow/explanation?start=${start}`)).status).toBe(404);
    // A version the flow does not have: the answer names it, as GET /v1/flows/{id}/versions/{version} does.
    const version = await get(`/v1/flows/urban.exposed-garbage/explanation?start=${start}&version=99`);
    expect(version.status).toBe(404);
    expect(version.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/flow-not-found',
      detail: "No flow 'urban.exposed-garbage' version 99",
    });
    expect((await get('/v1/flows/urban.exposed-garbage/explanation?start=tomorrow')).status).toBe(400);
  });
});
