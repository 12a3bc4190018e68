import { describe, expect, test } from 'vitest';
import { parseTileCoordinate, tileBounds } from './tile-path.js';

describe('parseTileCoordinate', () => {
  test('accepts integers inside the zoom level', () => {
    expect(parseTileCoordinate('5', '25', '16')).toEqual({ z: 5, x: 25, y: 16 });
    expect(parseTileCoordinate('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 });
  });
  test.each([
    ['5', '32', '0'],
    ['5', '0', '32'],
    ['23', '0', '0'],
    ['-1', '0', '0'],
    ['5.5', '1', '1'],
    ['a', '1', '1'],
    ['5', '1e1', '1'],
    ['', '1', '1'],
  ])('refuses %s/%s/%s', (z, x, y) => expect(parseTileCoordinate(z, x, y)).toBeNull());
});

describe('tileBounds', () => {
  test('tile 0/0/0 covers the Web Mercator world', () => {
    const [w, s, e, n] = tileBounds({ z: 0, x: 0, y: 0 });
    expect([w, e]).toEqual([-180, 180]);
    expect(n).toBeCloseTo(85.0511, 3);
    expect(s).toBeCloseTo(-85.0511, 3);
  });
  test('tile 5/25/16 lies over Sumatra and the Bangka strait', () => {
    const [w, s, e, n] = tileBounds({ z: 5, x: 25, y: 16 });
    expect(w).toBeCloseTo(101.25, 5);
    expect(e).toBeCloseTo(112.5, 5);
    expect(n).toBeCloseTo(0, 5);
    expect(s).toBeLessThan(-11);
  });
});
