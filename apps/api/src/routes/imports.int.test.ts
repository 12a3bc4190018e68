// Imports and exports through the API: upload, progress, report, formula-safe exports, round trip.
import { permits, queryOne, queryRows, riskAreas, sql } from '@pantau/db';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../../../../test/apps.js';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';

describe.each(testBackends())('imports and exports API on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = as(testApp(t.database), await signedInAccount(t.database, 'admin'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function upload(name: string, content: string | Uint8Array, extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set('kind', 'permits');
    form.set('file', new File([typeof content === 'string' ? content : Uint8Array.from(content)], name, { type: 'text/csv' }));
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    const response = await app.request('/api/v1/imports', { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }
  async function finished(id: string) {
    for (let i = 0; i < 200; i++) {
      const job = (await (await app.request(`/api/v1/imports/${id}`)).json()) as Record<string, any>;
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  test('an upload answers 202 at once, then reports the rows it took and the ones it refused', async () => {
    const started = await upload(
      'daftar.csv',
      'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten\nH-001;KITAS;=HYPERLINK("http://x");Tiongkok;13/06/2024;13/06/2025;Bangka Tengah\nH-002;KITAS;B;Atlantis;13/06/2024;13/06/2025;Bangka Tengah\n',
    );
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'permits', fileName: 'daftar.csv' });
    const job = await finished(started.body.id);
    expect(job).toMatchObject({
      status: 'done',
      progress: { percent: 100 },
      report: { imported: 1, rejected: 1, issues: [{ row: 3, field: 'nationality', value: 'Atlantis' }] },
    });
    const list = (await (await app.request('/api/v1/imports')).json()) as { items: Array<{ id: string }> };
    expect(list.items.map((b) => b.id)).toContain(job.report.batchId);
  });

  test('a CSV export escapes formula cells; an XLSX export holds the same rows', async () => {
    const bytes = new Uint8Array(await (await app.request('/api/v1/exports/permits.csv?area=19.04&asOf=2024-06-13')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel reads UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('permit_no,permit_type,purpose,nationality,sex,name,sponsor,issued,expires,cancelled,district_code,regency_code,origin');
    const xlsx = await app.request('/api/v1/exports/permits.xlsx?area=19.04&asOf=2024-06-13');
    expect(xlsx.headers.get('content-disposition')).toContain('filename="Pantau-permits-Kabupaten-Bangka-Tengah-19.04-2024-06-13.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.actualRowCount).toBe(lines.length);
  });

  test('an exported file re-imports without loss', async () => {
    const digest = sql`select md5(string_agg(permit_number || permit_type || purpose || nationality || coalesce(sex, '') || holder_name || issued_on || expires_on || coalesce(district_code, '') || regency_code, ',' order by permit_number)) as h, count(*)::int as n from ${permits} where regency_code = '19.04' and issued_on <= '2024-06-13' and expires_on > '2024-06-13' and cancelled_on is null`;
    const before = await queryOne<{ h: string; n: number }>(t.database.orm, digest);
    const csv = await (await app.request('/api/v1/exports/permits.csv?area=19.04&asOf=2024-06-13')).text();
    // Remove what was exported, then bring it back from the file alone.
    await t.database.orm.execute(
      sql`delete from ${permits} where regency_code = '19.04' and issued_on <= '2024-06-13' and expires_on > '2024-06-13' and cancelled_on is null`,
    );
    const job = await finished((await upload('export.csv', csv)).body.id);
    expect(job.report).toMatchObject({ rejected: 0, imported: before!.n });
    expect(await queryOne(t.database.orm, digest)).toEqual(before);
  });

  test('a KMZ of risk areas from a planning agency imports through the upload, in a dry run and for real; a truncated one fails naming the file', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Kawasan Tambang API Uji</name>
        <description><![CDATA[<p>Kategori : TKA ilegal</p><p>Tingkat : tinggi</p><p>Berlaku dari : 13/06/2024</p>]]></description>
        <Polygon><outerBoundaryIs><LinearRing><coordinates>106.30,-2.51,0 106.34,-2.51,0 106.34,-2.47,0 106.30,-2.47,0 106.30,-2.51,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
      </Placemark></Document></kml>`;
    const kmz = zipSync({ 'doc.kml': new TextEncoder().encode(kml) });
    const dry = await finished((await upload('rawan.kmz', kmz, { kind: 'risk-areas', dryRun: 'true' })).body.id);
    expect(dry).toMatchObject({ status: 'done', report: { status: 'dry_run', format: 'kmz', fileName: 'rawan.kmz', rows: 1, rejected: 0 } });
    const stored = () =>
      queryRows<{ category: string; severity: string; regency_code: string }>(
        t.database.orm,
        sql`select category, severity, regency_code from ${riskAreas} where name = 'Kawasan Tambang API Uji'`,
      );
    expect(await stored()).toEqual([]);
    const real = await finished((await upload('rawan.kmz', kmz, { kind: 'risk-areas' })).body.id);
    expect(real).toMatchObject({ status: 'done', report: { status: 'committed', imported: 1, rejected: 0 } });
    expect(await stored()).toEqual([{ category: 'illegal_work', severity: 'high', regency_code: '19.04' }]);

    const truncated = await finished((await upload('rawan terpotong.kmz', kmz.subarray(0, kmz.length - 30), { kind: 'risk-areas' })).body.id);
    expect(truncated).toMatchObject({ status: 'failed', error: { code: 'invalid_file' } });
    expect(truncated.error.message).toMatch(/^rawan terpotong\.kmz: not a readable zip file, perhaps truncated or damaged/);
  });

  test('bad uploads are refused with the parameter named', async () => {
    const form = new FormData();
    form.set('kind', 'permits');
    const missing = await app.request('/api/v1/imports', { method: 'POST', body: form });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('file');
    const unknownKind = await upload('x.csv', 'a\n1\n', { kind: 'visas' });
    expect(unknownKind.status).toBe(400);
    const noColumns = await finished((await upload('x.csv', 'nama\nA\n')).body.id);
    expect(noColumns).toMatchObject({ status: 'failed', error: { code: 'invalid_file' } });
    expect((await app.request('/api/v1/exports/permits.pdf')).status).toBe(400);
  });
});
