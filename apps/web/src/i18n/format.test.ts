import { describe, expect, test } from 'vitest';
import { createFormatters } from './format.js';

describe('createFormatters', () => {
  test('writes dates and numbers as Indonesian officers read them', () => {
    const format = createFormatters('id');
    expect(format.date('2024-06-13')).toBe('13 Juni 2024');
    expect(format.number(1234)).toBe('1.234');
    expect(format.number(12.345, 1)).toBe('12,3');
    expect(format.month('2024-06')).toBe('Juni 2024');
  });

  test('uses British English in English', () => {
    const format = createFormatters('en');
    expect(format.date('2024-06-13')).toBe('13 June 2024');
    expect(format.number(1234)).toBe('1,234');
  });
});
