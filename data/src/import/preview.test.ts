// The preview of an import: how a file was read, its first rows as written, the proposed mapping.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { ImportFileError } from './run-import.js';
import { previewImport } from './preview.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-preview-'));
let fileCounter = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${++fileCounter}.${ext}`);
  writeFileSync(path, content);
  return path;
}

const HEADER = 'No. Izin Tinggal;Jenis Izin;Nama;Negara;Tgl Terbit;Tgl Berakhir;Kabupaten;Catatan';

describe('previewImport', () => {
  test('a semicolon CSV with a BOM shows how it was read, its first 20 rows as written and the proposed mapping', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `P-${i + 1};KITAS;NAMA ${i + 1};RRT;13/06/24;13/06/2025;Kab. Bangka Tengah;=1+1`);
    const preview = await previewImport({ kind: 'permits', path: file(`\uFEFF${HEADER}\n${lines.join('\n')}\n`), fileName: 'daftar.csv' });
    expect(preview).toMatchObject({ kind: 'permits', fileName: 'daftar.csv', format: 'csv', encoding: 'utf-8', bom: true, delimiter: ';', more: true });
    expect(preview.headers).toEqual(HEADER.split(';'));
    expect(preview.rows).toHaveLength(20);
    // As written: the two-digit year and the formula stay as they are; the preview judges nothing.
    expect(preview.rows[0]).toEqual({ row: 2, values: ['P-1', 'KITAS', 'NAMA 1', 'RRT', '13/06/24', '13/06/2025', 'Kab. Bangka Tengah', '=1+1'] });
    expect(preview.rows[19]!.row).toBe(21);
    expect(preview.mapping).toEqual({
      'No. Izin Tinggal': 'permitNumber',
      'Jenis Izin': 'permitType',
      Nama: 'holderName',
      Negara: 'nationality',
      'Tgl Terbit': 'issuedOn',
      'Tgl Berakhir': 'expiresOn',
      Kabupaten: 'regency',
    });
    expect(preview.unknownColumns).toEqual(['Catatan']);
    expect(preview.missing).toEqual([]);
  });

  test('shows the vocabularies applied to the shown rows: each spelling, its column, its rows and the value it becomes, or null when none knows it', async () => {
    const lines = ['V-1;KITAS;A;RRT;L', 'V-2;itas;B;Tiongkok;P', 'V-3;KITAS;C;Atlantis;L', 'V-4;Kitap;D;RRT;'].map(
      (l) => `${l};13/06/2024;13/06/2025;Bangka Tengah`,
    );
    const preview = await previewImport({
      kind: 'permits',
      path: file(`No. Izin Tinggal;Jenis Izin;Nama;Negara;JK;Tgl Terbit;Tgl Berakhir;Kabupaten\n${lines.join('\n')}\n`),
    });
    expect(preview.vocabulary).toEqual([
      { field: 'permitType', column: 'Jenis Izin', value: 'KITAS', mapped: 'itas', rows: 2 },
      { field: 'permitType', column: 'Jenis Izin', value: 'itas', mapped: 'itas', rows: 1 },
      { field: 'permitType', column: 'Jenis Izin', value: 'Kitap', mapped: 'itap', rows: 1 },
      { field: 'nationality', column: 'Negara', value: 'RRT', mapped: 'CHN', rows: 2 },
      { field: 'nationality', column: 'Negara', value: 'Tiongkok', mapped: 'CHN', rows: 1 },
      { field: 'nationality', column: 'Negara', value: 'Atlantis', mapped: null, rows: 1 },
      { field: 'sex', column: 'JK', value: 'L', mapped: 'male', rows: 2 },
      { field: 'sex', column: 'JK', value: 'P', mapped: 'female', rows: 1 },
    ]);
    // A kind without vocabulary fields has none.
    const companies = await previewImport({ kind: 'companies', path: file('Nama Perusahaan;Kabupaten\nPT A;Bangka Tengah\n') });
    expect(companies.vocabulary).toEqual([]);
  });

  test('names the fields of the kind, which are required and which can stand in for each other', async () => {
    const preview = await previewImport({ kind: 'permits', path: file(`${HEADER}\nP-1;KITAS;A;RRT;13/06/2024;13/06/2025;Bangka Tengah;\n`) });
    const field = (name: string) => preview.fields.find((f) => f.name === name);
    expect(field('permitNumber')).toEqual({ name: 'permitNumber', required: true, alternatives: [] });
    expect(field('sponsor')).toEqual({ name: 'sponsor', required: false, alternatives: [] });
    expect(field('regency')).toMatchObject({ required: true, alternatives: expect.arrayContaining(['districtCode', 'regencyCode', 'lat']) });
    expect(preview.more).toBe(false);
  });

  test('a mapping given by the user wins over the synonyms, "" ignores a column, and what is then missing is named', async () => {
    const preview = await previewImport({
      kind: 'permits',
      path: file(`${HEADER}\nP-1;KITAS;A;RRT;13/06/2024;13/06/2025;Bangka Tengah;catatan\n`),
      mapping: { Catatan: 'sponsor', Nama: '', Kabupaten: '' },
    });
    expect(preview.mapping).toMatchObject({ Catatan: 'sponsor' });
    expect(preview.mapping).not.toHaveProperty('Nama');
    expect(preview.unknownColumns).toEqual([]);
    expect(preview.missing).toEqual([['holderName'], ['districtCode', 'district', 'regencyCode', 'regency', 'lat']]);
  });

  test('a mapping to a field the kind does not have is refused with the field named', async () => {
    await expect(previewImport({ kind: 'permits', path: file(`${HEADER}\n`), mapping: { Nama: 'passport' } })).rejects.toThrow(ImportFileError);
    await expect(previewImport({ kind: 'permits', path: file(`${HEADER}\n`), mapping: { Nama: 'passport' } })).rejects.toThrow(/"Nama" → "passport"/);
  });

  test('an XLSX file lists its sheets and previews the one chosen, dates as ISO days', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Catatan').addRow(['bukan data']);
    const sheet = workbook.addWorksheet('Data ITAS');
    sheet.addRow(['Nomor ITAS', 'Jenis', 'Nama Lengkap', 'Negara', 'Tgl Terbit', 'Tgl Berakhir', 'Kode Kabupaten']);
    sheet.addRow(['X-1', 'ITAS', 'LI NA', 'CHN', new Date(Date.UTC(2024, 5, 13)), new Date(Date.UTC(2025, 5, 13)), '19.04']);
    const path = file(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    const first = await previewImport({ kind: 'permits', path });
    expect(first).toMatchObject({ format: 'xlsx', sheet: 'Catatan', sheets: ['Catatan', 'Data ITAS'], headers: ['bukan data'], rows: [] });
    const chosen = await previewImport({ kind: 'permits', path, sheet: 'Data ITAS' });
    expect(chosen).toMatchObject({ sheet: 'Data ITAS', sheets: ['Catatan', 'Data ITAS'], missing: [] });
    expect(chosen.rows).toEqual([{ row: 2, values: ['X-1', 'ITAS', 'LI NA', 'CHN', '2024-06-13', '2025-06-13', '19.04'] }]);
  });

  test('a GeoJSON FeatureCollection previews its properties', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nama: 'Pelabuhan Pangkal Balam', jenis: 'pelabuhan', kabupaten: 'Kota Pangkal Pinang' },
          geometry: { type: 'Point', coordinates: [106.13, -2.1] },
        },
      ],
    });
    const preview = await previewImport({ kind: 'entry-points', path: file(geojson, 'geojson') });
    expect(preview).toMatchObject({
      format: 'geojson',
      headers: ['nama', 'jenis', 'kabupaten'],
      rows: [{ row: 1, values: ['Pelabuhan Pangkal Balam', 'pelabuhan', 'Kota Pangkal Pinang'] }],
    });
    expect(preview.mapping).toEqual({ nama: 'name', jenis: 'kind', kabupaten: 'regency' });
    expect(preview).not.toHaveProperty('encoding');
  });
});
