import { TypedSearchAttributes } from '@temporalio/common';
import type { Express } from 'express';
import request from 'supertest';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../../workflows/search-attributes';
import { SUMMARY_MAX_PAGES } from '../../../api/routes/supervision-read';
import { bearer, CASE_ID, createFakeApp, createFakeGateway, type GatewayCalls } from './fake-api';

const PAGE = {
  items: [
    {
      caseId: CASE_ID,
      attributes: new TypedSearchAttributes([
        { key: SA.flowId, value: 'urban.exposed-garbage' },
        { key: SA.stage, value: 'action' },
        { key: SA.region, value: '440104001001001' },
        { key: SA.waitingOn, value: ['yuexiu-sanitation'] },
        { key: SA.overdue, value: true },
        { key: SA.lastProgressAt, value: new Date('2026-03-02T01:30:00Z') },
      ]),
      memo: {
        openSteps: [
          {
            stepId: 'handle',
            title: '处置',
            stage: 'action',
            status: 'active' as const,
            department: 'yuexiu-sanitation',
            dueAt: '2026-03-02T13:30:00+08:00',
            overdue: true,
          },
          {
            stepId: 'notify-other',
            title: '通知',
            stage: 'action',
            status: 'active' as const,
            department: 'tianhe-sanitation',
            overdue: false,
          },
        ],
      },
    },
  ],
  nextPageToken: 'next',
};

