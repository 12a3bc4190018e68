import { describe, expect, test } from 'vitest';
import { choroplethClasses, choroplethScope, levelForZoom, measureValue } from './choropleth.js';

describe('choroplethScope', () => {
  test('follows the zoom when no level or area is chosen', () => {
    expect(choroplethScope({ level: null, region: null }, 4)).toEqual({ level: 'province', parent: null });
    expect(choroplethScope({ level: null, region: null }, 6)).toEqual({ level: 'regency', parent: null });
    expect(choroplethScope({ level: null, region: null }, 9)).toEqual({ level: 'district', parent: null });
    expect(levelForZoom(5.5)).toBe('regency');
  });

  test('shows the children of the area drilled into, classified among themselves', () => {
    expect(choroplethScope({ level: null, region: '19' }, 4)).toEqual({ level: 'regency', parent: '19' });
    expect(choroplethScope({ level: null, region: '19.04' }, 4)).toEqual({ level: 'district', parent: '19.04' });
  });

  test('a district is shown among its siblings', () => {
    expect(choroplethScope({ level: null, region: '19.04.01' }, 10)).toEqual({ level: 'district', parent: '19.04' });
  });

  test('a level chosen by the user wins over the drill-down', () => {
    expect(choroplethScope({ level: 'province', region: '19.04' }, 9)).toEqual({ level: 'province', parent: null });
    expect(choroplethScope({ level: 'district', region: '19' }, 4)).toEqual({ level: 'district', parent: '19' });
  });
});

describe('measureValue', () => {
  test('is the holder count, or holders per 1,000 km² in tenths', () => {
    expect(measureValue(28, 2267.3, 'count')).toBe(28);
    // 28 / 2,267.3 km² × 1,000 = 12.35 → 123 tenths
    expect(measureValue(28, 2267.3, 'density')).toBe(123);
    expect(measureValue(28, null, 'density')).toBeNull();
  });
});

describe('choroplethClasses', () => {
  test('classifies densities, leaving out areas without a surface', () => {
    const areas = [10, 20, 30, 400].map((total, i) => ({
      code: `1${i}`,
      name: '',
      total,
      itas: total,
      itap: 0,
      visit: 0,
      permits: total,
      pending: 0,
      topNationalities: [],
    }));
    const km2 = new Map<string, number | null>([
      ['10', 1000],
      ['11', 1000],
      ['12', 1000],
      ['13', null],
    ]);
    const classes = choroplethClasses(areas, 'density', km2);
    expect(classes[0]?.lower).toBe(100);
    expect(classes[classes.length - 1]?.upper).toBe(300);
  });
});
