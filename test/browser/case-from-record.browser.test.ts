/// <reference lib="dom" />
/**
 * The case page when no worker answers: the API answers from the ledger's record (docs/api.md, "Answered from the
 * ledger") and the page says so in a banner, shows the recorded steps (the completed one completed) and offers no
 * action, in Chromium against the real API, worker and ledger. The worker is stopped once the case is under way.
 */
import {
  HttpCaseDriver,
  isOpenTask,
  startReferenceCase,
  stepIn,
  SUPERVISOR,
} from '../api/support/http-case-harness';
import { caseWorkflowId } from '../../workflows/messages';
import { browserSuite } from './support/browser-suite';

describe('the case page from the ledger', () => {
  // A short wait for the Query, so that the page does not wait the default 5 s.
  const suite = browserSuite({ queryTimeoutMs: 1_000 });
  const harness = () => suite.server().harness;
  let caseId = '';

  afterAll(async () => {
    if (caseId !== '')
      await harness()
        .client.workflow.getHandle(caseWorkflowId(caseId))
        .terminate('test over')
        .catch(() => undefined);
  });

  it('shows the banner and the recorded steps, and no action, while no worker answers', async () => {
    const driver = new HttpCaseDriver(harness().app, harness().service);
    caseId = await startReferenceCase(harness().app, 'urban.exposed-garbage', 'WEB-RECORD');
    const view = await driver.until(caseId, (v) => v.steps.some(isOpenTask), 'a task to do');
    const task = view.steps.find(isOpenTask)!;
    const flow = harness().service.flows.get(view.flowId, view.flowVersion)!;
    expect(stepIn(await driver.complete(caseId, flow, task), task.id).status).toBe('completed');

    // Live: no banner, and the supervisor's actions.
    const live = await suite.pageFor(SUPERVISOR, `cases/${caseId}`);
    await live.getByTestId(`step-${task.id}`).waitFor();
    await live.getByRole('button', { name: '催 办' }).waitFor();
    expect(await live.getByTestId('case-from-record').count()).toBe(0);

    await suite.server().stopWorker();
    const page = await suite.pageFor(SUPERVISOR, `cases/${caseId}`);
    const banner = page.getByTestId('case-from-record');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('此页显示的是台账记录');
    expect(await banner.textContent()).toContain('服务恢复前无法办理操作');
    const row = page.locator('tr', { has: page.getByTestId(`step-${task.id}`) });
    expect(await row.textContent()).toContain('已完成');
    expect(await page.getByRole('button', { name: '催 办' }).count()).toBe(0);
  });
});
