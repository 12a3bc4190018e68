import { importNote, importReason } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import type { ImportReport } from '../import/types.js';
import { printReport } from './import-command.js';

describe('import report on the command line', () => {
  test('every refused row names the file, the row, the column and the field, in English with --lang en, with its reason code', () => {
    const note = importNote('purpose_missing');
    const report: ImportReport = {
      batchId: null,
      kind: 'permits',
      fileName: 'izin-babel.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      status: 'dry_run',
      rows: 3,
      imported: 0,
      rejected: 1,
      duplicates: 0,
      mapping: { 'Tgl Berakhir': 'expiresOn' },
      unknownColumns: [],
      issues: [
        { row: 3, field: 'expiresOn', value: '2023-06-13', ...importReason('expiry_not_after_issue', { expiresOn: '2023-06-13', issuedOn: '2024-06-13' }) },
      ],
      warnings: [note.message],
      notes: [note],
    };
    const lines: string[] = [];
    printReport(report, (line) => lines.push(line), 'en');
    expect(lines).toContain(
      'izin-babel.csv, row 3, column "Tgl Berakhir" (expiresOn) "2023-06-13": expiry (2023-06-13) is not after issue (2024-06-13) [expiry_not_after_issue]',
    );
    expect(lines).toContain('Note: Some rows give no purpose: they are imported as “work” (bekerja).');
    expect(lines.at(-1)).toBe('3 rows: would import 2, rejected 1 (0 duplicates). Dry run: nothing was written.');
  });

  test('a zipped shapefile names its layer and says, in Bahasa Indonesia, from which system its coordinates were reprojected', () => {
    const note = importNote('coordinates_reprojected', { from: 'WGS_1984_UTM_Zone_48S' });
    const report: ImportReport = {
      batchId: null,
      kind: 'entry-points',
      fileName: 'tpi_bangka_tengah.zip',
      format: 'shapefile',
      sheet: 'tpi_bangka_tengah',
      status: 'dry_run',
      rows: 2,
      imported: 0,
      rejected: 0,
      duplicates: 0,
      mapping: { NAMA: 'name', JENIS: 'kind' },
      unknownColumns: [],
      issues: [],
      warnings: [note.message],
      notes: [note],
    };
    const lines: string[] = [];
    printReport(report, (line) => lines.push(line));
    expect(lines[0]).toBe('tpi_bangka_tengah.zip (SHAPEFILE, lapisan «tpi_bangka_tengah») → entry-points');
    expect(lines).toContain('Catatan: Koordinat diproyeksikan ulang dari WGS_1984_UTM_Zone_48S (berkas .prj shapefile) ke WGS 84.');
  });

  test('in Bahasa Indonesia by default: reasons, notes and the summary, with singular English counts kept apart', () => {
    const report: ImportReport = {
      batchId: null,
      kind: 'permits',
      fileName: 'izin-babel.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      status: 'dry_run',
      rows: 1,
      imported: 0,
      rejected: 1,
      duplicates: 1,
      mapping: { 'Tgl Berakhir': 'expiresOn', 'Kode Kabupaten': 'regencyCode' },
      unknownColumns: ['Catatan'],
      issues: [
        { row: 3, field: 'expiresOn', value: '2023-06-13', ...importReason('expiry_not_after_issue', { expiresOn: '2023-06-13', issuedOn: '2024-06-13' }) },
        { row: 4, field: 'regencyCode', value: '31.71', ...importReason('outside_work_area') },
      ],
      warnings: [importNote('purpose_missing').message],
      notes: [importNote('purpose_missing')],
    };
    const lines: string[] = [];
    printReport(report, (line) => lines.push(line));
    expect(lines[0]).toBe('izin-babel.csv (CSV, utf-8, pemisah «;») → permits');
    expect(lines).toContain('Kolom tidak dipakai: Catatan');
    expect(lines).toContain('Catatan: Sebagian baris tidak menyebut tujuan tinggal: diimpor sebagai «bekerja».');
    expect(lines).toContain(
      'izin-babel.csv, baris 3, kolom «Tgl Berakhir» (expiresOn) "2023-06-13": tanggal berakhir (2023-06-13) tidak sesudah tanggal terbit (2024-06-13) [expiry_not_after_issue]',
    );
    expect(lines).toContain(
      'izin-babel.csv, baris 4, kolom «Kode Kabupaten» (regencyCode) "31.71": di luar wilayah kerja Anda: Anda hanya boleh mengimpor baris yang berlokasi di dalamnya [outside_work_area]',
    );
    expect(lines.at(-1)).toBe('1 baris: akan diimpor 0, ditolak 1 (1 duplikat). Uji coba: tidak ada yang ditulis.');
    const english: string[] = [];
    printReport(report, (line) => english.push(line), 'en');
    expect(english.at(-1)).toBe('1 row: would import 0, rejected 1 (1 duplicate). Dry run: nothing was written.');
  });
});
