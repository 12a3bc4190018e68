import { describe, expect, test } from 'vitest';
import { escapeFormula, issuesCsv, issuesFileName } from './errors-csv.js';

const LABELS = { row: 'Baris', field: 'Kolom Pantau', column: 'Kolom berkas', value: 'Nilai', reason: 'Alasan' };

describe('the errors CSV', () => {
  test('escapes every cell a spreadsheet would run as a formula, and nothing else', () => {
    for (const dangerous of ['=SUM(A1)', '+62 812', '-5', '@cmd', '\tx', '\rx']) expect(escapeFormula(dangerous)).toBe(`'${dangerous}`);
    for (const safe of ['13/06/24', 'RRT', "'quoted", ' =x', '']) expect(escapeFormula(safe)).toBe(safe);
  });

  test('has one line per issue with the row, field, column, value and reason, quoted where needed, with a BOM', () => {
    const csv = issuesCsv(
      [
        { row: 3, field: 'issuedOn', value: '13/06/24', reason: 'two-digit year: write the year in full (e.g. 13/06/2024)' },
        { row: 7, field: 'holderName', value: '=HYPERLINK("http://x")', reason: 'required, empty' },
      ],
      LABELS,
      (field) => ({ issuedOn: 'Tanggal terbit', holderName: 'Nama pemegang' })[field] ?? field,
      (field) => ({ issuedOn: 'Tgl Terbit' })[field] ?? null,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Baris,Kolom Pantau,Kolom berkas,Nilai,Alasan',
      '3,Tanggal terbit,Tgl Terbit,13/06/24,two-digit year: write the year in full (e.g. 13/06/2024)',
      `7,Nama pemegang,,"'=HYPERLINK(""http://x"")","required, empty"`,
      '',
    ]);
  });

  test('is named after the file it reports on', () => {
    expect(issuesFileName('daftar itas.csv', 'galat')).toBe('daftar itas-galat.csv');
    expect(issuesFileName('.csv', 'errors')).toBe('import-errors.csv');
  });
});
