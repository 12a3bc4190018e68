// The import preview over the API: how an upload was read, its first rows, the proposed mapping, and
// the 4xx answers for what it cannot use. Nothing it does is written.
import { importBatches, permits, queryOne, sql } from '@pantau/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../../../../test/apps.js';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';

describe.each(testBackends())('import preview API on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = as(testApp(t.database), await signedInAccount(t.database, 'admin'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function preview(file: File | null, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.set('kind', 'permits');
    if (file) form.set('file', file);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const response = await app.request('/api/v1/imports/preview', { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }
  const counts = async () =>
    queryOne<{ permits: number; batches: number }>(
      t.database.orm,
      sql`select (select count(*)::int from ${permits}) as permits, (select count(*)::int from ${importBatches}) as batches`,
    );

  test('a semicolon CSV shows its delimiter, encoding, first 20 rows as written, the proposed mapping, the required fields and the unknown column, and writes nothing', async () => {
    const before = await counts();
    const rows = Array.from({ length: 30 }, (_, i) => `Q-${i + 1};KITAS;NAMA ${i + 1};RRT;13/06/2024;13/06/25;Kab. Bangka Tengah;x`);
    const csv = `\uFEFFNo. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten;Keterangan\n${rows.join('\n')}\n`;
    const { status, body } = await preview(new File([csv], 'daftar itas.csv', { type: 'text/csv' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind: 'permits',
      fileName: 'daftar itas.csv',
      format: 'csv',
      encoding: 'utf-8',
      bom: true,
      delimiter: ';',
      more: true,
      unknownColumns: ['Keterangan'],
      missing: [],
    });
    expect(body.rows).toHaveLength(20);
    expect(body.rows[0]).toEqual({ row: 2, values: ['Q-1', 'KITAS', 'NAMA 1', 'RRT', '13/06/2024', '13/06/25', 'Kab. Bangka Tengah', 'x'] });
    expect(body.mapping).toEqual({
      'No. Izin Tinggal': 'permitNumber',
      'Jenis Izin': 'permitType',
      Nama: 'holderName',
      Kewarganegaraan: 'nationality',
      'Tgl Terbit': 'issuedOn',
      'Tgl Berakhir': 'expiresOn',
      Kabupaten: 'regency',
    });
    expect(body.fields).toContainEqual({ name: 'permitNumber', required: true, alternatives: [] });
    expect(body.fields).toContainEqual({ name: 'sponsor', required: false, alternatives: [] });
    expect(await counts()).toEqual(before);
  });

  test('the mapping sent back is applied: a column can be given a field or ignored, and what is then missing is named', async () => {
    const csv = 'nomor;nama;negara;terbit;berakhir;kab\nQ-1;A;RRT;13/06/2024;13/06/2025;Bangka Tengah\n';
    const { status, body } = await preview(new File([csv], 'x.csv'), {
      mapping: JSON.stringify({ nomor: 'permitNumber', terbit: 'issuedOn', berakhir: 'expiresOn', kab: 'regency', nama: '' }),
    });
    expect(status).toBe(200);
    expect(body.mapping).toEqual({ nomor: 'permitNumber', negara: 'nationality', terbit: 'issuedOn', berakhir: 'expiresOn', kab: 'regency' });
    expect(body.missing).toEqual([['permitType'], ['holderName']]);
  });

  test('an XLSX upload lists its sheets and previews the one asked for', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ringkasan').addRow(['Rekap']);
    workbook.addWorksheet('ITAS 2024').addRows([
      ['Nomor ITAS', 'Jenis', 'Nama'],
      ['X-1', 'ITAS', 'LI NA'],
    ]);
    const file = new File([new Uint8Array(await workbook.xlsx.writeBuffer())], 'daftar.xlsx');
    const { body } = await preview(file, { sheet: 'ITAS 2024' });
    expect(body).toMatchObject({
      format: 'xlsx',
      sheet: 'ITAS 2024',
      sheets: ['Ringkasan', 'ITAS 2024'],
      headers: ['Nomor ITAS', 'Jenis', 'Nama'],
      rows: [{ row: 2, values: ['X-1', 'ITAS', 'LI NA'] }],
    });
    const unknownSheet = await preview(file, { sheet: 'Lembar 9' });
    expect(unknownSheet.status).toBe(400);
    expect(unknownSheet.body.error).toMatchObject({ code: 'invalid_file' });
    expect(unknownSheet.body.error.message).toContain('daftar.xlsx: no sheet "Lembar 9" (sheets: Ringkasan, ITAS 2024)');
  });

  test("a KML upload is read as features: ExtendedData and the popup's labels are columns, the geometry the location", async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Pelabuhan Koba</name><description><![CDATA[<p>Jenis : Pelabuhan Laut</p>]]></description>
        <ExtendedData><Data name="pengelola"><value>KSOP Koba</value></Data></ExtendedData><Point><coordinates>106.41,-2.49,0</coordinates></Point></Placemark>
    </Document></kml>`;
    const { status, body } = await preview(new File([kml], 'tpi.kml'), { kind: 'entry-points' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'entry-points', format: 'kml', missing: [], mapping: { name: 'name', Jenis: 'kind' } });
    expect(body.headers).toEqual(['name', 'description', 'pengelola', 'Jenis']);
    expect(body.rows).toEqual([{ row: 1, values: ['Pelabuhan Koba', 'Jenis : Pelabuhan Laut', 'KSOP Koba', 'Pelabuhan Laut'] }]);
  });

  test('what it cannot use is refused with 400 and the problem named', async () => {
    const missing = await preview(null);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_parameter' });
    expect(missing.body.error.message).toContain('file');

    const badMapping = await preview(new File(['a;b\n1;2\n'], 'x.csv'), { mapping: '{"a":' });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error.message).toContain('mapping');

    const unknownField = await preview(new File(['a;b\n1;2\n'], 'x.csv'), { mapping: JSON.stringify({ a: 'shoeSize' }) });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error).toMatchObject({ code: 'invalid_file' });
    expect(unknownField.body.error.message).toContain('"a" → "shoeSize"');

    const notGeoJson = await preview(new File(['{"type":"Feature"}'], 'x.geojson'));
    expect(notGeoJson.status).toBe(400);
    expect(notGeoJson.body.error.message).toBe('x.geojson: not a GeoJSON FeatureCollection');

    // A zip cut off in transfer (the local header's signature, then nothing a zip reader can use).
    const damagedZip = await preview(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3])], 'peta rawan.zip'));
    expect(damagedZip.status).toBe(400);
    expect(damagedZip.body.error).toMatchObject({ code: 'invalid_file' });
    expect(damagedZip.body.error.message).toMatch(/^peta rawan\.zip: not a readable zip file, perhaps truncated or damaged/);

    const shpAlone = await preview(new File([new Uint8Array([0, 0, 0x27, 0x0a])], 'tpi.shp'));
    expect(shpAlone.status).toBe(400);
    expect(shpAlone.body.error.message).toContain('tpi.shp: a shapefile is imported as one .zip holding its .shp, .shx, .dbf and .prj');

    const unknownFormat = await preview(new File(['%PDF-1.4'], 'x.pdf'));
    expect(unknownFormat.status).toBe(400);
    expect(unknownFormat.body.error.message).toContain('unknown format "pdf"');

    const form = new FormData();
    form.set('kind', 'visas');
    form.set('file', new File(['a\n1\n'], 'x.csv'));
    const unknownKind = await app.request('/api/v1/imports/preview', { method: 'POST', body: form });
    expect(unknownKind.status).toBe(400);
  });

  test('the preview is described in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/imports/preview']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '413']));
  });
});
