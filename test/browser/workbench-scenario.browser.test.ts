/// <reference lib="dom" />
/**
 * The workbench end to end in Chromium, as its users would use it: an intake seat starts a case; the grid's
 * inspector (a department) finds it in the inbox, claims it and completes it through the step's form, where a
 * missing value shows the server's error at the field; a supervisor finds the case among the stalled ones, urges
 * it and sees the urge on the timeline. A department token cannot open the supervisor's pages.
 */
import type { Page } from 'playwright-core';
import type { Actor } from '../../api/auth';
import { eventually } from '../helpers/eventually';
import { browserSuite } from './support/browser-suite';
import { checkPage, screenshot } from './support/page-checks';

const INTAKE: Actor = { sub: 'seat-web', role: 'intake', region: '440104' };
const INSPECTOR: Actor = { sub: 'inspector-web', role: 'department', dept: 'datang-grid-1-inspector' };
const SUPERVISOR: Actor = { sub: 'sup-web', role: 'supervisor', region: '440104' };

describe('the workbench in a browser', () => {
  const suite = browserSuite();
  const { pageFor } = suite;
  let caseId = '';

  /** Picks `option` in the Ant Design select labelled `label`. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  it('lets an intake seat start a case with the flow data form and the region tree', async () => {
    const page = await pageFor(INTAKE);
    await page.waitForURL('**/app/intake');
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await choose(page, '事项', '暴露垃圾处置');
    await page.getByLabel('所属区域').click();
    for (const level of ['越秀区', '北京街道', '大塘社区', '大塘社区第1网格']) {
      await page.locator(`.ant-cascader-menu-item[title="${level}"]`).click();
    }
    await page.getByLabel('地址', { exact: true }).fill('越秀区北京路 99 号');
    await choose(page, '信息来源', '群众反映');
    await page.getByRole('button', { name: '提 交' }).click();
    const started = page.getByText(/^已受理：/);
    await started.waitFor();
    caseId = /^已受理：(\S+)$/.exec((await started.textContent()) ?? '')?.[1] ?? '';
    expect(caseId).not.toBe('');
    await checkPage(page, 'intake-start-case');
  });

  it("shows the case in the inspector's inbox, at desk and phone widths", async () => {
    const page = await pageFor(INSPECTOR);
    await page.waitForURL('**/app/inbox');
    const row = page.getByRole('link', { name: caseId });
    // The inbox reads Temporal's visibility, which catches up within moments.
    await eventually(async () => {
      await page.getByRole('button', { name: '刷 新' }).click();
      return (await row.count()) > 0;
    }, 'the case in the inbox');
    await checkPage(page, 'department-inbox');
    const phone = await pageFor(INSPECTOR, '', { width: 390, height: 844 });
    await phone.getByRole('link', { name: caseId }).waitFor();
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
      390,
    );
    await checkPage(phone, 'department-inbox-phone');
  });

  it('can be used with the keyboard: skip to the content, open a case from the inbox', async () => {
    const page = await pageFor(INSPECTOR);
    await page.getByRole('link', { name: caseId }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    for (let presses = 0; presses < 10; presses += 1) {
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused === caseId) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/app/cases/${caseId}`);
  });

  it('claims the step and completes it through its form, with the server error shown at the field', async () => {
    const page = await pageFor(INSPECTOR, `cases/${caseId}`);
    const verifyRow = page.locator('tr', { has: page.getByTestId('step-verify') });
    await verifyRow.getByRole('button', { name: '签 收' }).click();
    await verifyRow.getByText('办理中').waitFor();
    await verifyRow.getByRole('button', { name: '办 结' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '提 交' }).click();
    // Nothing chosen for 情况属实: the server's 422 names result.confirmed, shown under that field.
    const confirmed = dialog.locator('.ant-form-item', { has: page.getByText('情况属实', { exact: true }) });
    await confirmed.getByText('is required').waitFor();
    await checkPage(page, 'department-complete-field-error');
    await dialog.getByRole('radio', { name: '是' }).check();
    await dialog.getByRole('button', { name: '提 交' }).click();
    await verifyRow.getByText('已完成').waitFor();
    await page.locator('[data-testid="timeline-entry"][data-type="step-completed"]').first().waitFor();
    await checkPage(page, 'department-case');
  });

  it('lets a supervisor find the case as stalled, urge it and see the urge on the timeline', async () => {
    const dashboard = await pageFor(SUPERVISOR);
    await dashboard.waitForURL('**/app/supervision');
    await dashboard.getByRole('heading', { name: '在办案件（按阶段）' }).waitFor();
    await checkPage(dashboard, 'supervisor-dashboard');

    const page = await pageFor(SUPERVISOR, 'supervision/stalled');
    const link = page.getByRole('link', { name: caseId });
    await eventually(async () => {
      await page.getByRole('button', { name: '查 询' }).click();
      await page.locator('.ant-table-row').first().waitFor();
      return (await link.count()) > 0;
    }, 'the case among the stalled');
    await checkPage(page, 'supervisor-stalled');
    await link.click();
    await page.waitForURL(`**/app/cases/${caseId}`);
    await page.getByRole('button', { name: '催 办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('备注').fill('请尽快立案');
    await dialog.getByRole('button', { name: '提 交' }).click();
    await page
      .locator('[data-testid="timeline-entry"][data-type="urged"]', { hasText: '请尽快立案' })
      .waitFor();
    // The dialog fades out after the answer: judged mid-fade, its faded labels fail the contrast rule.
    await dialog.waitFor({ state: 'hidden' });
    await checkPage(page, 'supervisor-case-urged');
  });

  it('keeps a department token out of the supervisor pages and their menu', async () => {
    const page = await pageFor(INSPECTOR, 'supervision');
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
    await expect(page.getByRole('menuitem', { name: '督办看板' }).count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: '待办' }).count()).resolves.toBe(1);
    await screenshot(page, 'department-forbidden');
  });
});
