import { describe, expect, test } from 'vitest';
import { formatCalibration, measureCalibration, type CalibrationAction, type CalibrationPermit } from './calibration.js';
import type { ReferenceStatistics } from './profiles.js';

// A small published world: 60 % of workers Chinese, 10 % in Bali, a series with a dip, 10 % ITAP, all deportees Nigerian.
const stats: ReferenceStatistics = {
  foreign_workers: [
    { what: 'stock', year: '2022-11', value: 100, by_province: { '51 Bali': 10 }, by_nationality: { CHN: 60, JPN: 10, KOR: 10, other: 20 } },
    { what: 'yearly', year: 2023, value: 100, series: { 2019: 100, 2020: 50, 2021: 40, 2022: 100, 2023: 100 } },
  ],
  stay_permits: [{ what: 'issued', year: '2024-01..09', itas: 90, itap: 10 }],
  enforcement: [{ what: 'deportations', year: 2023, value: 10, by_nationality_top5: { NGA: 10 } }],
  apoa: [],
};

const work = (holder: string | null, nationality: string, issuedOn: string, expiresOn: string, regencyCode = '31.71'): CalibrationPermit => ({
  holder,
  permitType: 'itas',
  purpose: 'work',
  nationality,
  regencyCode,
  issuedOn,
  expiresOn,
  cancelledOn: null,
});
const line = (lines: ReturnType<typeof measureCalibration>, start: string) => lines.find((l) => l.measure.startsWith(start))!;

describe('demo calibration', () => {
  test('shares count people: a person with two valid work permits counts once; visits and other purposes do not count', () => {
    const permits = [
      work('a', 'CHN', '2022-01-01', '2023-01-01'),
      work('a', 'CHN', '2022-06-01', '2023-06-01'),
      work('b', 'JPN', '2022-01-01', '2023-01-01'),
      { ...work('c', 'CHN', '2022-01-01', '2023-01-01'), permitType: 'visit' as const },
      { ...work('d', 'CHN', '2022-01-01', '2023-01-01'), purpose: 'family' },
    ];
    const lines = measureCalibration({ permits, actions: [] }, stats);
    expect(line(lines, 'CHN share of work-permit holders on 2022-11-30').demo).toBe(50);
    expect(line(lines, 'CHN share of work-permit holders on 2022-11-30').difference).toBe(-10);
    expect(line(lines, 'CHN share of work-permit holders on 2022-11-30').within).toBe(false);
    expect(line(lines, 'JPN share of work-permit holders on 2022-11-30').demo).toBe(50);
  });

  test('within 2 points passes, beyond fails; Bali is measured by regency code', () => {
    const permits = [
      ...Array.from({ length: 61 }, (_, i) => work(`c${i}`, 'CHN', '2022-01-01', '2023-01-01', i < 11 ? '51.03' : '31.71')),
      ...Array.from({ length: 39 }, (_, i) => work(`o${i}`, 'FRA', '2022-01-01', '2023-01-01')),
    ];
    const lines = measureCalibration({ permits, actions: [] }, stats);
    expect(line(lines, 'CHN share of work-permit holders on 2022-11-30')).toMatchObject({ demo: 61, difference: 1, within: true });
    expect(line(lines, 'Bali share')).toMatchObject({ demo: 11, reference: 10, within: true });
  });

  test('the series compares levels over their mean and checks the direction of each change', () => {
    const permits = [2019, 2020, 2021, 2022, 2023].flatMap((year) =>
      Array.from({ length: year === 2020 ? 50 : year === 2021 ? 60 : 100 }, (_, i) => work(`${year}-${i}`, 'CHN', `${year}-01-01`, `${year}-12-31`)),
    );
    const lines = measureCalibration({ permits, actions: [] }, stats);
    // 2021 rises where the reference falls further: its level is too high and the change goes the wrong way.
    expect(line(lines, 'work-permit holders on 2019-06-30').within).toBe(true);
    expect(line(lines, 'work-permit holders on 2021-06-30').within).toBe(false);
    expect(line(lines, 'work-permit holders 2020→2021').within).toBe(false);
    expect(line(lines, 'work-permit holders 2019→2020').within).toBe(true);
  });

  test('ITAP counts permits issued Jan–Sep 2024; deportations count people of each action', () => {
    const issued = (type: 'itas' | 'itap', on: string) => ({ ...work(null, 'CHN', on, '2025-12-01'), permitType: type });
    const permits = [...Array.from({ length: 9 }, () => issued('itas', '2024-03-01')), issued('itap', '2024-09-30'), issued('itap', '2024-10-01')];
    const actions: CalibrationAction[] = [
      { date: '2023-01-01', kind: 'deportation', count: 3, nationality: 'NGA' },
      { date: '2023-01-01', kind: 'deportation', count: 1, nationality: 'CHN' },
      { date: '2023-01-01', kind: 'entry_ban', count: 5, nationality: 'CHN' },
    ];
    const lines = measureCalibration({ permits, actions }, stats);
    expect(line(lines, 'ITAP share')).toMatchObject({ demo: 10, reference: 10, within: true });
    expect(line(lines, 'NGA share of people deported')).toMatchObject({ demo: 75, reference: 100, within: false });
  });

  test('the report prints one line per measure and says how many missed', () => {
    const lines = measureCalibration({ permits: [work('a', 'CHN', '2022-01-01', '2023-01-01')], actions: [] }, stats);
    const text = formatCalibration(lines);
    expect(text).toHaveLength(lines.length + 2);
    expect(text[0]).toMatch(/^measure\s+demo\s+reference\s+diff\s+tolerance\s+within$/);
    expect(text.at(-1)).toMatch(/measures outside their tolerance$/);
  });
});
