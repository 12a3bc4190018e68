import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, test } from 'vitest';
import { classIndexOf, classifyCounts } from '../choropleth-classes.js';
import { fillColorExpression } from '../map-style.js';
import { overlayLayers } from '../overlay-style.js';
import { frameAtPosition, frameFittingBbox, mercatorX, mercatorY, projectLngLat, tilePlacement, tilesCovering, tileZoom, type Frame } from './mercator.js';
import { slideStyle, slideSvg, tileUrl, type SourceLoader } from './slide-svg.js';
import { pathData, px, renderSvgMap, svgColor, type FetchedTile } from './svg-render.js';

const EXTENT = 4096;

type TileFeature = { id?: number; type: 1 | 3; geometry: number[][] | number[][][]; tags: Record<string, string | number> };

/** A vector tile made here, as the API's JS encoder writes one (geojson-vt features in tile coordinates). */
function encodeTile(layers: Record<string, TileFeature[]>): Uint8Array {
  const tiles = Object.fromEntries(Object.entries(layers).map(([name, features]) => [name, { features }]));
  return fromGeojsonVt(tiles as unknown as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: EXTENT });
}

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

/** The whole world at zoom 1 in a 1024 px square: tile 1/0/0 is the top-left quarter, 512 px wide. */
const WORLD: Frame = { width: 1024, height: 1024, zoom: 1, centerX: 0.5, centerY: 0.5 };

