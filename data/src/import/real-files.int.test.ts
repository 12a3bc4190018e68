// Files as government offices send them (written here, the way their systems export them): an XLSX
// report with a title block, merged header cells, serial dates and a totals row; a ministry portal's
// GeoJSON of ports, whose geometry is the location and whose popups are HTML; coordinates swapped,
// in degrees-minutes-seconds, or (0, 0). Each on both backends, in a dry run and for real.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryPoints, permits, queryRows, reports, sql } from '@pantau/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { previewImport } from './preview.js';
import { rollbackBatch, runImport } from './run-import.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-real-files-'));
let counter = 0;
const file = (content: string | Buffer, ext: string) => {
  const path = join(dir, `f${++counter}.${ext}`);
  writeFileSync(path, content);
  return path;
};

/** "DAFTAR PEMEGANG IZIN TINGGAL" as a Kanim's system exports it. */
async function officeReport(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Rekap').addRow(['Rekapitulasi per kabupaten']);
  const sheet = workbook.addWorksheet('Daftar');
  sheet.addRow(['DAFTAR PEMEGANG IZIN TINGGAL']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['KANTOR IMIGRASI KELAS I TPI PANGKALPINANG']);
  sheet.mergeCells('A2:I2');
  sheet.addRow(['Periode: Juni 2024']);
  sheet.addRow([]);
  sheet.addRow(['No', 'Nama', 'Paspor', '', 'Izin Tinggal', '', '', '', 'Kabupaten/Kota']); // row 5
  sheet.addRow(['', '', 'Nomor', 'Negara', 'Nomor', 'Jenis', 'Tgl Terbit', 'Tgl Berakhir', '']); // row 6
  sheet.mergeCells('A5:A6');
  sheet.mergeCells('B5:B6');
  sheet.mergeCells('C5:D5');
  sheet.mergeCells('E5:H5');
  sheet.mergeCells('I5:I6');
  // Serial dates (cells not formatted as dates), a date cell, and a serial stored as text.
  sheet.addRow([1, 'WANG WEI', 'E1234567', 'RRT', 'RF-901', 'ITAS', 45456, 45821, 'Kab. Bangka Tengah']);
  sheet.addRow([2, 'LI NA', 'E7654321', 'Tiongkok', 'RF-902', 'KITAS', new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2025, 5, 1)), 'Bangka Tengah']);
  sheet.addRow([]);
  sheet.addRow([3, 'KIM MINJUN', 'M1112223', 'Korea Selatan', 'RF-903', 'ITAP', '45292', '47119', '19.04']);
  sheet.addRow(['Jumlah', '', '', '', 3]); // row 11
  sheet.addRow([]);
  sheet.addRow(['', '', '', '', '', '', 'Pangkalpinang, 30 Juni 2024']);
  sheet.addRow(['', '', '', '', '', '', 'Kepala Kantor']);
  return file(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
}

/** Ports as a ministry portal publishes them. */
function portalPorts(): string {
  const popup = (regency: string, province: string) =>
    `<table><tr><td><p>Kabupaten/Kota : ${regency}</p><p>Provinsi : ${province}</p><p>Kode : <b>ID&nbsp;PGX</b></p></td></tr></table>`;
  const port = (name: string, category: string, coordinates: [number, number], regency = 'KOTA PANGKAL PINANG') => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { name, category, description: popup(regency, 'KEPULAUAN BANGKA BELITUNG'), detail: { pengelola: 'KSOP Pangkalbalam', status: 'aktif' } },
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      port('Pangkalbalam Uji', 'Pelabuhan Utama', [106.135, -2.095]),
      port('Muntok Uji', 'Pelabuhan Pengumpul', [105.165, -2.06], 'KABUPATEN BANGKA BARAT'),
      port('Terminal Timah Uji', 'Terminal Khusus', [106.2, -2.35], 'KABUPATEN BANGKA TENGAH'),
      port('Depati Amir Uji', 'Bandar Udara Depati Amir', [106.139, -2.162]),
      port('Koba Terbalik', 'Pelabuhan Pengumpan Lokal', [-2.45, 106.4], 'KABUPATEN BANGKA TENGAH'), // [lat, lng]: swapped
      port('Kosong', 'Pelabuhan Utama', [0, 0]),
      ...Array.from({ length: 5 }, (_, i) => port(`Dermaga Rakyat ${i + 1}`, 'Dermaga Rakyat', [106.1 + i / 100, -2.1])),
    ],
  });
}

