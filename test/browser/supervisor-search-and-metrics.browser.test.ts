/// <reference lib="dom" />
/**
 * The supervisor's case search and monthly figures in Chromium: a case the intake seat started is found by its case
 * number on the search page (read from the ledger the worker feeds) and opens its case page; the dashboard shows
 * 结案率 / 按期结案率 / 满意率 of a month the ledger holds (made-up cases: 4 due, 3 closed, 2 on time; 3 rated, 2 of
 * them satisfied or basically satisfied) in its table and chart, and downloads the same figures as the API's CSV.
 */
import { readFile } from 'node:fs/promises';
import { writeLedgerBatch } from '../../ledger';
import { eventually } from '../helpers/eventually';
import { madeUpBatch, type MadeUpCase } from '../helpers/ledger-cases';
import { at, CN_MAINLAND } from '../workflows/engine/case/fixtures/calendars';
import { SUPERVISOR, startReferenceCase } from '../api/support/http-case-harness';
import { browserSuite } from './support/browser-suite';
import { checkPage } from './support/page-checks';

const HOUR = 3_600_000;
const OPENED = at('2026-03-09T09:00:00+08:00');
const DUE = at('2026-03-10T09:00:00+08:00');

const MARCH_CASE = { grid: '440104001001001', department: 'yuexiu-sanitation', openedAt: OPENED, dueAt: DUE };
/** March 2026 in 越秀区: two closed on time, one closed late, one still open past its deadline; three 回访. */
const MARCH: readonly MadeUpCase[] = [
  {
    ...MARCH_CASE,
    caseId: 'WEB-M-1',
    status: 'closed',
    resolvedAt: OPENED + 2 * HOUR,
    satisfaction: 'satisfied',
  },
  {
    ...MARCH_CASE,
    caseId: 'WEB-M-2',
    status: 'closed',
    resolvedAt: OPENED + 3 * HOUR,
    satisfaction: 'basically-satisfied',
  },
  {
    ...MARCH_CASE,
    caseId: 'WEB-M-3',
    status: 'closed',
    resolvedAt: DUE + 24 * HOUR,
    satisfaction: 'unsatisfied',
  },
  { ...MARCH_CASE, caseId: 'WEB-M-4', status: 'open', stepDueAt: DUE },
];

describe("the supervisor's case search and monthly figures", () => {
  const suite = browserSuite();
  const { pageFor } = suite;

  it('finds a case by its number and opens its case page', async () => {
    const caseId = await startReferenceCase(
      suite.server().harness.app,
      'urban.exposed-garbage',
      'WEB-SEARCH',
    );
    const page = await pageFor(SUPERVISOR, 'supervision/search');
    await page.getByRole('heading', { name: '案件查询' }).waitFor();
    await page.getByLabel('案件编号').fill(caseId);
    const link = page.getByRole('link', { name: caseId });
    // The ledger has the case once the worker's first write lands.
    await eventually(async () => {
      await page.getByRole('button', { name: '查 询' }).click();
      await page.locator('.ant-table-tbody').first().waitFor();
      return (await link.count()) > 0;
    }, 'the case in the search results');
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(1);
    await checkPage(page, 'supervisor-case-search');
    await link.click();
    await page.waitForURL(`**/app/cases/${caseId}`);
    await page.getByRole('heading', { name: `案件 ${caseId}` }).waitFor();
  });

  it('shows 结案率, 按期结案率 and 满意率 by month on the dashboard and downloads them as CSV', async () => {
    const { ledger } = suite.server().harness;
    for (const c of MARCH) await writeLedgerBatch(ledger, madeUpBatch(c, CN_MAINLAND), Date.now());
    const page = await pageFor(SUPERVISOR, 'supervision?from=2026-01&to=2026-06');
    await page.getByRole('heading', { name: '结案率 / 按期结案率 / 满意率' }).waitFor();
    const march = page.locator('tr', { has: page.getByRole('cell', { name: '2026-03', exact: true }) });
    await march.waitFor();
    await expect(march.getByRole('cell').allTextContents()).resolves.toEqual([
      '2026-03',
      '4',
      '3',
      '2',
      '75.00%',
      '50.00%',
      '3',
      '66.67%',
    ]);
    // Every month of the span is listed, without figures where no case was due.
    const april = page.locator('tr', { has: page.getByRole('cell', { name: '2026-04', exact: true }) });
    await expect(april.getByRole('cell').allTextContents()).resolves.toEqual([
      '2026-04',
      '0',
      '0',
      '0',
      '—',
      '—',
      '0',
      '—',
    ]);
    await page.getByRole('img', { name: '结案率 / 按期结案率 / 满意率' }).locator('svg').waitFor();
    await checkPage(page, 'supervisor-dashboard-monthly');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('metrics-2026-01-2026-06.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toMatch(/^period,group,due,closed,closedOnTime,closureRate,onTimeRate,/);
    expect(csv).toMatch(/^2026-03,all,4,3,2,75(\.00?)?,50(\.00?)?,/m);
  });
});