describe('Web Mercator frames and tiles', () => {
  test('the centre of a position lands in the middle of the frame, and east and south grow right and down', () => {
    const frame = frameAtPosition({ zoom: 9.5, lat: -2.4, lng: 106.2 }, 1000, 600);
    expect(projectLngLat(frame, 106.2, -2.4).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([500, 300]);
    const [x, y] = projectLngLat(frame, 106.3, -2.5);
    expect(x).toBeGreaterThan(500);
    expect(y).toBeGreaterThan(300);
    // 0.1° of longitude at zoom 9.5 is 512 · 2^9.5 / 3600 pixels.
    expect(x - 500).toBeCloseTo((512 * 2 ** 9.5) / 3600, 6);
  });

  test('a fitted box fills the padded frame in one direction and is centred in the padded area', () => {
    const bbox = [105.9, -2.9, 106.6, -2.1] as const;
    const padding = { top: 70, bottom: 130, left: 40, right: 40 };
    const frame = frameFittingBbox(bbox, 1000, 700, padding);
    const [left, top] = projectLngLat(frame, bbox[0], bbox[3]);
    const [right, bottom] = projectLngLat(frame, bbox[2], bbox[1]);
    const fitsWidth = Math.abs(left - 40) < 1e-6 && Math.abs(right - 960) < 1e-6;
    const fitsHeight = Math.abs(top - 70) < 1e-6 && Math.abs(bottom - 570) < 1e-6;
    expect(fitsWidth || fitsHeight).toBe(true);
    expect(left).toBeGreaterThanOrEqual(40 - 1e-6);
    expect(bottom).toBeLessThanOrEqual(570 + 1e-6);
    expect((left + right) / 2).toBeCloseTo(500, 6);
    expect((top + bottom) / 2).toBeCloseTo(320, 6);
  });

  test('tiles are taken at the floor of the zoom within the source range, and cover the frame', () => {
    const frame = frameAtPosition({ zoom: 9.5, lat: -2.4, lng: 106.2 }, 1000, 600);
    expect(tileZoom(frame, 0, 14)).toBe(9);
    expect(tileZoom(frame, 0, 8)).toBe(8);
    expect(tileZoom(frame, 10, 14)).toBeNull();
    const tiles = tilesCovering(frame, 9);
    // The slippy-map tile of the centre is among them, and placed around the centre pixel.
    const x = Math.floor(mercatorX(106.2) * 512);
    const y = Math.floor(mercatorY(-2.4) * 512);
    expect(tiles).toContainEqual({ z: 9, x, y });
    const place = tilePlacement(frame, { z: 9, x, y }, EXTENT);
    expect(place.size).toBeCloseTo(512 * Math.SQRT2, 6);
    expect(place.left).toBeLessThanOrEqual(500);
    expect(place.left + place.size).toBeGreaterThan(500);
    // Every tile touches the frame, and their union covers its corners.
    for (const tile of tiles) {
      const p = tilePlacement(frame, tile, EXTENT);
      expect(p.left < 1000 && p.left + p.size > 0 && p.top < 600 && p.top + p.size > 0).toBe(true);
    }
    const covers = (cx: number, cy: number) =>
      tiles.some((tile) => {
        const p = tilePlacement(frame, tile, EXTENT);
        return cx >= p.left && cx < p.left + p.size && cy >= p.top && cy < p.top + p.size;
      });
    expect([covers(0, 0), covers(999, 0), covers(0, 599), covers(999, 599)]).toEqual([true, true, true, true]);
    expect(tileUrl('http://h/tiles/regencies/{z}/{x}/{y}.mvt?asOf=2024-06-13', { z: 9, x, y })).toBe(
      `http://h/tiles/regencies/9/${x}/${y}.mvt?asOf=2024-06-13`,
    );
  });
});

describe('vector tiles drawn as SVG', () => {
  test('numbers are rounded to 0.1 px, repeated points dropped, and rings with fewer than three points left out', () => {
    expect([px(12.345), px(-0.04), px(3), px(7.96)]).toEqual(['12.3', '0', '3', '8']);
    expect(
      pathData(
        [
          [
            [0, 0],
            [10.01, 0],
            [10.04, 0.02],
            [10, 10],
            [0, 0],
          ],
        ],
        true,
      ),
    ).toBe('M0 0L10 0 10 10Z');
    expect(
      pathData(
        [
          [
            [0, 0],
            [0.01, 0.02],
            [0, 0],
          ],
        ],
        true,
      ),
    ).toBe('');
    expect(
      pathData(
        [
          [
            [1, 1],
            [5, 5],
          ],
        ],
        false,
      ),
    ).toBe('M1 1L5 5');
  });

  test('MapLibre colours become #rrggbb with their opacity', () => {
    expect(svgColor('#41b6c4')).toEqual({ hex: '#41b6c4', alpha: 1 });
    expect(svgColor('rgba(255, 0, 0, 0.5)')).toEqual({ hex: '#ff0000', alpha: 0.5 });
  });

  test('areas are filled with the class colour of their value, clipped to their tile, with outlines but no tile edges', () => {
    const classes = classifyCounts([0, 5, 10, 200, 400]);
    const tile: FetchedTile = {
      tile: { z: 1, x: 0, y: 0 },
      data: encodeTile({
        regencies: [
          { id: 1904, type: 3, geometry: square(0, 0, 2048, 2048), tags: { code: '19.04', total: 400, area_km2: 1000 } },
          // Reaches into the tile's buffer on the left: drawn only up to the tile's edge.
          { id: 1905, type: 3, geometry: square(-200, 2048, 1024, 4096), tags: { code: '19.05', total: 5, area_km2: 10 } },
          // No count: the no-data grey.
          { id: 1906, type: 3, geometry: square(2048, 2048, 4096, 4096), tags: { code: '19.06', area_km2: 10 } },
        ],
      }),
    };
    const layers: LayerSpecification[] = [
      { id: 'regency-fill', type: 'fill', source: 'areas', 'source-layer': 'regencies', paint: { 'fill-color': fillColorExpression(classes, 'count', null) } },
      { id: 'regency-outline', type: 'line', source: 'areas', 'source-layer': 'regencies', paint: { 'line-color': '#ffffff', 'line-width': 0.6 } },
    ];
    const svg = renderSvgMap({ frame: WORLD, layers, sources: { vector: new Map([['areas', [tile]]]), geojson: new Map() }, title: 'Peta <uji>' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 1024 1024"/);
    expect(svg).toContain('<title>Peta &lt;uji&gt;</title>');
    const fills = [...svg.matchAll(/<path fill="(#[0-9a-f]{6})" d="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(fills).toEqual([
      [classes[classes.length - 1]!.color, 'M0 0L256 0 256 256 0 256Z'],
      [classes[classIndexOf(classes, 5)]!.color, 'M0 256L128 256 128 512 0 512Z'],
      ['#b8b8b8', 'M256 256L512 256 512 512 256 512Z'],
    ]);
    // One path for all outlines of the same stroke; the cut at x = 0 (the buffer's edge at -200) is not drawn.
    const outline = /<path stroke="#ffffff" stroke-width="0.6" d="([^"]+)"\/>/.exec(svg)?.[1] ?? '';
    expect(outline).toContain('M0 256L128 256 128 512');
    expect(outline).not.toMatch(/-25/);
  });

  test('a density map colours an area by holders per 1,000 km², not by holders', () => {
    // 100 holders on 10 km² (10,000 per 1,000 km²) against 400 on 1,000 km² (400 per 1,000 km²).
    const small = { id: 1, type: 3 as const, geometry: square(0, 0, 1024, 1024), tags: { code: '19.01', total: 100, area_km2: 10 } };
    const large = { id: 2, type: 3 as const, geometry: square(1024, 0, 2048, 1024), tags: { code: '19.02', total: 400, area_km2: 1000 } };
    const tile: FetchedTile = { tile: { z: 1, x: 0, y: 0 }, data: encodeTile({ regencies: [small, large] }) };
    const draw = (measure: 'count' | 'density', values: number[]) => {
      const classes = classifyCounts(values);
      const layers: LayerSpecification[] = [
        { id: 'fill', type: 'fill', source: 'areas', 'source-layer': 'regencies', paint: { 'fill-color': fillColorExpression(classes, measure, null) } },
      ];
      const svg = renderSvgMap({ frame: WORLD, layers, sources: { vector: new Map([['areas', [tile]]]), geojson: new Map() }, title: '' });
      const colours = [...svg.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
      return colours.map((colour) => classes.findIndex((c) => c.color === colour));
    };
    // Counts: the large area is in the top class; densities (tenths per 1,000 km²): the small one is.
    expect(draw('count', [100, 400])).toEqual([0, 1]);
    expect(draw('density', [100_000, 4_000])).toEqual([1, 0]);
  });

  test("points are drawn once, from the tile they lie in, with the overlay's style", () => {
    const inside = { id: 7, type: 1 as const, geometry: [[1024, 1024]], tags: { kind: 'airport' } };
    const inBuffer = { id: 8, type: 1 as const, geometry: [[4100, 1024]], tags: { kind: 'seaport' } };
    const tile: FetchedTile = { tile: { z: 1, x: 0, y: 0 }, data: encodeTile({ entry_points: [inside, inBuffer] }) };
    const layers = overlayLayers('entry', true) as LayerSpecification[];
    const svg = renderSvgMap({ frame: WORLD, layers, sources: { vector: new Map([['overlay-entry', [tile]]]), geojson: new Map() }, title: '' });
    expect(svg.match(/<circle /g)).toHaveLength(1);
    // OKABE_ITO blue for airports, radius 6, black ring 1.5 px.
    expect(svg).toContain('<circle cx="128" cy="128" r="6" fill="#0072b2" stroke="#111111" stroke-width="1.5"/>');
  });

  test('GeoJSON land is projected and clipped to the frame', () => {
    const frame = frameAtPosition({ zoom: 5, lat: 0, lng: 110 }, 400, 300);
    const land: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 458,
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [100, -10],
                [120, -10],
                [120, 10],
                [100, 10],
                [100, -10],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          id: 36,
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [140, -30],
                [150, -30],
                [150, -20],
                [140, -30],
              ],
            ],
          },
        },
      ],
    };
    const layers: LayerSpecification[] = [{ id: 'world-land', type: 'fill', source: 'world-land', paint: { 'fill-color': '#f1efe9' } }];
    const svg = renderSvgMap({ frame, layers, sources: { vector: new Map(), geojson: new Map([['world-land', land]]) }, title: '' });
    // The box covers the frame: it is cut at the frame's margin (4 px); the far one is left out.
    expect([...svg.matchAll(/<path /g)]).toHaveLength(1);
    expect(svg).toContain('d="M-4 -4L-4 304 404 304 404 -4Z"');
  });
});

