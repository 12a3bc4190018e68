// Offline briefings end to end in Chromium: a division head makes the Bangka Tengah briefing of 13 June
// 2024 available offline, the network goes away, the page reloads from the service worker, and the
// briefing opens and is presented with its map drawn from stored tiles and its figures (22 ITAS,
// 6 ITAP). A briefing too big for the budget is refused with nothing kept; another account signing
// in removes the first account's copy; signing out clears every copy.
import { briefingFromTemplate, type BriefingContent, type Slide } from '@pantau/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { buildTemplateBriefing, expectOnlyOwnHost, openSignedInPage, screenshot, signIn } from './page-helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

/** The budget shown in the UI and in docs/briefings.md (src/offline/offline-budget.ts). */
const BUDGET_BYTES = 50_000_000;

interface MapProbe {
  __pantauReady?: boolean;
  __pantauMap?: {
    getLayer(id: string): unknown;
    queryRenderedFeatures(options: { layers: string[] }): Array<{ properties: Record<string, unknown> }>;
    loaded(): boolean;
    isMoving(): boolean;
  } | null;
}

const offlineCacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('pantau-offline-v1:')));

/** The district codes the map has drawn (rendered features of the shaded level). */
const drawnDistricts = (page: Page) =>
  page.evaluate(() => {
    const map = (window as MapProbe).__pantauMap;
    if (!map || !map.getLayer('district-fill')) return [];
    return [...new Set(map.queryRenderedFeatures({ layers: ['district-fill'] }).map((feature) => String(feature.properties.code)))].sort();
  });

/** Waits for the offline control's outcome: the copy's status, or fails with the error it shows. */
async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.locator('[data-testid="offline-status"], [data-testid="offline-error"]').first().waitFor({ timeout: 120_000 });
  const error = page.getByTestId('offline-error');
  if ((await error.count()) > 0) throw new Error(`the offline copy was not stored: ${await error.innerText()}`);
}

