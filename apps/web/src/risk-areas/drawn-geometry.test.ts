import { describe, expect, test } from 'vitest';
import { drawnGeometryProblem, editablePolygon, polygonAsText, polygonKm2, typedPolygon, type Polygon } from './drawn-geometry.js';

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

describe('corners typed one per line', () => {
  test('lat, lng lines (any form a place field reads) make a closed polygon, checked like a drawn one', () => {
    const typed = typedPolygon('-2.54, 106.39\n\n-2.54;106.49\n  -2,44; 106,49 \nhttps://maps.google.com/?q=-2.44,106.39\n');
    expect(typed).toEqual({
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [106.39, -2.54],
            [106.49, -2.54],
            [106.49, -2.44],
            [106.39, -2.44],
            [106.39, -2.54],
          ],
        ],
      },
    });
    expect('polygon' in typed && drawnGeometryProblem(typed.polygon)).toBeNull();
  });

  test('a last line repeating the first corner is the same ring', () => {
    const open = typedPolygon('-2.54, 106.39\n-2.54, 106.49\n-2.44, 106.49');
    const closed = typedPolygon('-2.54, 106.39\n-2.54, 106.49\n-2.44, 106.49\n-2.54, 106.39');
    expect(closed).toEqual(open);
  });

  test('a line that is not a place in Indonesia is named by its number; too few corners and a bow tie are refused as drawn ones', () => {
    expect(typedPolygon('-2.54, 106.39\nKoba\n-2.44, 106.49')).toEqual({ badLine: 2 });
    expect(typedPolygon('-2.54, 106.39\n-2.54, 106.49\n48.85, 2.35')).toEqual({ badLine: 3 });
    const two = typedPolygon('-2.54, 106.39\n-2.54, 106.49');
    expect('polygon' in two && drawnGeometryProblem(two.polygon)).toBe('too_few_points');
    expect('polygon' in typedPolygon('') && drawnGeometryProblem((typedPolygon('') as { polygon: Polygon }).polygon)).toBe('too_few_points');
    const bowTie = typedPolygon('-2.54, 106.39\n-2.44, 106.49\n-2.54, 106.49\n-2.44, 106.39');
    expect('polygon' in bowTie && drawnGeometryProblem(bowTie.polygon)).toBe('self_intersection');
  });

  test('a drawn polygon is written out as lines that read back to it', () => {
    const koba = polygon([106.39, -2.54], [106.49, -2.54], [106.49, -2.44], [106.39, -2.44]);
    expect(polygonAsText(koba)).toBe('-2.54000, 106.39000\n-2.54000, 106.49000\n-2.44000, 106.49000\n-2.44000, 106.39000');
    expect(typedPolygon(polygonAsText(koba))).toEqual({ polygon: koba });
  });
});
