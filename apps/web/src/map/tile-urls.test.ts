import { describe, expect, test } from 'vitest';
import { tileJsonUrl, type TileFilters } from './tile-urls.js';

const FILTERS: TileFilters = {
  asOf: '2024-06-13',
  permitTypes: ['itas', 'itap'],
  nationalities: ['CHN', 'JPN'],
  purposes: [],
  from: '2024-01-01',
  to: '2024-06-30',
};

describe('tileJsonUrl', () => {
  test('gives the areas the permit filters and nothing else', () => {
    expect(tileJsonUrl('regencies', FILTERS)).toBe('/tiles/regencies.json?asOf=2024-06-13&permitType=itas,itap&nationality=CHN,JPN');
  });

  test('gives the period to operations, reports and meetings', () => {
    expect(tileJsonUrl('operation_targets', FILTERS)).toBe('/tiles/operation_targets.json?from=2024-01-01&to=2024-06-30');
    expect(tileJsonUrl('meetings', { ...FILTERS, from: null, to: null })).toBe('/tiles/meetings.json');
  });

  test('entry points take no filter', () => {
    expect(tileJsonUrl('entry_points', FILTERS)).toBe('/tiles/entry_points.json');
  });
});
