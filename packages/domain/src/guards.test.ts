import { describe, expect, test } from 'vitest';
import { isObject, isPlainObject } from './guards.js';

describe('isObject', () => {
  test('objects and arrays have fields to read; null and primitives do not', () => {
    expect(isObject({})).toBe(true);
    expect(isObject({ items: [] })).toBe(true);
    expect(isObject([])).toBe(true);
    expect(isObject(null)).toBe(false);
    expect(isObject(undefined)).toBe(false);
    expect(isObject('{}')).toBe(false);
    expect(isObject(0)).toBe(false);
    expect(isObject(true)).toBe(false);
  });
});

describe('isPlainObject', () => {
  test('a JSON object, not an array', () => {
    expect(isPlainObject({ scope: {} })).toBe(true);
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject([{ a: 1 }])).toBe(false);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject('x')).toBe(false);
  });
});
