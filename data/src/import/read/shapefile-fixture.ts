// Test fixtures only: a shapefile written byte by byte from the ESRI Shapefile Technical Description
// (1998), the way a GIS desktop exports one: .shp and .shx (points or polygons), a dBASE III .dbf of
// character fields, and, when given, the .prj and .cpg; zipped with fflate.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';

/** A writer of fixture files into one fresh temporary folder: `write(content, name)` returns the path. */
export function fixtureFileWriter(prefix = 'pantau-spatial-'): (content: string | Uint8Array, name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let counter = 0;
  return (content, name) => {
    const path = join(dir, `${++counter}-${name}`);
    writeFileSync(path, content);
    return path;
  };
}

export type FixtureShape = { type: 'point'; x: number; y: number } | { type: 'polygon'; rings: Array<Array<[number, number]>> };

export interface FixtureLayer {
  name: string;
  shapes: FixtureShape[];
  /** One record per shape: field name (10 characters at most) → value. */
  records: Array<Record<string, string>>;
  prj?: string;
  cpg?: string;
  /** How the .dbf's text is encoded (default UTF-8). */
  encode?: (text: string) => Uint8Array;
}

const SHAPE_POINT = 1;
const SHAPE_POLYGON = 5;

function shapeContent(shape: FixtureShape): Uint8Array {
  if (shape.type === 'point') {
    const view = new DataView(new ArrayBuffer(20));
    view.setInt32(0, SHAPE_POINT, true);
    view.setFloat64(4, shape.x, true);
    view.setFloat64(12, shape.y, true);
    return new Uint8Array(view.buffer);
  }
  const points = shape.rings.flat();
  const view = new DataView(new ArrayBuffer(44 + 4 * shape.rings.length + 16 * points.length));
  view.setInt32(0, SHAPE_POLYGON, true);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => view.setFloat64(4 + 8 * i, v, true));
  view.setInt32(36, shape.rings.length, true);
  view.setInt32(40, points.length, true);
  let start = 0;
  shape.rings.forEach((ring, i) => {
    view.setInt32(44 + 4 * i, start, true);
    start += ring.length;
  });
  const offset = 44 + 4 * shape.rings.length;
  points.forEach(([x, y], i) => {
    view.setFloat64(offset + 16 * i, x, true);
    view.setFloat64(offset + 16 * i + 8, y, true);
  });
  return new Uint8Array(view.buffer);
}

function shpHeader(fileBytes: number, shapeType: number, shapes: FixtureShape[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(100));
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  const points = shapes.flatMap((s) => (s.type === 'point' ? [[s.x, s.y] as [number, number]] : s.rings.flat()));
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
  return new Uint8Array(view.buffer);
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

function shpAndShx(shapes: FixtureShape[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = shapes[0]?.type === 'polygon' ? SHAPE_POLYGON : SHAPE_POINT;
  const records: Uint8Array[] = [];
  const index: Array<[number, number]> = [];
  let offset = 100;
  shapes.forEach((shape, i) => {
    const content = shapeContent(shape);
    const header = new DataView(new ArrayBuffer(8));
    header.setInt32(0, i + 1, false);
    header.setInt32(4, content.length / 2, false);
    records.push(new Uint8Array(header.buffer), content);
    index.push([offset / 2, content.length / 2]);
    offset += 8 + content.length;
  });
  const shp = concat([shpHeader(offset, shapeType, shapes), ...records]);
  const shxBody = new DataView(new ArrayBuffer(8 * index.length));
  index.forEach(([at, length], i) => {
    shxBody.setInt32(8 * i, at, false);
    shxBody.setInt32(8 * i + 4, length, false);
  });
  const shx = concat([shpHeader(100 + 8 * index.length, shapeType, shapes), new Uint8Array(shxBody.buffer)]);
  return { shp, shx };
}

function dbf(records: Array<Record<string, string>>, encode: (text: string) => Uint8Array): Uint8Array {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const widths = names.map((n) => Math.max(1, ...records.map((r) => encode(r[n] ?? '').length)));
  const headerBytes = 32 + 32 * names.length + 1;
  const recordBytes = 1 + widths.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(headerBytes + recordBytes * records.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([124, 6, 13], 1);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerBytes, true);
  view.setUint16(10, recordBytes, true);
  names.forEach((name, i) => {
    const at = 32 + 32 * i;
    out.set(new TextEncoder().encode(name.slice(0, 10)), at);
    out[at + 11] = 'C'.charCodeAt(0);
    out[at + 16] = widths[i]!;
  });
  out[headerBytes - 1] = 0x0d;
  records.forEach((record, r) => {
    let at = headerBytes + recordBytes * r;
    out[at++] = 0x20;
    names.forEach((name, i) => {
      const bytes = encode(record[name] ?? '');
      out.fill(0x20, at, at + widths[i]!);
      out.set(bytes, at);
      at += widths[i]!;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** The layers' files, zipped (each layer under its own name). */
export function zippedShapefile(layers: FixtureLayer[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const layer of layers) {
    const { shp, shx } = shpAndShx(layer.shapes);
    files[`${layer.name}.shp`] = shp;
    files[`${layer.name}.shx`] = shx;
    files[`${layer.name}.dbf`] = dbf(layer.records, layer.encode ?? ((text) => new TextEncoder().encode(text)));
    if (layer.prj) files[`${layer.name}.prj`] = new TextEncoder().encode(layer.prj);
    if (layer.cpg) files[`${layer.name}.cpg`] = new TextEncoder().encode(layer.cpg);
  }
  return zipSync(files);
}

/** Files zipped as they are (a KMZ's doc.kml, anything else a test needs in a zip). */
export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files);
}

/** WGS 84 / UTM zone 49S (EPSG:32749) as ArcGIS writes its .prj. */
export const UTM_49S_PRJ =
  'PROJCS["WGS_1984_UTM_Zone_49S",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",10000000.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** WGS 84 / UTM zone 48S (EPSG:32748): central meridian 105° E, Bangka's zone. */
export const UTM_48S_PRJ = UTM_49S_PRJ.replace('Zone_49S', 'Zone_48S').replace('PARAMETER["Central_Meridian",111.0]', 'PARAMETER["Central_Meridian",105.0]');

/** Geographic WGS 84 as ArcGIS and QGIS write its .prj. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
