/// <reference lib="dom" />
/**
 * A supervisor's 数据更正 and 重试 on the case page, in Chromium against the real API and worker, with the shipped
 * flows: the correction form starts from the case's values with the flow's titles, refuses a form that changes
 * nothing, shows the server's 422 at its field, confirms each change before sending it, and the case page then shows
 * the new value and the timeline who corrected it; a service step whose departmental system refused the call (the
 * harness's stub answers 422) is retried from its row once the system is fixed, and completes; a department's clerk
 * sees neither action.
 */
import type { Page } from 'playwright-core';
import type { Flow } from '../../workflows/engine/flow-model';
import {
  HttpCaseDriver,
  SUPERVISOR,
  departmentUser,
  isOpenTask,
  startReferenceCase,
  stepIn,
} from '../api/support/http-case-harness';
import { expectActivityFailures, expectWarning } from '../helpers/temporal-test-env';
import { browserSuite } from './support/browser-suite';
import { checkPage } from './support/page-checks';

/** Ant Design writes a two-character Chinese button label with a space between (重 试). */
const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);

describe("a supervisor's corrections and retries on the case page", () => {
  const suite = browserSuite();
  const { pageFor } = suite;
  const harness = () => suite.server().harness;
  const driver = () => new HttpCaseDriver(harness().app, harness().service);
  const flow = (id: string): Flow => harness().service.flows.get(id)!;

  /** The value the case page shows for the data field titled `label`. */
  const shownValue = (page: Page, label: string) =>
    page
      .locator('.ant-descriptions-item', {
        has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }),
      })
      .locator('.ant-descriptions-item-content');

  it('corrects a field after confirming the change, and shows the new value and who corrected it', async () => {
    const caseId = await startReferenceCase(harness().app, 'urban.exposed-garbage', 'WEB-CORRECT');
    const page = await pageFor(SUPERVISOR, `cases/${caseId}`);
    await expect(shownValue(page, '地址').innerText()).resolves.toBe('越秀区北京路 1 号');
    await page.getByRole('button', { name: '数据更正' }).click();
    // Told apart by their content: a built test page gives every dialog's title the same id, so names blur.
    const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('更正原因') });
    const confirm = page.getByRole('dialog').filter({ has: page.getByTestId('correction-confirm') });
    // The form's own submit button: its accessible name changes while it shows Ant Design's loading and wave.
    const submit = dialog.locator('button[type="submit"]');
    // The flow's titles, the case's values.
    await expect(dialog.getByLabel('地址', { exact: true }).inputValue()).resolves.toBe('越秀区北京路 1 号');
    await dialog.getByLabel('更正原因').fill('群众来电更正门牌号');
    await submit.click();
    await dialog.getByRole('alert').getByText('没有修改任何内容').waitFor();

    // A value the flow's type refuses: the server's answer at its field, nothing changed.
    await dialog.getByLabel('纬度', { exact: true }).fill('北纬23度');
    await submit.click();
    await confirm.getByText('纬度: 无 → 北纬23度').waitFor();
    await confirm.getByRole('button', { name: button('确认') }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await dialog.getByLabel('纬度', { exact: true }).fill('');

    await dialog.getByLabel('地址', { exact: true }).fill('越秀区北京路 100 号');
    await submit.click();
    await confirm.getByText('地址: 越秀区北京路 1 号 → 越秀区北京路 100 号').waitFor();
    await checkPage(page, 'supervisor-case-correction-confirm');
    await confirm.getByRole('button', { name: button('确认') }).click();

    await page.getByText('案件信息已更正').waitFor();
    await shownValue(page, '地址').getByText('越秀区北京路 100 号').waitFor();
    const entry = page.locator('[data-testid="timeline-entry"][data-type="data-updated"]');
    await entry.getByText('案件信息更正').waitFor();
    await expect(entry.innerText()).resolves.toContain('sup-yuexiu · 督办');
    await expect(entry.innerText()).resolves.toContain('data: address (群众来电更正门牌号)');
    await checkPage(page, 'supervisor-case-corrected');
  });

  it("retries a departmental system's refused call from the step's row, which a clerk does not see", async () => {
    expectActivityFailures('callDepartmentSystem');
    expectWarning('Departmental system call failed for good');
    const stub = harness().stub;
    stub.respond('publishLicence', () => ({ status: 422, body: { error: 'creditCode not yet published' } }));
    const caseId = await startReferenceCase(harness().app, 'business.startup', 'WEB-RETRY');
    const startup = flow('business.startup');
    let view = await driver().until(caseId, (v) => v.steps.some(isOpenTask), 'accept', SUPERVISOR);
    view = await driver().complete(caseId, startup, view.steps.find(isOpenTask)!, { complete: true });
    view = await driver().until(caseId, (v) => isOpenTask(stepIn(v, 'register')), 'register', SUPERVISOR);
    const register = stepIn(view, 'register');
    await driver().complete(caseId, startup, register, { creditCode: '91440104MA5XXXXXX1' });
    await driver().until(
      caseId,
      (v) => stepIn(v, 'share-licence').incident !== undefined,
      'the incident',
      SUPERVISOR,
    );

    // The registration clerk reads the case, the incident on its row, and no action of the supervisor's.
    const clerk = await pageFor(departmentUser(register.assignee!.department), `cases/${caseId}`);
    const clerkRow = clerk.locator('tr', { has: clerk.getByTestId('step-share-licence') });
    await clerkRow.getByText('故障').waitFor();
    await expect(clerkRow.getByRole('button').count()).resolves.toBe(0);
    await expect(clerk.getByRole('button', { name: '数据更正' }).count()).resolves.toBe(0);
    await expect(clerk.getByRole('button', { name: button('重试') }).count()).resolves.toBe(0);

    stub.respond('publishLicence', undefined);
    const page = await pageFor(SUPERVISOR, `cases/${caseId}`);
    const row = page.locator('tr', { has: page.getByTestId('step-share-licence') });
    await row.getByRole('button', { name: button('重试') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/publishLicence answered 422/).waitFor();
    await checkPage(page, 'supervisor-case-retry');
    await dialog.getByRole('button', { name: button('提交') }).click();

    await row.getByText('已完成').waitFor();
    await expect(row.getByText('故障').count()).resolves.toBe(0);
    const entry = page.locator('[data-testid="timeline-entry"][data-type="step-retried"]');
    await expect(entry.innerText()).resolves.toContain('sup-yuexiu · 督办');
    await checkPage(page, 'supervisor-case-retried');
  });
});
