import { describe, expect, test } from 'vitest';
import { drawnGeometryProblem, editablePolygon, polygonKm2, type Polygon } from './drawn-geometry.js';

const polygon = (...corners: Array<[number, number]>): Polygon => ({ type: 'Polygon', coordinates: [[...corners, corners[0]!]] });

describe('a polygon drawn on the map', () => {
  test('a square of about 11 km around Koba may be sent, with its area in km²', () => {
    const koba = polygon([106.39, -2.54], [106.49, -2.54], [106.49, -2.44], [106.39, -2.44]);
    expect(drawnGeometryProblem(koba)).toBeNull();
    expect(polygonKm2(koba)).toBeGreaterThan(120);
    expect(polygonKm2(koba)).toBeLessThan(125);
  });

  test('a bow tie (the outline crosses itself) is refused as self-intersecting', () => {
    expect(drawnGeometryProblem(polygon([106.39, -2.54], [106.49, -2.44], [106.49, -2.54], [106.39, -2.44]))).toBe('self_intersection');
  });

  test('a square of 50 m (0.0025 km²) is too small; one of 110 m is not', () => {
    expect(drawnGeometryProblem(polygon([106.44, -2.49], [106.44045, -2.49], [106.44045, -2.48955], [106.44, -2.48955]))).toBe('too_small');
    expect(drawnGeometryProblem(polygon([106.44, -2.49], [106.441, -2.49], [106.441, -2.489], [106.44, -2.489]))).toBeNull();
  });

  test('two corners (a line, area zero) are too few', () => {
    expect(
      drawnGeometryProblem({
        type: 'Polygon',
        coordinates: [
          [
            [106.44, -2.49],
            [106.45, -2.49],
            [106.44, -2.49],
          ],
        ],
      }),
    ).toBe('too_few_points');
    expect(drawnGeometryProblem({ type: 'Polygon', coordinates: [] })).toBe('too_few_points');
  });

  test('three corners on one line (area zero) are too small', () => {
    expect(drawnGeometryProblem(polygon([106.44, -2.49], [106.45, -2.49], [106.46, -2.49]))).toBe('too_small');
  });
});

describe('a saved outline opened for changing', () => {
  const ring = [
    [106.39, -2.54],
    [106.49, -2.54],
    [106.49, -2.44],
    [106.39, -2.54],
  ];

  test('a Polygon, and a MultiPolygon of one part, open as one polygon', () => {
    expect(editablePolygon({ type: 'Polygon', coordinates: [ring] })).toEqual({ type: 'Polygon', coordinates: [ring] });
    expect(editablePolygon({ type: 'MultiPolygon', coordinates: [[ring]] })).toEqual({ type: 'Polygon', coordinates: [ring] });
  });

  test('a MultiPolygon of two parts, or no geometry, cannot be changed corner by corner', () => {
    expect(editablePolygon({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toBeNull();
    expect(editablePolygon(undefined)).toBeNull();
  });
});
