import { describe, expect, test } from 'vitest';
import { classifyCounts } from './choropleth-classes.js';
import { areaSourcesAndLayers, areaTileJsonUrl, CONTEXT_LAND_COLOR, fillColorExpression, NO_DATA_COLOR } from './map-style.js';
import type { TileFilters } from './tile-urls.js';

const FILTERS: TileFilters = { asOf: '2024-06-13', permitTypes: ['itas', 'itap'], nationalities: [], purposes: [], from: null, to: null };

describe('areaTileJsonUrl', () => {
  test('names the level\'s tile layer on the page\'s own host, with the date and the ITAS + ITAP filter', () => {
    expect(areaTileJsonUrl('province', FILTERS)).toBe('/tiles/provinces.json?asOf=2024-06-13&permitType=itas,itap');
    expect(areaTileJsonUrl('district', FILTERS)).toBe('/tiles/districts.json?asOf=2024-06-13&permitType=itas,itap');
  });
});

describe('fillColorExpression', () => {
  const classes = classifyCounts([0, 0, 3, 4, 20, 22, 90, 95, 400]);
  const stops = classes.slice(1).flatMap((choroplethClass) => [choroplethClass.lower, choroplethClass.color]);

  test('steps through the class colours at each class\'s lower bound of the tile\'s total', () => {
    expect(fillColorExpression(classes)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'total']], 'number'],
      ['step', ['get', 'total'], classes[0]?.color, ...stops],
      NO_DATA_COLOR,
    ]);
  });

  test('classifies densities in tenths per 1,000 km² from the tile\'s own surface', () => {
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
