import { describe, expect, test } from 'vitest';
import { formatAuditTime, wibDateBefore } from './audit-format.js';

describe('formatAuditTime', () => {
  test('shows the instant in WIB, to the second', () => {
    expect(formatAuditTime('2026-11-23T17:04:03.000Z', 'en')).toBe('24/11/2026, 00:04:03');
    expect(formatAuditTime('2026-11-23T05:04:03.000Z', 'id')).toMatch(/^23\/11\/2026.*12.04.03$/);
  });

  test('leaves what is not an instant as it came', () => {
    expect(formatAuditTime('yesterday', 'en')).toBe('yesterday');
  });
});

test('the default "since" is a WIB calendar date: 30 days before 23 Nov 2026 at 20:00 UTC (already the 24th in Jakarta)', () => {
  expect(wibDateBefore(new Date('2026-11-23T20:00:00Z'), 30)).toBe('2026-10-25');
  expect(wibDateBefore(new Date('2026-11-23T05:00:00Z'), 0)).toBe('2026-11-23');
});
