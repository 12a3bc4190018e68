import { describe, expect, test } from 'vitest';
import { binomialTwoSided, bootstrapDifference, mcnemar, signTest } from './paired-tests.js';

describe('exact binomial test (p = ½, two-sided)', () => {
  test('matches the hand-summed tails', () => {
    expect(binomialTwoSided(0, 10)).toBeCloseTo(2 / 1024, 12);
    expect(binomialTwoSided(10, 10)).toBeCloseTo(2 / 1024, 12);
    expect(binomialTwoSided(2, 10)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 12);
    expect(binomialTwoSided(8, 10)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 12);
    expect(binomialTwoSided(5, 10)).toBe(1);
    expect(binomialTwoSided(0, 0)).toBe(1);
  });
});

describe('McNemar', () => {
  test('exact binomial below 25 discordant pairs', () => {
    expect(mcnemar(3, 1)).toEqual({ onlyRanking: 3, onlyReference: 1, method: 'exact', p: expect.closeTo(0.625, 10) });
    expect(mcnemar(12, 12).method).toBe('exact');
  });
  test('χ² with continuity correction from 25 on: (|30 − 10| − 1)² / 40 = 9.025, p ≈ 0.00266', () => {
    const m = mcnemar(30, 10);
    expect(m.method).toBe('chi-squared');
    expect(m.p).toBeCloseTo(0.002663, 5);
    expect(mcnemar(10, 30).p).toBeCloseTo(m.p, 12);
  });
});

describe('sign test over months', () => {
  test('level months are left out', () => {
    expect(signTest([2, -1, 0, 3, 1])).toEqual({ monthsAhead: 3, monthsBehind: 1, monthsLevel: 1, p: expect.closeTo(0.625, 10) });
    expect(signTest([0, 0])).toEqual({ monthsAhead: 0, monthsBehind: 0, monthsLevel: 2, p: expect.closeTo(1, 10) });
  });
});

describe('bootstrap over months', () => {
  test('the same months and seed give the same interval; the observed sum is kept', () => {
    const months = [3, -1, 0, 2, -2, 5, 1, 0, -1, 4];
    const a = bootstrapDifference(months, 2000, 7);
    expect(a).toEqual(bootstrapDifference(months, 2000, 7));
    expect(a.difference).toBe(11);
    expect(a.low).toBeLessThan(11);
    expect(a.high).toBeGreaterThan(11);
  });

  test('40 months of +1 or −1 in turn: the sum is 0 with a spread of about ±1.96·√40 ≈ ±12.4', () => {
    const months = Array.from({ length: 40 }, (_, i) => (i % 2 ? 1 : -1));
    const b = bootstrapDifference(months, 4000, 1);
    expect(b.difference).toBe(0);
    expect(b.low).toBeGreaterThanOrEqual(-16);
    expect(b.low).toBeLessThanOrEqual(-9);
    expect(b.high).toBeGreaterThanOrEqual(9);
    expect(b.high).toBeLessThanOrEqual(16);
  });

  test('no months: an empty interval at zero', () => {
    expect(bootstrapDifference([], 100, 1)).toMatchObject({ difference: 0, low: 0, high: 0, months: 0 });
  });
});
