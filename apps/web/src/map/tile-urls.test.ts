import { describe, expect, test } from 'vitest';
import { tileJsonUrl, type TileFilters } from './tile-urls.js';

const FILTERS: TileFilters = {
  asOf: '2024-06-13',
  permitTypes: ['itas', 'itap'],
  nationalities: ['CHN', 'JPN'],
  purposes: [],
  from: '2024-01-01',
  to: '2024-06-30',
  region: null,
};

describe('tileJsonUrl', () => {
  test('gives the areas the permit filters and nothing else', () => {
    expect(tileJsonUrl('regencies', FILTERS)).toBe('/tiles/regencies.json?asOf=2024-06-13&permitType=itas,itap&nationality=CHN,JPN');
  });

  test('gives the period to operations, reports and meetings', () => {
    expect(tileJsonUrl('operation_targets', FILTERS)).toBe('/tiles/operation_targets.json?from=2024-01-01&to=2024-06-30');
    expect(tileJsonUrl('meetings', { ...FILTERS, from: null, to: null, region: null })).toBe('/tiles/meetings.json');
  });

  test('coverage gaps and hot spots take the date and their fixed months and resolution, in the order the server writes them', () => {
    expect(tileJsonUrl('coverage_gaps', FILTERS)).toBe('/tiles/coverage_gaps.json?asOf=2024-06-13&months=12');
    expect(tileJsonUrl('hot_spots', FILTERS)).toBe('/tiles/hot_spots.json?asOf=2024-06-13&months=24&resolution=6');
    // The hot spots are computed over the area the view is on; no other layer takes it.
    expect(tileJsonUrl('hot_spots', { ...FILTERS, region: '19.04' })).toBe('/tiles/hot_spots.json?asOf=2024-06-13&area=19.04&months=24&resolution=6');
    expect(tileJsonUrl('coverage_gaps', { ...FILTERS, region: '19.04' })).toBe('/tiles/coverage_gaps.json?asOf=2024-06-13&months=12');
  });

  test('entry points take no filter', () => {
    expect(tileJsonUrl('entry_points', FILTERS)).toBe('/tiles/entry_points.json');
  });
});
