// The import pipeline on each backend, with files made here the way officers' systems export them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBatches, permits, queryOne, queryRows, sql } from '@pantau/db';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { describeFuzzFinding, fuzzImports } from '../../../test/fuzz-imports.js';
import { ImportFileError, rollbackBatch, runImport } from './run-import.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-import-'));
let fileCounter = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${++fileCounter}.${ext}`);
  writeFileSync(path, content);
  return path;
}
const count = async (t: TestDatabase, where = sql`true`) =>
  Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from ${permits} where ${where}`))?.n);
const FUZZ_SEED = 24;
const FUZZ_COUNT = 40;
const validIn1904 = sql`regency_code = '19.04' and issued_on <= '2024-06-13' and expires_on > '2024-06-13' and cancelled_on is null`;

describe.each(testBackends())('imports on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a semicolon CSV with a BOM, Indonesian headers and every date, nationality and area spelling imports, counted on the map', async () => {
    const before = await count(t, validIn1904);
    const csv = `\uFEFFNo. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Jenis Kelamin;Tujuan;Tgl Terbit;Tgl Berakhir;Kabupaten/Kota;Catatan
A-001;KITAS;WANG WEI;TIONGKOK;L;Bekerja;13/06/2024;12/06/2025;Kab. Bangka Tengah;
A-002;ITAS;LI NA;RRT;P;Bekerja;13-Jun-2024;13-Jun-2025;BANGKA TENGAH;
A-003;ITAP;JOHN SMITH;Inggris;L;Keluarga;13 Juni 2024;13 Juni 2029;Kabupaten Bangka Tengah;
A-004;ITAS;CHEN JIE;China;L;Bekerja;2024-06-01;2025-06-01;19.04;
A-005;ITAS;ZHAO LEI;CHN;L;Bekerja;1/6/2024;1/6/2025;Bangka Tenga;`;
    const report = await runImport(t.database, { kind: 'permits', path: file(csv) });
    expect(report).toMatchObject({ status: 'committed', format: 'csv', delimiter: ';', rows: 5, imported: 5, rejected: 0, unknownColumns: ['Catatan'] });
    expect(report.issues).toEqual([]);
    expect(await count(t, validIn1904)).toBe(before + 5);
    expect(await count(t, sql`origin = ${`batch:${report.batchId}`} and nationality = 'GBR' and permit_type = 'itap'`)).toBe(1);
    await rollbackBatch(t.database, report.batchId!);
    expect(await count(t, validIn1904)).toBe(before);
  });

  test('permit rows find their person by passport + nationality; another name or birth date on a known passport is a warning naming both; rows without a passport are "person not identified"', async () => {
    const csv = `No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;No Paspor;Tanggal Lahir;Tgl Terbit;Tgl Berakhir;Kabupaten
P-101;ITAS;HUANG BO;China;E 1234567;1980-02-03;2023-06-01;2024-06-01;Bangka Tengah
P-102;ITAS;HUANG BO;China;e1234567;1980-02-03;2024-06-01;2025-06-01;Bangka Tengah
P-103;ITAP;HUANG BOO;China;E1234567;1981-02-03;2025-06-01;2030-06-01;Bangka Tengah
P-104;ITAS;HUANG BO;Malaysia;E1234567;1980-02-03;2024-06-01;2025-06-01;Bangka Tengah
P-105;ITAS;NO PASSPORT;China;;;2024-06-01;2025-06-01;Bangka Tengah`;
    const report = await runImport(t.database, { kind: 'permits', path: file(csv) });
    expect(report).toMatchObject({ status: 'committed', imported: 5, rejected: 0 });
    const origin = `batch:${report.batchId}`;
    const linked = await queryRows<{ n: string; person: number | null; passport: string | null }>(
      t.database.orm,
      sql`select permit_number as n, person_id as person, passport_number as passport from ${permits} where origin = ${origin} order by permit_number`,
    );
    const person = (n: string) => linked.find((r) => r.n === n)!.person;
    // One passport of one nationality is one person; the same number under another nationality is another.
    expect(person('P-101')).not.toBeNull();
    expect(person('P-102')).toBe(person('P-101'));
    expect(person('P-103')).toBe(person('P-101'));
    expect(person('P-104')).not.toBeNull();
    expect(person('P-104')).not.toBe(person('P-101'));
    expect(person('P-105')).toBeNull();
    expect(linked.find((r) => r.n === 'P-102')!.passport).toBe('E1234567');
    const notes = report.notes.filter((n) => n.code === 'passport_other_person');
    expect(notes.map((n) => n.params)).toEqual([
      { row: 4, passport: 'E1234567', nationality: 'CHN', field: 'holderName', held: 'HUANG BO', given: 'HUANG BOO' },
      { row: 4, passport: 'E1234567', nationality: 'CHN', field: 'holderBirthDate', held: '1980-02-03', given: '1981-02-03' },
    ]);
    expect(notes[0]!.message).toContain('"HUANG BO"');
    expect(notes[0]!.message).toContain('"HUANG BOO"');
    expect(report.notes.find((n) => n.code === 'person_not_identified')?.params).toEqual({ count: 1, row: 6 });
    // Two people (one passport, two nationalities) and their passports; a second file finds them again.
    expect(Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from people where origin = ${origin}`))?.n)).toBe(2);
    const again = `No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;No Paspor;Tgl Terbit;Tgl Berakhir;Kabupaten
P-201;ITAS;HUANG BO;CHN;E1234567;2025-06-01;2026-06-01;Bangka Tengah
P-105;ITAP;NO PASSPORT;CHN;;2025-06-01;2030-06-01;Bangka Tengah`;
    const second = await runImport(t.database, { kind: 'permits', path: file(again) });
    expect(second).toMatchObject({ imported: 2 });
    const later = await queryRows<{ n: string; person: number | null }>(
      t.database.orm,
      sql`select permit_number as n, person_id as person from ${permits} where origin = ${`batch:${second.batchId}`} order by permit_number`,
    );
    expect(later.find((r) => r.n === 'P-201')!.person).toBe(person('P-101'));
    // P-105's ITAP: no passport, and its number's earlier permit (the ITAS) had no person either.
    expect(later.find((r) => r.n === 'P-105')!.person).toBeNull();
    // Pantau's holder of E1234567 (CHN) is named as on the latest permit (P-103): the row's other name is a warning again.
    expect(second.notes.filter((n) => n.code === 'passport_other_person').map((n) => n.params)).toEqual([
      { row: 2, passport: 'E1234567', nationality: 'CHN', field: 'holderName', held: 'HUANG BOO', given: 'HUANG BO' },
    ]);
    await rollbackBatch(t.database, second.batchId!);
    await rollbackBatch(t.database, report.batchId!);
    expect(Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from people where origin = ${origin}`))?.n)).toBe(0);
  });

  test('a permit row without a passport takes the person of an earlier permit with the same number', async () => {
    const first = `No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;No Paspor;Tgl Terbit;Tgl Berakhir;Kabupaten
Q-301;ITAS;SATO KEN;Jepang;TK998877;2023-01-01;2024-01-01;Bangka Tengah`;
    const a = await runImport(t.database, { kind: 'permits', path: file(first) });
    const second = `No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten
Q-301;ITAP;SATO KEN;Jepang;2024-01-01;2029-01-01;Bangka Tengah`;
    const b = await runImport(t.database, { kind: 'permits', path: file(second) });
    expect(b).toMatchObject({ imported: 1 });
    expect(b.notes.some((n) => n.code === 'person_not_identified')).toBe(false);
    const rows = await queryRows<{ t: string; person: number | null }>(
      t.database.orm,
      sql`select permit_type as t, person_id as person from ${permits} where permit_number = 'Q-301' order by 1`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.person).not.toBeNull();
    expect(rows[1]!.person).toBe(rows[0]!.person);
    await rollbackBatch(t.database, b.batchId!);
    await rollbackBatch(t.database, a.batchId!);
  });

  test('a Windows-1252 comma CSV with English headers and coordinates is decoded and located by point in polygon', async () => {
    const csv =
      'permit_no,permit type,name,nationality,sex,purpose,issued,expires,latitude,longitude\r\nB-001,ITAS,JOSÉ GARCÍA,Spain,M,work,2024-01-10,2025-01-10,-2.43,106.23\r\n';
    const report = await runImport(t.database, { kind: 'permits', path: file(iconv.encode(csv, 'windows-1252')) });
    expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ',', imported: 1 });
    const row = await queryOne<{ holder_name: string; regency_code: string; nationality: string }>(
      t.database.orm,
      sql`select holder_name, regency_code, nationality from ${permits} where permit_number = 'B-001'`,
    );
    expect(row).toEqual({ holder_name: 'JOSÉ GARCÍA', regency_code: '19.04', nationality: 'ESP' });
  });

  test('an XLSX sheet imports, and the sheet can be chosen', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Catatan').addRow(['bukan data']);
    const sheet = workbook.addWorksheet('Data ITAS');
    sheet.addRow(['Nomor ITAS', 'Jenis', 'Nama Lengkap', 'Negara', 'Tgl Terbit', 'Tgl Berakhir', 'Kode Kabupaten']);
    sheet.addRow(['C-001', 'ITAS', 'KIM MINJUN', 'Korea Selatan', new Date(Date.UTC(2024, 2, 1)), '01/03/2025', '19.04']);
    const path = join(dir, 'permits.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(runImport(t.database, { kind: 'permits', path, dryRun: true })).rejects.toThrow(ImportFileError);
    const report = await runImport(t.database, { kind: 'permits', path, sheet: 'Data ITAS' });
    expect(report).toMatchObject({ format: 'xlsx', sheet: 'Data ITAS', imported: 1 });
    expect(await count(t, sql`permit_number = 'C-001' and nationality = 'KOR' and issued_on = '2024-03-01'`)).toBe(1);
  });

  test('every bad row is reported with its row, field, value and reason; the good rows land', async () => {
    const csv = `No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten
D-001;ITAS;OK;CHN;2024-06-13;2025-06-13;Bangka Tengah
D-002;ITAS;TWO DIGIT;CHN;13/06/24;2025-06-13;Bangka Tengah
D-003;ITAS;NATION;Atlantis;2024-06-13;2025-06-13;Bangka Tengah
D-004;ITAS;AREA;CHN;2024-06-13;2025-06-13;Bekasi
D-005;PASPOR;TYPE;CHN;2024-06-13;2025-06-13;Bangka Tengah
D-006;ITAS;ORDER;CHN;2024-06-13;2023-06-13;Bangka Tengah
D-001;ITAS;DUPLICATE;CHN;2024-06-13;2025-06-13;Bangka Tengah
D-007;ITAS;;CHN;2024-06-13;2025-06-13;Bangka Tengah`;
    const report = await runImport(t.database, { kind: 'permits', path: file(csv) });
    expect(report).toMatchObject({ rows: 8, imported: 1, rejected: 7, duplicates: 1 });
    const byRow = Object.fromEntries(report.issues.map((i) => [i.row, i]));
    expect(byRow[3]).toMatchObject({ field: 'issuedOn', value: '13/06/24', code: 'two_digit_year', reason: expect.stringContaining('two-digit year') });
    expect(byRow[4]).toMatchObject({ field: 'nationality', value: 'Atlantis', code: 'unknown_nationality' });
    expect(byRow[5]).toMatchObject({
      field: 'regency',
      value: 'Bekasi',
      code: 'area_name_ambiguous',
      params: { level: 'regency', name: 'Bekasi', candidates: expect.stringMatching(/32\.16.*32\.75|32\.75.*32\.16/) },
      reason: expect.stringMatching(/ambiguous.*32\.16.*|ambiguous.*32\.75/),
    });
    expect(byRow[6]).toMatchObject({
      field: 'permitType',
      value: 'PASPOR',
      code: 'unknown_permit_type',
      params: { expected: expect.stringContaining('itas') },
    });
    expect(byRow[7]).toMatchObject({ field: 'expiresOn', code: 'expiry_not_after_issue', params: { expiresOn: '2023-06-13', issuedOn: '2024-06-13' } });
    expect(byRow[8]).toMatchObject({
      field: '(row)',
      value: 'D-001 (ITAS)',
      code: 'duplicate_in_file',
      params: { firstRow: 2 },
      reason: 'duplicate of row 2 in this file',
    });
    expect(byRow[9]).toMatchObject({ field: 'holderName', code: 'required_empty', reason: 'required, empty' });
  });

  test('duplicates of permits already in Pantau are reported, never doubled; re-importing a file is a no-op', async () => {
    const existing = await queryOne<{ permit_number: string; permit_type: string }>(
      t.database.orm,
      sql`select permit_number, permit_type from ${permits} where origin = 'demo' limit 1`,
    );
    const csv = `permit_no,permit_type,name,nationality,issued,expires,regency_code\n${existing!.permit_number},${existing!.permit_type},X,CHN,2024-01-01,2025-01-01,19.04\nE-001,itas,Y,CHN,2024-01-01,2025-01-01,19.04\n`;
    const path = file(csv);
    const first = await runImport(t.database, { kind: 'permits', path });
    expect(first).toMatchObject({ imported: 1, duplicates: 1 });
    expect(first.issues[0]).toMatchObject({ row: 2, code: 'already_in_pantau', params: { origin: 'demo' }, reason: 'already in Pantau (demo)' });
    const total = await count(t);
    const again = await runImport(t.database, { kind: 'permits', path });
    expect(again.status).toBe('unchanged');
    expect(await count(t)).toBe(total);
  });

  test('a permit already in Pantau late in a file, after rows already written, is reported and the rest land once', async () => {
    const existing = await queryOne<{ permit_number: string; permit_type: string }>(
      t.database.orm,
      sql`select permit_number, permit_type from ${permits} where origin = 'demo' offset 7 limit 1`,
    );
    const fresh = Array.from({ length: 9 }, (_, i) => `H-00${i + 1},itas,N${i},CHN,2024-01-01,2025-01-01,19.04`);
    fresh.splice(7, 0, `${existing!.permit_number},${existing!.permit_type},X,CHN,2024-01-01,2025-01-01,19.04`);
    const total = await count(t);
    // Chunks of two: on the server several pieces of one COPY have gone before the database refuses one.
    const report = await runImport(t.database, {
      kind: 'permits',
      path: file(`permit_no,type,name,nationality,issued,expires,regency_code\n${fresh.join('\n')}\n`),
      chunkSize: 2,
    });
    expect(report).toMatchObject({ rows: 10, imported: 9, duplicates: 1, rejected: 1 });
    expect(report.issues).toEqual([expect.objectContaining({ row: 9, field: '(row)', reason: 'already in Pantau (demo)' })]);
    expect(await count(t)).toBe(total + 9);
    expect(await count(t, sql`permit_number like 'H-00%'`)).toBe(9);
  });

  test('a dry run checks everything and writes nothing', async () => {
    const total = await count(t);
    const batches = await queryOne(t.database.orm, sql`select count(*)::int as n from ${importBatches}`);
    const report = await runImport(t.database, {
      kind: 'permits',
      path: file('permit_no,type,name,nationality,issued,expires,regency\nF-001,itas,A,CHN,2024-01-01,2025-01-01,Bangka Tengah\n'),
      dryRun: true,
    });
    expect(report).toMatchObject({ status: 'dry_run', rows: 1, rejected: 0, imported: 0 });
    expect(await count(t)).toBe(total);
    expect(await queryOne(t.database.orm, sql`select count(*)::int as n from ${importBatches}`)).toEqual(batches);
  });

  test('a file that fails mid-way leaves the database as before', async () => {
    const total = await count(t);
    // A real failure in the database on the 4th row, after earlier chunks were written.
    await t.database.orm.execute(sql`create or replace function pantau_test_fail() returns trigger language plpgsql as $$
      begin if new.permit_number = 'G-004' then raise exception 'disk full (test)'; end if; return new; end $$`);
    await t.database.orm.execute(sql`create trigger pantau_test_fail before insert on permits for each row execute function pantau_test_fail()`);
    try {
      const rows = Array.from({ length: 6 }, (_, i) => `G-00${i + 1},itas,N${i},CHN,2024-01-01,2025-01-01,19.04`).join('\n');
      await expect(
        runImport(t.database, { kind: 'permits', path: file(`permit_no,type,name,nationality,issued,expires,regency_code\n${rows}\n`), chunkSize: 2 }),
      ).rejects.toThrow();
    } finally {
      await t.database.orm.execute(sql`drop trigger pantau_test_fail on permits`);
    }
    expect(await count(t)).toBe(total);
    expect(await count(t, sql`permit_number like 'G-00%'`)).toBe(0);
  });

  test('a file without the needed columns is refused before anything is read, naming them', async () => {
    const attempt = runImport(t.database, { kind: 'permits', path: file('nama,negara\nA,CHN\n') });
    await expect(attempt).rejects.toThrow(ImportFileError);
    await expect(attempt).rejects.toThrow(/permitNumber.*\n.*permitType/s);
  });

  test('generated files of every kind and format never crash the importer, never leave a partial batch, and each gets a report or an explained refusal', async () => {
    // The generators and checks of `pnpm bench fuzz-imports` (≥ 10,000 files), on a few dozen here.
    const run = await fuzzImports({ database: t.database, seed: FUZZ_SEED, count: FUZZ_COUNT });
    expect(run.findings.map((f) => describeFuzzFinding(FUZZ_SEED, f))).toEqual([]);
    expect(run.reported + run.refused).toBe(FUZZ_COUNT);
    expect(run.reported).toBeGreaterThan(0);
  });
});

