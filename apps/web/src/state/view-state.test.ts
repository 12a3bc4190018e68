import { describe, expect, test } from 'vitest';
import { parseViewState, searchWithLevel } from './view-state.js';

describe('parseViewState', () => {
  test('an empty URL shows provinces as of the server\'s today in Indonesian', () => {
    expect(parseViewState('')).toEqual({ asOf: null, level: 'province', lang: 'id', rejectedAsOf: null });
  });

  test('asOf and level from the URL pick the date and the level', () => {
    expect(parseViewState('?asOf=2024-06-13&level=regency')).toMatchObject({ asOf: '2024-06-13', level: 'regency' });
  });

  test('an asOf that is not a calendar date is ignored and reported', () => {
    expect(parseViewState('?asOf=2024-02-30')).toMatchObject({ asOf: null, rejectedAsOf: '2024-02-30' });
  });

  test('an unknown level falls back to provinces', () => {
    expect(parseViewState('?level=village').level).toBe('province');
  });
});

describe('searchWithLevel', () => {
  test('replaces the level and keeps the other parameters', () => {
    expect(searchWithLevel('?asOf=2024-06-13&level=province', 'regency')).toBe('?asOf=2024-06-13&level=regency');
  });
});
