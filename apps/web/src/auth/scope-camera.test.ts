import { describe, expect, test } from 'vitest';
import { scopeToFit, unionBbox, withinScope } from './scope-camera.js';

describe('unionBbox', () => {
  test('Bangka Tengah and Pangkalpinang together', () => {
    expect(
      unionBbox([
        [105.746444, -2.721202, 107.086129, -2.144537],
        [106.05, -2.2, 106.18, -2.06],
      ]),
    ).toEqual([105.746444, -2.721202, 107.086129, -2.06]);
  });

  test('no box for no area', () => {
    expect(unionBbox([])).toBeNull();
  });
});

describe('scopeToFit', () => {
  const office = ['19.04', '19.71'];

  test('a scoped user opening the bare app starts on the work area', () => {
    expect(scopeToFit(office, { region: null, map: null })).toEqual(office);
  });

  test('a link with an area or a map position opens where it points', () => {
    expect(scopeToFit(office, { region: '19.04', map: null })).toBeNull();
    expect(scopeToFit(office, { region: null, map: { zoom: 5, lat: -2, lng: 118 } })).toBeNull();
  });

  test('the national scope (admin) keeps the whole country', () => {
    expect(scopeToFit(null, { region: null, map: null })).toBeNull();
  });
});

describe('withinScope', () => {
  const office = ['19.04', '19.71'];

  test('the scope\'s regencies and their districts are within it', () => {
    expect(withinScope('19.04', office)).toBe(true);
    expect(withinScope('19.71.03', office)).toBe(true);
  });

  test('the province above and the regencies beside are not', () => {
    expect(withinScope('19', office)).toBe(false);
    expect(withinScope('19.01', office)).toBe(false);
    // A code that merely starts with the same digits is another area.
    expect(withinScope('19.041', office)).toBe(false);
  });

  test('everything is within the national scope', () => {
    expect(withinScope('91.01', null)).toBe(true);
  });
});