describe.each(testBackends())('real files on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('an XLSX report with a title block, merged headers, serial dates and a totals row imports its three permits', async () => {
    const path = await officeReport();
    // Without --sheet the first sheet is read: it is no permit list.
    await expect(runImport(t.database, { kind: 'permits', path, dryRun: true })).rejects.toThrow(/sheet "Rekap"; the workbook also has: Daftar/);
    const preview = await previewImport({ kind: 'permits', path, sheet: 'Daftar' });
    expect(preview.header).toMatchObject({ rows: [5, 6], how: 'found', above: [{ row: 1, text: 'DAFTAR PEMEGANG IZIN TINGGAL' }, { row: 2 }, { row: 3 }] });
    expect(preview.mapping).toMatchObject({
      Nama: 'holderName',
      Negara: 'nationality',
      'Nomor Izin Tinggal': 'permitNumber',
      'Jenis Izin Tinggal': 'permitType',
      'Tgl Terbit': 'issuedOn',
      'Tgl Berakhir': 'expiresOn',
      'Kabupaten/Kota': 'regency',
    });
    expect(preview.missing).toEqual([]);

    const dry = await runImport(t.database, { kind: 'permits', path, sheet: 'Daftar', dryRun: true });
    expect(dry).toMatchObject({ status: 'dry_run', rows: 3, rejected: 0, issues: [] });
    expect(dry.notes.map((n) => n.code)).toEqual(['purpose_missing', 'header_row_found', 'table_footer']);
    expect(dry.notes[2]).toMatchObject({ params: { row: 11, text: 'Jumlah', after: 2 } });
    expect(await queryRows(t.database.orm, sql`select 1 from ${permits} where permit_number like 'RF-90%'`)).toEqual([]);

    const report = await runImport(t.database, { kind: 'permits', path, sheet: 'Daftar' });
    expect(report).toMatchObject({ status: 'committed', rows: 3, imported: 3, rejected: 0 });
    const stored = await queryRows<{
      permit_number: string;
      permit_type: string;
      nationality: string;
      issued_on: string;
      expires_on: string;
      regency_code: string;
    }>(
      t.database.orm,
      sql`select permit_number, permit_type, nationality, issued_on::text, expires_on::text, regency_code from ${permits} where origin = ${`batch:${report.batchId}`} order by permit_number`,
    );
    expect(stored).toEqual([
      { permit_number: 'RF-901', permit_type: 'itas', nationality: 'CHN', issued_on: '2024-06-13', expires_on: '2025-06-13', regency_code: '19.04' },
      { permit_number: 'RF-902', permit_type: 'itas', nationality: 'CHN', issued_on: '2024-06-01', expires_on: '2025-06-01', regency_code: '19.04' },
      { permit_number: 'RF-903', permit_type: 'itap', nationality: 'KOR', issued_on: '2024-01-01', expires_on: '2029-01-01', regency_code: '19.04' },
    ]);
    await rollbackBatch(t.database, report.batchId!);

    // --header-row names the header's (first) row; a row past the file is a clear error.
    const given = await runImport(t.database, { kind: 'permits', path, sheet: 'Daftar', headerRow: 5, dryRun: true });
    expect(given).toMatchObject({ rows: 3, rejected: 0 });
    expect(given.notes.find((n) => n.code === 'header_row_found')).toMatchObject({ code: 'header_row_found', params: { rows: '5–6', given: true } });
    await expect(runImport(t.database, { kind: 'permits', path, sheet: 'Daftar', headerRow: 40, dryRun: true })).rejects.toThrow(/row 40/);
  });

  test("a portal's GeoJSON of ports: the geometry is the location, HTML popups are read, categories map through the vocabulary", async () => {
    const path = file(portalPorts(), 'geojson');
    const preview = await previewImport({ kind: 'entry-points', path });
    expect(preview.missing).toEqual([]);
    expect(preview.mapping).toMatchObject({ name: 'name', category: 'kind', 'Kabupaten/Kota': 'regency', Provinsi: 'province' });
    expect(preview.headers).toEqual(expect.arrayContaining(['description', 'detail.pengelola', 'pengelola']));
    expect(preview.rows[0]!.values[preview.headers.indexOf('description')]).toContain('Kabupaten/Kota : KOTA PANGKAL PINANG');
    expect(preview.rows[0]!.values.join(' ')).not.toMatch(/<p>|&nbsp;/);

    for (const dryRun of [true, false]) {
      const report = await runImport(t.database, { kind: 'entry-points', path, dryRun });
      expect(report).toMatchObject({ rows: 11, rejected: 6 });
      // (0, 0) refused; the swapped point corrected and said so; the five "Dermaga Rakyat" rows named once with their count.
      expect(report.issues.filter((i) => i.code === 'coordinates_zero')).toMatchObject([{ row: 6, field: 'geometry' }]);
      expect(report.fixes).toMatchObject([{ row: 5, field: 'geometry', code: 'coordinates_swapped_fixed', params: { lat: '-2.45', lng: '106.4' } }]);
      expect(report.issues.filter((i) => i.code === 'unknown_entry_point_kind')).toHaveLength(3);
      expect(report.notes.find((n) => n.code === 'unmapped_values')).toMatchObject({ params: { field: 'kind', values: '"Dermaga Rakyat" ×5' } });
      if (dryRun) continue;
      const stored = await queryRows<{ name: string; kind: string; regency_code: string | null; lng: number; lat: number }>(
        t.database.orm,
        sql`select name, kind, regency_code, round(ST_X(geom)::numeric, 3)::float as lng, round(ST_Y(geom)::numeric, 3)::float as lat from ${entryPoints} where origin = ${`batch:${report.batchId}`} order by name`,
      );
      expect(stored).toEqual([
        { name: 'Depati Amir Uji', kind: 'airport', regency_code: expect.stringMatching(/^19\./), lng: 106.139, lat: -2.162 },
        { name: 'Koba Terbalik', kind: 'seaport', regency_code: expect.stringMatching(/^19\./), lng: 106.4, lat: -2.45 },
        { name: 'Muntok Uji', kind: 'seaport', regency_code: expect.stringMatching(/^19\./), lng: 105.165, lat: -2.06 },
        { name: 'Pangkalbalam Uji', kind: 'seaport', regency_code: expect.stringMatching(/^19\./), lng: 106.135, lat: -2.095 },
        { name: 'Terminal Timah Uji', kind: 'seaport', regency_code: expect.stringMatching(/^19\./), lng: 106.2, lat: -2.35 },
      ]);
      await rollbackBatch(t.database, report.batchId!);
    }
  });

  test('coordinates in degrees-minutes-seconds with Indonesian hemispheres are read and the reading is reported', async () => {
    const csv = `Nama TPI;Jenis;Lintang;Bujur\nTPI DMS;Pelabuhan Laut;2°05'42" LS;106°08'06" BT\nTPI Nol;Bandara;0;0\nTPI Jauh;Bandara;-2,1;16,1\n`;
    const report = await runImport(t.database, { kind: 'entry-points', path: file(csv, 'csv'), dryRun: true });
    expect(report).toMatchObject({ rows: 3, rejected: 2 });
    expect(report.fixes).toMatchObject([{ row: 2, field: 'lat', code: 'coordinates_sexagesimal_read', params: { lat: '-2.095', lng: '106.135' } }]);
    expect(report.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'coordinates_zero'],
      [4, 'coordinates_outside_indonesia'],
    ]);
    // On the map before importing: the point read from degrees-minutes-seconds is a warning (a correction);
    // the refused rows have no point in Indonesia to show, so none is shown.
    expect(report.points).toEqual([{ row: 2, lng: 106.135, lat: -2.095, status: 'warning' }]);
  });

  test('a point far outside the regency its row names is imported where it lies, with a warning giving the distance; one just across the border is not', async () => {
    // Row 2 stands in Bangka Tengah (Koba) but names Pangkalpinang, about 52 km off; row 3 names it too and
    // stands in Bangka Tengah 1.8 km past the city's border; row 4 lies inside the city; row 5 names its own regency.
    const csv = `Tanggal;Saluran;Kategori;Kabupaten/Kota;Lintang;Bujur;Ringkasan
13/06/2024 09:30;WA;TKA ilegal;Kota Pangkal Pinang;-2.53;106.45;Pekerja asing di Koba
13/06/2024 10:00;WA;TKA ilegal;Kota Pangkal Pinang;-2.165;106.13;Dekat perbatasan kota
13/06/2024 11:00;WA;overstay;Kota Pangkal Pinang;-2.111;106.114;Di dalam kota
13/06/2024 12:00;WA;overstay;Bangka Tengah;-2.53;106.45;Koba
`;
    const path = file(csv, 'csv');
    const far = (report: { notes: Array<{ code: string }> }) => report.notes.filter((n) => n.code === 'point_far_from_regency');
    const dry = await runImport(t.database, { kind: 'reports', path, dryRun: true });
    expect(dry).toMatchObject({ status: 'dry_run', rows: 4, rejected: 0, issues: [] });
    expect(far(dry)).toEqual([
      {
        code: 'point_far_from_regency',
        params: {
          row: 2,
          km: expect.closeTo(51.6, 0) as number,
          named: 'Kota Pangkal Pinang',
          namedCode: '19.71',
          found: 'Kabupaten Bangka Tengah',
          foundCode: '19.04',
        },
        message: expect.stringMatching(
          /^Row 2: the point lies 5\d\.\d km outside Kota Pangkal Pinang \(19\.71\).*falls in Kabupaten Bangka Tengah \(19\.04\)/,
        ) as string,
      },
    ]);

    // The dry run's points for the import page's map: the far point is a warning.
    expect(dry.pointsTotal).toBe(4);
    expect(dry.points?.map((p) => [p.row, p.status])).toEqual([
      [2, 'warning'],
      [3, 'ok'],
      [4, 'ok'],
      [5, 'ok'],
    ]);
    expect(dry.points?.[0]).toMatchObject({ lng: 106.45, lat: -2.53 });

    const report = await runImport(t.database, { kind: 'reports', path });
    expect(report).toMatchObject({ status: 'committed', rows: 4, imported: 4, rejected: 0 });
    expect(report.points).toBeUndefined();
    expect(report.notes).toEqual(dry.notes);
    const stored = await queryRows<{ summary: string; regency_code: string }>(
      t.database.orm,
      sql`select summary, regency_code from ${reports} where origin = ${`batch:${report.batchId}`} order by received_at`,
    );
    expect(stored).toEqual([
      { summary: 'Pekerja asing di Koba', regency_code: '19.04' },
      { summary: 'Dekat perbatasan kota', regency_code: '19.04' },
      { summary: 'Di dalam kota', regency_code: '19.71' },
      { summary: 'Koba', regency_code: '19.04' },
    ]);
    await rollbackBatch(t.database, report.batchId!);

    // The tolerance is a setting: at 1 km the point 1.8 km past the border is reported too.
    const strict = await runImport(t.database, { kind: 'reports', path, dryRun: true, regencyToleranceKm: 1 });
    expect(far(strict).map((n) => (n as unknown as { params: { row: number } }).params.row)).toEqual([2, 3]);

    // A GeoJSON feature's geometry with the regency in its HTML popup is checked the same way.
    const port = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106.45, -2.53] },
          properties: { name: 'Dermaga Jauh', category: 'Pelabuhan Pengumpan', description: '<p>Kabupaten/Kota : KOTA PANGKAL PINANG</p>' },
        },
      ],
    });
    const entries = await runImport(t.database, { kind: 'entry-points', path: file(port, 'geojson'), dryRun: true });
    expect(entries).toMatchObject({ rows: 1, rejected: 0 });
    expect(far(entries)).toMatchObject([{ params: { row: 1, namedCode: '19.71', foundCode: '19.04' } }]);
  });
});