// Issue 19 item 4: risk areas' translucent fill changed the class colours under them, so a slide no
// longer matched its legend. They are drawn as dashed outlines over a white casing; the classes keep
// their colours.
describe('risk areas over the classes', () => {
  test('the regency under a risk area keeps its class colour; the risk area is a dashed outline with no fill', () => {
    const classes = classifyCounts([5, 400]);
    const areaTile: FetchedTile = {
      tile: { z: 1, x: 0, y: 0 },
      data: encodeTile({ regencies: [{ id: 1904, type: 3, geometry: square(0, 0, 2048, 2048), tags: { code: '19.04', total: 400 } }] }),
    };
    const riskTile: FetchedTile = {
      tile: { z: 1, x: 0, y: 0 },
      data: encodeTile({ risk_areas: [{ id: 7, type: 3, geometry: square(512, 512, 1024, 1024), tags: { category: 'illegal_work', severity: 'high' } }] }),
    };
    const layers: LayerSpecification[] = [
      { id: 'regency-fill', type: 'fill', source: 'areas', 'source-layer': 'regencies', paint: { 'fill-color': fillColorExpression(classes, 'count', null) } },
      ...(overlayLayers('risk', true) as LayerSpecification[]),
    ];
    const svg = renderSvgMap({
      frame: WORLD,
      layers,
      sources: {
        vector: new Map([
          ['areas', [areaTile]],
          ['overlay-risk', [riskTile]],
        ]),
        geojson: new Map(),
      },
      title: '',
    });
    // Exactly one filled path: the regency, in the colour its legend row shows, nothing translucent over it.
    expect([...svg.matchAll(/<path fill="(#[0-9a-f]{6})"/g)].map((m) => m[1])).toEqual([classes[1]!.color]);
    expect(svg).not.toContain('fill-opacity');
    const risk = /<g data-layer="overlay-risk-line"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(risk).toMatch(/stroke-dasharray="[\d.]+ [\d.]+"/);
    expect(risk).toContain('M64 64L128 64 128 128 64 128 64 64');
    expect(svg).toContain('data-layer="overlay-risk-casing"');
  });
});

