import { describe, expect, test } from 'vitest';
import { AreaMatcher, type AreaRow } from './area-matcher.js';

const AREAS: AreaRow[] = [
  { code: '19', name: 'Kepulauan Bangka Belitung', level: 'province', parentCode: null },
  { code: '32', name: 'Jawa Barat', level: 'province', parentCode: null },
  { code: '19.04', name: 'Kabupaten Bangka Tengah', level: 'regency', parentCode: '19' },
  { code: '19.01', name: 'Kabupaten Bangka', level: 'regency', parentCode: '19' },
  { code: '19.71', name: 'Kota Pangkal Pinang', level: 'regency', parentCode: '19' },
  { code: '32.16', name: 'Kabupaten Bekasi', level: 'regency', parentCode: '32' },
  { code: '32.75', name: 'Kota Bekasi', level: 'regency', parentCode: '32' },
  { code: '19.04.01', name: 'Koba', level: 'district', parentCode: '19.04' },
  { code: '19.04.02', name: 'Pangkalan Baru', level: 'district', parentCode: '19.04' },
];
const matcher = new AreaMatcher(AREAS);

describe('AreaMatcher', () => {
  test.each(['Kab. Bangka Tengah', 'BANGKA TENGAH', 'Kabupaten Bangka Tengah', '19.04', 'kab bangka tengah', 'Bangka Tenga'])('%s is 19.04', (regency) => {
    expect(matcher.match({ regency })).toEqual({ ok: true, value: { districtCode: null, regencyCode: '19.04', field: 'regency' } });
  });

  test('a district by name within its regency, or by code', () => {
    expect(matcher.match({ regency: 'Bangka Tengah', district: 'KOBA' })).toMatchObject({
      ok: true,
      value: { districtCode: '19.04.01', regencyCode: '19.04' },
    });
    expect(matcher.match({ districtCode: '19.04.02' })).toMatchObject({ ok: true, value: { districtCode: '19.04.02', regencyCode: '19.04' } });
  });

  test('an ambiguous name is refused with its candidates; the prefix settles it', () => {
    const result = matcher.match({ regency: 'BEKASI' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Kabupaten Bekasi \(32\.16\).*Kota Bekasi \(32\.75\)/);
    expect(matcher.match({ regency: 'Kota Bekasi' })).toMatchObject({ ok: true, value: { regencyCode: '32.75' } });
    expect(matcher.match({ regency: 'Kab. Bekasi' })).toMatchObject({ ok: true, value: { regencyCode: '32.16' } });
  });

  test('an unknown name or code is refused naming the field', () => {
    expect(matcher.match({ regency: 'Gotham' })).toMatchObject({ ok: false, field: 'regency' });
    expect(matcher.match({ regencyCode: '99.99' })).toMatchObject({ ok: false, field: 'regencyCode', reason: 'no regency with code 99.99' });
    expect(matcher.match({ regency: 'Bekasi', district: 'Koba' })).toMatchObject({ ok: false });
  });
});
