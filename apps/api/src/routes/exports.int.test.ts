// Exports over HTTP: every kind in every format, the map's filters, the file names, and the 400s.
// The round trip of each file through the importer is tested in data/src/export/export.int.test.ts.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryRows, sql } from '@pantau/db';
import { EXPORT_KINDS } from '@pantau/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount, type TestAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const KINDS = ['permits', 'companies', 'operations', 'risk-areas', 'entry-points', 'reports'];
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};

describe.each(testBackends())('exports API on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof as>;
  let admin: TestAccount;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    admin = await signedInAccount(t.database, 'admin');
    app = as(createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} }), admin);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  type Collection = {
    type: string;
    features: Array<{ type: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }>;
  };
  /** The rows of an export, read from its GeoJSON form (whose properties are the spreadsheet's columns). */
  const rowsOf = async (url: string) => {
    const response = await app.request(url);
    expect(response.status).toBe(200);
    return ((await response.json()) as Collection).features.map((f) => f.properties as Record<string, string>);
  };

  test('every kind comes as CSV, XLSX and GeoJSON, as an attachment named after the kind, area and day', async () => {
    for (const kind of KINDS) {
      for (const [format, type] of Object.entries(CONTENT_TYPES)) {
        const response = await app.request(`/api/v1/exports/${kind}.${format}?area=19`);
        expect(response.status, `${kind}.${format}`).toBe(200);
        expect(response.headers.get('content-type')).toBe(type);
        // The whole area name and its code (downloadFileName), never a cut title.
        expect(response.headers.get('content-disposition')).toMatch(
          new RegExp(`^attachment; filename="Pantau-${kind}-[A-Za-z-]*Bangka-Belitung-19-2024-06-13\\.${format}"$`),
        );
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
    }
  });

  test("the map's filters narrow the rows: area, period, permit filters and vocabularies", async () => {
    const operations = await rowsOf('/api/v1/exports/operations.geojson?area=19&from=2020-01-01&to=2024-12-31');
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.every((r) => r.regency_code!.startsWith('19.') && r.date! >= '2020-01-01' && r.date! <= '2024-12-31')).toBe(true);
    const permits = await rowsOf('/api/v1/exports/permits.geojson?area=19.04&permitType=itap&asOf=2024-06-13');
    // Bangka Tengah's Timpora meeting counted 6 valid ITAP holders on 2024-06-13.
    expect(permits.length).toBe(6);
    expect(permits.every((r) => r.permit_type === 'itap' && r.regency_code === '19.04')).toBe(true);
    const reports = await rowsOf('/api/v1/exports/reports.geojson?category=illegal_work&status=acted,verified');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.category === 'illegal_work' && ['acted', 'verified'].includes(r.status!))).toBe(true);
    const seaports = await rowsOf('/api/v1/exports/entry-points.geojson?kind=seaport');
    expect(seaports.length).toBeGreaterThan(0);
    expect(seaports.every((r) => r.kind === 'seaport')).toBe(true);
    // A company selected on the map: the permits it sponsors, its sites.
    const [sponsor] = await queryRows<{ id: number; registration_number: string; sites: number }>(
      t.database.orm,
      sql`
      select c.id, c.registration_number, (select count(*)::int from company_sites s where s.company_id = c.id) as sites from companies c
      where exists (select 1 from permits p where p.sponsor_company_id = c.id and p.issued_on <= '2024-06-13' and p.expires_on > '2024-06-13') order by c.id limit 1`,
    );
    const sponsored = await rowsOf(`/api/v1/exports/permits.geojson?asOf=2024-06-13&sponsor=${sponsor!.id}`);
    expect(sponsored.length).toBeGreaterThan(0);
    expect(sponsored.every((r) => r.sponsor === sponsor!.registration_number)).toBe(true);
    expect(await rowsOf(`/api/v1/exports/companies.geojson?sponsor=${sponsor!.id}`)).toHaveLength(Number(sponsor!.sites));
  });

  test.each([
    ['/api/v1/exports/entry-points.geojson?status=new', 'status'],
    ['/api/v1/exports/operations.csv?permitType=itas', 'permitType'],
    ['/api/v1/exports/companies.csv?asOf=2024-06-13', 'asOf'],
    ['/api/v1/exports/reports.xlsx?sector=mining_smelting&area=19', 'sector'],
    // Named before the value is checked: it is not a parameter of this kind at all.
    ['/api/v1/exports/permits.csv?category=nonsense', 'category'],
  ])('%s: a filter of another kind is refused with 400 unknown_parameter naming %s, never ignored', async (url, parameter) => {
    const response = await app.request(url);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; details: Array<{ parameter: string }> } };
    expect(body.error.code).toBe('unknown_parameter');
    expect(body.error.message).toContain(parameter);
    expect(body.error.details).toEqual([{ parameter, message: 'unknown parameter' }]);
  });

  test('GeoJSON is a FeatureCollection of lon/lat points whose properties are the CSV columns', async () => {
    const collection = (await (await app.request('/api/v1/exports/entry-points.geojson')).json()) as Collection;
    const csv = await (await app.request('/api/v1/exports/entry-points.csv')).text();
    expect(collection.type).toBe('FeatureCollection');
    // The demo's checkpoints are the real ones: each province's main airport, international seaports, land border posts (89).
    expect(collection.features.length).toBeGreaterThan(80);
    const [first] = collection.features;
    expect(Object.keys(first!.properties).join(',')).toBe(csv.replace(/^\uFEFF/, '').split('\n', 1)[0]);
    expect(first!.geometry!.type).toBe('Point');
    const [lng, lat] = first!.geometry!.coordinates;
    expect(lng).toBeGreaterThan(94);
    expect(lat).toBeLessThan(7);
    expect([lng, lat]).toEqual([first!.properties.lng, first!.properties.lat]);
  });

  test("XLSX and GeoJSON say which agency's user made them; CSV stays a bare table", async () => {
    const account = await signedInAccount(t.database, 'analyst', '19', undefined, 'disnaker');
    const analyst = as(createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} }), account);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await analyst.request('/api/v1/exports/companies.xlsx?lang=id')).arrayBuffer());
    expect(workbook.creator).toBe(`${account.email} (Dinas Tenaga Kerja (Disnaker))`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['companies', 'Keterangan']);
    const about = workbook.getWorksheet('Keterangan')!;
    expect([about.getRow(1).getCell(2).value, about.getRow(2).getCell(2).value, about.getRow(3).getCell(2).value]).toEqual([
      account.email,
      'Dinas Tenaga Kerja (Disnaker)',
      '2024-06-13T03:00:00.000Z',
    ]);
    const collection = (await (await analyst.request('/api/v1/exports/entry-points.geojson?lang=en')).json()) as { pantau?: unknown };
    expect(collection.pantau).toEqual({ madeBy: account.email, agency: 'Manpower office (Disnaker)', madeAt: '2024-06-13T03:00:00.000Z' });
    const csv = await (await analyst.request('/api/v1/exports/companies.csv')).text();
    expect(csv).not.toContain(account.email);
  });

  test.each([
    ['/api/v1/exports/permits.pdf', 'file'],
    ['/api/v1/exports/visas.csv', 'file'],
    ['/api/v1/exports/permits.csv?permitType=passport', 'permitType'],
    ['/api/v1/exports/permits.csv?asOf=13/06/2024', 'asOf'],
    ['/api/v1/exports/companies.xlsx?area=1904', 'area'],
    ['/api/v1/exports/operations.geojson?from=2024-12-31&to=2024-01-01', 'from'],
    ['/api/v1/exports/reports.csv?category=smuggling', 'category'],
    ['/api/v1/exports/permits.csv?sponsor=PT%20X', 'sponsor'],
  ])('%s is refused with 400 naming %s', async (url, parameter) => {
    const response = await app.request(url);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message).toContain(parameter);
  });

  test('an export that fails while its rows are read is a logged 500 JSON error, never a truncated file with 200', async () => {
    const lines: string[] = [];
    const logged = as(createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: (line) => lines.push(line) }), admin);
    // A fault in the database itself: a restrictive row-level-security policy that raises on Bangka
    // Tengah's permits, the way a lost connection or a cancelled statement would stop the export part-way.
    await queryRows(
      t.database.orm,
      sql.raw(`CREATE FUNCTION pantau_test_export_fault(code text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF code = '19.04' THEN RAISE EXCEPTION 'injected export failure on %', code; END IF;
        RETURN true;
      END $$`),
    );
    await queryRows(
      t.database.orm,
      sql.raw('CREATE POLICY permits_test_export_fault ON permits AS RESTRICTIVE TO pantau_app USING (pantau_test_export_fault(regency_code))'),
    );
    // The temporary files of this test alone, to check that the failed export leaves none behind.
    const previousTmpdir = process.env.TMPDIR;
    const exportsDir = mkdtempSync(join(tmpdir(), 'pantau-export-test-'));
    process.env.TMPDIR = exportsDir;
    try {
      for (const format of ['csv', 'xlsx', 'geojson']) {
        const response = await logged.request(`/api/v1/exports/permits.${format}`);
        expect(response.status, format).toBe(500);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(response.headers.get('content-disposition')).toBeNull();
        const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
        expect(body.error.code).toBe('internal_error');
        expect(body.error.message).not.toContain('injected');
        expect(lines.filter((line) => line.startsWith(`[${body.error.requestId}]`)).join('\n')).toContain('injected export failure on 19.04');
      }
      expect(readdirSync(exportsDir)).toEqual([]);
    } finally {
      if (previousTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmpdir;
      rmSync(exportsDir, { recursive: true, force: true });
      await queryRows(t.database.orm, sql.raw('DROP POLICY permits_test_export_fault ON permits'));
      await queryRows(t.database.orm, sql.raw('DROP FUNCTION pantau_test_export_fault(text)'));
    }
    expect((await app.request('/api/v1/exports/permits.csv?area=19.04')).status).toBe(200);
  });

  test('the OpenAPI document describes the exports with every kind and format', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string; schema?: { enum?: string[] } }> } }>;
    };
    const parameters = doc.paths['/exports/{file}']?.get?.parameters ?? [];
    expect(parameters.find((p) => p.name === 'file')?.schema?.enum).toHaveLength(EXPORT_KINDS.length * 3);
    expect(parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['asOf', 'permitType', 'nationality', 'purpose', 'area', 'from', 'to', 'category', 'status']),
    );
  });
});
