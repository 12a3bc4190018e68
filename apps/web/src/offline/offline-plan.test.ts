import { briefingFromTemplate, EMPTY_SLIDE_VIEW, type Slide } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { briefingApiUrls, slideApiUrls, slideTileJsonUrls, slideViews, tileSourceOf, tileUrlsForViews } from './offline-plan.js';
import type { Bbox } from './tile-math.js';

// Bangka Tengah's box as GET /areas/19.04 gives it (rounded).
const BANGKA_TENGAH: Bbox = [105.78, -2.82, 106.88, -2.05];
const SCREEN = { width: 1366, height: 768 };
const briefing = briefingFromTemplate('concentration', { areaCode: '19.04', areaName: 'Kabupaten Bangka Tengah', date: '2024-06-13', lang: 'id' });
const [holders, byDistrict, trend] = briefing.slides as [Slide, Slide, Slide];

describe('the API reads of a briefing', () => {
  test('the session, meta, the list and the briefing itself', () => {
    expect(briefingApiUrls(7)).toEqual(['/api/v1/auth/me', '/api/v1/meta', '/api/v1/briefings', '/api/v1/briefings/7', '/api/v1/areas?level=regency']);
  });

  test("a slide of a regency: its districts' counts, its box and its figures, as the slide asks for them", () => {
    const urls = slideApiUrls(holders, '2024-06-13', slideViews(holders.view, BANGKA_TENGAH, SCREEN));
    expect(new Set(urls)).toEqual(
      new Set([
        '/api/v1/stats/permits?level=district&parent=19.04&asOf=2024-06-13&permitType=itas%2Citap',
        '/api/v1/areas/19.04',
        '/api/v1/areas/19.04/summary?asOf=2024-06-13',
      ]),
    );
  });

  test('a trend panel reads twelve months', () => {
    expect(slideApiUrls(trend, '2024-06-13', [])).toContain('/api/v1/areas/19.04/trend?asOf=2024-06-13&months=12');
  });

  test('a slide with neither area nor level reads the level of the zooms around its own (districts from 8, regencies below)', () => {
    const national: Slide = { ...holders, panels: [], view: { ...EMPTY_SLIDE_VIEW, map: { zoom: 8.5, lat: -2.4, lng: 106.2 } } };
    const urls = slideApiUrls(national, '2024-06-13', slideViews(national.view, null, SCREEN));
    expect(urls).toContain('/api/v1/stats/permits?level=district&asOf=2024-06-13&permitType=itas%2Citap');
    expect(urls).toContain('/api/v1/stats/permits?level=regency&asOf=2024-06-13&permitType=itas%2Citap');
    // A saved position needs no area box.
    expect(urls.some((url) => url.startsWith('/api/v1/areas/'))).toBe(false);
  });
});

describe('the tiles of a slide', () => {
  test("the TileJSON of the three area levels and of each overlay shown, with the slide's filters", () => {
    expect(slideTileJsonUrls(byDistrict, '2024-06-13', ['sites'])).toEqual([
      '/tiles/provinces.json?asOf=2024-06-13&permitType=itas,itap',
      '/tiles/regencies.json?asOf=2024-06-13&permitType=itas,itap',
      '/tiles/districts.json?asOf=2024-06-13&permitType=itas,itap',
      '/tiles/company_sites.json?asOf=2024-06-13&permitType=itas,itap',
    ]);
  });

  test("a slide of its whole area: the first frame over Indonesia, then the fit of the area's box", () => {
    const [initial, fit] = slideViews(holders.view, BANGKA_TENGAH, SCREEN);
    expect(initial?.zoom).toBeGreaterThan(3);
    expect(initial?.zoom).toBeLessThan(5);
    expect(initial?.spread).toBe(0);
    // 1.1° wide on 1286 px of a 1366 px screen: zoom ≈ log2(1286 / (1.1 / 360 × 512)) ≈ 9.7.
    expect(fit?.zoom).toBeGreaterThan(9);
    expect(fit?.zoom).toBeLessThan(10);
    expect(fit?.spread).toBe(1);
  });

  test('the tile URLs come from the TileJSON template, for zooms 8 to 10 around Bangka Tengah', () => {
    const source = tileSourceOf({
      tilejson: '3.0.0',
      tiles: ['http://127.0.0.1:8787/tiles/districts/{z}/{x}/{y}.mvt?asOf=2024-06-13&permitType=itas,itap'],
      minzoom: 7,
      maxzoom: 14,
      bounds: [94.7, -11.2, 141.2, 6.3],
    });
    expect(source).not.toBeNull();
    const [, fit] = slideViews(holders.view, BANGKA_TENGAH, SCREEN);
    const urls = tileUrlsForViews(source!, fit ? [fit] : []);
    const zooms = new Set(urls.map((url) => Number(/\/districts\/(\d+)\//.exec(url)?.[1])));
    expect(zooms).toEqual(new Set([8, 9, 10]));
    // Bangka Tengah's middle (106.3° E, 2.4° S) at zoom 9 is tile 407/259.
    expect(urls).toContain('http://127.0.0.1:8787/tiles/districts/9/407/259.mvt?asOf=2024-06-13&permitType=itas,itap');
    expect(new Set(urls).size).toBe(urls.length);
  });

  test('a document that is not TileJSON gives no source', () => {
    expect(tileSourceOf({ tiles: [] })).toBeNull();
    expect(tileSourceOf('nope')).toBeNull();
  });
});
