/// <reference lib="dom" />
/**
 * What the case page tells the people who read it, in Chromium against the real API and worker, with the shipped
 * flows: the stage bar marks only the stages the case went through (an emergency neither finishes the stages the
 * case has not reached nor counts as done in a case that never had one); what each step reported (its result) is
 * shown with the form's titles, and the case data in words (是/否, not true/false); the timeline names what
 * happened, the step and the department in words, not by their ids; on a phone, a clerk's actions on the step stay
 * in view while the table scrolls sideways; an enumeration's values are named by their titles (the form's choices,
 * the result, the case data), in the reader's language; the intake seat finds the cases waiting for their 回访 in a
 * list and records the visit from there.
 */
import type { Page } from 'playwright-core';
import type { Flow } from '../../workflows/engine/flow-model';
import { eventually } from '../helpers/eventually';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import {
  HttpCaseDriver,
  INTAKE,
  departmentUser,
  SUPERVISOR,
  expectStatus,
  isOpenTask,
  startReferenceCase,
  stepIn,
} from '../api/support/http-case-harness';
import { browserSuite } from './support/browser-suite';
import { checkPage } from './support/page-checks';

const STAGES = ['assessment', 'mobilization', 'action', 'supervision', 'emergency', 'review'];

describe('the case page', () => {
  const suite = browserSuite();
  const { pageFor } = suite;
  const driver = () => new HttpCaseDriver(suite.server().harness.app, suite.server().harness.service);
  const flow = (id: string): Flow => suite.server().harness.service.flows.get(id)!;

  /** Each stage's mark on the page's stage bar, once the bar shows `ready` for `stage`. */
  async function stageMarks(page: Page, stage: string, ready: string): Promise<Record<string, string>> {
    await page.locator(`[data-testid="stage-${stage}"][data-status="${ready}"]`).waitFor();
    const marks: Record<string, string> = {};
    for (const key of STAGES)
      marks[key] = (await page.getByTestId(`stage-${key}`).getAttribute('data-status')) ?? '';
    return marks;
  }

  it('marks only the stages the case went through, with and without an emergency', async () => {
    const app = suite.server().harness.app;
    const garbage = await startReferenceCase(app, 'urban.exposed-garbage', 'STAGES-CLOSED');
    await driver().driveToClosure(
      garbage,
      flow('urban.exposed-garbage'),
      REFERENCE_CASES['urban.exposed-garbage']?.results,
    );
    const closed = await pageFor(SUPERVISOR, `cases/${garbage}`);
    // Closed without an emergency: every ordinary stage done, the emergency never reached.
    await expect(stageMarks(closed, 'review', 'finish')).resolves.toEqual({
      assessment: 'finish',
      mobilization: 'finish',
      action: 'finish',
      supervision: 'finish',
      emergency: 'wait',
      review: 'finish',
    });

    const manhole = await startReferenceCase(app, 'urban.missing-manhole-cover', 'STAGES-EMERGENCY');
    const opened = await driver().post(manhole, 'emergency', SUPERVISOR, { level: 4, reason: '行人跌入' });
    expectStatus(opened, 200, 'open the emergency');
    const page = await pageFor(SUPERVISOR, `cases/${manhole}`);
    // Its verification (问题研判) still waits: the emergency is open, nothing after 问题研判 is done.
    await expect(stageMarks(page, 'emergency', 'error')).resolves.toEqual({
      assessment: 'process',
      mobilization: 'wait',
      action: 'wait',
      supervision: 'wait',
      emergency: 'error',
      review: 'wait',
    });
    await checkPage(page, 'case-emergency-stages');
  });

  it("explains a step's deadline in Chinese in the Chinese UI, and shows English titles and words in English", async () => {
    const caseId = await startReferenceCase(suite.server().harness.app, 'urban.exposed-garbage', 'LANGUAGE');
    const page = await pageFor(SUPERVISOR, `cases/${caseId}`);
    const due = page.getByTestId('due-verify');
    const title = page.getByTestId('step-verify');
    // The case starts now: the hour decides what the count skips, never how it begins and what it counts on.
    await expect(due.textContent()).resolves.toMatch(
      /自 \d{4}-\d{2}-\d{2}（周.）\d{2}:\d{2}(:\d{2})? 起 1 个工作小时，按 cn-mainland 日历（08:30–12:00、14:00–17:30，Asia\/Shanghai）.* → \d{4}-\d{2}-\d{2}（周.）\d{2}:\d{2}/,
    );
    await expect(due.textContent()).resolves.not.toMatch(/working hour/);
    await expect(title.textContent()).resolves.toBe('核实');
    await page.getByTestId('timeline-entry').filter({ hasText: '核实' }).first().waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await title.filter({ hasText: 'Verify on site' }).waitFor();
    await expect(due.textContent()).resolves.toMatch(
      /1 working hour from \w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? on cn-mainland .* → \w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    await page.getByTestId('timeline-entry').filter({ hasText: 'Verify on site' }).first().waitFor();
    await checkPage(page, 'case-page-english');
  });

  it('shows what each step reported, with the titles of its form, and the case data in words', async () => {
    const app = suite.server().harness.app;
    const caseId = await startReferenceCase(app, 'urban.exposed-garbage', 'RESULTS');
    await driver().driveToClosure(caseId, flow('urban.exposed-garbage'), {
      verify: { confirmed: true, note: '现场约 2 立方米' },
      handle: { done: true, note: '已清运完毕' },
    });
    // The intake seat, as for a follow-up call: what was found and what was done.
    const page = await pageFor(INTAKE, `cases/${caseId}`);
    const handle = page.getByTestId('result-handle');
    // Labelled once the flow's definition has come (the values show before it).
    await handle.getByText('已处置:').waitFor();
    await expect(handle.innerText()).resolves.toBe('已处置: 是\n处置说明（公开）: 已清运完毕');
    await expect(page.getByTestId('result-verify').innerText()).resolves.toBe(
      '情况属实: 是\nnote: 现场约 2 立方米',
    );
    // The timeline in words: what happened, to which step (its title), done by whom (the department's name).
    const completedHandle = page
      .locator('[data-testid="timeline-entry"][data-type="step-completed"]')
      .filter({ hasText: '处置' });
    await expect(completedHandle.innerText()).resolves.toMatch(
      /^\S+ \S+ 办结处置yuexiu-sanitation-user · 部门 · 越秀区市容环卫\n/,
    );
    await page.getByText('时间均为 UTC+08:00（案件日历的时区）').waitFor();
    await checkPage(page, 'case-step-results');

    const manhole = await startReferenceCase(app, 'urban.missing-manhole-cover', 'DATA-WORDS');
    const manholePage = await pageFor(SUPERVISOR, `cases/${manhole}`);
    const injuries = manholePage.locator('.ant-descriptions-item', { hasText: '有人员受伤或交通事故' });
    await expect(injuries.locator('.ant-descriptions-item-content').innerText()).resolves.toBe('否');
  });

  it('names the values of an enumeration by their titles, in the form and on the case page', async () => {
    const app = suite.server().harness.app;
    const caseId = await startReferenceCase(app, 'hotline.12345-complaint', 'ENUM-TITLES');
    const hotline = flow('hotline.12345-complaint');
    const accept = await driver().until(caseId, (v) => isOpenTask(stepIn(v, 'accept')), 'accept active');
    await driver().complete(caseId, hotline, stepIn(accept, 'accept'));
    await driver().until(caseId, (v) => isOpenTask(stepIn(v, 'classify')), 'classify active');

    const page = await pageFor(departmentUser('gz-hotline-12345'), `cases/${caseId}`);
    const classifyRow = page.locator('tr', { has: page.getByTestId('step-classify') });
    await classifyRow.getByRole('button', { name: '办 结' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('诉求类别', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    await expect(options.allInnerTexts()).resolves.toEqual([
      '危及生命财产（2小时）',
      '水电气热（24小时）',
      '一般诉求（7日）',
      '复杂诉求（15日）',
    ]);
    await options.filter({ hasText: '一般诉求（7日）' }).click();
    await dialog.getByRole('button', { name: '提 交' }).click();
    await classifyRow.getByText('已完成').waitFor();
    // What was chosen is stored as the value and shown by its title.
    await expect(driver().view(caseId)).resolves.toMatchObject({
      steps: expect.arrayContaining([
        expect.objectContaining({ id: 'classify', result: { category: 'general' } }),
      ]) as unknown,
    });
    await expect(page.getByTestId('result-classify').innerText()).resolves.toBe('诉求类别: 一般诉求（7日）');

    // The case data too, in the reader's language.
    const garbage = await startReferenceCase(app, 'urban.exposed-garbage', 'ENUM-DATA');
    const garbagePage = await pageFor(SUPERVISOR, `cases/${garbage}`);
    const source = garbagePage.locator('.ant-descriptions-item', { hasText: '信息来源' });
    await expect(source.locator('.ant-descriptions-item-content').innerText()).resolves.toBe('群众反映');
    await garbagePage.getByRole('button', { name: 'English' }).click();
    const reportedBy = garbagePage.locator('.ant-descriptions-item', { hasText: 'Reported by' });
    await expect(reportedBy.locator('.ant-descriptions-item-content').innerText()).resolves.toBe('Citizen');
  });

  it('lists the cases waiting for their 回访 to the intake seat, and the visit is recorded from there', async () => {
    const app = suite.server().harness.app;
    const caseId = await startReferenceCase(app, 'urban.exposed-garbage', 'FOLLOW-UP');
    const garbage = flow('urban.exposed-garbage');
    await eventually(async () => {
      const view = await driver().view(caseId);
      if (view.review?.status === 'open') return view;
      for (const step of view.steps.filter(isOpenTask)) await driver().complete(caseId, garbage, step);
      return undefined;
    }, `${caseId}: the follow-up window open`);

    const page = await pageFor(INTAKE, 'intake');
    await page.getByRole('link', { name: '待回访' }).click();
    await page.getByRole('heading', { name: '待回访' }).waitFor();
    const link = page.getByRole('link', { name: caseId });
    // The list is the ledger's, which has the case in stage review once the worker's write lands.
    await eventually(async () => {
      await page.reload();
      await page.locator('.ant-table-tbody').first().waitFor();
      return (await link.count()) > 0;
    }, 'the case in the follow-up list');
    const row = page.locator('tr', { has: link });
    await expect(row.getByRole('cell').nth(1).innerText()).resolves.toBe('暴露垃圾处置');
    await checkPage(page, 'intake-follow-ups');

    await link.click();
    await page.waitForURL(`**/app/cases/${caseId}`);
    await page.getByRole('button', { name: '回 访' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '满意', exact: true }).check();
    await dialog.getByRole('button', { name: '提 交' }).click();
    await page.getByText('已结案', { exact: true }).first().waitFor();
    await expect(driver().view(caseId)).resolves.toMatchObject({ status: 'closed' });
  });

  it("keeps a clerk's actions on the step in view on a phone", async () => {
    const caseId = await startReferenceCase(suite.server().harness.app, 'urban.exposed-garbage', 'PHONE');
    const phone = { width: 390, height: 844 };
    const page = await pageFor(departmentUser('datang-grid-1-inspector'), `cases/${caseId}`, phone);
    const verifyRow = page.locator('tr', { has: page.getByTestId('step-verify') });
    const claim = verifyRow.getByRole('button', { name: '签 收' });
    await claim.waitFor();
    const box = await claim.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(phone.width);
    await claim.click();
    await verifyRow.getByText('办理中').waitFor();
    await checkPage(page, 'case-department-phone');
  });
});
