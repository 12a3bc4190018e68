// Briefing mode end to end in Chromium, as a division head prepares the Bangka Tengah Rakor Timpora of
// 13 June 2024: the template builds the briefing (22 ITAS and 6 ITAP on its first slide), present mode
// moves by keyboard, the PDF has one 16:9 page per slide with the map on it, the PPTX has the slides,
// titles, native tables and notes, and the offline HTML file opens from disk with the network off.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schemeYlGnBu } from 'd3-scale-chromatic';
import JSZip from 'jszip';
import * as mupdf from 'mupdf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { buildTemplateBriefing, expectOnlyOwnHost, openSignedInPage, RESULTS_DIR, screenshot } from './page-helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

const TITLE = 'Konsentrasi dan tren WNA pemegang ITAS/ITAP — Kabupaten Bangka Tengah';
const SLIDE_TITLES = ['Pemegang ITAS dan ITAP — Kabupaten Bangka Tengah', 'Sebaran per kecamatan dan lokasi perusahaan', 'Tren bulanan pemegang izin tinggal'];

/** Every colour the choropleth classes can take (ColorBrewer YlGnBu, 3 to 9 classes). */
const CHOROPLETH_COLOURS = new Set(schemeYlGnBu.flatMap((scheme) => (scheme ? [...scheme] : [])).map((hex) => hex.toLowerCase()));

