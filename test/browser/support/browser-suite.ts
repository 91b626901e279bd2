/**
 * The frame of a browser test file: the workbench server and Chromium for the whole file, pages that open with a
 * sign-in link, and after each test the check that no page broke the Content-Security-Policy or threw.
 */
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../../api/auth';
import type { HttpHarnessOptions } from '../../api/support/http-case-harness';
import { launchChromium, openPage, type PageComplaints } from './chromium';
import { startWorkbenchServer, type WorkbenchServer } from './workbench-server';

export interface BrowserSuite {
  readonly server: () => WorkbenchServer;
  /** A page of its own (a fresh context), not signed in. */
  blankPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** A page signed in as `actor` through its sign-in link, at `/app/<path>`. */
  pageFor(actor: Actor, path?: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/** Registers the file's beforeAll/afterAll/afterEach and returns the suite; `options` as the HTTP harness's. */
export function browserSuite(options: HttpHarnessOptions = {}): BrowserSuite {
  let server: WorkbenchServer | undefined;
  let browser: Browser | undefined;
  const complaints: PageComplaints[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWorkbenchServer({}, options), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    for (const { csp, errors } of complaints.splice(0)) {
      expect(csp).toEqual([]);
      expect(errors).toEqual([]);
    }
  });

  const started = (): { server: WorkbenchServer; browser: Browser } => {
    if (server === undefined || browser === undefined) throw new Error('the browser suite has not started');
    return { server, browser };
  };
  const blankPage = async (viewport?: { width: number; height: number }): Promise<Page> => {
    const opened = await openPage(started().browser, viewport);
    complaints.push(opened.complaints);
    return opened.page;
  };
  return {
    server: () => started().server,
    blankPage,
    async pageFor(actor, path = '', viewport) {
      const page = await blankPage(viewport);
      await page.goto(await started().server.link(actor, path));
      return page;
    },
  };
}