describe.each(testBackends())('imports of other kinds on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('companies with coordinates or only an area get their sites, located by point in polygon', async () => {
    const csv = `Nama Perusahaan;NIB;Sektor;Lokasi;Latitude;Longitude;Kabupaten
PT Timah Contoh;1234567890123;Pertambangan timah;Smelter Koba;-2.49;106.41;
PT Hotel Contoh;9876543210987;perhotelan;;;;Kota Pangkal Pinang
PT Tanpa Tempat;;jasa;;;;`;
    const report = await runImport(t.database, { kind: 'companies', path: file(csv) });
    expect(report).toMatchObject({ imported: 2, rejected: 1 });
    expect(report.issues[0]).toMatchObject({ row: 4, field: 'regency', code: 'no_area' });
    expect(report.warnings.join(' ')).toContain('label point');
    expect(report.notes).toEqual([{ code: 'placed_at_label_point', params: { records: 'company_sites' }, message: report.warnings[0] }]);
    const site = await queryOne<{ regency_code: string; sector: string }>(
      t.database.orm,
      sql`select s.regency_code, c.sector from companies c join company_sites s on s.company_id = c.id where c.registration_number = '1234567890123'`,
    );
    expect(site).toEqual({ regency_code: '19.04', sector: 'mining_smelting' });
  });

  test('entry points and reports import with their vocabularies in Indonesian; swapped coordinates are swapped back and reported', async () => {
    const entries = await runImport(t.database, {
      kind: 'entry-points',
      path: file('Nama TPI,Jenis,Lintang,Bujur\nTPI Contoh,Pelabuhan,-2.1,106.1\nTPI Terbalik,Bandara,106.1,-2.1\n'),
    });
    expect(entries).toMatchObject({ imported: 2, rejected: 0, issues: [] });
    expect(entries.fixes).toMatchObject([{ row: 3, field: 'lat', code: 'coordinates_swapped_fixed', reason: expect.stringContaining('other way round') }]);
    const reports = await runImport(t.database, {
      kind: 'reports',
      path: file(
        'Tanggal;Saluran;Kategori;Status;Kabupaten;Ringkasan\n13/06/2024 09:30;WA;TKA ilegal;Baru;Bangka Tengah;Pekerja asing di lokasi tambang\n13/06/2024 09:30;WA;TKA ilegal;Baru;Bangka Tengah;Pekerja asing di lokasi tambang\n',
      ),
    });
    expect(reports).toMatchObject({ imported: 1, duplicates: 1 });
    const stored = await queryOne<{ channel: string; category: string; status: string; regency_code: string }>(
      t.database.orm,
      sql`select channel, category, status, regency_code from reports where origin = ${`batch:${reports.batchId}`}`,
    );
    expect(stored).toEqual({ channel: 'whatsapp', category: 'illegal_work', status: 'new', regency_code: '19.04' });
  });
});

