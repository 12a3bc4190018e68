import { describe, expect, test } from 'vitest';
import { isTileLayerName, TILE_FILTER_NAMES, TILE_LAYER_FILTERS, TILE_LAYER_NAMES } from './layers.js';

describe('tile layers', () => {
  test('the twelve layers of /tiles, each named once', () => {
    expect([...TILE_LAYER_NAMES].sort()).toEqual([
      'company_sites',
      'coverage_gaps',
      'districts',
      'entry_points',
      'hot_spots',
      'meetings',
      'operation_targets',
      'overstays',
      'provinces',
      'regencies',
      'reports',
      'risk_areas',
    ]);
    expect(new Set(TILE_LAYER_NAMES).size).toBe(TILE_LAYER_NAMES.length);
    expect(Object.keys(TILE_LAYER_FILTERS).sort()).toEqual([...TILE_LAYER_NAMES].sort());
    expect(isTileLayerName('hot_spots')).toBe(true);
    expect(isTileLayerName('people')).toBe(false);
  });

  test('every filter is a known parameter, at most once per layer', () => {
    for (const filters of Object.values(TILE_LAYER_FILTERS)) {
      expect(filters.every((name) => (TILE_FILTER_NAMES as readonly string[]).includes(name))).toBe(true);
      expect(new Set(filters).size).toBe(filters.length);
    }
  });

  test('the filters each layer takes', () => {
    const permit = ['asOf', 'permitType', 'nationality', 'purpose'];
    for (const area of ['provinces', 'regencies', 'districts', 'overstays'] as const) expect(TILE_LAYER_FILTERS[area]).toEqual([...permit, 'sponsor']);
    expect(TILE_LAYER_FILTERS.company_sites).toEqual(permit);
    expect(TILE_LAYER_FILTERS.operation_targets).toEqual(['from', 'to']);
    expect(TILE_LAYER_FILTERS.meetings).toEqual(['from', 'to']);
    expect(TILE_LAYER_FILTERS.reports).toEqual(['from', 'to', 'category', 'status']);
    expect(TILE_LAYER_FILTERS.risk_areas).toEqual(['asOf', 'from', 'to', 'category', 'lang']);
    expect(TILE_LAYER_FILTERS.entry_points).toEqual([]);
    expect(TILE_LAYER_FILTERS.coverage_gaps).toEqual(['asOf', 'months']);
    expect(TILE_LAYER_FILTERS.hot_spots).toEqual(['asOf', 'area', 'months', 'resolution']);
  });
});
