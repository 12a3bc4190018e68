import { describe, expect, test } from 'vitest';
import {
  addDays,
  inScope,
  isIsoDate,
  levelOfCode,
  parentCodeOf,
  permitFilterQuery,
  permitRecord,
  requestDate,
  requestDateProblem,
  todayInJakarta,
} from './index.js';

describe('domain', () => {
  test('ISO dates are real calendar dates', () => {
    expect(isIsoDate('2024-06-13')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('13/06/2024')).toBe(false);
  });

  test('a date in a request is a calendar day from 1900-01-01 to 2100-12-31', () => {
    for (const edge of ['1900-01-01', '2100-12-31', '2024-02-29']) expect(requestDateProblem(edge)).toBeUndefined();
    for (const outside of ['0001-01-01', '9999-12-31', '1899-12-31', '2101-01-01'])
      expect(requestDateProblem(outside)).toBe('a date from 1900-01-01 to 2100-12-31');
    expect(requestDateProblem('2024-02-30')).toBe('a date as YYYY-MM-DD');
    expect(requestDate.safeParse('2101-01-01').error?.issues[0]?.message).toBe('a date from 1900-01-01 to 2100-12-31');
  });

  test('today is the calendar day in WIB: 18:00 UTC is already tomorrow in Jakarta', () => {
    expect(todayInJakarta(new Date('2024-06-13T16:59:00Z'))).toBe('2024-06-13');
    expect(todayInJakarta(new Date('2024-06-13T17:00:00Z'))).toBe('2024-06-14');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  test('area codes tell their level and parent', () => {
    expect(levelOfCode('19')).toBe('province');
    expect(levelOfCode('19.04')).toBe('regency');
    expect(levelOfCode('19.04.01')).toBe('district');
    expect(parentCodeOf('19.04.01')).toBe('19.04');
    expect(parentCodeOf('19')).toBeNull();
  });

  test('scope covers an area and everything inside it, nothing beside it', () => {
    const scope = { areaCodes: ['19.04'] };
    expect(inScope(scope, '19.04')).toBe(true);
    expect(inScope(scope, '19.04.01')).toBe(true);
    expect(inScope(scope, '19.71')).toBe(false);
    expect(inScope(scope, '19.040')).toBe(false);
    expect(inScope(null, '72.06')).toBe(true);
  });

  test('permit filters parse comma-separated lists and refuse unknown values', () => {
    expect(permitFilterQuery.parse({ permitType: 'itas,itap', nationality: 'CHN' })).toEqual({ permitType: ['itas', 'itap'], nationality: ['CHN'] });
    expect(permitFilterQuery.safeParse({ permitType: 'kitas' }).success).toBe(false);
  });

  test('a permit must expire after it is issued', () => {
    const result = permitRecord.safeParse({
      permitNumber: 'A',
      permitType: 'itas',
      purpose: 'work',
      nationality: 'CHN',
      sex: 'male',
      holderName: 'X',
      sponsorCompanyKey: null,
      issuedOn: '2024-06-13',
      expiresOn: '2024-06-13',
      cancelledOn: null,
      districtCode: '19.04.01',
      regencyCode: '19.04',
      origin: 'demo',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['expiresOn']);
  });
});
