import { describe, expect, test } from 'vitest';
import { coverageClass, isCoverageGap, monthsBefore } from './coverage.js';

describe('coverage gaps', () => {
  test('months before a day, clamped to the month end and across years', () => {
    expect(monthsBefore('2024-06-13', 12)).toBe('2023-06-13');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2023-03-31', 1)).toBe('2023-02-28');
    expect(monthsBefore('2024-01-15', 120)).toBe('2014-01-15');
    expect(monthsBefore('2024-01-15', 13)).toBe('2022-12-15');
  });
  test('a gap has holders and no check since the cutoff; a check on the cutoff day counts', () => {
    expect(isCoverageGap(3, null, '2024-06-13', 12)).toBe(true);
    expect(isCoverageGap(3, '2023-06-12', '2024-06-13', 12)).toBe(true);
    expect(isCoverageGap(3, '2023-06-13', '2024-06-13', 12)).toBe(false);
    expect(isCoverageGap(0, null, '2024-06-13', 12)).toBe(false);
    expect(isCoverageGap(3, '2023-06-12', '2024-06-13', 13)).toBe(false);
  });
  test('classes of months since the last check', () => {
    expect([12, 23, 24, 35, 36, 90, null].map(coverageClass)).toEqual(['months_12', 'months_12', 'months_24', 'months_24', 'months_36', 'months_36', 'never']);
  });
});
