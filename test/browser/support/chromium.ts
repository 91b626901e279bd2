/**
 * Debian's Chromium driven by playwright-core (browsers cannot be downloaded here): where it is, the flags it runs
 * with, and pages that record what the browser complains about (Content-Security-Policy violations, page errors).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumInstalled(): boolean {
  return existsSync(chromiumPath());
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
}

/** What went wrong in a page: CSP violations and uncaught errors, for the test to assert there were none. */
export interface PageComplaints {
  readonly csp: string[];
  readonly errors: string[];
}

/** A new page of the given size that records its complaints. */
export async function openPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; complaints: PageComplaints }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const complaints: PageComplaints = { csp: [], errors: [] };
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) complaints.csp.push(message.text());
  });
  page.on('pageerror', (error) => complaints.errors.push(error.message));
  return { page, complaints };
}
