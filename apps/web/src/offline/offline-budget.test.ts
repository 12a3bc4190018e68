import { describe, expect, test } from 'vitest';
import { ByteBudget, checkPlan, megabytes, OFFLINE_BUDGET_BYTES, OFFLINE_MAX_FILES, OfflineBudgetError } from './offline-budget.js';

describe('the offline budget', () => {
  test('is 50 MB', () => {
    expect(OFFLINE_BUDGET_BYTES).toBe(50_000_000);
    expect(megabytes(OFFLINE_BUDGET_BYTES, 'en-GB')).toBe('50.0');
  });

  test('counts bytes and files and stops once past the limit', () => {
    const budget = new ByteBudget(1000);
    budget.add(600);
    budget.add(400);
    expect(budget.bytes).toBe(1000);
    expect(budget.files).toBe(2);
    expect(() => budget.add(1)).toThrow(OfflineBudgetError);
    let thrown: unknown = null;
    try {
      budget.add(10);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OfflineBudgetError);
    expect((thrown as OfflineBudgetError).problem).toEqual({ kind: 'bytes', bytes: 1011, limit: 1000 });
  });

  test('refuses sizes that are not sizes', () => {
    expect(() => new ByteBudget().add(-1)).toThrow(RangeError);
    expect(() => new ByteBudget().add(Number.NaN)).toThrow(RangeError);
  });

  test('a plan with too many files, or known files over the budget, stops before anything is fetched', () => {
    expect(checkPlan(10, 4_500_000)).toBeNull();
    expect(checkPlan(OFFLINE_MAX_FILES + 1, 0)).toEqual({ kind: 'files', files: OFFLINE_MAX_FILES + 1, limit: OFFLINE_MAX_FILES });
    expect(checkPlan(10, OFFLINE_BUDGET_BYTES + 1)).toEqual({ kind: 'bytes', bytes: OFFLINE_BUDGET_BYTES + 1, limit: OFFLINE_BUDGET_BYTES });
    expect(checkPlan(10, 2000, { bytes: 1000, files: 100 })).toEqual({ kind: 'bytes', bytes: 2000, limit: 1000 });
  });

  test("shows sizes as decimal megabytes in the page's language", () => {
    expect(megabytes(12_345_678, 'id-ID')).toBe('12,3');
    expect(megabytes(12_345_678, 'en-GB')).toBe('12.3');
    expect(megabytes(0, 'en-GB')).toBe('0.0');
  });
});
