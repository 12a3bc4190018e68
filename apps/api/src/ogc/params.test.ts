import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.js';
import { bboxParts, MAX_LIMIT, negotiateFormat, parseBBox, parseDatetime, parseLimit, parseOffset, single } from './params.js';

/** The parameter a refusal names, or undefined when `parse` accepted the value. */
function refused(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_parameter');
    return ((error as AppError).details as Array<{ parameter: string }>)[0]!.parameter;
  }
}

describe('OGC query parameters', () => {
  test('bbox is four numbers west,south,east,north in range; six (with heights) are refused with their own message', () => {
    expect(parseBBox('105.5,-3,106.5,-2')).toEqual([105.5, -3, 106.5, -2]);
    expect(parseBBox(' -180 , -90 , 180 , 90 ')).toEqual([-180, -90, 180, 90]);
    expect(parseBBox('1e2,-3,1.065e2,-2')).toEqual([100, -3, 106.5, -2]);
    for (const bad of ['', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '1,,3,4', '181,0,182,1', '0,-91,1,0', '0,2,1,1', 'NaN,0,1,1', 'Infinity,0,1,1'])
      expect(
        refused(() => parseBBox(bad)),
        bad,
      ).toBe('bbox');
    expect(() => parseBBox('105,-3,0,107,-1,100')).toThrow(/Six numbers/);
  });

  test('a bbox whose west edge lies east of its east edge crosses the antimeridian: two boxes', () => {
    expect(bboxParts([100, -5, 110, 5])).toEqual([[100, -5, 110, 5]]);
    expect(bboxParts([170, -5, -170, 5])).toEqual([
      [170, -5, 180, 5],
      [-180, -5, -170, 5],
    ]);
  });

  test('datetime is an instant or an interval with open ends; a date-time counts as its day in WIB', () => {
    expect(parseDatetime('2024-06-13')).toEqual({ kind: 'instant', day: '2024-06-13' });
    // 20:00 UTC is 03:00 the next day in WIB; +07:00 is WIB itself.
    expect(parseDatetime('2024-06-13T20:00:00Z')).toEqual({ kind: 'instant', day: '2024-06-14' });
    expect(parseDatetime('2024-06-13T23:59:59.5+07:00')).toEqual({ kind: 'instant', day: '2024-06-13' });
    expect(parseDatetime('2024-01-01/2024-06-13')).toEqual({ kind: 'interval', from: '2024-01-01', to: '2024-06-13' });
    expect(parseDatetime('../2024-06-13')).toEqual({ kind: 'interval', from: undefined, to: '2024-06-13' });
    expect(parseDatetime('2024-01-01/..')).toEqual({ kind: 'interval', from: '2024-01-01', to: undefined });
    expect(parseDatetime('/2024-06-13')).toEqual({ kind: 'interval', from: undefined, to: '2024-06-13' });
    expect(parseDatetime('../..')).toEqual({ kind: 'interval', from: undefined, to: undefined });
    expect(parseDatetime('2024-06-13/2024-06-13')).toEqual({ kind: 'interval', from: '2024-06-13', to: '2024-06-13' });
    for (const bad of [
      '',
      'today',
      '2024-02-30',
      '13/06/2024',
      '2024-06-13T25:00:00Z',
      '2024-06-13T10:00:00',
      '1899-12-31',
      '2101-01-01',
      '2024-06-13/2024-01-01',
      'a/b/c',
    ])
      expect(
        refused(() => parseDatetime(bad)),
        bad,
      ).toBe('datetime');
  });

  test('limit defaults to 10, is at least 1, and above the maximum is served as the maximum; offset is a whole number from 0', () => {
    expect(parseLimit(undefined)).toBe(10);
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit(String(MAX_LIMIT))).toBe(MAX_LIMIT);
    expect(parseLimit('999999999999')).toBe(MAX_LIMIT);
    for (const bad of ['0', '-1', '1.5', 'ten', ''])
      expect(
        refused(() => parseLimit(bad)),
        bad,
      ).toBe('limit');
    expect(parseOffset(undefined)).toBe(0);
    expect(parseOffset('30')).toBe(30);
    for (const bad of ['-1', '1.5', 'x', '', '9999999999'])
      expect(
        refused(() => parseOffset(bad)),
        bad,
      ).toBe('offset');
  });

  test('f chooses the format; without it HTML only when the Accept header prefers it to JSON', () => {
    expect(negotiateFormat('html', 'application/json')).toBe('html');
    expect(negotiateFormat('json', 'text/html')).toBe('json');
    expect(refused(() => negotiateFormat('xml', undefined))).toBe('f');
    expect(negotiateFormat(undefined, undefined)).toBe('json');
    expect(negotiateFormat(undefined, '*/*')).toBe('json');
    expect(negotiateFormat(undefined, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('html');
    expect(negotiateFormat(undefined, 'application/geo+json, application/json;q=0.9, text/html;q=0.5')).toBe('json');
    expect(negotiateFormat(undefined, 'text/html;q=0.5, application/json')).toBe('json');
  });

  test('a parameter given twice is refused rather than one value chosen', () => {
    expect(single({ limit: ['5'] }, 'limit')).toBe('5');
    expect(single({}, 'limit')).toBeUndefined();
    expect(refused(() => single({ limit: ['5', '6'] }, 'limit'))).toBe('limit');
  });
});
