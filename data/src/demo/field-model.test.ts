import { describe, expect, test } from 'vitest';
import {
  countBetween,
  dayOf,
  intelligenceWeight,
  PermitLedger,
  violationChance,
  watchedShare,
  type PermitTrace,
  type ViolationDrivers,
} from './field-model.js';

const quiet: ViolationDrivers = {
  unrenewedLapses: 0,
  verifiedReports: 0,
  inWorkRisk: false,
  monthsSinceCheck: 3,
  watchedShare: 0,
  growth: 0,
  peopleChecked: 5,
  touristPlace: false,
};
const trace = (issued: string, expires: string, extra: Partial<PermitTrace> = {}): PermitTrace => ({
  issued: dayOf(issued),
  expires: dayOf(expires),
  cancelled: null,
  renewed: false,
  visit: false,
  nationality: 'CHN',
  ...extra,
});

describe('demo field model', () => {
  test('the violation chance rises with each driver, strictly, and stays a probability', () => {
    const p = violationChance(quiet);
    expect(p).toBeGreaterThan(0.02);
    expect(p).toBeLessThan(0.08);
    const more: Array<Partial<ViolationDrivers>> = [
      { unrenewedLapses: 2 },
      { verifiedReports: 1 },
      { inWorkRisk: true },
      { monthsSinceCheck: 24 },
      { monthsSinceCheck: null },
      { watchedShare: 0.6 },
      { growth: 0.5 },
      { peopleChecked: 80 },
      { touristPlace: true },
    ];
    for (const change of more) expect(violationChance({ ...quiet, ...change }), JSON.stringify(change)).toBeGreaterThan(p);
    const all = violationChance({
      unrenewedLapses: 20,
      verifiedReports: 5,
      inWorkRisk: true,
      monthsSinceCheck: null,
      watchedShare: 1,
      growth: 2,
      peopleChecked: 500,
      touristPlace: true,
    });
    expect(all).toBeLessThan(1);
    expect(all).toBeGreaterThan(0.9);
  });

  test('the violation chance is monotone along each numeric driver', () => {
    const steps = [0, 0.5, 1, 2, 4, 8, 30, 100];
    for (const key of ['unrenewedLapses', 'verifiedReports', 'monthsSinceCheck', 'watchedShare', 'growth', 'peopleChecked'] as const) {
      const values = steps.map((x) => violationChance({ ...quiet, [key]: x }));
      for (let i = 1; i < values.length; i++) expect(values[i]!, `${key} at ${steps[i]}`).toBeGreaterThanOrEqual(values[i - 1]!);
      expect(values.at(-1)!).toBeGreaterThan(values[0]!);
    }
    // Never checked counts at least as much as the longest time since a check.
    expect(violationChance({ ...quiet, monthsSinceCheck: null })).toBeGreaterThanOrEqual(violationChance({ ...quiet, monthsSinceCheck: 400 }));
  });

  test('is deterministic: the same drivers give the same chance', () => {
    const d = { ...quiet, unrenewedLapses: 3, verifiedReports: 2, inWorkRisk: true };
    expect(violationChance(d)).toBe(violationChance({ ...d }));
  });

  test('intelligence favours reports, risk areas, lapses, and long-unvisited places with foreigners', () => {
    const base = { unrenewedLapses: 0, verifiedReports: 0, inWorkRisk: false, monthsSinceCheck: 2, holders: 10 };
    const w = intelligenceWeight(base);
    expect(w).toBeGreaterThan(0);
    for (const change of [{ verifiedReports: 1 }, { inWorkRisk: true }, { unrenewedLapses: 3 }, { monthsSinceCheck: 30 }, { monthsSinceCheck: null }]) {
      expect(intelligenceWeight({ ...base, ...change }), JSON.stringify(change)).toBeGreaterThan(w);
    }
    // An empty site is not a target just because nobody went yet.
    expect(intelligenceWeight({ ...base, holders: 0, monthsSinceCheck: null })).toBeLessThan(intelligenceWeight({ ...base, monthsSinceCheck: null }));
    // A credible report outweighs a long absence.
    expect(intelligenceWeight({ ...base, verifiedReports: 1 })).toBeGreaterThan(intelligenceWeight({ ...base, monthsSinceCheck: null }));
  });

  test('the ledger counts lapses (not renewed, not cancelled) in a window and holders valid on a day', () => {
    const ledger = new PermitLedger();
    ledger.add(trace('2023-01-01', '2024-01-01'));
    ledger.add(trace('2023-02-01', '2024-02-01', { renewed: true }));
    ledger.add(trace('2023-03-01', '2024-03-01', { cancelled: dayOf('2023-06-01') }));
    ledger.add(trace('2023-04-01', '2024-04-01'));
    expect(ledger.lapsesBetween(dayOf('2023-12-01'), dayOf('2024-05-01'))).toBe(2);
    expect(ledger.lapsesBetween(dayOf('2024-01-02'), dayOf('2024-05-01'))).toBe(1);
    expect(ledger.validOn(dayOf('2023-07-01'))).toHaveLength(3);
    expect(ledger.validOn(dayOf('2024-01-01'))).toHaveLength(2);
    expect(countBetween([1, 2, 2, 5, 9], 2, 9)).toBe(3);
  });

  test('the watched share counts visit permits fully and watched nationalities by half', () => {
    const watched = new Set(['NGA']);
    expect(watchedShare([], watched)).toBe(0);
    expect(watchedShare([trace('2024-01-01', '2025-01-01'), trace('2024-01-01', '2025-01-01', { visit: true })], watched)).toBeCloseTo(0.5);
    expect(watchedShare([trace('2024-01-01', '2025-01-01', { nationality: 'NGA' })], watched)).toBeCloseTo(0.5);
  });
});
