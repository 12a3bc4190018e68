// Point layers keep their key on the map when the sidebar (with the layer list) is closed, as a
// presenter closes it on a projector (issue 19 item 8).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { openSignedInPage, waitForMapAtRest } from './page-helpers.js';
import { saveScreenshots } from './slide-screenshots.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

describe("the map's overlay key", () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await openSignedInPage(browser, baseUrl, accounts.division_head, { width: 1366, height: 768 }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('with the sidebar closed, the company sites and entry points shown keep their symbols and names on the map', async () => {
    await page.goto(new URL('/?region=19.04&layers=sites,entry&asOf=2024-06-13', baseUrl).href);
    await waitForMapAtRest(page);
    if ((await page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')) === 'true') await page.getByTestId('sidebar-toggle').click();
    const key = page.getByTestId('overlay-key');
    await key.waitFor();
    const text = await key.innerText();
    for (const label of ['Lokasi perusahaan penjamin', 'Lokasi perusahaan', 'TPI (tempat pemeriksaan imigrasi)', 'TPI bandar udara', 'TPI pelabuhan laut'])
      expect(text).toContain(label);
    await saveScreenshots(page, 'map-overlay-key');
    // Open again: the layer list says it, the map need not say it twice.
    await page.getByTestId('sidebar-toggle').click();
    await expect.poll(() => page.getByTestId('overlay-key').count()).toBe(0);
  });
});
