// Spatial files as land and planning agencies send them, written here: a zipped shapefile of
// checkpoints in UTM zone 48S with its .prj and .cpg, a zipped shapefile of a risk area's polygon in
// the same zone, and a KMZ of risk areas whose ExtendedData and HTML description carry the fields.
// Each imports through the GeoJSON path on both backends, in a dry run and for real; a shapefile in
// metres without .prj, a zip of several layers with none chosen, and a damaged zip are refused whole.
import { entryPoints, importBatches, queryOne, queryRows, riskAreas, sql } from '@pantau/db';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { previewImport } from './preview.js';
import { fixtureFileWriter, UTM_48S_PRJ, zippedShapefile, type FixtureLayer } from './read/shapefile-fixture.js';
import { ImportFileError, rollbackBatch, runImport } from './run-import.js';

const file = fixtureFileWriter();

const utm = (lng: number, lat: number) => proj4('EPSG:4326', UTM_48S_PRJ, [lng, lat]) as [number, number];

/** Checkpoints around Koba (Bangka Tengah, 19.04) as [lng, lat], written in UTM 48S metres. */
const CHECKPOINTS = [
  { NAMA: 'Pelabuhan Koba Uji', JENIS: 'Pelabuhan Laut', KETERANGAN: 'Dermaga milik Pemda', at: [106.4123, -2.4871] },
  { NAMA: 'Terminal Sungaiselan Uji', JENIS: 'Pelabuhan Laut', KETERANGAN: 'Terminal khusus timah – Sungaiselan', at: [106.2217, -2.3854] },
] as const;

const checkpointLayer = (prj: string | undefined): FixtureLayer => ({
  name: 'tpi_bangka_tengah',
  prj,
  cpg: prj ? 'UTF-8' : undefined,
  shapes: CHECKPOINTS.map((c) => {
    const [x, y] = utm(c.at[0], c.at[1]);
    return { type: 'point' as const, x, y };
  }),
  records: CHECKPOINTS.map(({ at: _, ...fields }) => fields),
});

/** A mining concession's outline south of Koba, a ring of [lng, lat] in UTM 48S, and its attributes in Windows-1252. */
const CONCESSION: Array<[number, number]> = [
  [106.38, -2.56],
  [106.46, -2.56],
  [106.46, -2.5],
  [106.38, -2.5],
  [106.38, -2.56],
];
const riskLayer: FixtureLayer = {
  name: 'kawasan_rawan',
  prj: UTM_48S_PRJ,
  cpg: '1252',
  encode: (text) => iconv.encode(text, 'windows-1252'),
  shapes: [{ type: 'polygon', rings: [CONCESSION.map(([lng, lat]) => utm(lng, lat))] }],
  records: [{ NAMA: 'IUP Timah Koba Selatan – Uji', KATEGORI: 'TKA ilegal', TINGKAT: 'tinggi', TGL_MULAI: '2024-06-13', SUMBER: 'Dinas PUPR Bangka Tengah' }],
};

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Peta Kerawanan Bangka Tengah</name>
  <Style id="merah"><PolyStyle><color>7f0000ff</color></PolyStyle></Style>
  <Schema name="kerawanan" id="kerawanan"><SimpleField name="kategori" type="string"/><SimpleField name="berlaku dari" type="string"/></Schema>
  <Folder><name>Kerawanan</name>
    <Placemark><name>Jalur Koba Uji</name><styleUrl>#merah</styleUrl>
      <description><![CDATA[<table><tr><td><p>Tingkat : sedang</p><p>Sumber : Bappeda Babel</p><p>Keterangan : jalur PMI nonprosedural ke Malaysia</p></td></tr></table>]]></description>
      <ExtendedData><SchemaData schemaUrl="#kerawanan"><SimpleData name="kategori">PMI nonprosedural</SimpleData><SimpleData name="berlaku dari">2024-06-13</SimpleData></SchemaData></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>106.30,-2.47,0 106.34,-2.47,0 106.34,-2.43,0 106.30,-2.43,0 106.30,-2.47,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </Placemark>
    <Placemark><name>Dua Pulau Uji</name>
      <description><![CDATA[<p>Tingkat : rendah</p>]]></description>
      <ExtendedData><SchemaData schemaUrl="#kerawanan"><SimpleData name="kategori">jalur tikus</SimpleData><SimpleData name="berlaku dari">2024-06-13</SimpleData></SchemaData></ExtendedData>
      <MultiGeometry>
        <Polygon><outerBoundaryIs><LinearRing><coordinates>106.30,-2.51 106.32,-2.51 106.32,-2.49 106.30,-2.51</coordinates></LinearRing></outerBoundaryIs></Polygon>
        <Polygon><outerBoundaryIs><LinearRing><coordinates>106.34,-2.51 106.36,-2.51 106.36,-2.49 106.34,-2.51</coordinates></LinearRing></outerBoundaryIs></Polygon>
      </MultiGeometry>
    </Placemark>
    <Placemark><name>Titik Tanpa Kategori</name><Point><coordinates>106.4,-2.5,0</coordinates></Point></Placemark>
  </Folder>
