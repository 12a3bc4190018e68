import { describe, expect, it } from 'vitest';
import { largestChanges } from './compare-rows.js';

describe('nationality changes worth showing', () => {
  it('leaves out the unchanged, puts the largest change first either way, and counts the rest', () => {
    const { shown, hidden } = largestChanges(
      [
        { code: 'CHN', a: 16, b: 15, change: -1 },
        { code: 'TUR', a: 1, b: 1, change: 0 },
        { code: 'NLD', a: 0, b: 3, change: 3 },
        { code: 'PAK', a: 1, b: 0, change: -1 },
        { code: 'AUS', a: 0, b: 2, change: 2 },
      ],
      3,
    );
    expect(shown.map((row) => row.code)).toEqual(['NLD', 'AUS', 'CHN']);
    expect(hidden).toBe(1);
  });
});
