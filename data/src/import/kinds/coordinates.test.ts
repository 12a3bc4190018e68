import { describe, expect, test } from 'vitest';
import { readDegrees } from './coordinates.js';

describe('degrees as officers write them', () => {
  test.each([
    ['-2.1', -2.1, false],
    ['106,13', 106.13, false],
    [`3°35'12" LU`, 3.586667, true],
    [`3°35'12" LS`, -3.586667, true],
    [`98° 40' 30" BT`, 98.675, true],
    [`S 2°07'30"`, -2.125, true],
    ['2 7 30 S', -2.125, true],
    [`106°8′E`, 106.133333, true],
    ["-2°30'", -2.5, true],
    ['2,5° LS', -2.5, true],
  ])('%s', (raw, value, sexagesimal) => {
    const read = readDegrees(raw);
    expect(read.sexagesimal).toBe(sexagesimal);
    expect(read.value).toBeCloseTo(value, 5);
  });

  test('text that is no angle is NaN', () => {
    expect(readDegrees('utara').value).toBeNaN();
    expect(readDegrees(`3°99'99"x`).value).toBeNaN();
  });
});
