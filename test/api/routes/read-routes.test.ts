import type { Express } from 'express';
import request from 'supertest';
import { InboxPageSchema } from '../../../api/schemas';
import { openLedger, writeLedgerBatch, type Ledger } from '../../../ledger';
import { madeUpBatch, type MadeUpCase } from '../../helpers/ledger-cases';
import { CN_MAINLAND } from '../../workflows/engine/case/fixtures/calendars';
import { bearer, CASE_ID, createFakeApp, createFakeGateway } from './fake-api';

/** The fake case in the ledger: `handle` active for yuexiu-sanitation, overdue at the app's pinned clock. */
const LEDGER_CASE: MadeUpCase = {
  caseId: CASE_ID,
  status: 'open',
  openedAt: Date.parse('2026-03-02T09:30:00+08:00'),
  stepDueAt: Date.parse('2026-03-02T13:30:00+08:00'),
  department: 'yuexiu-sanitation',
  grid: '440104001001001',
};

/** A ledger holding the fake case, a Tianhe case, and `extra` cases. */
async function seededLedger(extra: MadeUpCase[] = []): Promise<Ledger> {
  const ledger = await openLedger({ file: ':memory:' });
  const tianhe: MadeUpCase = {
    ...LEDGER_CASE,
    caseId: 'TH-1',
    department: 'tianhe-sanitation',
    grid: '440106001001001',
  };
  for (const c of [LEDGER_CASE, tianhe, ...extra])
    await writeLedgerBatch(ledger, madeUpBatch(c, CN_MAINLAND));
  return ledger;
}

