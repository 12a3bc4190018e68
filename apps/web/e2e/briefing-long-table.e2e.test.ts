// A long candidate table on a slide (issue 19 item 9): the proposal slide of a Bangka Belitung briefing
// lists its twenty candidates (long company names that wrap) beside the area's figures. Presented, on
// the print page and in the offline file, at 1366×768 and 1920×1080, every table's last row and the
// footer lie inside the slide, and every candidate is shown: nothing is cut, nothing scrolls away.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Slide } from '@pantau/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { buildTemplateBriefing, openSignedInPage } from './page-helpers.js';
import { SCREEN_SIZES as SCREENSHOT_SIZES, SCREENSHOTS_DIR, saveScreenshots } from './screenshots.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

const BANGKA_TENGAH = { code: '19.04', name: 'Kabupaten Bangka Tengah' };
const PROVINCE = '19';
const DATE = '2024-06-13';
const CANDIDATES = 20;

interface SlideFit {
  /** Tables whose last row is not inside the slide (or is scrolled out of its panels). */
  rowsOutside: string[];
  footerInside: boolean;
  /** The candidate names the slide shows. */
  shown: string[];
}

/**
 * Where a slide's tables end and its footer sits, scrolled into view: each table's last row must lie
 * inside the slide and inside the visible part of the panels box, the footer inside the slide and the
 * window.
 */
async function slideFit(page: Page, slide: string, panels: string, candidateNames: readonly string[]): Promise<SlideFit> {
  return page.locator(slide).evaluate(
    (element, [panelsSelector, names]) => {
      element.scrollIntoView({ block: 'start' });
      const box = element.getBoundingClientRect();
      const panelsBox = element.querySelector(panelsSelector as string)?.getBoundingClientRect() ?? box;
      const within = (inner: DOMRect, outer: { top: number; bottom: number; left: number; right: number }) =>
        inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1 && inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
      const rowsOutside = [...element.querySelectorAll('table')].flatMap((table, index) => {
        const last = table.querySelector('tbody tr:last-child');
        if (!last) return [];
        const row = last.getBoundingClientRect();
        return within(row, box) && within(row, panelsBox)
          ? []
          : [
              `table ${index + 1}, last row "${(last.textContent ?? '').slice(0, 40)}" at ${Math.round(row.top)}–${Math.round(row.bottom)} (slide ${Math.round(box.top)}–${Math.round(box.bottom)}, panels ${Math.round(panelsBox.top)}–${Math.round(panelsBox.bottom)})`,
            ];
      });
      const footer = element.querySelector('footer')?.getBoundingClientRect();
      const text = (element as HTMLElement).innerText;
      return {
        rowsOutside,
        footerInside: footer !== undefined && footer.height > 0 && within(footer, box) && footer.bottom <= window.innerHeight + 1,
        shown: (names as string[]).filter((name) => text.includes(name)),
      };
    },
    [panels, candidateNames] as const,
  );
}