</Document></kml>`;

const kmz = () => zipSync({ 'doc.kml': new TextEncoder().encode(KML), 'files/merah.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });

describe.each(testBackends())('spatial files on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const batches = async () => Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from ${importBatches}`))?.n);

  test('a zipped shapefile of checkpoints in UTM zone 48S is reprojected from its .prj and lands within a metre of each point', async () => {
    const path = file(zippedShapefile([checkpointLayer(UTM_48S_PRJ)]), 'tpi_bangka_tengah.zip');
    const preview = await previewImport({ kind: 'entry-points', path });
    expect(preview).toMatchObject({
      format: 'shapefile',
      sheet: 'tpi_bangka_tengah',
      sheets: ['tpi_bangka_tengah'],
      reprojectedFrom: 'WGS_1984_UTM_Zone_48S',
      missing: [],
    });
    expect(preview.mapping).toEqual({ NAMA: 'name', JENIS: 'kind' });
    expect(preview.rows[1]!.values[preview.headers.indexOf('KETERANGAN')]).toBe('Terminal khusus timah – Sungaiselan');

    const before = await batches();
    const dry = await runImport(t.database, { kind: 'entry-points', path, dryRun: true });
    expect(dry).toMatchObject({
      status: 'dry_run',
      format: 'shapefile',
      sheet: 'tpi_bangka_tengah',
      rows: 2,
      imported: 0,
      rejected: 0,
      issues: [],
      unknownColumns: ['KETERANGAN'],
    });
    expect(dry.notes).toEqual([expect.objectContaining({ code: 'coordinates_reprojected', params: { from: 'WGS_1984_UTM_Zone_48S' } })]);
    expect(
      await queryRows(t.database.orm, sql`select 1 from ${entryPoints} where name like '%Uji' and name in ('Pelabuhan Koba Uji', 'Terminal Sungaiselan Uji')`),
    ).toEqual([]);
    expect(await batches()).toBe(before);

    const report = await runImport(t.database, { kind: 'entry-points', path });
    expect(report).toMatchObject({ status: 'committed', rows: 2, imported: 2, rejected: 0 });
    expect(report.warnings).toEqual(["Coordinates reprojected from WGS_1984_UTM_Zone_48S (the shapefile's .prj) to WGS 84."]);
    const stored = await queryRows<{ name: string; kind: string; regency_code: string; off_m: number }>(
      t.database.orm,
      sql`
      select e.name, e.kind, e.regency_code, ST_Distance(e.geom::geography, ST_SetSRID(ST_MakePoint(c.lng, c.lat), 4326)::geography) as off_m
      from ${entryPoints} e join (values ('Pelabuhan Koba Uji', 106.4123::float8, -2.4871::float8), ('Terminal Sungaiselan Uji', 106.2217, -2.3854)) as c(name, lng, lat) on c.name = e.name
      where e.origin = ${`batch:${report.batchId}`} order by e.name`,
    );
    expect(stored.map((s) => ({ ...s, off_m: Number(s.off_m) < 1 }))).toEqual([
      { name: 'Pelabuhan Koba Uji', kind: 'seaport', regency_code: '19.04', off_m: true },
      { name: 'Terminal Sungaiselan Uji', kind: 'seaport', regency_code: '19.04', off_m: true },
    ]);
    // The same file again changes nothing.
    expect(await runImport(t.database, { kind: 'entry-points', path })).toMatchObject({ status: 'unchanged', imported: 0 });
    await rollbackBatch(t.database, report.batchId!);
  });

  test("a zipped shapefile of one risk area's polygon in UTM, its .dbf in Windows-1252, imports in Bangka Tengah", async () => {
    const path = file(zippedShapefile([riskLayer]), 'kawasan_rawan.zip');
    for (const dryRun of [true, false]) {
      const report = await runImport(t.database, { kind: 'risk-areas', path, dryRun });
      expect(report).toMatchObject({ status: dryRun ? 'dry_run' : 'committed', rows: 1, imported: dryRun ? 0 : 1, rejected: 0, issues: [] });
      expect(report.mapping).toEqual({ NAMA: 'name', KATEGORI: 'category', TINGKAT: 'severity', TGL_MULAI: 'validFrom', SUMBER: 'source' });
      const stored = await queryRows<{
        name: string;
        category: string;
        severity: string;
        regency_code: string;
        source: string;
        area_km2: number;
        west: number;
        south: number;
      }>(
        t.database.orm,
        sql`
        select name, category, severity, regency_code, source, ST_Area(geom::geography) / 1e6 as area_km2, ST_XMin(geom) as west, ST_YMin(geom) as south
        from ${riskAreas} where name = 'IUP Timah Koba Selatan – Uji'`,
      );
      if (dryRun) {
        expect(stored).toEqual([]);
        continue;
      }
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ category: 'illegal_work', severity: 'high', regency_code: '19.04', source: 'Dinas PUPR Bangka Tengah' });
      // 0.08° × 0.06° at 2.5° S: about 8.9 km × 6.6 km; the corners within a metre (1e-5° ≈ 1.1 m).
      expect(Number(stored[0]!.area_km2)).toBeGreaterThan(58);
      expect(Number(stored[0]!.area_km2)).toBeLessThan(60);
      expect(Math.abs(Number(stored[0]!.west) - 106.38)).toBeLessThan(1e-5);
      expect(Math.abs(Number(stored[0]!.south) + 2.56)).toBeLessThan(1e-5);
      await rollbackBatch(t.database, report.batchId!);
    }
  });

  test('a KMZ of risk areas: ExtendedData and the HTML description give the fields, a MultiGeometry is one area, a point is refused', async () => {
    const path = file(kmz(), 'kerawanan.kmz');
    const preview = await previewImport({ kind: 'risk-areas', path });
    expect(preview).toMatchObject({ format: 'kmz', missing: [] });
    // The popup's text is the description; its `Label : value` lines are columns of their own.
    expect(preview.mapping).toEqual({
      name: 'name',
      description: 'description',
      kategori: 'category',
      'berlaku dari': 'validFrom',
      Tingkat: 'severity',
      Sumber: 'source',
    });
    for (const dryRun of [true, false]) {
      const report = await runImport(t.database, { kind: 'risk-areas', path, dryRun });
      expect(report).toMatchObject({ format: 'kmz', rows: 3, imported: dryRun ? 0 : 2, rejected: 1 });
      expect(report.issues.map((i) => [i.row, i.field, i.code])).toEqual([
        [3, 'category', 'required_empty'],
        [3, 'validFrom', 'required_empty'],
        [3, 'geometry', 'geometry_not_polygon'],
      ]);
      const stored = await queryRows<{ name: string; category: string; severity: string; regency_code: string; description: string; parts: number }>(
        t.database.orm,
        sql`
        select name, category, severity, regency_code, description, ST_NumGeometries(geom) as parts from ${riskAreas} where name in ('Jalur Koba Uji', 'Dua Pulau Uji') order by name`,
      );
      if (dryRun) {
        expect(stored).toEqual([]);
        continue;
      }
      expect(stored).toEqual([
        { name: 'Dua Pulau Uji', category: 'illegal_entry_point', severity: 'low', regency_code: '19.04', description: 'Tingkat : rendah', parts: 2 },
        {
          name: 'Jalur Koba Uji',
          category: 'illegal_emigration_route',
          severity: 'medium',
          regency_code: '19.04',
          description: 'Tingkat : sedang\nSumber : Bappeda Babel\nKeterangan : jalur PMI nonprosedural ke Malaysia',
          parts: 1,
        },
      ]);
      await rollbackBatch(t.database, report.batchId!);
    }
  });

  test('a shapefile in metres without its .prj, a zip of several layers with none chosen, and a damaged zip are refused naming the file, nothing written', async () => {
    const before = await batches();
    const noPrj = file(zippedShapefile([checkpointLayer(undefined)]), 'tanpa_prj.zip');
    for (const dryRun of [true, false]) {
      await expect(runImport(t.database, { kind: 'entry-points', path: noPrj, fileName: 'tanpa_prj.zip', dryRun })).rejects.toThrow(
        /tanpa_prj\.zip: tpi_bangka_tengah has no \.prj and its coordinates are not degrees in Indonesia/,
      );
    }
    const twoLayers = file(zippedShapefile([checkpointLayer(UTM_48S_PRJ), riskLayer]), 'dua_lapisan.zip');
    await expect(runImport(t.database, { kind: 'entry-points', path: twoLayers, fileName: 'dua_lapisan.zip', dryRun: true })).rejects.toThrow(
      new ImportFileError(
        "dua_lapisan.zip: the zip holds 2 shapefile layers: kawasan_rawan, tpi_bangka_tengah; choose one with --layer (the API's layer field).",
      ),
    );
    expect(await runImport(t.database, { kind: 'entry-points', path: twoLayers, sheet: 'tpi_bangka_tengah', dryRun: true })).toMatchObject({
      rows: 2,
      rejected: 0,
      sheet: 'tpi_bangka_tengah',
    });

    const whole = zippedShapefile([checkpointLayer(UTM_48S_PRJ)]);
    const truncated = file(whole.subarray(0, whole.length - 40), 'terpotong.zip');
    await expect(runImport(t.database, { kind: 'entry-points', path: truncated, dryRun: false })).rejects.toThrow(
      /terpotong\.zip: not a readable zip file, perhaps truncated or damaged/,
    );
    expect(await batches()).toBe(before);
    expect(await queryRows(t.database.orm, sql`select 1 from ${entryPoints} where name in ('Pelabuhan Koba Uji', 'Terminal Sungaiselan Uji')`)).toEqual([]);
  });
});
