/// <reference lib="dom" />
/**
 * What every page visit checks and keeps: a screenshot (in `.screenshots/`, or FULLCYCLE_SCREENSHOTS_DIR) and
 * axe-core's accessibility rules with no serious or critical violation, on the page and on each toast.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../config/project-root';

export const SCREENSHOTS_DIR =
  process.env.FULLCYCLE_SCREENSHOTS_DIR ?? path.join(PROJECT_ROOT, '.screenshots');

/** Writes `<name>.png` of the whole page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** The serious and critical axe-core violations of the page (or of the part `include` selects), one line each. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include === undefined ? builder : builder.include(include)).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

/** An Ant Design toast (`message`): it fades in, stays about 3 s (longer while the pointer rests on it), fades out. */
const TOAST = '.ant-message-notice';

/**
 * The first toast's state, run in the page: `gone`, `held` (under the pointer, which pauses its timer, fully opaque and
 * nothing of the toasts animating), or false while it fades in or out or waits for its timer.
 */
function toastState(selector: string): 'gone' | 'held' | false {
  const toast = document.querySelector(selector);
  if (toast === null) return 'gone';
  if (!toast.matches(':hover')) return false;
  const list = toast.closest('.ant-message') ?? toast;
  if (list.getAnimations({ subtree: true }).some((animation) => animation.playState === 'running'))
    return false;
  for (let element: Element | null = toast; element !== null; element = element.parentElement) {
    if (getComputedStyle(element).opacity !== '1') return false;
  }
  return 'held';
}

/**
 * Checks a toast on screen while the pointer holds it fully shown, then lets it go and waits until it has gone: judged
 * mid-fade, a toast's faded text fails the contrast rule, and when it fades depends on the machine's load. A toast
 * already leaving when the pointer reaches it is only waited out.
 */
async function checkToastsThenLetThemGo(page: Page): Promise<void> {
  const toast = page.locator(TOAST).first();
  if ((await toast.count()) > 0) {
    await toast.hover({ timeout: 5_000 }).catch(() => undefined);
    const state = await page.waitForFunction(toastState, TOAST).then((handle) => handle.jsonValue());
    if (state === 'held') expect(await seriousViolations(page, TOAST)).toEqual([]);
  }
  await page.mouse.move(0, 0);
  await page.waitForFunction((selector) => document.querySelector(selector) === null, TOAST);
}

/**
 * Each toast checked, then the settled page: screenshot and no serious accessibility violation (with the pointer
 * off the page: hover colours aside).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await checkToastsThenLetThemGo(page);
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}