const hexOf = (rgb: readonly number[]) =>
  `#${rgb
    .slice(0, 3)
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** What a PDF page draws: filled paths (with their colours), stroked paths and images, as mupdf replays it. */
function drawingsOf(page: mupdf.Page) {
  const drawn = { fills: [] as string[], strokes: 0, images: 0 };
  const device = new mupdf.Device({
    fillPath: (_path, _evenOdd, _ctm, colorspace, color) => {
      drawn.fills.push(colorspace.getNumberOfComponents() === 3 ? hexOf(color) : '');
    },
    strokePath: () => {
      drawn.strokes++;
    },
    fillImage: () => {
      drawn.images++;
    },
    fillImageMask: () => {
      drawn.images++;
    },
  });
  page.run(device, mupdf.Matrix.identity);
  device.close();
  return drawn;
}

/** Share of pixels that differ from the most common colour: 0 for a blank page. */
function inkShare(pixels: Uint8ClampedArray, channels: number): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < pixels.length; i += channels) {
    const key = (pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = pixels.length / channels;
  return 1 - Math.max(...counts.values()) / total;
}

describe('briefing mode', () => {
  let browser: Browser;
  let page: Page;
  let requestedUrls: string[];
  let briefingId = 0;
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, requestedUrls } = await openSignedInPage(browser, baseUrl, accounts.division_head, { width: 1600, height: 900 }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the Bangka Tengah 2024-06-13 briefing is built from the template and shows 22 ITAS and 6 ITAP', async () => {
    briefingId = await buildTemplateBriefing(page, baseUrl, { code: '19.04', name: 'Kabupaten Bangka Tengah' }, '2024-06-13');
    await expect.poll(() => page.getByTestId('briefing-title').inputValue()).toBe(TITLE);
    expect(await page.getByTestId('slide-item').allInnerTexts()).toEqual(SLIDE_TITLES.map((title, n) => expect.stringContaining(`${n + 1}. ${title}`)));
    await expect.poll(() => page.getByTestId('figure-itas').locator('dd').innerText(), { timeout: 30_000 }).toBe('22');
    expect(await page.getByTestId('figure-itap').locator('dd').innerText()).toBe('6');
    expect(await page.getByTestId('slide-demo').count()).toBe(1);
    await screenshot(page, 'briefing-builder');
  });

  test('present mode moves through the slides with the arrow keys, Page Up/Down, Home and End', async () => {
    await page.getByTestId('present-button').click();
    const position = page.getByTestId('present-position');
    await expect.poll(() => position.innerText()).toBe('1 / 3');
    await expect.poll(() => page.getByTestId('present').getByTestId('slide-title').innerText()).toBe(SLIDE_TITLES[0]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.innerText()).toBe('2 / 3');
    await expect.poll(() => page.getByTestId('present').getByTestId('slide-title').innerText()).toBe(SLIDE_TITLES[1]);
    await page.keyboard.press('PageDown');
    await expect.poll(() => position.innerText()).toBe('3 / 3');
    await page.keyboard.press('PageDown');
    await expect.poll(() => position.innerText()).toBe('3 / 3');
    await page.keyboard.press('PageUp');
    await expect.poll(() => position.innerText()).toBe('2 / 3');
    await page.keyboard.press('Home');
    await expect.poll(() => position.innerText()).toBe('1 / 3');
    await page.keyboard.press('End');
    await expect.poll(() => position.innerText()).toBe('3 / 3');
    expect(await page.getByTestId('present-clock').innerText()).toMatch(/^\d{2}[.:]\d{2}$/);
    await screenshot(page, 'briefing-present');
    await page.keyboard.press('Escape');
    await page.getByTestId('briefing-editor').waitFor();
    await expectOnlyOwnHost(page, requestedUrls, baseUrl);
  });

  test('the PDF has one 16:9 page per slide, the map drawn on the first as vector paths and the titles in the text', async () => {
    const response = await page.request.get(new URL(`/api/v1/briefings/${briefingId}/briefing.pdf`, baseUrl).href, { timeout: 120_000 });
    expect(response.status(), await response.text().catch(() => '')).toBe(200);
    const pdf = await response.body();
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(join(RESULTS_DIR, 'briefing.pdf'), pdf);
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    expect(doc.countPages()).toBe(3);
    const first = doc.loadPage(0);
    const [x0, y0, x1, y1] = first.getBounds();
    expect((x1 - x0) / (y1 - y0)).toBeCloseTo(16 / 9, 1);
    const text = first.toStructuredText('preserve-whitespace').asText();
    expect(text).toContain(SLIDE_TITLES[0]);
    expect(text).toContain('22');
    // The map is vector: its areas are filled paths in the class colours, outlines are strokes, and
    // nothing on the page is an image (a WebGL canvas would print as one).
    const drawn = drawingsOf(first);
    expect(drawn.images).toBe(0);
    expect(drawn.fills.filter((colour) => CHOROPLETH_COLOURS.has(colour)).length).toBeGreaterThanOrEqual(6);
    expect(drawn.strokes).toBeGreaterThan(0);
    const pixmap = first.toPixmap(mupdf.Matrix.scale(0.5, 0.5), mupdf.ColorSpace.DeviceRGB, false, true);
    expect(inkShare(pixmap.getPixels(), pixmap.getNumberOfComponents())).toBeGreaterThan(0.2);
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(join(RESULTS_DIR, 'briefing-pdf-page-1.png'), pixmap.asPNG());
    for (let n = 1; n < 3; n++) expect(doc.loadPage(n).toStructuredText('preserve-whitespace').asText()).toContain(SLIDE_TITLES[n]);
  });

  test('the PPTX has the slides with their titles, the figures as a native table and the notes', async () => {
    const exportPage = await page.context().newPage();
    const [download] = await Promise.all([
      exportPage.waitForEvent('download', { timeout: 120_000 }),
      exportPage.goto(new URL(`/?page=briefing-print&briefing=${briefingId}&lang=id#export=pptx`, baseUrl).href),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pptx$/);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const slides = Object.keys(zip.files)
      .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .sort();
    expect(slides).toHaveLength(3);
    const xml = await Promise.all([1, 2, 3].map((n) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string')));
    SLIDE_TITLES.forEach((title, n) => expect(xml[n]).toContain(title));
    expect(xml[0]).toContain('<a:tbl>');
    expect(xml[0]).toMatch(/<a:t>ITAS<\/a:t>[\s\S]*?<a:t>22<\/a:t>/);
    expect(xml[0]).toMatch(/<a:t>ITAP<\/a:t>[\s\S]*?<a:t>6<\/a:t>/);
    expect(xml[0]).toContain('DATA DEMO');
    const media = Object.keys(zip.files).filter((name) => /^ppt\/media\/image/.test(name));
    expect(media.length).toBeGreaterThanOrEqual(3);
    // The maps are rasterised from their SVG at 2× or more: at least 2,560 px wide (a PNG's width is bytes 16–19).
    const widths = await Promise.all(media.map(async (name) => (await zip.file(name)!.async('nodebuffer')).readUInt32BE(16)));
    expect(widths.filter((width) => width >= 2560).length).toBeGreaterThanOrEqual(3);
    const notes = Object.keys(zip.files).filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
    const noteTexts = await Promise.all(notes.map((name) => zip.file(name)!.async('string')));
    expect(noteTexts.some((text) => text.includes('Jumlah WNA pemegang izin tinggal yang berlaku'))).toBe(true);
    await exportPage.close();
  });

  test("the offline HTML file opens from disk with the network off and shows the first slide's map as inline SVG", async () => {
    const exportPage = await page.context().newPage();
    const [download] = await Promise.all([
      exportPage.waitForEvent('download', { timeout: 120_000 }),
      exportPage.goto(new URL(`/?page=briefing-print&briefing=${briefingId}&lang=id#export=html`, baseUrl).href),
    ]);
    const file = join(RESULTS_DIR, 'briefing-offline.html');
    await download.saveAs(file);
    await exportPage.close();

    const offline = await browser.newContext({ offline: true, viewport: { width: 1600, height: 900 } });
    const requested: string[] = [];
    const disk = await offline.newPage();
    disk.on('request', (request) => requested.push(request.url()));
    await disk.goto(pathToFileURL(file).href);
    await expect.poll(() => disk.locator('.slide:not([hidden]) h2').innerText()).toBe(SLIDE_TITLES[0]);
    const map = disk.locator('.slide:not([hidden]) figure.map > svg');
    const box = await map.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(500);
    const fills = await map.locator('path[fill]').evaluateAll((paths) => paths.map((path) => path.getAttribute('fill')?.toLowerCase() ?? ''));
    expect(fills.filter((colour) => CHOROPLETH_COLOURS.has(colour)).length).toBeGreaterThanOrEqual(6);
    expect(await disk.locator('.slide:not([hidden]) .legend li').count()).toBeGreaterThanOrEqual(2);
    expect(await disk.locator('.slide:not([hidden])').innerText()).toContain('22');
    await disk.keyboard.press('ArrowRight');
    await expect.poll(() => disk.locator('.slide:not([hidden]) h2').innerText()).toBe(SLIDE_TITLES[1]);
    await disk.screenshot({ path: join(RESULTS_DIR, 'briefing-offline.png') });
    expect(requested.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    await offline.close();
  });

  test('a viewer of Bangka Tengah reads and presents the briefing but cannot change it', async () => {
    const { page: viewerPage } = await openSignedInPage(browser, baseUrl, accounts.viewer, { width: 1600, height: 900 });
    await viewerPage.goto(new URL(`/?page=briefing&briefing=${briefingId}`, baseUrl).href);
    await viewerPage.getByTestId('read-only').waitFor();
    expect(await viewerPage.getByTestId('save-briefing').count()).toBe(0);
    expect(await viewerPage.getByTestId('briefing-title').getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => viewerPage.getByTestId('figure-itas').locator('dd').innerText(), { timeout: 30_000 }).toBe('22');
    await viewerPage.close();
  });
});
