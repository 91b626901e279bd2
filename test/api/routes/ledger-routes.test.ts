/** The ledger's routes over the real app: case search, metrics (JSON and CSV), and cases Temporal has forgotten. */
import type { Express } from 'express';
import request from 'supertest';
import { openLedger, writeLedgerBatch } from '../../../ledger';
import { madeUpBatch, type MadeUpCase } from '../../helpers/ledger-cases';
import { CN_MAINLAND } from '../../workflows/engine/case/fixtures/calendars';
import { bearer, createFakeApp, createFakeGateway } from './fake-api';

const HOUR = 3_600_000;
const MARCH = Date.parse('2026-03-02T09:00:00+08:00');

function closedCase(caseId: string, grid: string, department: string, onTime: boolean): MadeUpCase {
  return {
    caseId,
    status: 'closed',
    openedAt: MARCH,
    dueAt: MARCH + 8 * HOUR,
    resolvedAt: MARCH + (onTime ? 2 : 30) * HOUR,
    department,
    grid,
  };
}

describe('the ledger routes', () => {
  let app: Express;

  beforeAll(async () => {
    const ledger = await openLedger({ file: ':memory:' });
    const cases = [
      closedCase('YX-1', '440104001001001', 'yuexiu-sanitation', true),
      closedCase('YX-2', '440104002001001', 'yuexiu-sanitation', false),
      closedCase('YX_3', '440104002001002', 'yuexiu-greening', true),
      closedCase('TH-1', '440106001001001', 'tianhe-sanitation', true),
    ];
    for (const c of cases) await writeLedgerBatch(ledger, madeUpBatch(c, CN_MAINLAND));
    app = await createFakeApp(createFakeGateway().gateway, ledger);
  });

  const get = async (path: string, actor: Parameters<typeof bearer>[0], accept?: string) => {
    const call = request(app)
      .get(path)
      .set('Authorization', await bearer(actor));
    return accept === undefined ? call : call.set('Accept', accept);
  };

  it('searches within the token region and pages with sealed tokens', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await get(
        `/v1/cases?status=closed&pageSize=1${token ? `&pageToken=${token}` : ''}`,
        'supervisorYuexiu',
      );
      expect(page.status).toBe(200);
      ids.push(...(page.body.items as { caseId: string }[]).map((item) => item.caseId));
      token = page.body.nextPageToken as string | undefined;
    } while (token !== undefined);
    expect(ids.sort()).toEqual(['YX-1', 'YX-2', 'YX_3']);
    expect((await get('/v1/cases?caseIdPrefix=YX_', 'admin')).body.items).toEqual([
      expect.objectContaining({
        caseId: 'YX_3',
        status: 'closed',
        stage: 'closed',
        region: '440104002001002',
      }),
    ]);
    expect((await get('/v1/cases?region=440106', 'supervisorYuexiu')).status).toBe(403);
    expect((await get('/v1/cases?pageToken=abc.MQ', 'admin')).status).toBe(400);
    expect((await get('/v1/cases', 'designer')).status).toBe(403);
  });

  it('shows a department only the cases it has held a step of', async () => {
    const mine = await get('/v1/cases', 'sanitation');
    expect((mine.body.items as { caseId: string }[]).map((i) => i.caseId).sort()).toEqual(['YX-1', 'YX-2']);
    expect((await get('/v1/cases?department=tianhe-sanitation', 'sanitation')).status).toBe(403);
  });

  it('answers a closed case and its timeline from the ledger once Temporal has forgotten it', async () => {
    const view = await get('/v1/cases/YX-1', 'sanitation');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      caseId: 'YX-1',
      status: 'closed',
      closedAt: '2026-03-02T11:00:00+08:00',
    });
    const timeline = await get('/v1/cases/YX-1/timeline', 'supervisorYuexiu');
    expect((timeline.body.items as { type: string }[]).map((e) => e.type)).toEqual([
      'case-started',
      'step-activated',
      'step-completed',
      'case-closed',
    ]);
    expect((await get('/v1/cases/YX-1', 'otherDept')).status).toBe(403);
    expect((await get('/v1/cases/NOWHERE-1', 'admin')).status).toBe(404);
  });

  it('computes metrics by department, as JSON and as the same rows in CSV', async () => {
    const query = '/v1/supervision/metrics?period=month&from=2026-03-01&to=2026-03-31&by=department';
    const json = await get(query, 'supervisorYuexiu');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ region: '440104', period: 'month', by: 'department' });
    expect(json.body.items).toEqual([
      expect.objectContaining({
        group: 'yuexiu-greening',
        due: 1,
        closed: 1,
        closedOnTime: 1,
        onTimeRate: 100,
      }),
      expect.objectContaining({
        group: 'yuexiu-sanitation',
        due: 2,
        closed: 2,
        closedOnTime: 1,
        onTimeRate: 50,
      }),
    ]);
    const csv = await get(query, 'supervisorYuexiu', 'text/csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'period,group,due,closed,closedOnTime,closureRate,onTimeRate,reworked,reworkRate,extended,extensionRate,rated,satisfied,satisfactionRate,handlingHoursMedian,handlingHoursP90,overdueNow,claimOverdueNow',
    );
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
      '2026-03,yuexiu-greening,1,1,1,100,100',
      '2026-03,yuexiu-sanitation,2,2,1,100,50',
    ]);
    expect((await get(`${query}&region=440106`, 'supervisorYuexiu')).status).toBe(403);
    expect((await get(query, 'sanitation')).status).toBe(403);
    expect((await get('/v1/supervision/metrics?from=2026-03-01', 'admin')).status).toBe(400);
  });

  it('refuses a range that ends before it starts instead of answering it empty', async () => {
    const reversed = [
      ['/v1/supervision/metrics?from=2026-03-31&to=2026-03-01', 'to'],
      ['/v1/cases?openedFrom=2026-03-31T00:00:00%2B08:00&openedTo=2026-03-01T00:00:00%2B08:00', 'openedTo'],
      ['/v1/cases?closedFrom=2026-03-01T08:00:00%2B08:00&closedTo=2026-03-01T00:00:00Z', 'closedTo'],
    ] as const;
    for (const [path, field] of reversed) {
      const response = await get(path, 'admin');
      const errors = (response.body as { errors?: { path: string }[] }).errors ?? [];
      expect([response.status, errors.map((error) => error.path)]).toEqual([400, [field]]);
    }
    expect((await get('/v1/supervision/metrics?from=2026-03-01&to=2026-03-01', 'admin')).status).toBe(200);
  });
});