describe.each(testBackends())('risk-area imports on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('risk areas come from GeoJSON polygons or a WKT column; a broken polygon is reported, not half-written', async () => {
    const square = [
      [
        [106.2, -2.5],
        [106.3, -2.5],
        [106.3, -2.4],
        [106.2, -2.4],
        [106.2, -2.5],
      ],
    ];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nama: 'Jalur PMI Koba', kategori: 'PMI nonprosedural', tingkat: 'Tinggi', 'berlaku dari': '2024-06-13' },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { nama: 'Titik', kategori: 'overstay', 'berlaku dari': '2024-06-13' },
          geometry: { type: 'Point', coordinates: [106.2, -2.5] },
        },
      ],
    });
    const fromGeoJson = await runImport(t.database, { kind: 'risk-areas', path: file(geojson, 'geojson') });
    expect(fromGeoJson).toMatchObject({ format: 'geojson', imported: 1, rejected: 1 });
    expect(fromGeoJson.issues[0]).toMatchObject({ row: 2, field: 'geometry', reason: 'not a Polygon or MultiPolygon' });
    const fromWkt = await runImport(t.database, {
      kind: 'risk-areas',
      path: file(
        'name;category;severity;valid from;wkt\nKonflik Pangkalpinang;konflik sosial;sedang;05/12/2024;"POLYGON((106.1 -2.15, 106.15 -2.15, 106.15 -2.1, 106.1 -2.1, 106.1 -2.15))"\nRusak;overstay;low;2024-01-01;POLYGON((1 2\n',
      ),
    });
    expect(fromWkt).toMatchObject({ imported: 1, rejected: 1 });
    expect(fromWkt.issues[0]).toMatchObject({ row: 3, field: 'wkt' });
    const stored = await queryOne<{ category: string; severity: string; regency_code: string }>(
      t.database.orm,
      sql`select category, severity, regency_code from risk_areas where origin = ${`batch:${fromWkt.batchId}`}`,
    );
    expect(stored).toEqual({ category: 'social_conflict', severity: 'medium', regency_code: '19.71' });
  });
});

