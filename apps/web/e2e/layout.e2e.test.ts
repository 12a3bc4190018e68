// Layout and language as the meeting room sees them (issue 19 items 13–16): every page at a laptop's
// 1366×768 and a projector's 1920×1080, saved by the screenshot harness for review, with the layout
// facts a user would check: the header is one row, nothing overlaps, the map keeps its width beside a
// panel, the legend stays off the selected area, slider values stand clear of their sliders; dates in
// Indonesian are day first; a page the role may not open says so.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { buildTemplateBriefing, openGuardedPage, openSignedInPage, waitForMapAtRest } from './page-helpers.js';
import { atEachScreenSize, saveScreenshots, settle } from './screenshots.js';

type Box = { x: number; y: number; width: number; height: number };

const BANGKA_TENGAH = { code: '19.04', name: 'Kabupaten Bangka Tengah' };
/** Bangka Tengah's label point (from /api/v1/areas/19.04). */
const BANGKA_TENGAH_CENTRE: [number, number] = [106.23391, -2.432426];

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not shown`);
  return box;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(box: Box, point: { x: number; y: number }): boolean {
  return point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
}

/** The area's bounding box as drawn on the page (from /api/v1/areas/{code}, projected by the live map). */
async function areaBoxOnPage(page: Page, baseUrl: string, code: string): Promise<Box> {
  const response = await page.request.get(new URL(`/api/v1/areas/${code}`, baseUrl).href);
  const { bbox } = (await response.json()) as { bbox: [number, number, number, number] };
  const map = await boxOf(page.getByTestId('map'));
  const corners = await page.evaluate(([west, south, east, north]) => {
    const probe = (window as unknown as { __pantauMap: { project(p: [number, number]): { x: number; y: number } } }).__pantauMap;
    return [probe.project([west, north]), probe.project([east, south])];
  }, bbox);
  const [topLeft, bottomRight] = corners as [{ x: number; y: number }, { x: number; y: number }];
  return { x: map.x + topLeft.x, y: map.y + topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
}

function inside(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/** The header is one row: no taller than its tallest control plus padding, and every control on the same line. */
async function expectOneRowHeader(page: Page): Promise<void> {
  const header = await boxOf(page.locator('.page-header'));
  expect(header.height).toBeLessThanOrEqual(64);
  const tops = await page.locator('.page-header .header-button, .page-header .header-search, .page-header h1').evaluateAll((elements) =>
    elements.filter((element) => element.getClientRects().length > 0).map((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top + rect.height / 2;
    }),
  );
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
}

describe('layout at 1366×768 and 1920×1080', () => {
  let browser: Browser;
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the dashboard header fits one row at both sizes, "Briefing" clear of "+ Slide", the search placeholder shown whole', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin);
    await page.goto(new URL('/?asOf=2024-06-13', baseUrl).href);
    await waitForMapAtRest(page);
    await saveScreenshots(page, 'dashboard');
    await atEachScreenSize(page, async (size) => {
      await expectOneRowHeader(page);
      expect(overlaps(await boxOf(page.getByTestId('open-briefings')), await boxOf(page.getByTestId('add-to-briefing')))).toBe(false);
      const search = page.getByTestId('search-input');
      const placeholderFits = await search.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width <= room;
      });
      expect(placeholderFits, `the search placeholder at ${size.width} px`).toBe(true);
    });
    await page.context().close();
  }, 120_000);

  test('with the area panel open the map keeps ≥ 900 px at 1366, and the legend stays off the selected regency', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin);
    await page.goto(new URL(`/?region=${BANGKA_TENGAH.code}&asOf=2024-06-13`, baseUrl).href);
    await waitForMapAtRest(page);
    await page.getByTestId('detail-itas').waitFor();
    await saveScreenshots(page, 'dashboard-area-panel');
    await atEachScreenSize(page, async (size) => {
      await expectOneRowHeader(page);
      const map = await boxOf(page.getByTestId('map'));
      if (size.width === 1366) expect(map.width).toBeGreaterThanOrEqual(900);
      const centre = await page.evaluate((lngLat) => {
        const probe = (window as unknown as { __pantauMap: { project(p: [number, number]): { x: number; y: number } } }).__pantauMap;
        return probe.project(lngLat);
      }, BANGKA_TENGAH_CENTRE);
      const centreOnPage = { x: map.x + centre.x, y: map.y + centre.y };
      // The regency is in view, and no legend or card covers its centre.
      expect(contains(map, centreOnPage)).toBe(true);
      expect(contains(await boxOf(page.getByTestId('legend')), centreOnPage)).toBe(false);
      expect(overlaps(await boxOf(page.getByTestId('legend')), await areaBoxOnPage(page, baseUrl, BANGKA_TENGAH.code))).toBe(false);
    });
    await page.context().close();
  }, 120_000);

  test('opening the filters beside the open panel refits the selected regency into the map left between them', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin, { width: 1366, height: 768 });
    await page.goto(new URL(`/?region=${BANGKA_TENGAH.code}&asOf=2024-06-13`, baseUrl).href);
    await waitForMapAtRest(page);
    await page.getByTestId('detail-itas').waitFor();
    await page.getByTestId('sidebar-toggle').click();
    await settle(page);
    await saveScreenshots(page, 'dashboard-both-panels');
    // The whole regency is in the map between the two panels, and not under the legend.
    const regency = await areaBoxOnPage(page, baseUrl, BANGKA_TENGAH.code);
    expect(inside(await boxOf(page.getByTestId('map')), regency)).toBe(true);
    expect(overlaps(await boxOf(page.getByTestId('legend')), regency)).toBe(false);
    await page.context().close();
  }, 120_000);

  test('with the area panel open, pointing at an area still shows its figures', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin, { width: 1366, height: 768 });
    await page.goto(new URL(`/?region=${BANGKA_TENGAH.code}&asOf=2024-06-13`, baseUrl).href);
    await waitForMapAtRest(page);
    await page.getByTestId('detail-itas').waitFor();
    const map = await boxOf(page.getByTestId('map'));
    const centre = await page.evaluate((lngLat) => {
      const probe = (window as unknown as { __pantauMap: { project(p: [number, number]): { x: number; y: number } } }).__pantauMap;
      return probe.project(lngLat);
    }, BANGKA_TENGAH_CENTRE);
    await page.mouse.move(map.x + centre.x, map.y + centre.y);
    const hovered = page.locator('[data-testid="hover-info"][data-area-code]');
    await hovered.waitFor({ timeout: 10_000 });
    expect(await hovered.getAttribute('data-area-code')).toMatch(/^19\.04/);
    await page.context().close();
  }, 120_000);

  test('the planning page: each weight value stands clear of its slider at both sizes', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.division_head);
    await page.goto(new URL('/?page=planning&area=19.03&asOf=2024-06-14', baseUrl).href);
    await page.getByTestId('weights').waitFor();
    await atEachScreenSize(page, async () => {
      const sliders = page.locator('.weight-slider');
      const count = await sliders.count();
      expect(count).toBeGreaterThan(0);
      for (let index = 0; index < count; index += 1) {
        const slider = sliders.nth(index);
        const range = await boxOf(slider.locator('input[type=range]'));
        const value = await boxOf(slider.locator('output'));
        const name = await boxOf(slider.locator('.weight-name'));
        expect(overlaps(range, value)).toBe(false);
        expect(overlaps(range, name)).toBe(false);
      }
    });
    await saveScreenshots(page, 'planning');
    await page.context().close();
  }, 120_000);

  test('the briefing builder and present mode', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.division_head);
    await buildTemplateBriefing(page, baseUrl, BANGKA_TENGAH, '2024-06-13');
    await saveScreenshots(page, 'briefing-builder');
    await page.getByTestId('present-button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="present-button"]') === null);
    await saveScreenshots(page, 'present-mode');
    await page.context().close();
  }, 180_000);

  test('the import, users and audit pages', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin);
    for (const name of ['import', 'users', 'audit'] as const) {
      await page.goto(new URL(`/?page=${name}`, baseUrl).href);
      await page.locator('main, [data-testid="import-page"]').first().waitFor();
      await page.waitForLoadState('networkidle');
      await saveScreenshots(page, name);
    }
    await page.context().close();
  }, 120_000);

  test('the sign-in page', async () => {
    const { page } = await openGuardedPage(browser);
    await page.goto(new URL('/', baseUrl).href);
    await page.getByTestId('sign-in-page').waitFor();
    await saveScreenshots(page, 'sign-in');
    await page.context().close();
  }, 60_000);
});

describe('a page the role may not open', () => {
  let browser: Browser;
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test.each([
    ['agency_member', 'import'],
    ['viewer', 'planning'],
    ['analyst', 'users'],
    ['office_head', 'audit'],
  ] as const)('the %s opening ?page=%s is told so, with a link back to the map', async (role, name) => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts[role]);
    await page.goto(new URL(`/?page=${name}`, baseUrl).href);
    const forbidden = page.getByTestId('forbidden-page');
    await forbidden.waitFor();
    expect(await forbidden.innerText()).toContain('Halaman ini tidak tersedia untuk peran Anda');
    if (role === 'agency_member') await saveScreenshots(page, 'forbidden');
    await page.getByTestId('forbidden-back').click();
    await page.getByTestId('map').waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.context().close();
  }, 120_000);
});

describe('dates in the app language', () => {
  let browser: Browser;
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('in Indonesian, on an English browser, the date filter shows "13 Juni 2024" and reads a typed 13/06/2024 as 13 June', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin, { width: 1920, height: 1080 });
    await page.goto(new URL('/?asOf=2024-06-13', baseUrl).href);
    await waitForMapAtRest(page);
    const field = page.getByTestId('filter-asof');
    expect(await field.inputValue()).toBe('13 Juni 2024');
    await field.fill('');
    await field.pressSequentially('01/05/2024');
    await field.blur();
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe('2024-05-01');
    expect(await field.inputValue()).toBe('1 Mei 2024');
    await page.context().close();
  }, 120_000);
});
