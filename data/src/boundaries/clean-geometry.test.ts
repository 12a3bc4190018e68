import { describe, expect, test } from 'vitest';
import { cleanPolygonal } from './clean-geometry.js';

describe('cleanPolygonal', () => {
  test('closes an unclosed ring (as district 81.05.16 has) instead of dropping it', () => {
    const cleaned = cleanPolygonal(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      'x',
    );
    expect(cleaned).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      ],
    });
  });

  test('drops rings of fewer than three distinct points and the holes of a dropped outer ring', () => {
    const cleaned = cleanPolygonal(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [4, 0],
              [4, 4],
              [0, 4],
              [0, 0],
            ],
            [
              [1, 1],
              [2, 1],
              [1, 1],
            ],
          ],
          [
            [
              [5, 5],
              [6, 6],
              [5, 5],
            ],
            [
              [5, 5],
              [5.5, 5],
              [5.5, 5.5],
              [5, 5],
            ],
          ],
        ],
      },
      'x',
    );
    expect(cleaned.coordinates).toEqual([
      [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
      ],
    ]);
  });

  test('removes consecutive duplicate points', () => {
    const cleaned = cleanPolygonal(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0, 0],
            [1, 0],
            [1, 1],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'x',
    );
    expect(cleaned.coordinates[0]![0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
  });

  test('a feature with nothing left to repair is an error naming it, never a silent drop', () => {
    expect(() =>
      cleanPolygonal(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        'districts.geojson: feature 99.99.99',
      ),
    ).toThrow(/99\.99\.99/);
  });
});
