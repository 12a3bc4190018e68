import type { PermitRecord } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { isValidOn, pinValidCounts } from './generate-demo.js';
import { Random, WeightedPicker } from './random.js';

const permit = (permitType: 'itas' | 'itap', issuedOn: string, expiresOn: string, n: number): PermitRecord => ({
  permitNumber: `P${n}`,
  permitType,
  purpose: 'work',
  nationality: 'CHN',
  sex: 'male',
  holderName: 'X',
  sponsorCompanyKey: null,
  issuedOn,
  expiresOn,
  cancelledOn: null,
  districtCode: '19.04.01',
  regencyCode: '19.04',
  origin: 'demo',
});

describe('demo generator', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 5 }, () => r.int(0, 1000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  test('weighted picks follow their weights', () => {
    const picker = new WeightedPicker([
      ['a', 9],
      ['b', 1],
    ] as const);
    const random = new Random(1);
    const picks = Array.from({ length: 10_000 }, () => picker.pick(random));
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.93);
  });

  test.each([
    ['too many valid holders', 40, 10],
    ['too few valid holders', 3, 1],
    ['none at all', 0, 0],
  ])('pinning reaches exactly 22 ITAS and 6 ITAP on the day with %s', (_, itasCount, itapCount) => {
    const random = new Random(3);
    const permits = [
      ...Array.from({ length: itasCount }, (_, i) => permit('itas', '2024-01-01', '2025-01-01', i)),
      ...Array.from({ length: itapCount }, (_, i) => permit('itap', '2022-01-01', '2027-01-01', 100 + i)),
      permit('itas', '2018-01-01', '2019-01-01', 999),
    ];
    let made = 0;
    const pinned = pinValidCounts(
      permits,
      { date: '2024-06-13', itas: 22, itap: 6 },
      () => permit(made % 2 ? 'itap' : 'itas', '2010-01-01', '2011-01-01', 1000 + made++),
      random,
    );
    expect(pinned.filter((p) => p.permitType === 'itas' && isValidOn(p, '2024-06-13'))).toHaveLength(22);
    expect(pinned.filter((p) => p.permitType === 'itap' && isValidOn(p, '2024-06-13'))).toHaveLength(6);
    for (const p of pinned) expect(p.expiresOn > p.issuedOn).toBe(true);
  });

  test('a permit is valid from its issue day up to, not including, its expiry day, and not after cancellation', () => {
    const p = permit('itas', '2024-01-01', '2025-01-01', 1);
    expect(isValidOn(p, '2024-01-01')).toBe(true);
    expect(isValidOn(p, '2024-12-31')).toBe(true);
    expect(isValidOn(p, '2025-01-01')).toBe(false);
    expect(isValidOn({ ...p, cancelledOn: '2024-06-01' }, '2024-06-01')).toBe(false);
  });
});
