import { describe, expect, test } from 'vitest';
import { classifyCounts } from './choropleth-classes.js';
import { areaSourcesAndLayers, areaTileJsonUrl, fillColorExpression, NO_DATA_COLOR } from './map-style.js';

describe('areaTileJsonUrl', () => {
  test('names the level\'s tile layer on the page\'s own host, with the date and the ITAS + ITAP filter', () => {
    expect(areaTileJsonUrl('province', '2024-06-13')).toBe('/tiles/provinces.json?asOf=2024-06-13&permitType=itas,itap');
    expect(areaTileJsonUrl('regency', '2024-06-13')).toBe('/tiles/regencies.json?asOf=2024-06-13&permitType=itas,itap');
  });
});

describe('fillColorExpression', () => {
  test('steps through the class colours at each class\'s lower bound of the tile\'s total', () => {
    const classes = classifyCounts([0, 0, 3, 4, 20, 22, 90, 95, 400]);
    const stops = classes.slice(1).flatMap((choroplethClass) => [choroplethClass.lower, choroplethClass.color]);
    expect(fillColorExpression(classes)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'total']], 'number'],
      ['step', ['get', 'total'], classes[0]?.color, ...stops],
      NO_DATA_COLOR,
    ]);
  });

  test('paints every area as "no data" while there are no classes', () => {
    expect(fillColorExpression([])).toBe(NO_DATA_COLOR);
  });
});

describe('areaSourcesAndLayers', () => {
  test('reads both levels from TileJSON and draws each layer from its own vector layer', () => {
    const { sources, layers } = areaSourcesAndLayers('2024-06-13', 'regency');
    expect(sources).toEqual({
      'province-areas': { type: 'vector', url: '/tiles/provinces.json?asOf=2024-06-13&permitType=itas,itap' },
      'regency-areas': { type: 'vector', url: '/tiles/regencies.json?asOf=2024-06-13&permitType=itas,itap' },
    });
    for (const layer of layers) {
      if (!('source' in layer)) throw new Error(`${layer.id} has no source`);
      expect(layer['source-layer']).toBe(layer.source === 'province-areas' ? 'provinces' : 'regencies');
    }
  });
});
