// The briefing builder by clicks, as an analyst of Bangka Belitung prepares a meeting: "add to briefing"
// on the dashboard captures the view (area, layers, filters, date, map position, measure) as a slide of
// a new briefing, then of the same briefing; in the builder the slides are duplicated, renamed, moved
// up and down and deleted, saved, and come back in that order after a reload.
import type { Slide } from '@pantau/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { expectOnlyOwnHost, openSignedInPage, screenshot, waitForMapAtRest } from './page-helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

const BANGKA_TENGAH_VIEW = '/?region=19.04&map=10/-2.45/106.25&layers=sites,risk&permitType=itas&nationality=CHN&asOf=2024-06-13&measure=density';
const PANGKALPINANG_VIEW = '/?region=19.71&asOf=2024-05-01';

describe('the briefing builder', () => {
  let browser: Browser;
  let page: Page;
  let requestedUrls: string[];
  let briefingId = 0;
  const baseUrl = inject('e2eBaseUrl');
  const analyst = inject('e2eAccounts').analyst;

  const slidesOnServer = async (): Promise<Slide[]> => {
    const response = await page.request.get(new URL(`/api/v1/briefings/${briefingId}`, baseUrl).href);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { briefing: { slides: Slide[] } }).briefing.slides;
  };
  const slideTitles = () => page.locator('[data-testid="slide-item"] .slide-pick').allInnerTexts();
  const slideButton = (index: number, name: string) => page.getByTestId('slide-item').nth(index).getByRole('button', { name, exact: true });
  const addView = async (path: string, target: 'new' | 'existing') => {
    await page.goto(new URL(path, baseUrl).href);
    await waitForMapAtRest(page);
    await page.getByTestId('add-to-briefing').click();
    const select = page.getByTestId('add-target');
    if (target === 'existing') {
      await expect.poll(() => select.locator(`option[value="${briefingId}"]`).count()).toBe(1);
      await select.selectOption(String(briefingId));
    } else {
      await select.selectOption('new');
    }
    await page.getByTestId('add-confirm').click();
    await expect.poll(() => page.getByTestId('add-status').innerText(), { timeout: 20_000 }).toContain('Slide ditambahkan');
  };

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, requestedUrls } = await openSignedInPage(browser, baseUrl, analyst, { width: 1366, height: 768 }));
  });
  afterAll(async () => {
    if (page) await expectOnlyOwnHost(page, requestedUrls, baseUrl);
    await browser?.close();
  });

  test('"add to briefing" captures the dashboard\'s area, layers, filters, date, measure and map position as a new briefing\'s slide', async () => {
    await addView(BANGKA_TENGAH_VIEW, 'new');
    const list = await page.request.get(new URL('/api/v1/briefings', baseUrl).href);
    const items = ((await list.json()) as { items: Array<{ id: number; title: string; slideCount: number }> }).items;
    const created = items.find((item) => item.title === 'Briefing Rakor Timpora 2024-06-13');
    expect(created?.slideCount).toBe(1);
    briefingId = created?.id ?? 0;
    const [slide] = await slidesOnServer();
    expect(slide?.title).toBe('Kabupaten Bangka Tengah');
    expect(slide?.panels).toEqual([{ kind: 'figures' }]);
    const { map, ...view } = slide!.view;
    expect(view).toEqual({
      region: '19.04',
      level: null,
      layers: expect.arrayContaining(['sites', 'risk']),
      permitTypes: ['itas'],
      nationalities: ['CHN'],
      purposes: [],
      from: null,
      to: null,
      asOf: '2024-06-13',
      measure: 'density',
    });
    expect(view.layers).toHaveLength(2);
    expect(map?.zoom).toBeCloseTo(10, 1);
    expect(map?.lat).toBeCloseTo(-2.45, 2);
    expect(map?.lng).toBeCloseTo(106.25, 2);
  });

  test('a second view is added to the same briefing, and the builder opens on it; the density slide shows a density legend', async () => {
    await addView(PANGKALPINANG_VIEW, 'existing');
    const slides = await slidesOnServer();
    expect(slides.map((slide) => slide.title)).toEqual(['Kabupaten Bangka Tengah', 'Kota Pangkal Pinang']);
    expect(slides[1]?.view).toMatchObject({ region: '19.71', asOf: '2024-05-01', measure: 'count', layers: [] });
    await page.getByTestId('add-status').getByRole('button').click();
    await page.getByTestId('briefing-editor').waitFor();
    expect(new URL(page.url()).searchParams.get('briefing')).toBe(String(briefingId));
    expect(await slideTitles()).toEqual(['1. Kabupaten Bangka Tengah', '2. Kota Pangkal Pinang']);
    await page.getByTestId('slide-item').nth(0).locator('.slide-pick').click();
    await expect
      .poll(() => page.getByTestId('slide-preview').getByTestId('legend').locator('.legend-title').innerText(), { timeout: 30_000 })
      .toBe('Pemegang ITAS per 1.000 km²');
  });

  test('slides are duplicated, renamed, moved down and up and deleted, and keep that order after saving and reloading', async () => {
    await slideButton(0, 'Gandakan').click();
    expect(await page.getByTestId('slide-item').count()).toBe(3);
    // The copy follows its original and is selected: rename it.
    await page.getByTestId('slide-title-input').fill('Salinan Bangka Tengah');
    expect(await slideTitles()).toEqual(['1. Kabupaten Bangka Tengah', '2. Salinan Bangka Tengah', '3. Kota Pangkal Pinang']);

    await slideButton(1, 'Turunkan').click();
    expect(await slideTitles()).toEqual(['1. Kabupaten Bangka Tengah', '2. Kota Pangkal Pinang', '3. Salinan Bangka Tengah']);
    await slideButton(1, 'Naikkan').click();
    expect(await slideTitles()).toEqual(['1. Kota Pangkal Pinang', '2. Kabupaten Bangka Tengah', '3. Salinan Bangka Tengah']);
    expect(await slideButton(0, 'Naikkan').isDisabled()).toBe(true);
    expect(await slideButton(2, 'Turunkan').isDisabled()).toBe(true);

    await slideButton(1, 'Hapus slide').click();
    expect(await slideTitles()).toEqual(['1. Kota Pangkal Pinang', '2. Salinan Bangka Tengah']);

    await page.getByTestId('save-briefing').click();
    await expect.poll(() => page.getByTestId('save-briefing').innerText()).toBe('Tersimpan');
    await page.reload();
    await page.getByTestId('briefing-editor').waitFor();
    await expect.poll(() => slideTitles()).toEqual(['1. Kota Pangkal Pinang', '2. Salinan Bangka Tengah']);
    const slides = await slidesOnServer();
    expect(slides.map((slide) => slide.title)).toEqual(['Kota Pangkal Pinang', 'Salinan Bangka Tengah']);
    // The copy kept the original's view, under a slide id of its own.
    expect(slides[1]?.view).toMatchObject({ region: '19.04', measure: 'density', nationalities: ['CHN'] });
    expect(new Set(slides.map((slide) => slide.id)).size).toBe(2);
    await screenshot(page, 'briefing-builder-reordered');
  });
});