describe('case, inbox, supervision and flow reads', () => {
  let app: Express;

  beforeEach(async () => {
    const fake = createFakeGateway();
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

  it("lists the inbox from the ledger: only the department's own steps", async () => {
    const fake = createFakeGateway();
    const response = await request(await createFakeApp(fake.gateway, await seededLedger()))
      .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=10')
      .set('Authorization', await bearer('sanitation'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          caseId: CASE_ID,
          stepId: 'handle',
          title: '处置',
          stage: 'action',
          status: 'active',
          dueAt: '2026-03-02T13:30:00+08:00',
          overdue: true,
          region: '440104001001001',
          flowId: 'urban.exposed-garbage',
          remainingWorkingMinutes: -19 * 60,
        },
      ],
    });
  });

  it("gives each inbox item the flow's English title where it has one", async () => {
    const titled: MadeUpCase = { ...LEDGER_CASE, caseId: 'GZ-EN-1', stepTitleEn: 'Remove the garbage' };
    const fake = createFakeGateway();
    const response = await request(await createFakeApp(fake.gateway, await seededLedger([titled])))
      .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=10')
      .set('Authorization', await bearer('sanitation'));
    expect(response.status).toBe(200);
    const items = InboxPageSchema.parse(response.body).items;
    expect(items.find((item) => item.caseId === 'GZ-EN-1')).toMatchObject({
      title: '处置',
      titleEn: 'Remove the garbage',
    });
    expect(items.find((item) => item.caseId === CASE_ID)).not.toHaveProperty('titleEn');
  });

  it('sorts the whole inbox soonest deadline first and pages it with its own tokens', async () => {
    const due = (caseId: string, at: string): MadeUpCase => ({
      ...LEDGER_CASE,
      caseId,
      stepDueAt: Date.parse(at),
    });
    const ledger = await seededLedger([
      due('LATE', '2026-03-09T11:30:00+08:00'),
      due('SOON', '2026-03-06T17:30:00+08:00'),
    ]);
    const inboxApp = await createFakeApp(createFakeGateway().gateway, ledger);
    const auth = await bearer('sanitation');
    const caseIds = (body: { items: { caseId: string }[] }) => body.items.map((item) => item.caseId);
    const pages: string[] = [];
    let token: string | undefined;
    do {
      const page = await request(inboxApp)
        .get(`/v1/departments/yuexiu-sanitation/tasks?pageSize=1${token ? `&pageToken=${token}` : ''}`)
        .set('Authorization', auth);
      expect(page.status).toBe(200);
      pages.push(...caseIds(page.body as { items: { caseId: string }[] }));
      token = page.body.nextPageToken as string | undefined;
    } while (token !== undefined);
    expect(pages).toEqual([CASE_ID, 'SOON', 'LATE']);
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

  it('treats a department id with quotes as an unknown department (values are bound, never SQL)', async () => {
    const response = await request(await createFakeApp(createFakeGateway().gateway, await seededLedger()))
      .get(`/v1/departments/${encodeURIComponent("x' OR 'a'='a")}/tasks`)
      .set('Authorization', await bearer('admin'));
    expect(response.status).toBe(404);
    expect(response.body).not.toHaveProperty('items');
  });

  it('answers 404 for a department the directory does not know, unless the ledger still holds its steps', async () => {
    const retired: MadeUpCase = { ...LEDGER_CASE, caseId: 'YX-RETIRED', department: 'yuexiu-retired-office' };
    const app = await createFakeApp(createFakeGateway().gateway, await seededLedger([retired]));
    const read = async (dept: string) =>
      request(app)
        .get(`/v1/departments/${dept}/tasks`)
        .set('Authorization', await bearer('admin'));
    const mistyped = await read('yuexiu-sanitaton');
    expect(mistyped.status).toBe(404);
    expect(mistyped.body).toMatchObject({
      type: 'https://fullcycle.dev/problems/department-not-found',
      detail: "No department 'yuexiu-sanitaton' in the directory",
    });
    // Dropped from the directory while it still holds a step: its work stays visible, to be reassigned.
    const kept = await read('yuexiu-retired-office');
    expect(kept.status).toBe(200);
    expect(kept.body.items).toEqual([expect.objectContaining({ caseId: 'YX-RETIRED' })]);
    // A department of the directory with nothing to do: an empty inbox.
    expect((await read('gz-cdc')).body).toEqual({ items: [] });
  });

  it('answers 400 for a page size over 500', async () => {
    const response = await request(app)
      .get('/v1/departments/yuexiu-sanitation/tasks?pageSize=501')
      .set('Authorization', await bearer('sanitation'));
    expect(response.status).toBe(400);
  });

  it('finds stalled cases in the token region with every filter', async () => {
    const ledgerApp = await createFakeApp(createFakeGateway().gateway, await seededLedger());
    const response = await request(ledgerApp)
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
        nextDueAt: '2026-03-02T13:30:00+08:00',
        overdue: true,
        claimOverdue: false,
        awaitingDecision: false,
        lastProgressAt: '2026-03-02T09:30:00+08:00',
      },
    ]);
    for (const query of [
      'department=tianhe-sanitation',
      'stage=review',
      'overdue=false',
      'idleFor=P5D',
      'claimOverdue=true',
      'awaitingDecision=true',
    ]) {
      const none = await request(ledgerApp)
        .get(`/v1/supervision/stalled?${query}`)
        .set('Authorization', await bearer('supervisorYuexiu'));
      expect(none.body.items).toEqual([]);
    }
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

  it('counts open cases by stage and overdue ones by department, within the token region', async () => {
    const response = await request(await createFakeApp(createFakeGateway().gateway, await seededLedger()))
      .get('/v1/supervision/summary')
      .set('Authorization', await bearer('supervisorYuexiu'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      region: '440104',
      openByStage: { action: 1, assessment: 0, review: 0 },
      overdueByDepartment: { 'yuexiu-sanitation': 1 },
    });
  });

  it('lists flows and shows a definition with its diagram to any role', async () => {
    const auth = await bearer('sanitation');
    const list = await request(app).get('/v1/flows').set('Authorization', auth);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id: 'urban.exposed-garbage',
        version: 1,
        calendar: 'cn-mainland',
        timezone: 'Asia/Shanghai',
      }),
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
