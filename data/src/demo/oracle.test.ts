// The oracle's rows on a hand-made world: which regency-months, which places, and each chance as the
// field model gives it with the months since the last check before the month's first day.
import { describe, expect, test } from 'vitest';
import { dayOf } from './field-model.js';
import { lastBefore, oracleRows, type OraclePlace } from './oracle.js';

const quiet = { unrenewedLapses: 0, verifiedReports: 0, inWorkRisk: false, watchedShare: 0, growth: 0, peopleChecked: 0, touristPlace: false };
const logistic = (z: number) => 1 / (1 + Math.exp(-z));

describe('the oracle view', () => {
  test('lastBefore: the last day strictly before', () => {
    expect(lastBefore([10, 20, 30], 20)).toBe(10);
    expect(lastBefore([10, 20, 30], 31)).toBe(30);
    expect(lastBefore([10, 20, 30], 10)).toBeNull();
    expect(lastBefore(undefined, 10)).toBeNull();
  });

  test('one row per place of each regency-month checked, of the kinds checked, with the chance of the first day of the month', () => {
    const places: Record<string, OraclePlace[]> = {
      '19.04': [
        { key: 'site-a', kind: 'company_site', drivers: () => quiet },
        // Three lapses in the 180 days before the 1st of March, none before the 1st of February.
        { key: 'district:19.04.01', kind: 'district', drivers: (day) => ({ ...quiet, unrenewedLapses: day >= dayOf('2024-03-01') ? 3 : 0 }) },
      ],
      '19.71': [{ key: 'site-b', kind: 'company_site', drivers: () => ({ ...quiet, inWorkRisk: true }) }],
    };
    // site-a checked on 15 Jan and 20 Feb 2024: for February its last check is 15 Jan (17 days), for March 20 Feb.
    const checkDays = new Map([['site-a', [dayOf('2024-01-15'), dayOf('2024-02-20')]]]);
    const rows = oracleRows(
      [
        { regencyCode: '19.04', date: '2024-02-20', kinds: ['company_site'] },
        { regencyCode: '19.04', date: '2024-02-03', kinds: ['district'] },
        { regencyCode: '19.04', date: '2024-03-05', kinds: ['company_site', 'district'] },
        { regencyCode: '19.71', date: '2024-02-11', kinds: ['company_site'] },
        // Only a district checked in 19.71 in April: its site has no row then.
        { regencyCode: '19.71', date: '2024-04-11', kinds: ['district'] },
      ],
      (code) => places[code] ?? [],
      checkDays,
    );
    expect(rows.map((r) => `${r.month} ${r.regencyCode} ${r.placeKey}`)).toEqual([
      '2024-02-01 19.04 site-a',
      '2024-02-01 19.04 district:19.04.01',
      '2024-02-01 19.71 site-b',
      '2024-03-01 19.04 site-a',
      '2024-03-01 19.04 district:19.04.01',
    ]);
    const chance = (month: string, key: string) => rows.find((r) => r.month === month && r.placeKey === key)!.chance;
    // Intercept −3.6; never checked +0.9; checked m months ago +0.9 × m / 30; three lapses +1.3 × (1 − e^−1.5); a work-risk area +1.1.
    expect(chance('2024-02-01', 'site-a')).toBeCloseTo(logistic(-3.6 + (0.9 * (17 / 30.44)) / 30), 12);
    expect(chance('2024-03-01', 'site-a')).toBeCloseTo(logistic(-3.6 + (0.9 * (10 / 30.44)) / 30), 12);
    expect(chance('2024-02-01', 'district:19.04.01')).toBeCloseTo(logistic(-3.6 + 0.9), 12);
    expect(chance('2024-03-01', 'district:19.04.01')).toBeCloseTo(logistic(-3.6 + 0.9 + 1.3 * (1 - Math.exp(-1.5))), 12);
    expect(chance('2024-02-01', 'site-b')).toBeCloseTo(logistic(-3.6 + 0.9 + 1.1), 12);
  });
});
