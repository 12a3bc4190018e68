import { describe, expect, test } from 'vitest';
import { CLEARANCE, paddingClearOf } from './fit-padding.js';

// The map beside the filters at 1366×768: 1062 × 714 px, from (304, 54).
const map = { left: 304, top: 54, right: 1366, bottom: 768 };
const base = { top: 70, bottom: 130, left: 40, right: 40 };

describe('paddingClearOf', () => {
  test('no card over the map: the base padding', () => {
    expect(paddingClearOf(map, base, [])).toEqual(base);
  });

  test('a collapsed legend inside the bottom padding changes nothing', () => {
    const collapsed = { left: 316, top: 690, right: 520, bottom: 733 };
    expect(paddingClearOf(map, base, [collapsed])).toEqual(base);
  });

  test('a tall, narrow legend bottom left keeps the area to its right', () => {
    const legend = { left: 316, top: 480, right: 546, bottom: 733 };
    expect(paddingClearOf(map, base, [legend])).toEqual({ ...base, left: 546 - 304 + CLEARANCE });
  });

  test('a wide, low card keeps the area above it', () => {
    const wide = { left: 316, top: 600, right: 1100, bottom: 733 };
    expect(paddingClearOf(map, base, [wide])).toEqual({ ...base, bottom: 768 - 600 + CLEARANCE });
  });

  test('the legend and the overlay key side by side: the area clears both', () => {
    const legend = { left: 316, top: 480, right: 546, bottom: 733 };
    const key = { left: 556, top: 420, right: 760, bottom: 733 };
    expect(paddingClearOf(map, base, [legend, key])).toEqual({ ...base, left: 760 - 304 + CLEARANCE });
  });

  test('a card covering most of a small map: the base padding, not a speck of room', () => {
    const small = { left: 0, top: 0, right: 600, bottom: 500 };
    const legend = { left: 12, top: 60, right: 500, bottom: 480 };
    expect(paddingClearOf(small, base, [legend])).toEqual(base);
  });

  test('hidden cards (no size) are ignored', () => {
    expect(paddingClearOf(map, base, [{ left: 0, top: 0, right: 0, bottom: 0 }])).toEqual(base);
  });
});
