import { describe, expect, test } from 'vitest';
import { monthEnd, monthOfPeriod, monthPeriod, monthsBetween } from './time-months.js';

describe('time slider months', () => {
  test('a month ends on its last day, leap years included', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2023-02')).toBe('2023-02-28');
    expect(monthEnd('2024-12')).toBe('2024-12-31');
  });

  test('lists the months across a year boundary', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  test('window mode shows the month only, cumulative mode everything up to it; both count permits on its last day', () => {
    expect(monthPeriod('2024-06', 'window', '2019-01')).toEqual({ from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-30' });
    expect(monthPeriod('2024-06', 'cumulative', '2019-01')).toEqual({ from: '2019-01-01', to: '2024-06-30', asOf: '2024-06-30' });
  });

  test('finds the month back from the period, and nothing for a period typed by hand', () => {
    expect(monthOfPeriod('2024-06-01', '2024-06-30', 'window', '2019-01')).toBe('2024-06');
    expect(monthOfPeriod('2019-01-01', '2024-06-30', 'cumulative', '2019-01')).toBe('2024-06');
    expect(monthOfPeriod('2024-06-03', '2024-06-30', 'window', '2019-01')).toBeNull();
    expect(monthOfPeriod(null, null, 'window', '2019-01')).toBeNull();
  });
});
