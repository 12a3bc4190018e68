// One Chromium for a describe block, and the pages its tests open: each page is signed in (or not) in
// its own browser context, and after each test every page is checked to have stayed on the app's own
// host and is closed. Call `e2eBrowser()` inside `describe`; it registers the hooks.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.js';
import type { E2eAccount } from './e2e-accounts.js';
import { expectOnlyOwnHost, openGuardedPage, openSignedInPage } from './page-helpers.js';

type OpenedPage = { page: Page; requestedUrls: string[] };
type Viewport = { width: number; height: number };

export function e2eBrowser() {
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];
  const track = <T extends OpenedPage>(page: T): T => {
    opened.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const { page, requestedUrls } of opened.splice(0)) {
      await expectOnlyOwnHost(page, requestedUrls, baseUrl);
      await page.context().close();
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  const running = (): Browser => {
    if (!browser) throw new Error('e2eBrowser(): Chromium is not running (used outside a test?)');
    return browser;
  };

  return {
    baseUrl,
    accounts,
    /** An absolute URL on the app's host. */
    url: (path: string) => new URL(path, baseUrl).href,
    browser: running,
    /** A page in a fresh context, signed in as `account`; checked and closed after the test. */
    signedIn: async (account: E2eAccount, viewport?: Viewport) => track(await openSignedInPage(running(), baseUrl, account, viewport)),
    /** A page in a fresh context without a session; checked and closed after the test. */
    anonymous: async (viewport?: Viewport) => track(await openGuardedPage(running(), viewport)),
    /** Adds a page opened some other way to the ones checked and closed after the test. */
    track,
  };
}
