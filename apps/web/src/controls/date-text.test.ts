import { describe, expect, test } from 'vitest';
import { createFormatters } from '../i18n/format.js';
import { parseDateText } from './date-text.js';

describe('parseDateText', () => {
  test('13/06/2024 is 13 June 2024, day first, never 6 December', () => {
    expect(parseDateText('13/06/2024')).toBe('2024-06-13');
    expect(parseDateText('06/12/2024')).toBe('2024-12-06');
    expect(parseDateText('6/12/2024')).toBe('2024-12-06');
    expect(parseDateText('13-06-2024')).toBe('2024-06-13');
    expect(parseDateText('13.06.2024')).toBe('2024-06-13');
  });

  test('ISO dates are read as they are', () => {
    expect(parseDateText('2024-06-13')).toBe('2024-06-13');
    expect(parseDateText(' 1900-01-01 ')).toBe('1900-01-01');
    expect(parseDateText('2100-12-31')).toBe('2100-12-31');
  });

  test('month names in Indonesian and English, full or short', () => {
    expect(parseDateText('13 Juni 2024')).toBe('2024-06-13');
    expect(parseDateText('13 Jun 2024')).toBe('2024-06-13');
    expect(parseDateText('13 June 2024')).toBe('2024-06-13');
    expect(parseDateText('1 Agustus 2024')).toBe('2024-08-01');
    expect(parseDateText('1 Agt 2024')).toBe('2024-08-01');
    expect(parseDateText('25 Des 2023')).toBe('2023-12-25');
    expect(parseDateText('17 Mei 2024')).toBe('2024-05-17');
    expect(parseDateText('13-Jun-2024')).toBe('2024-06-13');
  });

  test('impossible, incomplete or guessed dates name no day', () => {
    expect(parseDateText('31/04/2024')).toBeNull();
    expect(parseDateText('29/02/2023')).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('13/13/2024')).toBeNull();
    expect(parseDateText('13/06/24')).toBeNull();
    expect(parseDateText('13/06/202')).toBeNull();
    expect(parseDateText('2024-6-1')).toBeNull();
    expect(parseDateText('13 Juno 2024')).toBeNull();
    expect(parseDateText('')).toBeNull();
  });

  test('what the field shows reads back as the same day in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const format = createFormatters(lang);
      for (const iso of ['2024-06-13', '2024-02-29', '1900-01-01', '2100-12-31', '2024-08-01', '2024-05-17']) {
        expect(parseDateText(format.date(iso))).toBe(iso);
      }
    }
    expect(createFormatters('id').date('2024-06-13')).toBe('13 Juni 2024');
  });
});
