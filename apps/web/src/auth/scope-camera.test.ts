import { INDONESIA_BBOX } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { DISTRICT_ZOOM } from '../map/choropleth.js';
import { mapStart, scopeToFit, withinScope } from './scope-camera.js';

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

describe('mapStart', () => {
  const workArea = [105.746444, -2.721202, 107.086129, -2.057446] as const;

  test('a link with a map position opens there, whatever the scope', () => {
    const position = { zoom: 9, lat: -2.4, lng: 106.3 };
    expect(mapStart({ map: position }, workArea)).toEqual({ kind: 'position', position });
  });

  test("without one, the work area's box", () => {
    expect(mapStart({ map: null }, workArea)).toEqual({ kind: 'bounds', bbox: workArea });
  });

  test('the national scope (no box) starts on the whole country', () => {
    expect(mapStart({ map: null }, null)).toEqual({ kind: 'bounds', bbox: INDONESIA_BBOX });
    expect(mapStart({ map: null }, undefined)).toEqual({ kind: 'bounds', bbox: INDONESIA_BBOX });
  });

  test("a scope of whole provinces stops short of the districts' zoom, so its regencies are shown and named; an office's regencies do not", () => {
    const babel = [105.1, -3.4, 108.9, -1.5] as const;
    expect(mapStart({ map: null }, babel, ['19'])).toEqual({ kind: 'bounds', bbox: babel, maxZoom: DISTRICT_ZOOM - 0.01 });
    expect(mapStart({ map: null }, workArea, ['19.04', '19.71'])).toEqual({ kind: 'bounds', bbox: workArea });
    expect(mapStart({ map: { zoom: 10, lat: -2.4, lng: 106.2 } }, babel, ['19']).kind).toBe('position');
  });
});

describe('withinScope', () => {
  const office = ['19.04', '19.71'];

  test("the scope's regencies and their districts are within it", () => {
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