describe('case, inbox, supervision and flow reads', () => {
  let app: Express;
  let calls: GatewayCalls;

  beforeEach(async () => {
    const fake = createFakeGateway(PAGE);
    calls = fake.calls;
    app = await createFakeApp(fake.gateway);
  });

  it.each([
    ['sanitation', 200],
    ['otherDept', 403],
    ['supervisorYuexiu', 200],
    ['supervisorTianhe', 403],
    ['intakeYuexiu', 200],
    ['intakeTianhe', 403],
    ['designer', 403],
    ['admin', 200],
  ] as const)('shows the case and its timeline to %s with %i', async (actor, status) => {
    const auth = await bearer(actor);
    expect((await request(app).get(`/v1/cases/${CASE_ID}`).set('Authorization', auth)).status).toBe(status);
    expect((await request(app).get(`/v1/cases/${CASE_ID}/timeline`).set('Authorization', auth)).status).toBe(
      status,
    );
  });

  it('answers 404 for an unknown case', async () => {
    const response = await request(app)
      .get('/v1/cases/GZ-404')
      .set('Authorization', await bearer('admin'));
    expect(response.status).toBe(404);
  });

  it('lists the inbox from visibility with the department quoted, only its own steps', async () => {
    const fake = createFakeGateway({ items: PAGE.items });
    const response = await request(await createFakeApp(fake.gateway))
      .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=10')
      .set('Authorization', await bearer('sanitation'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        expect.objectContaining({
          caseId: CASE_ID,
          stepId: 'handle',
          status: 'active',
          flowId: 'urban.exposed-garbage',
        }),
      ],
    });
    expect(fake.calls.list).toEqual(["FcWaitingOn = 'yuexiu-sanitation' AND FcStatus = 'open'"]);
  });

  it('sorts the whole inbox soonest deadline first across visibility pages and pages it with its own tokens', async () => {
    const listed = (caseId: string, dueAt: string) => ({
      caseId,
      attributes: new TypedSearchAttributes([{ key: SA.region, value: '440104001001001' }]),
      memo: {
        openSteps: [
          {
            stepId: 'handle',
            title: '处置',
            stage: 'action',
            status: 'active' as const,
            department: 'yuexiu-sanitation',
            dueAt,
            overdue: false,
          },
        ],
      },
    });
    const fake = createFakeGateway([
      { items: [listed('LATE', '2026-03-09T11:30:00+08:00')], nextPageToken: 'p1' },
      { items: [listed('SOON', '2026-03-06T17:30:00+08:00')] },
    ]);
    const inboxApp = await createFakeApp(fake.gateway);
    const auth = await bearer('sanitation');
    const first = await request(inboxApp)
      .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=1')
      .set('Authorization', auth);
    const caseIds = (body: { items: { caseId: string }[] }) => body.items.map((item) => item.caseId);
    expect(caseIds(first.body as { items: { caseId: string }[] })).toEqual(['SOON']);
    const second = await request(inboxApp)
      .get(`/v1/departments/yuexiu-sanitation/tasks?pageSize=1&pageToken=${first.body.nextPageToken}`)
      .set('Authorization', auth);
    expect(caseIds(second.body as { items: { caseId: string }[] })).toEqual(['LATE']);
    expect(second.body.nextPageToken).toBeUndefined();
    const forged = await request(inboxApp)
      .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=1&pageToken=abc.MQ')
      .set('Authorization', auth);
    expect(forged.status).toBe(400);
  });

  it.each([
    ['otherDept', 403],
    ['designer', 403],
    ['intakeYuexiu', 403],
    ['supervisorYuexiu', 200],
    ['admin', 200],
  ] as const)('lets %s read the yuexiu-sanitation inbox: %i', async (actor, status) => {
    const response = await request(app)
      .get('/v1/departments/yuexiu-sanitation/tasks')
      .set('Authorization', await bearer(actor));
    expect(response.status).toBe(status);
  });

  it('refuses a department id that could change the visibility query', async () => {
    const response = await request(app)
      .get(`/v1/departments/${encodeURIComponent("x' OR 'a'='a")}/tasks`)
      .set('Authorization', await bearer('admin'));
    expect(response.status).toBe(400);
    expect(calls.list).toHaveLength(0);
  });

  it('answers 400 for a page size over 500', async () => {
    const response = await request(app)
      .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=501')
      .set('Authorization', await bearer('sanitation'));
    expect(response.status).toBe(400);
  });

  it('finds stalled cases in the token region with every filter as a clause', async () => {
    const response = await request(app)
      .get('/v1/supervision/stalled?department=yuexiu-sanitation&stage=action&overdue=true&idleFor=P1D')
      .set('Authorization', await bearer('supervisorYuexiu'));
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        caseId: CASE_ID,
        flowId: 'urban.exposed-garbage',
        stage: 'action',
        region: '440104001001001',
        waitingOn: ['yuexiu-sanitation'],
        overdue: true,
        lastProgressAt: '2026-03-02T09:30:00+08:00',
      },
    ]);
    expect(calls.list).toEqual([
      "FcStatus = 'open' AND FcRegionPath = '440104' AND FcWaitingOn = 'yuexiu-sanitation' AND FcStage = 'action' AND FcOverdue = true AND FcLastProgressAt < '2026-03-04T02:00:00.000Z'",
    ]);
  });

  it.each([
    ['/v1/supervision/stalled?region=440106', 'supervisorYuexiu', 403],
    ['/v1/supervision/stalled?region=440104001', 'supervisorYuexiu', 200],
    ['/v1/supervision/stalled', 'sanitation', 403],
    ['/v1/supervision/stalled?idleFor=soon', 'supervisorYuexiu', 400],
    ['/v1/supervision/stalled?overdue=yes', 'supervisorYuexiu', 400],
    ['/v1/supervision/summary?region=440106', 'supervisorYuexiu', 403],
    ['/v1/supervision/summary', 'intakeYuexiu', 403],
  ] as const)('GET %s as %s answers %i', async (path, actor, status) => {
    expect(
      (
        await request(app)
          .get(path)
          .set('Authorization', await bearer(actor))
      ).status,
    ).toBe(status);
  });

  it('counts open cases by stage and overdue ones by department', async () => {
    const fake = createFakeGateway({ items: PAGE.items });
    const response = await request(await createFakeApp(fake.gateway))
      .get('/v1/supervision/summary')
      .set('Authorization', await bearer('supervisorYuexiu'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      region: '440104',
      openByStage: { action: 1, assessment: 0, review: 0 },
      overdueByDepartment: { 'yuexiu-sanitation': 1 },
    });
  });

  it('says the summary counts are partial when it stopped at its page limit', async () => {
    const fake = createFakeGateway({ items: PAGE.items, nextPageToken: 'more' });
    const response = await request(await createFakeApp(fake.gateway))
      .get('/v1/supervision/summary')
      .set('Authorization', await bearer('supervisorYuexiu'));
    expect(response.status).toBe(200);
    expect(fake.calls.list).toHaveLength(SUMMARY_MAX_PAGES);
    expect(response.body).toMatchObject({ partial: true });
  });

  it('lists flows and shows a definition with its diagram to any role', async () => {
    const auth = await bearer('sanitation');
    const list = await request(app).get('/v1/flows').set('Authorization', auth);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: 'urban.exposed-garbage', version: 1 }),
    );
    const latest = await request(app).get('/v1/flows/urban.exposed-garbage').set('Authorization', auth);
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ id: 'urban.exposed-garbage', version: 1 });
    expect(latest.body.diagram).toContain('flowchart TD');
    expect(
      (await request(app).get('/v1/flows/urban.exposed-garbage/versions/1').set('Authorization', auth))
        .status,
    ).toBe(200);
    expect(
      (await request(app).get('/v1/flows/urban.exposed-garbage/versions/9').set('Authorization', auth))
        .status,
    ).toBe(404);
    expect(
      (await request(app).get('/v1/flows/urban.exposed-garbage/versions/x').set('Authorization', auth))
        .status,
    ).toBe(400);
    expect((await request(app).get('/v1/flows')).status).toBe(401);
  });
});
