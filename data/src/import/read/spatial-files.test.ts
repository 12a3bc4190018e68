import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import proj4 from 'proj4';
import { describe, expect, test } from 'vitest';
import { formatOf, openTable, TableReadError } from './open-table.js';
import { fixtureFileWriter, UTM_48S_PRJ, WGS84_PRJ, zippedShapefile, type FixtureLayer } from './shapefile-fixture.js';
import { readKml, readZippedShapefile, SpatialReadError } from './spatial-files.js';

const file = fixtureFileWriter();

/** Koba (Bangka Tengah) and a site north of it, as [lng, lat]. */
const KOBA: [number, number] = [106.4, -2.5];
const NORTH: [number, number] = [106.35, -2.3];
const toUtm48S = (p: [number, number]) => proj4('EPSG:4326', UTM_48S_PRJ, p) as [number, number];
/** Metres between two [lng, lat] near the equator (good to well under a centimetre at this scale). */
const metres = (a: number[], b: number[]) => Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);

const sites = (prj?: string, at = toUtm48S): FixtureLayer => ({
  name: 'lokasi_tka',
  prj,
  shapes: [KOBA, NORTH].map((p) => ({ type: 'point' as const, x: at(p)[0], y: at(p)[1] })),
  records: [
    { NAMA: 'Dermaga Koba', JENIS: 'Pelabuhan Laut' },
    { NAMA: 'Smelter Utara', JENIS: 'Pelabuhan Laut' },
  ],
});

