import { describe, expect, test } from 'vitest';
import { parseDate } from './dates.js';
import { parseNationality, parsePermitType, parsePurpose, parseSex } from './vocabularies.js';

describe('parseDate', () => {
  test.each([
    ['13/06/2024', '2024-06-13'],
    ['2024-06-13', '2024-06-13'],
    ['13-Jun-2024', '2024-06-13'],
    ['13 Juni 2024', '2024-06-13'],
    ['13 June 2024', '2024-06-13'],
    ['1/6/2024', '2024-06-01'],
    ['13.06.2024', '2024-06-13'],
    ['17 Agustus 2024', '2024-08-17'],
    ['17 Agt 2024', '2024-08-17'],
    ['17 Agu 2024', '2024-08-17'],
    ['17 Ags 2024', '2024-08-17'],
    ['5 Mei 2023', '2023-05-05'],
    ['5 May 2023', '2023-05-05'],
    ['2024-06-13T08:30:00+07:00', '2024-06-13'],
    ['2 Desember 2016', '2016-12-02'],
    ['2 Okt 2016', '2016-10-02'],
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toEqual({ ok: true, value: iso }));

  test.each(['13/06/24', '13-Jun-24', '31/02/2024', 'kemarin', '', '2024-13-01'])('refuses %j with a reason', (raw) => {
    const result = parseDate(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(3);
  });

  test('two-digit years are refused as such', () => {
    expect(parseDate('13/06/24')).toEqual({ ok: false, code: 'two_digit_year', params: {}, reason: expect.stringContaining('two-digit year') });
  });
});

describe('vocabularies', () => {
  test.each(['TIONGKOK', 'RRT', 'China', 'CHN', 'cn', 'Cina', 'Republik Rakyat Tiongkok'])('%s is CHN', (raw) =>
    expect(parseNationality(raw)).toEqual({ ok: true, value: 'CHN' }),
  );
  test.each([
    ['Korea Selatan', 'KOR'],
    ['South Korea', 'KOR'],
    ['Jepang', 'JPN'],
    ['Amerika Serikat', 'USA'],
    ['Inggris', 'GBR'],
    ['Belanda', 'NLD'],
    ['AUS', 'AUS'],
    ['Australia', 'AUS'],
  ])('%s is %s', (raw, code) => expect(parseNationality(raw)).toEqual({ ok: true, value: code }));
  test('an unknown nationality is refused', () => expect(parseNationality('Atlantis').ok).toBe(false));
  test('permit types, purposes and sex as officers write them', () => {
    expect(parsePermitType('KITAS')).toEqual({ ok: true, value: 'itas' });
    expect(parsePermitType('Izin Tinggal Tetap')).toEqual({ ok: true, value: 'itap' });
    expect(parsePermitType('ITK')).toEqual({ ok: true, value: 'visit' });
    expect(parsePurpose('Bekerja')).toEqual({ ok: true, value: 'work' });
    expect(parsePurpose('Penyatuan Keluarga')).toEqual({ ok: true, value: 'family' });
    expect(parseSex('L')).toEqual({ ok: true, value: 'male' });
    expect(parseSex('Perempuan')).toEqual({ ok: true, value: 'female' });
    expect(parsePermitType('passport').ok).toBe(false);
  });
});
