import { describe, expect, test } from 'vitest';
import { parseLsn } from './read-replica.js';

describe('parseLsn', () => {
  test('WAL positions compare as PostgreSQL orders them: the part before the slash is the high 32 bits', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
  });

  test('text that is not a WAL position is refused, never read as 0', () => {
    for (const text of ['', '0', '0/', '/1', 'G/1', '1/2/3', '123456789/0']) expect(() => parseLsn(text)).toThrow(/not a WAL position/);
  });
});
