/// <reference lib="dom" />
/**
 * The designer's pages in Chromium (the catalogue, a flow's diagram and deadlines, the YAML editor marking each
 * problem at its line and publishing a valid flow), and signing in: a pasted token, a refused one, and the English
 * switch.
 */
import type { Actor } from '../../api/auth';
import { browserSuite } from './support/browser-suite';
import { checkPage } from './support/page-checks';

const DESIGNER: Actor = { sub: 'designer-web', role: 'designer' };
const INTAKE: Actor = { sub: 'seat-web', role: 'intake', region: '440104' };

const BROKEN_FLOW = `id: demo.broken
version: 1
title: { zh: 坏流程 }
calendar: cn-mainland
steps:
  - id: handle
    stage: acton
    kind: task
    assignee: { role: sanitation, level: district }
`;

describe('designer pages and sign-in in a browser', () => {
  const { pageFor, blankPage, server } = browserSuite();

  it('lists the flows and shows one with its rendered diagram and explained deadlines', async () => {
    const page = await pageFor(DESIGNER);
    await page.waitForURL('**/app/flows');
    await page.getByRole('link', { name: '暴露垃圾处置' }).waitFor();
    await checkPage(page, 'designer-flows');
    await page.getByRole('link', { name: '暴露垃圾处置' }).click();
    await page.getByTestId('flow-diagram').locator('svg').waitFor();
    await page.getByRole('cell', { name: 'verify', exact: true }).waitFor();
    await expect(page.getByTestId('explain-start').textContent()).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    // The time limits and their explanations in the clerk's language, not the engine's English.
    const verify = page.locator('tr', { has: page.getByRole('cell', { name: 'verify', exact: true }) });
    await verify.getByRole('cell', { name: '1 小时 · 工作时间', exact: true }).waitFor();
    await expect(verify.textContent()).resolves.toMatch(
      /自 \d{4}-\d{2}-\d{2}（周.）\d{2}:\d{2}(:\d{2})? 起 1 个工作小时/,
    );
    await expect(verify.textContent()).resolves.not.toMatch(/working/);
    await checkPage(page, 'designer-flow');
  });

  it('marks every problem of a broken flow at its line and column in the YAML editor', async () => {
    const page = await pageFor(DESIGNER, 'flows/editor');
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(BROKEN_FLOW);
    await page.getByRole('button', { name: '校 验' }).click();
    const problem = page
      .getByTestId('yaml-problems')
      .getByRole('listitem')
      .filter({ hasText: 'steps[0].stage' });
    await problem.getByRole('button', { name: '第 7 行，第 12 列' }).waitFor();
    // The editor underlines the bad value itself: line 7 is `    stage: acton`, column 12 its first letter.
    await expect(page.locator('.cm-lintRange-error').first().textContent()).resolves.toBe('acton');
    await checkPage(page, 'designer-editor-errors');
  });

  it('publishes a flow once it validates, and the catalogue lists the new version', async () => {
    // The editor opens on a small valid flow, demo.new-flow (新流程).
    const page = await pageFor(DESIGNER, 'flows/editor');
    await page.getByTestId('yaml-editor').locator('.cm-content').waitFor();
    const publish = page.getByRole('button', { name: '发 布' });
    expect(await publish.count()).toBe(0);
    await page.getByRole('button', { name: '校 验' }).click();
    await page.getByRole('status').filter({ hasText: '校验通过' }).waitFor();
    await publish.click();
    const published = page.getByRole('status').filter({ hasText: '已发布 demo.new-flow 第 1 版' });
    await published.waitFor();
    await expect(published.textContent()).resolves.toContain(DESIGNER.sub);
    await checkPage(page, 'designer-editor-published');

    // The same text again: already published, nothing stored; an edit hides the button until it validates again.
    await page.getByRole('button', { name: '校 验' }).click();
    await publish.click();
    await page.getByRole('status').filter({ hasText: '内容相同' }).waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# edited\n');
    await publish.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '校 验' }).click();
    await page.getByRole('status').filter({ hasText: '校验通过' }).waitFor();
    await publish.waitFor();

    await page.goto(`${server().url}/app/flows`);
    await page.getByRole('link', { name: '新流程' }).waitFor();
  });

  it('signs in with a pasted token, refuses a bad one, and switches to English', async () => {
    const page = await blankPage();
    await page.goto(`${server().url}/app/`);
    await page.waitForURL('**/app/sign-in');
    await checkPage(page, 'sign-in');
    await page.getByLabel('访问令牌').fill('not-a-token');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByRole('alert').getByText('令牌无效或已过期').waitFor();
    await page.getByLabel('访问令牌').fill(await server().token(INTAKE));
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  });
});
