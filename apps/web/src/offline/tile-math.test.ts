import { describe, expect, test } from 'vitest';
import { bboxCenter, fitZoom, mercatorY, tileOf, tileRange, tilesForView, tileUrl, viewportBbox, type Bbox } from './tile-math.js';

const INDONESIA: Bbox = [94.7, -11.2, 141.2, 6.3];
const WORLD: Bbox = [-180, -85.0511, 180, 85.0511];
const NO_PADDING = { top: 0, bottom: 0, left: 0, right: 0 };

describe('tile coordinates', () => {
  test('the equator and the prime meridian lie at the middle of the world', () => {
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(tileOf(0, 0, 1)).toEqual({ x: 1, y: 1 });
    expect(tileOf(-0.001, 0.001, 1)).toEqual({ x: 0, y: 0 });
  });

  test('the corners of the world are the first and last tiles of a zoom', () => {
    expect(tileOf(-180, 85.0511, 3)).toEqual({ x: 0, y: 0 });
    expect(tileOf(180, -85.0511, 3)).toEqual({ x: 7, y: 7 });
    expect(tileRange(WORLD, 2)).toEqual({ minX: 0, maxX: 3, minY: 0, maxY: 3 });
  });

  test('Indonesia at zoom 3 lies on tiles x 6–7, y 3–4', () => {
    // x: (94.7 + 180) / 360 × 8 = 6.10 and (141.2 + 180) / 360 × 8 = 7.14; y: 6.3° N → 3.86, 11.2° S → 4.25.
    expect(tileRange(INDONESIA, 3)).toEqual({ minX: 6, maxX: 7, minY: 3, maxY: 4 });
  });

  test('Jakarta at zoom 10 is tile 815/529', () => {
    expect(tileOf(106.8456, -6.2088, 10)).toEqual({ x: 815, y: 529 });
  });

  test('a tile URL fills the TileJSON template', () => {
    expect(tileUrl('http://127.0.0.1:8787/tiles/regencies/{z}/{x}/{y}.mvt?asOf=2024-06-13', { z: 9, x: 407, y: 259 })).toBe(
      'http://127.0.0.1:8787/tiles/regencies/9/407/259.mvt?asOf=2024-06-13',
    );
  });
});

describe('views', () => {
  test('a 512 px map at zoom 0 shows the whole world; at zoom 1 a quarter of it around the centre', () => {
    const world = viewportBbox({ lng: 0, lat: 0 }, 0, 512, 512);
    expect(world[0]).toBeCloseTo(-180, 9);
    expect(world[2]).toBeCloseTo(180, 9);
    expect(world[3]).toBeCloseTo(85.0511, 3);
    const half = viewportBbox({ lng: 0, lat: 0 }, 1, 512, 512);
    expect(half[0]).toBeCloseTo(-90, 9);
    expect(half[2]).toBeCloseTo(90, 9);
    expect(half[3]).toBeCloseTo(66.5133, 3);
  });

  test('a box fits at the zoom where it fills the map, less the padding, and never past the maximum', () => {
    expect(fitZoom(WORLD, 512, 512, NO_PADDING, 22)).toBeCloseTo(0, 3);
    expect(fitZoom(WORLD, 1024, 1024, NO_PADDING, 22)).toBeCloseTo(1, 3);
    expect(fitZoom(WORLD, 1104, 1024, { top: 0, bottom: 0, left: 40, right: 40 }, 22)).toBeCloseTo(1, 3);
    expect(fitZoom([106, -3, 106.001, -2.999], 1024, 768, NO_PADDING, 12)).toBe(12);
  });

  test('a fitted box is inside the view at the fit zoom', () => {
    const box: Bbox = [105.7, -2.8, 106.9, -2.0];
    const zoom = fitZoom(box, 1366, 768, { top: 70, bottom: 130, left: 40, right: 40 }, 12);
    const view = viewportBbox(bboxCenter(box), zoom, 1366, 768);
    expect(view[0]).toBeLessThan(box[0]);
    expect(view[1]).toBeLessThan(box[1]);
    expect(view[2]).toBeGreaterThan(box[2]);
    expect(view[3]).toBeGreaterThan(box[3]);
  });
});

describe('tilesForView', () => {
  const source = { minzoom: 3, maxzoom: 14, bounds: INDONESIA };

  test('covers the box from one zoom below to one above the view (floor of the zoom)', () => {
    const tiles = tilesForView(INDONESIA, 3.6, source);
    const zooms = [...new Set(tiles.map((tile) => tile.z))];
    expect(zooms).toEqual([3, 4]);
    expect(tiles.filter((tile) => tile.z === 3)).toEqual([
      { z: 3, x: 6, y: 3 },
      { z: 3, x: 6, y: 4 },
      { z: 3, x: 7, y: 3 },
      { z: 3, x: 7, y: 4 },
    ]);
    // Zoom 2 is below the source's minzoom: MapLibre asks nothing there.
    expect(tiles.some((tile) => tile.z === 2)).toBe(false);
  });

  test('above the maxzoom the last level is stretched, and no tile outside the bounds is asked for', () => {
    const tiles = tilesForView([106.84, -6.21, 106.85, -6.2], 15.2, source);
    expect(new Set(tiles.map((tile) => tile.z))).toEqual(new Set([14]));
    expect(tilesForView([0, 0, 1, 1], 8, source)).toEqual([]);
  });

  test("with no spread, only the view's own zoom", () => {
    expect(new Set(tilesForView(INDONESIA, 4.2, source, 0).map((tile) => tile.z))).toEqual(new Set([4]));
  });
});
