// The dashboard end to end: shared links, drill-down, layers, filters, language, PNG export — the
// built app, served by the real API over the PGlite fixture, in headless Chromium, signed in as an
// admin (who sees everything). One browser for the file, one page reused by the tests; every request
// must stay on the app's own host.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import {
  clickPlace,
  expectOnlyOwnHost,
  legendClasses,
  openSignedInPage,
  RESULTS_DIR,
  screenshot,
  waitForMapAtRest,
  waitForPaintedMap,
} from './page-helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

/** Label points of the areas the tests click (from /api/v1/areas/{code}). */
const BANGKA_BELITUNG: [number, number] = [106.1, -2.2];
const BANGKA_TENGAH: [number, number] = [106.23391, -2.432426];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the dashboard', () => {
  let browser: Browser;
  let page: Page;
  let requestedUrls: string[];
  const baseUrl = inject('e2eBaseUrl');
  const admin = inject('e2eAccounts').admin;
  const open = async (path: string) => {
    await page.goto(new URL(path, baseUrl).href);
    await waitForMapAtRest(page);
  };
  const search = () => new URL(page.url()).searchParams;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, requestedUrls } = await openSignedInPage(browser, baseUrl, admin));
  });

  afterAll(async () => {
    if (page) await expectOnlyOwnHost(page, requestedUrls, baseUrl);
    await browser?.close();
  });

  test('a link to Bangka Tengah on 13 June 2024 opens its detail panel with 22 ITAS and 6 ITAP holders, the map fitted to it', async () => {
    await open('/?region=19.04&asOf=2024-06-13');
    await expect.poll(() => page.getByTestId('detail-itas').innerText(), { timeout: 20_000 }).toBe('22');
    expect(await page.getByTestId('detail-itap').innerText()).toBe('6');
    const crumbs = await page.getByTestId('breadcrumb-item').allInnerTexts();
    expect(crumbs).toEqual(['Kepulauan Bangka Belitung', 'Kabupaten Bangka Tengah']);
    // Fitted to the regency: zoomed in well past the national view, centred on the regency.
    const [zoom, lat, lng] = (search().get('map') ?? '').split('/').map(Number);
    expect(zoom).toBeGreaterThan(7);
    expect(lat).toBeCloseTo(-2.43, 0);
    expect(lng).toBeCloseTo(106.4, 0);
    await screenshot(page, 'dashboard-bangka-tengah');
  }, 90_000);

  test('clicking a province drills down to its regencies, then to a regency, with a breadcrumb back up', async () => {
    await open('/?asOf=2024-06-13&map=5/-2.4/106.5');
    await clickPlace(page, BANGKA_BELITUNG);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '19');
    await waitForMapAtRest(page);
    expect(await page.getByTestId('breadcrumb-item').allInnerTexts()).toEqual(['Kepulauan Bangka Belitung']);
    expect(await page.getByTestId('legend').innerText()).toContain('Kepulauan Bangka Belitung');

    await clickPlace(page, BANGKA_TENGAH);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '19.04');
    await waitForMapAtRest(page);
    expect(await page.getByTestId('breadcrumb-item').allInnerTexts()).toEqual(['Kepulauan Bangka Belitung', 'Kabupaten Bangka Tengah']);
    await screenshot(page, 'dashboard-drill-regency');

    // Back up through the breadcrumb, and back again with the browser's history.
    await page.getByTestId('breadcrumb').getByRole('button', { name: 'Kepulauan Bangka Belitung' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '19');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '19.04');
    await expect
      .poll(() => page.getByTestId('breadcrumb-item').allInnerTexts(), { timeout: 30_000 })
      .toEqual(['Kepulauan Bangka Belitung', 'Kabupaten Bangka Tengah']);
  }, 90_000);

  test('each layer, switched on in the layer list, reads its TileJSON and shows its legend', async () => {
    await open('/?asOf=2024-06-13&from=2016-01-01&to=2024-06-13&map=7/-2.4/106.3');
    const tileLayers = {
      sites: 'company_sites',
      operations: 'operation_targets',
      risk: 'risk_areas',
      entry: 'entry_points',
      reports: 'reports',
      meetings: 'meetings',
    } as const;
    for (const [layer, tileLayer] of Object.entries(tileLayers)) {
      const toggle = page.getByTestId(`layer-toggle-${layer}`);
      const tileJson = page.waitForRequest((request) => new URL(request.url()).pathname === `/tiles/${tileLayer}.json`);
      await toggle.check();
      const request = await tileJson;
      if (layer === 'operations' || layer === 'reports' || layer === 'meetings') {
        expect(new URL(request.url()).searchParams.get('from')).toBe('2016-01-01');
      }
      await expect.poll(() => page.getByTestId(`layer-legend-${layer}`).isVisible()).toBe(true);
    }
    expect(search().get('layers')).toBe('sites,operations,risk,entry,reports,meetings');
    await waitForMapAtRest(page);
    await screenshot(page, 'dashboard-layers');
    await page.getByTestId('layer-toggle-sites').uncheck();
    await expect.poll(() => page.getByTestId('layer-legend-sites').count()).toBe(0);
  }, 90_000);

  test("choosing a nationality recolours the choropleth: the legend's class bounds change", async () => {
    await open('/?asOf=2024-06-13&level=province');
    const allNationalities = await legendClasses(page);
    expect(allNationalities.length).toBeGreaterThan(1);
    await page.getByTestId('nationality-summary').click();
    await page.getByRole('checkbox', { name: /Jepang/ }).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('nationality') === 'JPN');
    await waitForPaintedMap(page);
    await expect.poll(() => legendClasses(page)).not.toEqual(allNationalities);
    expect(await page.getByTestId('nationality-summary').innerText()).toBe('Jepang');
    const provinceTiles = requestedUrls.map((url) => new URL(url)).filter(({ pathname }) => /^\/tiles\/provinces\/\d+\/\d+\/\d+\.mvt$/.test(pathname));
    expect(provinceTiles.some((tile) => tile.searchParams.get('nationality') === 'JPN')).toBe(true);
    await screenshot(page, 'dashboard-nationality-filter');
  }, 90_000);

  test('a shared link restores the same view: level, layers, filters, measure, language and map position', async () => {
    const shared =
      '/?level=regency&map=6.5/-6.9/110.4&layers=risk,entry&permitType=itas&nationality=CHN,KOR&purpose=work&asOf=2024-06-13&compare=2023-06-13&measure=density&lang=en';
    await open(shared);
    expect(await page.getByTestId('level-regency').isChecked()).toBe(true);
    expect(await page.getByTestId('measure-density').isChecked()).toBe(true);
    expect(await page.getByTestId('layer-toggle-risk').isChecked()).toBe(true);
    expect(await page.getByTestId('layer-toggle-entry').isChecked()).toBe(true);
    expect(await page.getByTestId('layer-toggle-sites').isChecked()).toBe(false);
    expect(await page.getByTestId('nationality-summary').innerText()).toBe('China, South Korea');
    expect(await page.getByTestId('filter-compare').inputValue()).toBe('13 June 2023');
    expect(await page.getByTestId('as-of').innerText()).toBe('13 June 2024');
    expect(await page.getByTestId('legend').innerText()).toContain('ITAS holders per 1,000 km²');
    // The URL the page writes back is the one it was opened with.
    expect(new URL(page.url()).search).toBe(new URL(shared, baseUrl).search);
    await screenshot(page, 'dashboard-shared-link-en');
  }, 90_000);

  test('the language switch turns the labels to English and back, kept in the URL and for the next visit', async () => {
    // `lang=id` overrides the English a previous test left in this browser's storage.
    await open('/?asOf=2024-06-13&lang=id');
    expect(await page.getByTestId('legend').innerText()).toContain('Pemegang ITAS + ITAP');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('legend').innerText()).toContain('ITAS + ITAP holders');
    expect(search().get('lang')).toBe('en');
    expect(await page.getByTestId('as-of').innerText()).toBe('13 June 2024');
    await page.goBack();
    await expect.poll(() => page.getByTestId('legend').innerText()).toContain('Pemegang ITAS + ITAP');
    expect(search().get('lang')).toBeNull();

    // A link without `lang` opens in the language chosen last.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => search().get('lang')).toBe('en');
    await open('/?asOf=2024-06-13');
    expect(await page.getByTestId('legend').innerText()).toContain('ITAS + ITAP holders');
    expect(search().get('lang')).toBe('en');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('legend').innerText()).toContain('Pemegang ITAS + ITAP');
  }, 60_000);

  test('exports the map view as a PNG with its legend', async () => {
    await open('/?region=19&asOf=2024-06-13&layers=entry&lang=id');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Pantau-peta-[A-Za-z-]*Bangka-Belitung-19-2024-06-13\.png$/);
    const path = join(RESULTS_DIR, 'dashboard-export.png');
    await file.saveAs(path);
    const image = await readFile(path);
    expect(image.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(image.length).toBeGreaterThan(10_000);
  }, 60_000);

  test('the time slider plays operations and reports month by month and moves the as-of date with it', async () => {
    await open('/?asOf=2024-06-13&layers=operations,reports&lang=id');
    await page.getByTestId('time-play').click();
    await expect.poll(() => search().get('from')).toMatch(/^2019-0\d-01$/);
    const month = search().get('from')?.slice(0, 7) ?? '';
    expect(search().get('asOf')?.slice(0, 7)).toBe(month);
    expect(await page.getByTestId('time-month').innerText()).toMatch(/2019$/);
    await page.getByTestId('time-play').click();
    // Cumulative: from the first month of the timeline up to the month shown.
    await page.getByTestId('time-slider').getByRole('combobox').selectOption('cumulative');
    await expect.poll(() => search().get('from')).toBe('2019-01-01');
    expect(search().get('time')).toBe('cumulative');
    await waitForPaintedMap(page);
  }, 60_000);

  test('stays usable on a projector and at 200% zoom on a laptop', async () => {
    for (const [name, viewport] of [
      ['projector-1920', { width: 1920, height: 1080 }],
      ['laptop-zoom-200', { width: 683, height: 384 }],
    ] as const) {
      const { page: sized, requestedUrls: sizedUrls } = await openSignedInPage(browser, baseUrl, admin, viewport);
      await sized.goto(new URL('/?region=19.04&asOf=2024-06-13&lang=id', baseUrl).href);
      await waitForMapAtRest(sized);
      await expect.poll(() => sized.getByTestId('detail-itas').innerText(), { timeout: 20_000 }).toBe('22');
      for (const control of ['export-png', 'language-switch', 'user-menu-button', 'sidebar-toggle', 'legend']) {
        expect(await sized.getByTestId(control).isVisible(), `${control} at ${name}`).toBe(true);
      }
      await screenshot(sized, `dashboard-${name}`);
      await expectOnlyOwnHost(sized, sizedUrls, baseUrl);
      await sized.context().close();
    }
  }, 90_000);
});