describe('zipped shapefiles', () => {
  test('a layer in UTM zone 48S is reprojected to WGS 84 from its .prj, within a metre of where it was', async () => {
    const read = await readZippedShapefile('lokasi.zip', zippedShapefile([sites(UTM_48S_PRJ)]));
    expect(read).toMatchObject({ layer: 'lokasi_tka', layers: ['lokasi_tka'], reprojectedFrom: 'WGS_1984_UTM_Zone_48S' });
    expect(toUtm48S(KOBA)[1]).toBeGreaterThan(9_000_000); // metres, not degrees, in the file
    const points = read.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates);
    expect(metres(points[0]!, KOBA)).toBeLessThan(1);
    expect(metres(points[1]!, NORTH)).toBeLessThan(1);
    expect(read.features[0]!.properties).toEqual({ NAMA: 'Dermaga Koba', JENIS: 'Pelabuhan Laut' });
  });

  test('a layer whose .prj is geographic WGS 84 is taken as it is', async () => {
    const read = await readZippedShapefile('lokasi.zip', zippedShapefile([sites(WGS84_PRJ, (p) => p)]));
    expect(read.reprojectedFrom).toBeUndefined();
    expect((read.features[0]!.geometry as { coordinates: number[] }).coordinates).toEqual(KOBA);
  });

  test('without a .prj, metres are refused naming the file, and degrees in Indonesia are read as WGS 84', async () => {
    await expect(readZippedShapefile('lokasi.zip', zippedShapefile([sites()]))).rejects.toThrow(
      /lokasi\.zip: lokasi_tka has no \.prj and its coordinates are not degrees in Indonesia \(e\.g\. 655653\.2, 9723590\.16\)/,
    );
    const degrees = await readZippedShapefile('lokasi.zip', zippedShapefile([sites(undefined, (p) => p)]));
    expect(degrees).toMatchObject({ noPrj: true });
    expect((degrees.features[1]!.geometry as { coordinates: number[] }).coordinates).toEqual(NORTH);
  });

  test('a zip of several layers reads the one asked for, and names them all when asked for one it lacks', async () => {
    const area: FixtureLayer = {
      name: 'kawasan_rawan',
      prj: WGS84_PRJ,
      shapes: [
        {
          type: 'polygon',
          rings: [
            [
              [106.3, -2.6],
              [106.3, -2.4],
              [106.5, -2.4],
              [106.5, -2.6],
              [106.3, -2.6],
            ],
          ],
        },
      ],
      records: [{ NAMA: 'Kawasan Tambang' }],
    };
    const zip = zippedShapefile([sites(UTM_48S_PRJ), area]);
    const read = await readZippedShapefile('dua.zip', zip, 'kawasan_rawan');
    expect(read).toMatchObject({ layer: 'kawasan_rawan', layers: ['kawasan_rawan', 'lokasi_tka'] });
    expect(read.features[0]!.geometry).toMatchObject({ type: 'Polygon' });
    await expect(readZippedShapefile('dua.zip', zip, 'jalan')).rejects.toThrow('dua.zip: no layer "jalan" in the zip (layers: kawasan_rawan, lokasi_tka)');
  });

  test('the .dbf is read in the code page its .cpg names', async () => {
    const layer: FixtureLayer = {
      ...sites(UTM_48S_PRJ),
      cpg: '1252',
      encode: (text) => iconv.encode(text, 'windows-1252'),
      records: [{ NAMA: 'Café Koba' }, { NAMA: 'Señor' }],
    };
    const read = await readZippedShapefile('cp.zip', zippedShapefile([layer]));
    expect(read.features.map((f) => f.properties?.NAMA)).toEqual(['Café Koba', 'Señor']);
  });

  test('a truncated or damaged zip is refused naming the file, not a crash', async () => {
    const zip = zippedShapefile([sites(UTM_48S_PRJ)]);
    await expect(readZippedShapefile('potong.zip', zip.subarray(0, Math.floor(zip.length / 2)))).rejects.toThrow(SpatialReadError);
    await expect(readZippedShapefile('potong.zip', zip.subarray(0, Math.floor(zip.length / 2)))).rejects.toThrow(/^potong\.zip: not a readable zip file/);
    const damaged = Uint8Array.from(zip);
    damaged.fill(0xff, 60, 200);
    await expect(readZippedShapefile('rusak.zip', damaged)).rejects.toThrow(/^rusak\.zip: /);
  });

  test('a .prj no library can read is refused rather than its metres taken as degrees', async () => {
    await expect(readZippedShapefile('prj.zip', zippedShapefile([sites('PROJCS["nonsense"')]))).rejects.toThrow(
      /prj\.zip: lokasi_tka\.prj names a coordinate system that cannot be read/,
    );
  });
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Lokasi</name>
  <Style id="s"><IconStyle><scale>1.1</scale></IconStyle></Style>
  <Placemark><name>Dermaga Koba</name><styleUrl>#s</styleUrl>
    <description><![CDATA[<table><tr><td><p>Jenis : Pelabuhan Laut</p><p>Kabupaten : Bangka Tengah</p></td></tr></table>]]></description>
    <ExtendedData><Data name="pengelola"><value>KSOP Koba</value></Data></ExtendedData>
    <Point><coordinates>106.4,-2.5,0</coordinates></Point></Placemark>
  <Placemark><name>Kawasan</name>
    <ExtendedData><SchemaData schemaUrl="#k"><SimpleData name="kategori">Konflik sosial</SimpleData></SchemaData></ExtendedData>
    <MultiGeometry>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>106.3,-2.6,0 106.3,-2.55,0 106.35,-2.55,0 106.3,-2.6,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>106.4,-2.6,0 106.4,-2.55,0 106.45,-2.55,0 106.4,-2.6,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </MultiGeometry></Placemark>
</Document></kml>`;

describe('KML and KMZ', () => {
  test('ExtendedData and the description become properties, styling does not', () => {
    const read = readKml('lokasi.kml', KML);
    expect(read.features[0]!.properties).toEqual({
      name: 'Dermaga Koba',
      description: expect.stringContaining('<p>Jenis : Pelabuhan Laut</p>'),
      pengelola: 'KSOP Koba',
    });
    expect(read.features[1]!.properties).toEqual({ name: 'Kawasan', kategori: 'Konflik sosial' });
  });

  test("a KMZ reads as the table of its KML: the description's labels as columns, 2D geometry, a MultiGeometry of polygons as a MultiPolygon", async () => {
    const path = file(zipSync({ 'doc.kml': new TextEncoder().encode(KML), 'files/icon.png': new Uint8Array([1, 2, 3]) }), 'lokasi.kmz');
    const table = await openTable(path);
    expect(table.format).toBe('kmz');
    expect(table.headers).toEqual(expect.arrayContaining(['name', 'description', 'pengelola', 'Jenis', 'Kabupaten', 'kategori']));
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows[0]!.geometry).toEqual({ type: 'Point', coordinates: [106.4, -2.5] });
    expect(rows[0]!.values[table.headers.indexOf('Jenis')]).toBe('Pelabuhan Laut');
    expect(rows[1]!.geometry).toMatchObject({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [106.3, -2.6],
            [106.3, -2.55],
            [106.35, -2.55],
            [106.3, -2.6],
          ],
        ],
        expect.any(Array),
      ],
    });
  });

  test('text that is not KML is refused naming the file', () => {
    expect(() => readKml('x.kml', '<kml><Placemark>')).toThrow(/^x\.kml: not readable KML/);
    expect(() => readKml('x.kml', '<gpx></gpx>')).toThrow('x.kml: not a KML document (its root is <gpx>, not <kml>)');
  });
});

describe('telling formats apart', () => {
  test('a zip is a shapefile, a KMZ or a workbook by what it holds; a .shp alone or an empty zip is refused', async () => {
    expect(await formatOf(file(zippedShapefile([sites(UTM_48S_PRJ)]), 'lokasi.zip'))).toBe('shapefile');
    expect(await formatOf(file(zipSync({ 'lokasi.kml': new TextEncoder().encode(KML) }), 'lokasi.zip'))).toBe('kmz');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRow(['Nama']);
    expect(await formatOf(file(Buffer.from(await workbook.xlsx.writeBuffer()), 'daftar.zip'))).toBe('xlsx');
    expect(await formatOf(file(zippedShapefile([sites(UTM_48S_PRJ)]), 'upload'))).toBe('shapefile');
    expect(await formatOf(file(KML, 'upload'))).toBe('kml');
    await expect(formatOf(file('x', 'lokasi.shp'))).rejects.toThrow(/a shapefile is imported as one \.zip holding its \.shp, \.shx, \.dbf and \.prj/);
    await expect(formatOf(file(zipSync({ 'catatan.txt': new Uint8Array([65]) }), 'lain.zip'))).rejects.toThrow(
      /lain\.zip: the zip holds no shapefile \(\.shp\), KML or workbook/,
    );
    await expect(formatOf(file(new Uint8Array(40), 'kosong.zip'))).rejects.toThrow(/kosong\.zip: not a readable zip file, perhaps truncated or damaged/);
    await expect(formatOf(file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'potong.zip'))).rejects.toThrow(TableReadError);
  });
});
