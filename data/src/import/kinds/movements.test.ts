import { describe, expect, test } from 'vitest';
import { checkpointName, parseDirection, parseMonth } from './movements.js';

describe('movements as immigration systems write them', () => {
  test('months in every usual spelling, and a date stands for its month', () => {
    for (const raw of ['2024-06', '2024/6', '06/2024', '6-2024', 'Juni 2024', 'JUN 2024', 'June, 2024', 'Jun-2024', '13/06/2024', '2024-06-30', 45456]) {
      expect(parseMonth(raw)).toEqual({ ok: true, value: '2024-06-01' });
    }
    expect(parseMonth('Agustus 2023')).toEqual({ ok: true, value: '2023-08-01' });
    for (const raw of ['2024-13', 'Juno 2024', '2024', 'x']) expect(parseMonth(raw)).toMatchObject({ ok: false, code: 'not_a_month' });
  });

  test('directions in Indonesian and English; anything else is refused, never guessed', () => {
    for (const raw of ['Kedatangan', 'DATANG', 'arrival', 'Arr', 'masuk']) expect(parseDirection(raw)).toEqual({ ok: true, value: 'arrival' });
    for (const raw of ['Keberangkatan', 'berangkat', 'Departure', 'DEP', 'keluar']) expect(parseDirection(raw)).toEqual({ ok: true, value: 'departure' });
    expect(parseDirection('transit')).toMatchObject({ ok: false, code: 'unknown_direction' });
  });

  test('a checkpoint is named with or without its kind words', () => {
    const name = checkpointName('TPI Bandara Soekarno-Hatta');
    expect(name).toBe('soekarno hatta');
    for (const raw of ['Soekarno-Hatta', 'Bandar Udara Soekarno Hatta', 'soekarno hatta international airport', 'TPI  SOEKARNO-HATTA'])
      expect(checkpointName(raw)).toBe(name);
    expect(checkpointName('PLBN Entikong')).toBe('entikong');
    expect(checkpointName('TPI Pelabuhan Laut Batam Centre')).toBe('batam centre');
  });
});
