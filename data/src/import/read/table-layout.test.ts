import { describe, expect, test } from 'vitest';
import { headerFieldOf } from '../map-columns.js';
import { chooseHeader, footerText, joinHeaderRows } from './table-layout.js';

const permitField = headerFieldOf('permits');
const rows = (...values: unknown[][]) => values.map((v, i) => ({ row: i + 1, values: v }));

describe('finding the header in a sheet as offices send it', () => {
  test('a title block above the table is left out and named', () => {
    const chosen = chooseHeader(
      rows(
        ['DAFTAR PEMEGANG IZIN TINGGAL'],
        ['KANTOR IMIGRASI PANGKALPINANG'],
        ['Periode: Juni 2024'],
        ['No', 'Nomor ITAS', 'Nama', 'Kewarganegaraan', 'Jenis Izin', 'Tgl Terbit', 'Tgl Berakhir', 'Kabupaten/Kota'],
        [1, 'A-1', 'WANG WEI', 'RRT', 'ITAS', '13/06/2024', '12/06/2025', 'Bangka Tengah'],
      ),
      permitField,
    );
    expect(chosen).toMatchObject({
      index: 3,
      span: 1,
      choice: { rows: [4], how: 'found', above: [{ row: 1, text: 'DAFTAR PEMEGANG IZIN TINGGAL' }, { row: 2 }, { row: 3 }] },
    });
    expect(chosen!.headers[1]).toBe('Nomor ITAS');
  });

  test('a header of merged cells over two rows is joined, each column in the order that names a field', () => {
    const upper = ['No', 'Nama', 'Paspor', '', 'Izin Tinggal', '', '', '', 'Kabupaten/Kota'];
    const lower = ['', '', 'Nomor', 'Negara', 'Nomor', 'Jenis', 'Tgl Terbit', 'Tgl Berakhir', ''];
    expect(joinHeaderRows(upper, lower, permitField)).toEqual([
      'No',
      'Nama',
      'Nomor Paspor',
      'Negara',
      'Nomor Izin Tinggal',
      'Jenis Izin Tinggal',
      'Tgl Terbit',
      'Tgl Berakhir',
      'Kabupaten/Kota',
    ]);
    // The passport column is now a field of its own (issue 20): the order that names it wins.
    expect(permitField('Nomor Paspor')).toBe('passportNumber');
    const chosen = chooseHeader(rows(['DAFTAR WNA'], upper, lower, [1, 'LI NA', 'E123', 'RRT', 'A-1', 'ITAS', 45456, 45820, 'Bangka Tengah']), permitField);
    expect(chosen).toMatchObject({ index: 1, span: 2, choice: { rows: [2, 3], how: 'found' } });
  });

  test('a first data row whose value is a header word does not join the header', () => {
    const chosen = chooseHeader(rows(['No. Izin Tinggal', 'Nama', 'Kabupaten', 'Keterangan'], ['Q-1', 'NAMA 1', 'Bangka Tengah', 'x']), permitField);
    expect(chosen).toMatchObject({ index: 0, span: 1, headers: ['No. Izin Tinggal', 'Nama', 'Kabupaten', 'Keterangan'] });
  });

  test('a plain file keeps its first row; a given row is taken; a row not in the file is undefined', () => {
    const plain = rows(['Nomor ITAS', 'Nama'], ['A-1', 'X']);
    expect(chooseHeader(plain, permitField)).toMatchObject({ index: 0, span: 1, choice: { how: 'first', above: [] } });
    expect(chooseHeader(rows(['a'], ['b'], ['c']), permitField)).toMatchObject({ index: 0, choice: { how: 'first' } });
    expect(chooseHeader(plain, permitField, 2)).toMatchObject({ index: 1, choice: { rows: [2], how: 'given' } });
    expect(chooseHeader(plain, permitField, 9)).toBeUndefined();
  });

  test('totals and notes end the table; a company called Total does not', () => {
    expect(footerText(['Jumlah', '', '', 3])).toBe('Jumlah');
    expect(footerText(['', 'TOTAL :', 28])).toBe('TOTAL :');
    expect(footerText(['Keterangan: data per 13 Juni 2024'])).toBe('Keterangan: data per 13 Juni 2024');
    expect(footerText(['', '', 22, 6, '28'])).toBe('22 6 28');
    expect(footerText(['Total E&P Indonesie', 'Migas', 'Balikpapan'])).toBeUndefined();
    expect(footerText([1, 'A-1', 'WANG WEI'])).toBeUndefined();
    expect(footerText(['', 'A-1', 'WANG WEI'])).toBeUndefined();
  });
});
