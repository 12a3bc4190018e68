// The planning layers on the dashboard, in Chromium: switching on coverage gaps and hot spots loads
// their tiles with the fixed months and resolution and shows their legends (the hot spots naming the
// method), and the coverage-gap list groups Bangka Tengah's gaps under its office and flies to one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { expectOnlyOwnHost, openSignedInPage, screenshot, waitForMapAtRest } from './page-helpers.js';

describe('planning layers', () => {
  let browser: Browser;
  let page: Page;
  let requestedUrls: string[];
  const baseUrl = inject('e2eBaseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    // Wide enough that the sidebar stays open beside the selected area's detail panel.
    ({ page, requestedUrls } = await openSignedInPage(browser, baseUrl, inject('e2eAccounts').admin, { width: 1600, height: 900 }));
  });

  afterAll(async () => {
    if (page) await expectOnlyOwnHost(page, requestedUrls, baseUrl);
    await browser?.close();
  });

  test('coverage gaps and hot spots, switched on, load their tiles and show their legends; the gap list flies to a place', async () => {
    await page.goto(new URL('/?asOf=2024-06-13&region=19.04&map=9/-2.45/106.25', baseUrl).href);
    await waitForMapAtRest(page);

    const gapTiles = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/tiles/coverage_gaps/') && [200, 204].includes(r.status()), {
      timeout: 60_000,
    });
    const gapJson = page.waitForRequest((r) => new URL(r.url()).pathname === '/tiles/coverage_gaps.json');
    await page.getByTestId('layer-toggle-gaps').check();
    expect(new URL((await gapJson).url()).searchParams.get('months')).toBe('12');
    await gapTiles;
    const gapLegend = page.getByTestId('layer-legend-gaps');
    await expect.poll(() => gapLegend.isVisible()).toBe(true);
    expect(await gapLegend.locator('li').allInnerTexts()).toEqual(expect.arrayContaining(['Belum pernah diperiksa']));
    expect(await page.getByTestId('layer-note-gaps').innerText()).toContain('12 bulan');

    // The list: Bangka Tengah's gaps under the Pangkalpinang office; a click moves the map.
    await expect
      .poll(() => page.getByTestId('coverage-gap-office').allInnerTexts(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/Pangkalpinang \(\d+\)/)]);
    const before = new URL(page.url()).searchParams.get('map');
    await page.getByTestId('coverage-gap-item').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('map'), { timeout: 20_000 }).not.toBe(before);

    const hotJson = page.waitForRequest((r) => new URL(r.url()).pathname === '/tiles/hot_spots.json');
    const hotTiles = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/tiles/hot_spots/') && [200, 204].includes(r.status()), {
      timeout: 60_000,
    });
    await page.getByTestId('layer-toggle-hotspots').check();
    const params = new URL((await hotJson).url()).searchParams;
    expect([params.get('months'), params.get('resolution')]).toEqual(['24', '6']);
    await hotTiles;
    await expect.poll(() => page.getByTestId('layer-legend-hotspots').isVisible()).toBe(true);
    expect(await page.getByTestId('layer-legend-hotspots').locator('li').count()).toBe(8);
    expect(await page.getByTestId('layer-note-hotspots').innerText()).toContain('Getis-Ord Gi* (H3 res 6, 24 bulan)');
    expect(new URL(page.url()).searchParams.get('layers')).toBe('gaps,hotspots');
    await waitForMapAtRest(page);
    await screenshot(page, 'planning-layers');

    await page.getByTestId('layer-toggle-gaps').uncheck();
    await expect.poll(() => page.getByTestId('layer-legend-gaps').count()).toBe(0);
    expect(await page.getByTestId('coverage-gap-list').count()).toBe(0);
  }, 180_000);
});
