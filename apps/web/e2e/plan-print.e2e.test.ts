// The printed operation plan (issue 19 item 10): its map was numbered dots on beige. On paper the map
// must show the boundaries, the districts' names, the route between the targets and a scale bar; the
// file is named after the whole regency. The plan is made here, through the API, for this file alone.
import * as mupdf from 'mupdf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { openSignedInPage } from './page-helpers.js';
import { saveScreenshots } from './screenshots.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

const DATE = '2024-06-14';
/** The route's blue (planning-map.tsx) and the boundaries' grey, as drawn. */
const ROUTE = [29, 78, 216];
const BOUNDARY = [75, 85, 96];

type Rect = [number, number, number, number];

/** Each line of text on a PDF page with its box, and the boxes of the page's images (mupdf's structured text). */
function linesAndImages(page: mupdf.Page): { lines: Array<{ text: string; bbox: Rect }>; images: Rect[] } {
  const lines: Array<{ text: string; bbox: Rect }> = [];
  const images: Rect[] = [];
  let line: { text: string; bbox: Rect } | null = null;
  page.toStructuredText('preserve-images,preserve-whitespace').walk({
    onImageBlock: (bbox) => images.push([...bbox] as Rect),
    beginLine: (bbox) => {
      line = { text: '', bbox: [...bbox] as Rect };
    },
    onChar: (c) => {
      if (line) line.text += c;
    },
    endLine: () => {
      if (line) lines.push({ text: line.text.trim(), bbox: line.bbox });
      line = null;
    },
  });
  return { lines, images };
}

const rectInside = (outer: Rect, inner: Rect, slack = 0.5) =>
  inner[0] >= outer[0] - slack && inner[1] >= outer[1] - slack && inner[2] <= outer[2] + slack && inner[3] <= outer[3] + slack;
const rectsMeet = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Pixels within `tolerance` of `rgb` on a rendered page. */
function pixelsNear(pixels: Uint8ClampedArray, channels: number, rgb: number[], tolerance = 40): number {
  let count = 0;
  for (let i = 0; i < pixels.length; i += channels) {
    if (Math.abs(pixels[i]! - rgb[0]!) + Math.abs(pixels[i + 1]! - rgb[1]!) + Math.abs(pixels[i + 2]! - rgb[2]!) <= tolerance) count++;
  }
  return count;
}

describe('the printed plan', () => {
  let browser: Browser;
  let page: Page;
  let planId = 0;
  let districtNames: string[] = [];
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');
  const api = (path: string) => new URL(path, baseUrl).href;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await openSignedInPage(browser, baseUrl, accounts.division_head, { width: 1366, height: 768 }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a plan of the three Bangka Tengah company sites is saved', async () => {
    const candidates = await page.request.get(api(`/api/v1/planning/candidates?area=19.04&asOf=${DATE}&kind=company_site&limit=3`));
    expect(candidates.status()).toBe(200);
    const items = ((await candidates.json()) as { items: Array<{ id: string }> }).items;
    expect(items).toHaveLength(3);
    const created = await page.request.post(api('/api/v1/planning/plans'), {
      headers: { origin: new URL(baseUrl).origin },
      data: { title: 'Operasi gabungan — peta cetak', date: DATE, areaCode: '19.04', targets: items.map((item) => ({ candidateId: item.id })) },
    });
    expect(created.status(), await created.text()).toBe(201);
    planId = ((await created.json()) as { id: number }).id;
    const districts = await page.request.get(api('/api/v1/areas?level=district&parent=19.04'));
    districtNames = ((await districts.json()) as { items: Array<{ name: string }> }).items.map((item) => item.name);
    expect(districtNames.length).toBeGreaterThan(3);
  });

  test("the print page's map names the districts and has a scale bar", async () => {
    const print = await page.context().newPage();
    await print.goto(api(`/?page=plan-print&plan=${planId}&lang=id`));
    await print.waitForFunction(() => document.documentElement.dataset.printReady === 'true', undefined, { timeout: 90_000 });
    const labels = await print.getByTestId('plan-area-label').allInnerTexts();
    expect(labels.filter((label) => districtNames.includes(label)).length).toBeGreaterThanOrEqual(2);
    // Every name whole inside the map's frame (none cut at the page edge), none over another.
    const frame = await print.getByTestId('planning-map').boundingBox();
    const boxes = await print.getByTestId('plan-area-label').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { name: element.textContent, box: [box.left, box.top, box.right, box.bottom] as [number, number, number, number] };
      }),
    );
    const frameRect: Rect = [frame!.x, frame!.y, frame!.x + frame!.width, frame!.y + frame!.height];
    expect(
      boxes.filter(({ box }) => !rectInside(frameRect, box)).map(({ name }) => name),
      'names cut by the frame',
    ).toEqual([]);
    const crossing = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => rectsMeet(a.box, b.box))
        .map((b) => `${a.name} × ${b.name}`),
    );
    expect(crossing, 'names over each other').toEqual([]);
    expect(await print.locator('.maplibregl-ctrl-scale').innerText()).toMatch(/^\d+\s?k?m$/);
    await saveScreenshots(print, 'plan-print');
    await print.close();
  });

  test('the PDF is named after the whole regency; its map prints boundaries, district names, the route and a scale bar', async () => {
    const response = await page.request.get(api(`/api/v1/planning/plans/${planId}/plan.pdf?lang=id`), { timeout: 120_000 });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="Pantau-rencana-${planId}-Kabupaten-Bangka-Tengah-19.04-${DATE}.pdf"`);
    const doc = mupdf.Document.openDocument(await response.body(), 'application/pdf');
    const first = doc.loadPage(0);
    const text = first.toStructuredText('preserve-whitespace').asText().replace(/\s+/g, ' ');
    expect(districtNames.filter((name) => text.includes(name)).length).toBeGreaterThanOrEqual(2);
    // The map is the page's biggest image; every district name printed over it lies whole inside it.
    const { lines, images } = linesAndImages(first);
    const mapImage = images.sort((a, b) => (b[2] - b[0]) * (b[3] - b[1]) - (a[2] - a[0]) * (a[3] - a[1]))[0]!;
    expect(mapImage, 'the map drawn as an image').toBeDefined();
    const names = lines.filter((line) => districtNames.some((name) => line.text.includes(name)) && rectsMeet(line.bbox, mapImage));
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(
      names.filter((line) => !rectInside(mapImage, line.bbox)).map((line) => `${line.text} [${line.bbox.map(Math.round).join(', ')}]`),
      `names cut by the map frame [${mapImage.map(Math.round).join(', ')}]`,
    ).toEqual([]);
    expect(text).toMatch(/\b\d+\s?k?m\b/);
    const pixmap = first.toPixmap(mupdf.Matrix.scale(2, 2), mupdf.ColorSpace.DeviceRGB, false, true);
    const pixels = pixmap.getPixels();
    const channels = pixmap.getNumberOfComponents();
    expect(pixelsNear(pixels, channels, ROUTE)).toBeGreaterThan(300);
    expect(pixelsNear(pixels, channels, BOUNDARY)).toBeGreaterThan(300);
  });
});
