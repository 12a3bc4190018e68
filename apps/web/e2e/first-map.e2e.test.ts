// The first map end to end: the built app, served by the API, in headless Chromium, signed in as an
// admin. The global setup starts the server and provides its URL as `e2eBaseUrl` and the accounts as
// `e2eAccounts`.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { signIn, waitForPaintedMap } from './page-helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

const SCREENSHOT_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'first-map.png');
const VIEWPORT = { width: 1366, height: 768 };

interface PageProbes {
  __pantauReady?: boolean;
  /** URLs the page's Content-Security-Policy refused: a request to another host that never left. */
  __blockedUrls?: string[];
}

/**
 * Moves the pointer out from the map's centre, in widening rings, until the hover panel names an
 * area. The centre of Indonesia's bounding box is sea (Makassar Strait), so a fixed point would be
 * fragile.
 */
async function hoverOverLand(page: Page): Promise<void> {
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map has no size');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  for (let radius = 0; radius <= 300; radius += 30) {
    const steps = radius === 0 ? 1 : 12;
    for (let step = 0; step < steps; step++) {
      const angle = (2 * Math.PI * step) / steps;
      await page.mouse.move(centre.x + radius * Math.cos(angle), centre.y + radius * Math.sin(angle));
      const named = await page
        .waitForFunction(() => document.querySelector('[data-testid="hover-info"]')?.hasAttribute('data-area-code'), undefined, {
          // The hover panel follows a map query and a React render: under load that takes more than a frame.
          timeout: 1_500,
          polling: 100,
        })
        .then(
          () => true,
          () => false,
        );
      if (named) return;
    }
  }
  throw new Error('no area found under the pointer within 300 px of the map centre');
}

describe('the first map', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("shades the regencies on 13 June 2024 from the app's own vector tiles and host only, with a legend and hover names", async () => {
    const baseUrl = inject('e2eBaseUrl');
    const appOrigin = new URL(baseUrl).origin;
    const page = await browser.newPage({ viewport: VIEWPORT });
    const requestedUrls: string[] = [];
    page.on('request', (request) => requestedUrls.push(request.url()));
    await page.addInitScript(() => {
      const probes = window as PageProbes;
      probes.__blockedUrls = [];
      document.addEventListener('securitypolicyviolation', (event) => probes.__blockedUrls?.push(event.blockedURI));
    });

    await signIn(page, baseUrl, inject('e2eAccounts').admin);
    await page.goto(new URL('/?asOf=2024-06-13&level=regency', baseUrl).href);
    await waitForPaintedMap(page);
    // The first painted choropleth is marked once for `performance` (how `pnpm bench paint` times it).
    expect(await page.evaluate(() => performance.getEntriesByName('pantau:choropleth-painted').length)).toBe(1);

    expect(await page.getByTestId('as-of').innerText()).toBe('13 Juni 2024');
    await expect.poll(() => page.getByTestId('legend-class').count()).toBe(5);
    expect(await page.getByTestId('legend-no-data').innerText()).toContain('Tidak ada data');

    await hoverOverLand(page);
    expect(await page.getByTestId('hover-info').innerText()).toMatch(/\b(Kabupaten|Kota) \S+/);

    await mkdir(dirname(SCREENSHOT_PATH), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_PATH });

    // data: and blob: URLs (MapLibre's worker and control icons) never reach a host.
    const foreignUrls = requestedUrls.filter((url) => {
      const { protocol, origin } = new URL(url);
      return protocol !== 'data:' && protocol !== 'blob:' && origin !== appOrigin;
    });
    expect(foreignUrls).toEqual([]);
    expect(await page.evaluate(() => (window as PageProbes).__blockedUrls)).toEqual([]);

    // The areas come from the app's vector tiles, found through their TileJSON, not from GeoJSON.
    const requestedPaths = requestedUrls.map((url) => new URL(url)).filter(({ origin }) => origin === appOrigin);
    expect(requestedPaths.some(({ pathname }) => pathname === '/tiles/regencies.json')).toBe(true);
    const regencyTiles = requestedPaths.filter(({ pathname }) => /^\/tiles\/regencies\/\d+\/\d+\/\d+\.mvt$/.test(pathname));
    expect(regencyTiles.length).toBeGreaterThan(0);
    for (const tile of regencyTiles) {
      expect(tile.searchParams.get('asOf')).toBe('2024-06-13');
      expect(tile.searchParams.get('permitType')).toBe('itas,itap');
    }
    expect(requestedPaths.filter(({ pathname }) => pathname.startsWith('/api/v1/areas'))).toEqual([]);
    await page.close();
  }, 90_000);
});
