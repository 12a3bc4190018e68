import { describe, expect, test } from 'vitest';
import { downloadFileName } from './download-name.js';

describe('downloadFileName', () => {
  test('the Bangka Tengah briefing keeps the whole regency name, its code and the date', () => {
    expect(downloadFileName({ areaName: 'Kabupaten Bangka Tengah', areaCode: '19.04', date: '2024-06-13', extension: 'pdf' })).toBe(
      'Pantau-Kabupaten-Bangka-Tengah-19.04-2024-06-13.pdf',
    );
  });

  test('the name differs from the neighbouring regency Bangka (19.01)', () => {
    const tengah = downloadFileName({ areaName: 'Kabupaten Bangka Tengah', areaCode: '19.04', date: '2024-06-13', extension: 'pptx' });
    const bangka = downloadFileName({ areaName: 'Kabupaten Bangka', areaCode: '19.01', date: '2024-06-13', extension: 'pptx' });
    expect(tengah).not.toBe(bangka);
    expect(tengah.startsWith(bangka.replace(/-19\.01.*$/, ''))).toBe(true);
    expect(tengah).toContain('Bangka-Tengah');
  });

  test('a long area name is never cut', () => {
    const name = 'Kabupaten Kepulauan Siau Tagulandang Biaro dan Sekitarnya yang Panjang Sekali';
    expect(downloadFileName({ kind: 'rencana-12', areaName: name, areaCode: '71.09', date: '2024-01-02', extension: 'xlsx' })).toBe(
      'Pantau-rencana-12-Kabupaten-Kepulauan-Siau-Tagulandang-Biaro-dan-Sekitarnya-yang-Panjang-Sekali-71.09-2024-01-02.xlsx',
    );
  });

  test('accents and punctuation become ASCII dashes; the code keeps its dots', () => {
    expect(
      downloadFileName({ kind: 'izin tinggal', areaName: 'Kota Bau-Bau / Baubau (Sultra)', areaCode: '74.72', date: '2024-06-13', extension: 'CSV' }),
    ).toBe('Pantau-izin-tinggal-Kota-Bau-Bau-Baubau-Sultra-74.72-2024-06-13.csv');
    expect(downloadFileName({ areaName: 'Kécamatan Sénayan', areaCode: null, date: '2024-06-13', extension: 'html' })).toBe(
      'Pantau-Kecamatan-Senayan-2024-06-13.html',
    );
  });

  test('a file for the whole country says Indonesia; a code alone is kept', () => {
    expect(downloadFileName({ kind: 'perusahaan', date: '2100-12-31', extension: 'csv' })).toBe('Pantau-perusahaan-Indonesia-2100-12-31.csv');
    expect(downloadFileName({ areaCode: '19.04.01', date: '1900-01-01', extension: 'pdf' })).toBe('Pantau-19.04.01-1900-01-01.pdf');
  });
});