describe('a long candidate table on a slide', () => {
  let browser: Browser;
  let page: Page;
  let briefingId = 0;
  let candidateNames: string[] = [];
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await openSignedInPage(browser, baseUrl, accounts.division_head, { width: 1366, height: 768 }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a briefing whose proposal slide lists twenty Bangka Belitung candidates beside the figures is saved', async () => {
    briefingId = await buildTemplateBriefing(page, baseUrl, BANGKA_TENGAH, DATE, 'risks');
    // Through the page's own fetch (the same session; its Origin passes the CSRF check).
    candidateNames = await page.evaluate(
      async ({ id, province, limit }) => {
        const response = await fetch(`/api/v1/briefings/${id}`);
        if (!response.ok) throw new Error(`GET briefing: HTTP ${response.status}`);
        const { briefing } = (await response.json()) as {
          briefing: { title: string; date: string; venue: string; audience: string; lang: string; areaCode: string | null; slides: Slide[] };
        };
        const proposal = briefing.slides.find((slide) => slide.panels.some((panel) => panel.kind === 'candidates'));
        if (!proposal) throw new Error('the risks template has no proposal slide');
        proposal.view = { ...proposal.view, region: province, map: null };
        proposal.panels = [{ kind: 'figures' }, { kind: 'candidates', limit }];
        const { title, date, venue, audience, lang, slides } = briefing;
        const saved = await fetch(`/api/v1/briefings/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title, date, venue, audience, lang, areaCode: province, slides }),
        });
        if (!saved.ok) throw new Error(`PUT briefing: HTTP ${saved.status} ${await saved.text()}`);
        const candidates = await fetch(`/api/v1/planning/candidates?area=${province}&asOf=${briefing.date}&limit=${limit}&lang=${briefing.lang ?? 'id'}`);
        return ((await candidates.json()) as { items: Array<{ name: string }> }).items.map((item) => item.name);
      },
      { id: briefingId, province: PROVINCE, limit: CANDIDATES },
    );
    expect(candidateNames).toHaveLength(CANDIDATES);
    expect(candidateNames.filter((name) => name.length > 40).length, 'names long enough to wrap').toBeGreaterThan(3);
  });

  test("present mode: the twenty candidates, each table's last row and the footer inside every slide, at both sizes", async () => {
    expect(candidateNames, 'the briefing of the first test').toHaveLength(CANDIDATES);
    await page.goto(new URL(`/?page=briefing&briefing=${briefingId}`, baseUrl).href);
    await page.getByTestId('present-button').click();
    const present = page.getByTestId('present');
    const position = page.getByTestId('present-position');
    const shown = new Set<string>();
    /** Where the presenter is: "3 / 3" and, on a slide shown in parts, "bagian 2/2". */
    const where = () =>
      page.evaluate(() =>
        `${document.querySelector('[data-testid="present-position"]')?.textContent ?? ''} ${document.querySelector('[data-testid="present-part"]')?.textContent ?? ''}`.trim(),
      );
    let continued = 0;
    for (const size of SCREENSHOT_SIZES) {
      await page.setViewportSize(size);
      await page.keyboard.press('Home');
      await expect.poll(() => position.innerText()).toMatch(/^1 \/ \d+$/);
      for (let step = 1; step <= 12; step++) {
        const slide = present.getByTestId('slide');
        // The panels have loaded (a slide without panels has none to wait for).
        await expect.poll(() => slide.locator('.slide-panel[aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);
        // Shrinking to fit runs a frame after the content changes: wait until it has settled.
        await expect
          .poll(async () => (await slideFit(page, '[data-testid="present"] [data-testid="slide"]', '.slide-panels', candidateNames)).rowsOutside, {
            timeout: 10_000,
          })
          .toEqual([]);
        const fit = await slideFit(page, '[data-testid="present"] [data-testid="slide"]', '.slide-panels', candidateNames);
        const at = await where();
        expect(fit.footerInside, `the footer at ${at}, ${size.width}×${size.height}`).toBe(true);
        for (const name of fit.shown) shown.add(name);
        if ((await slide.getByTestId('slide-title').innerText()).endsWith('(lanjutan)')) continued += 1;
        if (fit.shown.length > 0 && size === SCREENSHOT_SIZES[0]) await saveScreenshots(page, `slides-long-table-present-${step}`);
        await page.keyboard.press('ArrowRight');
        // At the last part of the last slide nothing moves.
        const moved = await expect
          .poll(where, { timeout: 3_000 })
          .not.toBe(at)
          .then(
            () => true,
            () => false,
          );
        if (!moved) break;
      }
    }
    expect(continued, 'the proposal continues on a "(lanjutan)" part at each size').toBeGreaterThanOrEqual(2);
    expect([...shown].sort()).toEqual([...candidateNames].sort());
    await page.keyboard.press('Escape');
    await page.getByTestId('briefing-editor').waitFor();
  });

  test("the print page: the twenty candidates, each table's last row and the footer inside their slide", async () => {
    expect(candidateNames, 'the briefing of the first test').toHaveLength(CANDIDATES);
    const printPage = await page.context().newPage();
    await printPage.setViewportSize(SCREENSHOT_SIZES[0]);
    await printPage.goto(new URL(`/?page=briefing-print&briefing=${briefingId}&lang=id`, baseUrl).href);
    await printPage.waitForFunction(
      () => document.documentElement.dataset.printReady === 'true' || document.documentElement.dataset.printError !== undefined,
      undefined,
      { timeout: 120_000 },
    );
    expect(await printPage.evaluate(() => document.documentElement.dataset.printError)).toBeUndefined();
    const shown = new Set<string>();
    const count = await printPage.getByTestId('slide').count();
    for (let n = 0; n < count; n++) {
      const fit = await slideFit(printPage, `.print-page:nth-child(${n + 1}) [data-testid="slide"]`, '.slide-panels', candidateNames);
      expect({ rowsOutside: fit.rowsOutside, footerInside: fit.footerInside }, `printed slide ${n + 1}`).toEqual({ rowsOutside: [], footerInside: true });
      for (const name of fit.shown) shown.add(name);
    }
    expect([...shown].sort()).toEqual([...candidateNames].sort());
    await saveScreenshots(printPage, 'slides-long-table-print');
    await printPage.close();
  });

  test("the offline file: the twenty candidates over its slides, each table's last row and the footer inside the slide, at both sizes", async () => {
    expect(candidateNames, 'the briefing of the first test').toHaveLength(CANDIDATES);
    const exportPage = await page.context().newPage();
    const [download] = await Promise.all([
      exportPage.waitForEvent('download', { timeout: 120_000 }),
      exportPage.goto(new URL(`/?page=briefing-print&briefing=${briefingId}&lang=id#export=html`, baseUrl).href),
    ]);
    const file = join(SCREENSHOTS_DIR, 'slides-long-table-offline.html');
    await download.saveAs(file);
    await exportPage.close();
    const offline = await browser.newContext({ offline: true, viewport: SCREENSHOT_SIZES[0] });
    const disk = await offline.newPage();
    await disk.goto(pathToFileURL(file).href);
    const count = await disk.locator('.slide').count();
    expect(count).toBeGreaterThanOrEqual(3);
    const shown = new Set<string>();
    for (let n = 1; n <= count; n++) {
      await expect.poll(() => disk.locator('.slide:not([hidden])').getAttribute('data-slide')).toBe(String(n));
      for (const size of SCREENSHOT_SIZES) {
        await disk.setViewportSize(size);
        await disk.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const fit = await slideFit(disk, '.slide:not([hidden])', '.panels', candidateNames);
        expect({ rowsOutside: fit.rowsOutside, footerInside: fit.footerInside }, `offline slide ${n} at ${size.width}×${size.height}`).toEqual({
          rowsOutside: [],
          footerInside: true,
        });
        for (const name of fit.shown) shown.add(name);
      }
      if (n >= count - 1) await saveScreenshots(disk, `slides-long-table-offline-${n}`);
      await disk.keyboard.press('ArrowRight');
    }
    expect([...shown].sort()).toEqual([...candidateNames].sort());
    await offline.close();
  });
});
