import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, test } from 'vitest';
import { classifyCounts, type ChoroplethClass } from './choropleth-classes.js';
import { areaSourcesAndLayers, areaTileJsonUrl, CONTEXT_LAND_COLOR, fillColorExpression, NO_DATA_COLOR } from './map-style.js';
import type { TileFilters } from './tile-urls.js';

const FILTERS: TileFilters = { asOf: '2024-06-13', permitTypes: ['itas', 'itap'], nationalities: [], purposes: [], from: null, to: null, region: null };

describe('areaTileJsonUrl', () => {
  test("names the level's tile layer on the page's own host, with the date and the ITAS + ITAP filter", () => {
    expect(areaTileJsonUrl('province', FILTERS)).toBe('/tiles/provinces.json?asOf=2024-06-13&permitType=itas,itap');
    expect(areaTileJsonUrl('district', FILTERS)).toBe('/tiles/districts.json?asOf=2024-06-13&permitType=itas,itap');
  });
});

describe('fillColorExpression', () => {
  const classes = classifyCounts([0, 0, 3, 4, 20, 22, 90, 95, 400]);
  const stops = classes.slice(1).flatMap((choroplethClass) => [choroplethClass.lower, choroplethClass.color]);

  test("steps through the class colours at each class's lower bound of the tile's total", () => {
    expect(fillColorExpression(classes)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'total']], 'number'],
      ['step', ['get', 'total'], classes[0]?.color, ...stops],
      NO_DATA_COLOR,
    ]);
  });

  test("classifies densities in tenths per 1,000 km² from the tile's own surface", () => {
    const expression = JSON.stringify(fillColorExpression(classes, 'density'));
    expect(expression).toContain('["round",["/",["*",["get","total"],10000],["max",["get","area_km2"],0.000001]]]');
  });

  test('draws areas outside the area drilled into as plain land', () => {
    const expression = fillColorExpression(classes, 'count', '19');
    expect(expression).toEqual(['case', ['==', ['slice', ['get', 'code'], 0, 3], '19.'], expect.anything(), CONTEXT_LAND_COLOR]);
  });

  test('paints every area as "no data" while there are no classes', () => {
    expect(fillColorExpression([])).toBe(NO_DATA_COLOR);
  });
});

/** MapLibre's own style validator on a style whose area fill uses `fillColor`: the errors it reports. */
function styleErrors(fillColor: ExpressionSpecification | string): string[] {
  const style: StyleSpecification = {
    version: 8,
    sources: { 'regency-areas': { type: 'vector', tiles: ['http://localhost/tiles/regencies/{z}/{x}/{y}.pbf'] } },
    layers: [{ id: 'regency-fill', type: 'fill', source: 'regency-areas', 'source-layer': 'regencies', paint: { 'fill-color': fillColor } }],
  };
  return validateStyleMin(style).map((error) => error.message);
}

// Issue 19 item 2: one class made `['step', value, colour]`, which MapLibre rejects ("Expected at least
// 4 arguments") and then paints every area grey. Expectations written out by hand, and each expression
// checked by MapLibre's style-spec validator.
describe('fillColorExpression for the classes a map can have', () => {
  const isCounted = ['==', ['typeof', ['get', 'total']], 'number'];
  const oneClass: ChoroplethClass[] = [{ lower: 169, upper: 169, color: '#41b6c4' }];
  const twoClasses: ChoroplethClass[] = [
    { lower: 0, upper: 4, color: '#ffffcc' },
    { lower: 5, upper: 30, color: '#253494' },
  ];

  test("one class (a scoped user's own province alone): every counted area takes its colour, no step", () => {
    expect(fillColorExpression(oneClass)).toEqual(['case', isCounted, '#41b6c4', NO_DATA_COLOR]);
    expect(styleErrors(fillColorExpression(oneClass))).toEqual([]);
  });

  test('all zeros (a regency whose districts all hold 0): one class "0" in the lightest colour, valid', () => {
    const classes = classifyCounts([0, 0, 0, 0, 0]);
    expect(classes).toEqual([{ lower: 0, upper: 0, color: '#ffffcc' }]);
    const expression = fillColorExpression(classes, 'count', '17.07');
    expect(expression).toEqual(['case', ['==', ['slice', ['get', 'code'], 0, 6], '17.07.'], ['case', isCounted, '#ffffcc', NO_DATA_COLOR], CONTEXT_LAND_COLOR]);
    expect(styleErrors(expression)).toEqual([]);
  });

  test('no data: plain "no data" grey, valid, with and without a parent', () => {
    expect(fillColorExpression([])).toBe(NO_DATA_COLOR);
    expect(styleErrors(fillColorExpression([]))).toEqual([]);
    expect(styleErrors(fillColorExpression([], 'count', '19'))).toEqual([]);
  });

  test("two classes: one step at the second class's lower bound, valid for counts and densities", () => {
    expect(fillColorExpression(twoClasses)).toEqual(['case', isCounted, ['step', ['get', 'total'], '#ffffcc', 5, '#253494'], NO_DATA_COLOR]);
    expect(styleErrors(fillColorExpression(twoClasses))).toEqual([]);
    expect(styleErrors(fillColorExpression(twoClasses, 'density', '19'))).toEqual([]);
  });

  test('the validator does catch the one-class step this used to produce', () => {
    expect(styleErrors(['case', isCounted, ['step', ['get', 'total'], '#41b6c4'], NO_DATA_COLOR] as unknown as ExpressionSpecification).join()).toMatch(
      /at least 4 arguments/,
    );
  });
});

describe('areaSourcesAndLayers', () => {
  test('reads every level from TileJSON and draws each layer from its own vector layer', () => {
    const { sources, layers } = areaSourcesAndLayers(FILTERS, 'regency');
    expect(Object.keys(sources)).toEqual(['province-areas', 'regency-areas', 'district-areas']);
    const sourceLayers: Record<string, string> = { 'province-areas': 'provinces', 'regency-areas': 'regencies', 'district-areas': 'districts' };
    for (const layer of layers) {
      if (!('source' in layer)) throw new Error(`${layer.id} has no source`);
      expect(layer['source-layer']).toBe(sourceLayers[layer.source as string]);
    }
  });
});
