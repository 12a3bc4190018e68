import { schemeYlGnBu } from 'd3-scale-chromatic';
import { describe, expect, test } from 'vitest';
import { CLASS_COUNT, classIndexOf, classifyCounts, YL_GN_BU } from './choropleth-classes.js';

test("the colours written out are ColorBrewer's YlGnBu as d3-scale-chromatic gives it", () => {
  for (const k of [3, 4, 5] as const) expect(YL_GN_BU[k]).toEqual(schemeYlGnBu[k]);
});

test('never more classes than there are colours, whatever is asked', () => {
  const counts = Array.from({ length: 50 }, (_, i) => i * i);
  const classes = classifyCounts(counts, 9);
  expect(classes).toHaveLength(CLASS_COUNT);
  expect(new Set(classes.map((c) => c.color)).size).toBe(CLASS_COUNT);
});

describe('classifyCounts', () => {
  test('splits counts into five contiguous classes that cover every count', () => {
    const counts = [0, 0, 1, 2, 3, 10, 11, 12, 40, 42, 45, 100, 110, 400, 420, 2000];
    const classes = classifyCounts(counts);
    expect(classes).toHaveLength(5);
    expect(classes[0]?.lower).toBe(0);
    expect(classes[4]?.upper).toBe(2000);
    for (let i = 1; i < classes.length; i++) {
      expect(classes[i]?.lower).toBe((classes[i - 1]?.upper ?? NaN) + 1);
    }
    for (const count of counts) {
      const choroplethClass = classes[classIndexOf(classes, count)];
      expect(count).toBeGreaterThanOrEqual(choroplethClass?.lower ?? NaN);
      expect(count).toBeLessThanOrEqual(choroplethClass?.upper ?? NaN);
    }
  });

  test('gives each class a different colour, lightest for the smallest counts', () => {
    const classes = classifyCounts([1, 5, 9, 30, 31, 80, 200, 210, 900]);
    expect(new Set(classes.map((c) => c.color)).size).toBe(classes.length);
    expect(classes[0]?.color).toBe('#ffffcc');
  });

  test('makes no empty classes when there are fewer distinct counts than classes', () => {
    expect(classifyCounts([0, 0, 0, 7, 7])).toEqual([expect.objectContaining({ lower: 0, upper: 0 }), expect.objectContaining({ lower: 1, upper: 7 })]);
    expect(classifyCounts([0, 0, 0])).toHaveLength(1);
    expect(classifyCounts([])).toEqual([]);
  });
});