describe("a slide's map as SVG", () => {
  const filters = { asOf: '2024-06-13', permitTypes: ['itas', 'itap'], nationalities: [], purposes: [], from: null, to: null, region: null };

  test("the style is the live map's: the classes on the shown level, the region outlined, polygon overlays under the points", () => {
    const classes = classifyCounts([1, 2, 3]);
    const { layers, tileJsonUrls } = slideStyle({
      filters,
      scope: { level: 'district', parent: '19.04' },
      classes,
      measure: 'density',
      layers: ['sites', 'risk'],
      region: '19.04',
    });
    const ids = layers.map((layer) => layer.id);
    expect(ids.slice(0, 3)).toEqual(['sea', 'world-land', 'world-borders']);
    expect(ids.filter((id) => id.endsWith('-hover'))).toEqual([]);
    expect(ids.filter((id) => id.endsWith('-selected'))).toEqual(['regency-selected']);
    expect(ids.indexOf('overlay-risk-fill')).toBeLessThan(ids.indexOf('regency-selected'));
    expect(ids.indexOf('overlay-sites-circle')).toBe(ids.length - 1);
    const fill = layers.find((layer) => layer.id === 'district-fill');
    expect(fill && 'paint' in fill ? (fill.paint as Record<string, unknown>)['fill-color'] : null).toEqual(fillColorExpression(classes, 'density', '19.04'));
    expect(tileJsonUrls.get('overlay-sites')).toBe('/tiles/company_sites.json?asOf=2024-06-13&permitType=itas,itap');
    expect(tileJsonUrls.get('regency-areas')).toBe('/tiles/regencies.json?asOf=2024-06-13&permitType=itas,itap');
  });

  test("the tiles of each drawn source are fetched at the frame's zoom and drawn, the selected area in its colour", async () => {
    const requested: string[] = [];
    const regencyTile = encodeTile({
      regencies: [{ id: 1904, type: 3, geometry: square(0, 0, 4096, 4096), tags: { code: '19.04', name: 'Bangka Tengah', total: 28, area_km2: 2156 } }],
    });
    const loader: SourceLoader = {
      tileJson: async (url) => {
        requested.push(url);
        const layer = /\/tiles\/(\w+)\.json/.exec(url)?.[1] ?? '';
        return { tiles: [`http://app/tiles/${layer}/{z}/{x}/{y}.mvt`], minzoom: layer === 'districts' ? 7 : 0, maxzoom: 14 };
      },
      tile: async (url) => {
        requested.push(url);
        return url.includes('/regencies/') ? regencyTile : null;
      },
      worldLand: async () => ({ type: 'FeatureCollection', features: [] }),
    };
    const frame = frameAtPosition({ zoom: 6.2, lat: -2.4, lng: 106.2 }, 800, 500);
    const classes = classifyCounts([28, 3]);
    const svg = await slideSvg(
      { frame, filters, scope: { level: 'regency', parent: '19' }, classes, measure: 'count', layers: [], region: '19.04', title: 'Bangka Tengah' },
      loader,
    );
    const tileRequests = requested.filter((url) => url.endsWith('.mvt'));
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((url) => /\/tiles\/(provinces|regencies)\/6\/\d+\/\d+\.mvt$/.test(url))).toBe(true);
    // Districts are hidden at the regency level, and the selection lies in the regencies' tiles.
    expect(requested.some((url) => url.includes('districts'))).toBe(false);
    expect(svg).toContain(`fill="${classes[classes.length - 1]!.color}"`);
    expect(svg).toMatch(/<g data-layer="regency-selected"[^>]*><path stroke="#c2185b" stroke-width="3.5"/);
  });
});
