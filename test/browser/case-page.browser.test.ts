/// <reference lib="dom" />
/**
 * What the case page tells the people who read it, in Chromium against the real API and worker, with the shipped
 * flows: the stage bar marks only the stages the case went through (an emergency neither finishes the stages the
 * case has not reached nor counts as done in a case that never had one).
 */
import type { Page } from 'playwright-core';
import type { Flow } from '../../workflows/engine/flow-model';
import { REFERENCE_CASES } from '../helpers/reference-cases';
import {
  HttpCaseDriver,
  SUPERVISOR,
  expectStatus,
  startReferenceCase,
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
});
