/// <reference lib="dom" />
/**
 * What the workbench shows of claim limits, rework decisions, provisional deadlines and opened/closed days, in
 * Chromium against the real API, worker and ledger, with the fixture flows of test/fixtures/flows/claim-rework (a
 * claim limit of 2 seconds; a rework with max 1 that waits for a supervisor's decision):
 * - a task not claimed in time is marked 签收超时 in its department's inbox and in the supervisor's stalled list,
 *   where the supervisor can list only those;
 * - a case whose rework passed its limit is marked 待决定返工 there and on its case page, where the supervisor
 *   decides it (a decision someone else already took is explained, a reassignment goes to the department picked);
 * - a deadline counted into a year the calendar has not published is marked 暂定, with why in a tooltip;
 * - the supervisor's search finds cases by the days they were opened or closed on the calendar's days (Guangzhou),
 *   though the browser runs in New York;
 * - an admin publishes a calendar revision (us-sf, which no flow here runs on, so no other test's case moves): a
 *   revision that changes more than days is refused at its key, one that adds a holiday is followed to completion;
 *   then the next revision starts from that one's content, loaded into the editor, and only adds a day.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import type { Actor } from '../../api/auth';
import { PROJECT_ROOT } from '../../config/project-root';
import { writeLedgerBatch, type Ledger } from '../../ledger';
import type { WorkingCalendar } from '../../workflows/engine/calendar-model';
import { eventually } from '../helpers/eventually';
import { madeUpBatch, type MadeUpCase } from '../helpers/ledger-cases';
import { at } from '../workflows/engine/case/fixtures/calendars';
import {
  CLAIM_REWORK_FLOWS_DIR,
  failReworkRounds,
  startFixtureCase,
} from '../api/support/claim-rework-cases';
import {
  bearer,
  HttpCaseDriver,
  SUPERVISOR,
  departmentUser,
  expectStatus,
  stepIn,
} from '../api/support/http-case-harness';
import { browserSuite } from './support/browser-suite';
import { checkPage } from './support/page-checks';

const SANITATION = departmentUser('yuexiu-sanitation');
const ADMIN: Actor = { sub: 'admin-web', role: 'admin' };
const GRID = '440104001001001';

describe('deadlines and rework decisions in the workbench', () => {
  const suite = browserSuite({ flowsDir: CLAIM_REWORK_FLOWS_DIR });
  const { pageFor } = suite;
  const harness = () => suite.server().harness;
  const driver = () => new HttpCaseDriver(harness().app, harness().service);
  const cnMainland = (): WorkingCalendar => {
    const calendar = harness().service.calendars.get('cn-mainland');
    if (calendar === undefined) throw new Error('cn-mainland is not loaded');
    return calendar;
  };

  /** Made-up cases of the claim fixture in 大塘社区第1网格, written to the ledger as the feed would. */
  async function madeUp(ledger: Ledger, cases: readonly MadeUpCase[]): Promise<void> {
    for (const c of cases) await writeLedgerBatch(ledger, madeUpBatch(c, cnMainland()), Date.now());
  }

  /** The table row that links to `caseId`, once a click on `button` lists it (the ledger catches up). */
  async function rowAfter(page: Page, button: string, caseId: string) {
    const link = page.getByRole('link', { name: caseId });
    await eventually(async () => {
      await page.getByRole('button', { name: button }).click();
      await page.locator('.ant-table-tbody').first().waitFor();
      return (await link.count()) > 0;
    }, `${caseId} listed`);
    return page.locator('tr', { has: link });
  }

  /**
   * Picks `option` in the searchable Ant Design select labelled `label`, typing it first (the list is virtual), until
   * the select shows it (a click on an option while the list re-renders after typing can miss), then waits for the
   * list to close (it covers the dialog's buttons while open).
   */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    const select = page.getByLabel(label, { exact: true });
    const picked = page.locator(`.ant-select [title="${option}"]`).first();
    await eventually(async () => {
      await select.click();
      await select.fill(option);
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
      return picked.isVisible();
    }, `${option} picked in ${label}`);
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  }

  it("marks a task not claimed in time in the department's inbox and the supervisor's stalled list", async () => {
    const caseId = await startFixtureCase(harness().app, 'fixture.claim-limit', 'WEB-CLAIM');
    await driver().until(caseId, (v) => stepIn(v, 'handle').claimOverdue === true, 'overdue for claiming');

    const inbox = await pageFor(SANITATION);
    await inbox.waitForURL('**/app/inbox');
    const item = await rowAfter(inbox, '刷 新', caseId);
    await item.getByText('签收超时').waitFor();
    await expect(item.textContent()).resolves.toMatch(/签收时限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await checkPage(inbox, 'department-inbox-claim-overdue');

    const stalled = await pageFor(SUPERVISOR, 'supervision/stalled');
    await stalled.getByRole('checkbox', { name: '仅签收超时' }).check();
    const row = await rowAfter(stalled, '查 询', caseId);
    await row.getByText('签收超时').waitFor();
    // The flow by its title, as the search shows it, not its id.
    await row.getByText('签收时限测试').waitFor();
    await expect(row.getByText('待决定返工').count()).resolves.toBe(0);
    // Every case the filter lists is one not claimed in time.
    const rows = stalled.locator('.ant-table-row');
    const marked = stalled.locator('.ant-table-row', { hasText: '签收超时' });
    await expect(rows.count()).resolves.toBe(await marked.count());
    await checkPage(stalled, 'supervisor-stalled-claim-overdue');
  });

  it('lets a supervisor decide a rework past its limit from the case page, with clear errors', async () => {
    const flow = harness().service.flows.get('fixture.rework-decision', 1);
    if (flow === undefined) throw new Error('fixture.rework-decision is not loaded');
    const caseId = await startFixtureCase(harness().app, 'fixture.rework-decision', 'WEB-REWORK');
    await failReworkRounds(driver(), caseId, flow, [1, 2]);

    const page = await pageFor(SUPERVISOR, 'supervision/stalled');
    await page.getByRole('checkbox', { name: '仅待决定返工' }).check();
    const row = await rowAfter(page, '查 询', caseId);
    await row.getByText('待决定返工').waitFor();
    await checkPage(page, 'supervisor-stalled-awaiting-decision');
    await row.getByRole('link', { name: caseId }).click();
    await page.waitForURL(`**/app/cases/${caseId}`);

    const waiting = page.getByRole('alert').filter({ hasText: '等待督办决定' });
    await waiting.getByText(/「核查」已返工 1 次仍未通过/).waitFor();
    await page
      .locator('tr', { has: page.getByTestId('step-check') })
      .getByText('待决定返工')
      .waitFor();
    await waiting.getByRole('button', { name: '返工决定' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '再返工一轮' }).waitFor();
    await dialog.getByRole('radio', { name: '改派其他部门返工' }).check();
    await dialog.getByRole('button', { name: '提 交' }).click();
    // Reassigning needs the department to take the round.
    await dialog.locator('.ant-form-item-explain-error').getByText('请输入改由部门').waitFor();
    await choose(page, '改由部门', '越秀区人民政府');

    // Meanwhile another supervisor decides: the answer says so in words, and nothing else happens.
    const elsewhere = await driver().post(caseId, 'steps/check/rework/decision', SUPERVISOR, {
      decision: 'another-round',
    });
    expectStatus(elsewhere, 200, 'decided elsewhere');
    await dialog.getByRole('button', { name: '提 交' }).click();
    // Named in Chinese by the problem's slug (the API's own title is English), then what it means.
    await dialog.getByRole('alert').getByText('409 没有等待决定的返工').waitFor();
    await dialog.getByRole('alert').getByText('该案件已不在等待返工决定').waitFor();
    await checkPage(page, 'supervisor-rework-decision-not-pending');
    await dialog.getByRole('button', { name: '取 消' }).click();

    // The round failed the check again: the case waits for a decision once more; this time it is reassigned.
    await failReworkRounds(driver(), caseId, flow, [3]);
    await page.reload();
    await waiting.getByText(/「核查」已返工 2 次仍未通过/).waitFor();
    await waiting.getByRole('button', { name: '返工决定' }).click();
    await dialog.getByRole('radio', { name: '改派其他部门返工' }).check();
    await choose(page, '改由部门', '越秀区人民政府');
    await expect(
      dialog
        .getByLabel('改派环节')
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .textContent(),
    ).resolves.toContain('处置 (handle)');
    await dialog.getByLabel('备注').fill('权属不清，由区政府牵头');
    await checkPage(page, 'supervisor-rework-decision');
    await dialog.getByRole('button', { name: '提 交' }).click();
    await page.getByText('已决定').waitFor();
    const handle = page.locator('tr', { has: page.getByTestId('step-handle') });
    await handle.getByText('越秀区人民政府').waitFor();
    await expect(waiting.count()).resolves.toBe(0);
    await page
      .locator('[data-testid="timeline-entry"][data-type="rework-decided"]', { hasText: '权属不清' })
      .waitFor();
    await checkPage(page, 'supervisor-rework-decided');
  });

  it('marks a deadline counted into an unpublished year as provisional, with why, in the inbox and on the case page', async () => {
    const calendar = cnMainland();
    // The year after the calendar's last published one (and after this one): its arrangement is not published.
    const year = Math.max(...(calendar.publishedYears ?? [2026]), new Date().getUTCFullYear()) + 1;
    const dueAt = at(`${year}-06-01T09:00:00+08:00`);
    const caseId = `WEB-PROVISIONAL-${Date.now()}`;
    const batch = madeUpBatch(
      {
        caseId,
        status: 'open',
        openedAt: Date.now() - 60_000,
        dueAt,
        stepDueAt: dueAt,
        department: 'yuexiu-sanitation',
        grid: GRID,
        flowId: 'fixture.claim-limit',
      },
      calendar,
    );
    const reason = `${year} arrangement not yet published: statutory holidays assumed`;
    await writeLedgerBatch(
      harness().ledger,
      {
        ...batch,
        snapshot: {
          ...batch.snapshot,
          dueProvisional: reason,
          steps: batch.snapshot.steps.map((step) => ({ ...step, dueProvisional: reason })),
        },
      },
      Date.now(),
    );

    const inbox = await pageFor(SANITATION);
    const item = await rowAfter(inbox, '刷 新', caseId);
    const mark = item.getByTestId('inbox-remaining').getByText('暂定');
    await mark.hover();
    const tooltip = inbox.getByRole('tooltip');
    await tooltip.getByText(/尚未公布放假安排/).waitFor();
    await expect(tooltip.textContent()).resolves.toContain(`${year} arrangement not yet published`);
    await checkPage(inbox, 'department-inbox-provisional');

    const page = await pageFor(SUPERVISOR, `cases/${caseId}`);
    const due = page.getByTestId('due-handle');
    await due.getByText(`${year}-06-01 09:00`).waitFor();
    await due.getByText('暂定').hover();
    await page
      .getByRole('tooltip')
      .getByText(/尚未公布放假安排/)
      .waitFor();
    await checkPage(page, 'case-provisional-deadline');
  });

  it("counts an urgent step's time left on its own wall clock in the inbox, working time on a working clock", async () => {
    const now = Date.now();
    const urgent = `WEB-WALL-CLOCK-${now}`;
    const ordinary = `WEB-WORKING-CLOCK-${now}`;
    const common = {
      status: 'open',
      openedAt: now - 60_000,
      department: 'yuexiu-sanitation',
      grid: GRID,
    } as const;
    await madeUp(harness().ledger, [
      // 30 hours on the wall clock: a day and (after the seconds the page takes) 5 hours.
      { ...common, caseId: urgent, stepDueAt: now + 30 * 3_600_000, stepDueClock: 'calendar' },
      { ...common, caseId: ordinary, stepDueAt: now + 30 * 3_600_000, stepDueClock: 'working' },
    ]);

    const inbox = await pageFor(SANITATION);
    const wall = (await rowAfter(inbox, '刷 新', urgent)).getByTestId('inbox-remaining');
    await expect(wall.textContent()).resolves.toMatch(/^1 天 5 小时 （自然时间）/);
    const working = (await rowAfter(inbox, '刷 新', ordinary)).getByTestId('inbox-remaining');
    await expect(working.textContent()).resolves.toContain('（工作时间）');
    await expect(working.textContent()).resolves.not.toContain('天');
  });

  it("finds cases by the days they were opened and closed on, in the calendar's zone, not the browser's", async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    const prefix = `WEB-DAY-${stamp}-`;
    const opened = (id: string, instant: string, closed?: string): MadeUpCase => ({
      caseId: `${prefix}${id}`,
      status: closed === undefined ? 'open' : 'closed',
      openedAt: at(instant),
      ...(closed === undefined ? {} : { resolvedAt: at(closed) }),
      department: 'yuexiu-sanitation',
      grid: GRID,
      flowId: 'fixture.claim-limit',
    });
    // 1 March in Guangzhou runs from 29 Feb 11:00 to 1 March 11:00 in New York, where the browser is.
    await madeUp(harness().ledger, [
      opened('A', '2026-03-01T00:30:00+08:00', '2026-03-02T10:00:00+08:00'),
      opened('B', '2026-02-28T23:30:00+08:00', '2026-03-01T10:00:00+08:00'),
      opened('C', '2026-03-01T23:30:00+08:00'),
      opened('D', '2026-03-02T00:10:00+08:00'),
    ]);
    const page = await pageFor(SUPERVISOR, 'supervision/search');
    await page.getByRole('heading', { name: '案件查询' }).waitFor();
    await page.getByText('按 Asia/Shanghai 时区的日期').waitFor();
    await page.getByLabel('案件编号').fill(prefix);

    const found = async (): Promise<string[]> => {
      await page.getByRole('button', { name: '查 询' }).click();
      await page.locator('.ant-table-tbody').first().waitFor();
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      return (await page.locator('.ant-table-row td:first-child').allTextContents()).sort();
    };
    const pickDays = async (label: string, first: string, last: string) => {
      const picker = page.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) });
      const inputs = picker.locator('input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill(first);
      await inputs.nth(0).press('Enter');
      await inputs.nth(1).fill(last);
      await inputs.nth(1).press('Enter');
    };

    await pickDays('受理日期', '2026-03-01', '2026-03-01');
    await expect(found()).resolves.toEqual([`${prefix}A`, `${prefix}C`]);
    await checkPage(page, 'supervisor-case-search-days');
    await page
      .locator('.ant-form-item', { has: page.getByText('受理日期', { exact: true }) })
      .locator('.ant-picker-clear')
      .click({ force: true });
    await pickDays('结案日期', '2026-03-01', '2026-03-01');
    await expect(found()).resolves.toEqual([`${prefix}B`]);
  });

  it("lets an admin publish a calendar's new days and follow the revision", async () => {
    const file = await readFile(path.join(PROJECT_ROOT, 'config', 'calendars', 'us-sf.yaml'), 'utf8');
    const page = await pageFor(ADMIN, 'calendars');
    await page.getByRole('heading', { name: '日历发布' }).waitFor();
    const content = page.getByLabel('日历文件');

    // A revision may change days only: another zone is refused, the problem named at its key.
    await content.fill(file.replace('timezone: America/Los_Angeles', 'timezone: America/New_York'));
    await page.getByRole('button', { name: '发 布' }).click();
    await page
      .getByRole('alert')
      .getByText(/^timezone: /)
      .waitFor();
    await checkPage(page, 'admin-calendar-refused');

    // The day after Thanksgiving 2027 off: revision 1, sent to no running case (no flow here is on us-sf).
    await content.fill(file.replace('holidays: []', "holidays: ['2027-11-26']"));
    await page.getByRole('button', { name: '发 布' }).click();
    await page.waitForURL('**/app/calendars?calendar=us-sf&revision=1');
    const revision = page.getByTestId('calendar-revision');
    await revision.getByText('已完成').waitFor();
    const field = (label: string) =>
      revision
        .locator('.ant-descriptions-item', { hasText: label })
        .locator('.ant-descriptions-item-content');
    await expect(field('日历').textContent()).resolves.toBe('us-sf');
    await expect(field('发布人').textContent()).resolves.toBe(ADMIN.sub);
    await expect(field('已处理 / 选中案件').textContent()).resolves.toBe('0 / 0');
    await revision.getByText('没有在办案件使用此日历').waitFor();
    await checkPage(page, 'admin-calendar-published');
  });

  it("lets an admin start the next revision from a calendar's current content and add only a day", async () => {
    const page = await pageFor(ADMIN, 'calendars');
    const content = page.getByLabel('日历文件');
    const loaded = page.getByTestId('calendar-loaded');
    // us-sf is at revision 1 (the test before): its content as published, rules and all, comes into the editor.
    await choose(page, '要载入的日历', 'us-sf · 修订 1');
    await page.getByRole('button', { name: '载入当前内容' }).click();
    await loaded.getByText(/^已载入 us-sf 修订 1（admin-web 于 .* 发布）/).waitFor();
    const text = await content.inputValue();
    expect(text).toMatch(/^holidayRules:$/m);
    expect(text).toMatch(/- name: Thanksgiving Day$/m);
    expect(text).toMatch(/^holidays:\n {2}- 2027-11-26$/m);
    await checkPage(page, 'admin-calendar-loaded');

    // Christmas Eve 2027 off too: revision 2 holds both days and keeps the rules.
    await content.fill(text.replace('  - 2027-11-26', '  - 2027-11-26\n  - 2027-12-24'));
    await page.getByRole('button', { name: '发 布' }).click();
    await page.waitForURL('**/app/calendars?calendar=us-sf&revision=2');
    await page.getByTestId('calendar-revision').getByText('已完成').waitFor();
    const current = await request(harness().app)
      .get('/v1/calendars/us-sf')
      .set('Authorization', await bearer(ADMIN));
    expectStatus(current, 200, 'us-sf now');
    expect(current.body).toMatchObject({
      revision: 2,
      source: { holidays: ['2027-11-26', '2027-12-24'], holidayRules: expect.any(Array) as unknown },
    });
    const pinned = harness().service.calendars.get('us-sf');
    expect(pinned?.holidays).toEqual(expect.arrayContaining(['2027-11-26', '2027-12-24', '2027-11-25']));

    // A calendar never published loads from its file.
    await choose(page, '要载入的日历', 'always-open · 修订 0');
    await page.getByRole('button', { name: '载入当前内容' }).click();
    await loaded.getByText(/^已载入 always-open 的日历文件（尚未发布过修订）/).waitFor();
    await expect(content.inputValue()).resolves.toMatch(/^name: always-open$/m);
  });
});