describe('offline briefings', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requestedUrls: string[];
  let briefingId = 0;
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, requestedUrls } = await openSignedInPage(browser, baseUrl, accounts.division_head));
    context = page.context();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the Bangka Tengah briefing is stored for offline use within the budget, its size and date shown', async () => {
    briefingId = await buildTemplateBriefing(page, baseUrl, { code: '19.04', name: 'Kabupaten Bangka Tengah' }, '2024-06-13');
    await expect.poll(() => page.getByTestId('figure-itas').locator('dd').innerText(), { timeout: 30_000 }).toBe('22');

    // The production build registered the worker, and it controls the page.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), { timeout: 30_000 })
      .toBe(new URL('/sw.js', baseUrl).href);
    expect(await offlineCacheNames(page)).toEqual([]);

    await page.getByTestId('offline-save').click();
    await waitForOfflineCopy(page);
    const status = await page.getByTestId('offline-status').innerText();
    expect(status).toMatch(/^Tersedia luring \(\d+,\d MB, disimpan .+\)$/);
    const bytes = Number(await page.getByTestId('offline-status').getAttribute('data-bytes'));
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(await page.getByTestId('offline-error').count()).toBe(0);

    const names = await offlineCacheNames(page);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(new RegExp(`^pantau-offline-v1:briefing:${briefingId}:\\d+$`));
    // What the copy holds: the shell, the session, the briefing, the figures and vector tiles of the slides' views.
    const stored = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname), names[0]!);
    expect(stored).toEqual(
      expect.arrayContaining(['/index.html', '/api/v1/auth/me', `/api/v1/briefings/${briefingId}`, '/api/v1/areas/19.04/summary', '/tiles/districts.json']),
    );
    expect(stored.filter((path) => /^\/tiles\/districts\/9\/\d+\/\d+\.mvt$/.test(path)).length).toBeGreaterThan(0);
    expect(stored.filter((path) => path.startsWith('/assets/')).length).toBeGreaterThan(10);

    // "Update" stores a new copy and then removes the old one.
    await page.getByTestId('offline-update').click();
    await expect.poll(() => offlineCacheNames(page), { timeout: 120_000 }).not.toEqual(names);
    await waitForOfflineCopy(page);
    const updated = await offlineCacheNames(page);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatch(new RegExp(`^pantau-offline-v1:briefing:${briefingId}:\\d+$`));
    await expectOnlyOwnHost(page, requestedUrls, baseUrl);
  });

  test('with the network gone, the app starts from the worker, opens the briefing and presents it with its map and figures', async () => {
    const failed: string[] = [];
    const fromWorker: string[] = [];
    const onFailed = (request: { url(): string }) => failed.push(request.url());
    const onResponse = (response: { url(): string; fromServiceWorker(): boolean }) => {
      if (response.fromServiceWorker()) fromWorker.push(response.url());
    };
    page.on('requestfailed', onFailed);
    page.on('response', onResponse);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('briefing-editor').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('briefing-title').inputValue()).toContain('Kabupaten Bangka Tengah');
      await expect
        .poll(() => page.getByTestId('offline-indicator').first().innerText(), { timeout: 30_000 })
        .toMatch(/^Luring — menampilkan salinan tersimpan .+/);

      await page.getByTestId('present-button').click();
      const present = page.getByTestId('present');
      await expect.poll(() => present.getByTestId('figure-itas').locator('dd').innerText(), { timeout: 30_000 }).toBe('22');
      expect(await present.getByTestId('figure-itap').locator('dd').innerText()).toBe('6');
      expect(await present.getByTestId('offline-indicator').innerText()).toMatch(/^Luring/);
      // The first slide's map: Bangka Tengah's districts shaded from stored tiles.
      await page.waitForFunction(
        () => {
          const map = (window as MapProbe).__pantauMap;
          return (window as MapProbe).__pantauReady === true && !!map && map.loaded() && !map.isMoving();
        },
        undefined,
        { timeout: 60_000 },
      );
      await expect
        .poll(async () => (await drawnDistricts(page)).filter((code) => code.startsWith('19.04.')).length, { timeout: 30_000 })
        .toBeGreaterThanOrEqual(5);
      await screenshot(page, 'briefing-offline-present');
    } finally {
      await context.setOffline(false);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
    }
    expect(fromWorker.some((url) => new URL(url).pathname === '/api/v1/auth/me')).toBe(true);
    expect(fromWorker.some((url) => /\/tiles\/districts\/\d+\/\d+\/\d+\.mvt/.test(url))).toBe(true);
    // Every API read the briefing and its slides made was in the copy.
    expect(failed.filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('briefing-editor').waitFor();
  });

  test('a briefing too big for the budget is refused, saying so, and nothing of it is kept', async () => {
    // 60 slides, each on a different day: every slide's tiles are different files.
    const base = briefingFromTemplate('concentration', { areaCode: '19.04', areaName: 'Kabupaten Bangka Tengah', date: '2024-06-13', lang: 'id' });
    const first = base.slides[1] as Slide;
    const slides: Slide[] = Array.from({ length: 60 }, (_, n) => ({
      ...first,
      id: `s${n + 1}`,
      panels: [],
      view: { ...first.view, asOf: new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10) },
    }));
    const content: BriefingContent = { ...base, title: 'Terlalu besar untuk luring', slides };
    const created = await page.request.post(new URL('/api/v1/briefings', baseUrl).href, { data: content, headers: { origin: new URL(baseUrl).origin } });
    expect(created.status()).toBe(201);
    const bigId = ((await created.json()) as { briefing: { id: number } }).briefing.id;

    // The list marks the briefing stored on this browser, and only that one.
    await page.goto(new URL('/?page=briefing', baseUrl).href);
    await expect.poll(() => page.getByTestId('offline-mark').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('offline-mark').innerText()).toBe('tersedia luring');

    await page.goto(new URL(`/?page=briefing&briefing=${bigId}`, baseUrl).href);
    await page.getByTestId('offline-save').click();
    const error = page.getByTestId('offline-error');
    await error.waitFor({ timeout: 120_000 });
    expect(await error.innerText()).toMatch(/^Tidak disimpan untuk luring: \d+ berkas, lebih dari batas 4000\./);
    expect(await page.getByTestId('offline-status').count()).toBe(0);
    const names = await offlineCacheNames(page);
    expect(names.filter((name) => name.startsWith(`pantau-offline-v1:briefing:${bigId}:`))).toEqual([]);
    // The first briefing's copy is untouched.
    expect(names.filter((name) => name.startsWith(`pantau-offline-v1:briefing:${briefingId}:`))).toHaveLength(1);
  });

  test("another account signing in on this browser removes the first account's copy", async () => {
    await signIn(page, baseUrl, accounts.viewer);
    await page.goto(new URL(`/?page=briefing&briefing=${briefingId}`, baseUrl).href);
    await page.getByTestId('briefing-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => offlineCacheNames(page), { timeout: 30_000 }).toEqual([]);
    // The viewer reads and presents this briefing, so may store it for the meeting too.
    await page.getByTestId('offline-save').click();
    await waitForOfflineCopy(page);
    expect(await offlineCacheNames(page)).toHaveLength(1);
  });

  test('signing out clears every offline copy', async () => {
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-page').waitFor({ timeout: 30_000 });
    expect(await offlineCacheNames(page)).toEqual([]);
    // And with the network gone, nothing of the briefing is served any more.
    await context.setOffline(true);
    try {
      const answer = await page.evaluate(async (id) => {
        try {
          return (await fetch(`/api/v1/briefings/${id}`)).status;
        } catch {
          return 'no answer';
        }
      }, briefingId);
      expect(answer).toBe('no answer');
    } finally {
      await context.setOffline(false);
    }
  });
});