describe.each(testBackends())('operation imports on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('rows of one date, regency and team become one operation with its targets and TAK; importing it again is refused as a duplicate', async () => {
    const csv = `Tanggal;Kabupaten;Tim;Tempat;Jenis Tempat;WNA Diperiksa;Pelanggaran;TAK;Jumlah TAK;Kewarganegaraan Pelanggar;Latitude;Longitude
14/06/2024;Bangka Tengah;Timpora Bangka Tengah;PT Contoh Smelter;perusahaan;12;2;Deportasi;2;Tiongkok;-2.49;106.41
14/06/2024;Bangka Tengah;Timpora Bangka Tengah;Penginapan Koba;hotel;3;0;;;;;
14/06/2024;Bangka Tengah;Timpora Bangka Tengah;Tambang;tambang;1;5;;;;;`;
    const report = await runImport(t.database, { kind: 'operations', path: file(csv) });
    expect(report).toMatchObject({ imported: 2, rejected: 1 });
    expect(report.issues[0]).toMatchObject({ row: 4, field: 'violations' });
    const op = await queryOne<{ targets: number; actions: number; deported: number }>(
      t.database.orm,
      sql`
      select (select count(*)::int from operation_targets t where t.operation_id = o.id) as targets,
        (select count(*)::int from enforcement_actions a join operation_targets t on t.id = a.target_id where t.operation_id = o.id) as actions,
        (select coalesce(sum(a.count), 0)::int from enforcement_actions a join operation_targets t on t.id = a.target_id where t.operation_id = o.id and a.kind = 'deportation' and a.nationality = 'CHN') as deported
      from operations o where o.origin = ${`batch:${report.batchId}`}`,
    );
    expect(op).toEqual({ targets: 2, actions: 1, deported: 2 });
    const again = await runImport(t.database, { kind: 'operations', path: file(`${csv}\n`) });
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
  });

  test('several TAK on one target come as lists; the outcome, office and notes are kept; a row without a place is an operation without reported targets', async () => {
    const csv = `Tanggal;Kode Kabupaten;Tim;Kantor Imigrasi;Catatan Operasi;No Sasaran;Tempat;Jenis Tempat;WNA Diperiksa;Pelanggaran;Kesimpulan;TAK;Jumlah TAK;Kewarganegaraan Pelanggar
20/06/2024;19.04;Timpora Bangka Tengah;Kantor Imigrasi Kelas I TPI Pangkalpinang;Operasi gabungan;1;Penginapan Koba;hotel;3;3;pelanggaran;"Deportasi; Detensi";"2; 1";"Tiongkok; "
20/06/2024;19.04;Timpora Bangka Tengah;;;2;Penginapan Koba;hotel;0;0;tidak ditemukan;;;
21/06/2024;19.04;Timpora Bangka Tengah;;Hasil tidak dilaporkan;;;;;;;;;
22/06/2024;19.04;Timpora Bangka Tengah;;;;Pelabuhan;pelabuhan;4;1;tidak ada pelanggaran;;;`;
    const report = await runImport(t.database, { kind: 'operations', path: file(csv) });
    expect(report).toMatchObject({ rows: 4, imported: 3, rejected: 1 });
    expect(report.issues).toEqual([expect.objectContaining({ row: 5, field: 'outcome' })]);
    const ops = await queryRows<{ date: string; office: string | null; notes: string | null; targets: string | null }>(
      t.database.orm,
      sql`
      select o.date::text as date, f.name as office, o.notes,
        (select string_agg(concat_ws('|', t.place, t.outcome, t.foreigners_checked,
          (select string_agg(concat_ws(':', a.kind, a.count, a.nationality), ',' order by a.id) from enforcement_actions a where a.target_id = t.id)), ';' order by t.id)
         from operation_targets t where t.operation_id = o.id) as targets
      from operations o left join offices f on f.id = o.office_id where o.origin = ${`batch:${report.batchId}`} order by o.date`,
    );
    expect(ops).toEqual([
      {
        date: '2024-06-20',
        office: 'Kantor Imigrasi Kelas I TPI Pangkalpinang',
        notes: 'Operasi gabungan',
        targets: 'Penginapan Koba|violation|3|deportation:2:CHN,detention:1;Penginapan Koba|not_found|0',
      },
      { date: '2024-06-21', office: null, notes: 'Hasil tidak dilaporkan', targets: null },
    ]);
  });
});
