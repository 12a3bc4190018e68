// The spatial files land and planning agencies send, read as GeoJSON features so that they take the
// GeoJSON path (properties as columns, the geometry as the location): a zipped shapefile (.shp,
// .dbf, .prj, .cpg; read by shpjs, reprojected to WGS 84 by proj4 from its .prj), KML, and KMZ (a
// zip holding a .kml; read by @tmcw/togeojson on @xmldom/xmldom). A zip is told apart by what it
// holds: a .shp, a .kml, or an XLSX's xl/workbook.xml.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the untyped module's declaration must follow this file into every program (api, web tests)
/// <reference path="./shpjs.d.ts" />
import { readFile } from 'node:fs/promises';
import { INDONESIA_BBOX } from '@pantau/domain';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser, type Document as XmlDocument } from '@xmldom/xmldom';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import proj4 from 'proj4';
import getShapefile from 'shpjs';

export class SpatialReadError extends Error {
  override name = 'SpatialReadError';
}

export interface SpatialFeature {
  properties?: Record<string, unknown> | null;
  geometry?: unknown;
}

export interface SpatialLayer {
  features: SpatialFeature[];
  /** Shapefile: the layer read (the .shp's name without extension), and every layer of the zip. */
  layer?: string;
  layers?: string[];
  /** Shapefile: the coordinate system its .prj names, when it is not already WGS 84 degrees (the features are reprojected). */
  reprojectedFrom?: string;
  /** Shapefile: no .prj, coordinates taken as WGS 84 degrees (they lie in Indonesia). */
  noPrj?: boolean;
}

/** What a zip holds, by the names of its entries. */
export type ZipContent = 'shapefile' | 'kmz' | 'xlsx' | 'other';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const isZip = (head: Uint8Array) => ZIP_MAGIC.every((b, i) => head[i] === b);

/** Uncompressed bytes a zip may hold in all: a zip of a few MB that inflates to gigabytes is refused. */
const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

/** The zip's entries whose names pass `keep`, inflated; a truncated or corrupt zip is refused naming the file. */
function unzip(bytes: Uint8Array, path: string, keep: (name: string) => boolean): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (file.name.includes('__MACOSX/') || !keep(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new SpatialReadError(`${path}: the zip inflates to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof SpatialReadError) throw error;
    throw new SpatialReadError(`${path}: not a readable zip file, perhaps truncated or damaged (${(error as Error).message})`);
  }
}

/** The names of a zip's entries (nothing inflated). */
export function zipEntries(bytes: Uint8Array, path: string): string[] {
  const names: string[] = [];
  unzip(bytes, path, (name) => {
    names.push(name);
    return false;
  });
  return names;
}

export function zipContent(names: readonly string[]): ZipContent {
  const lower = names.filter((n) => !n.includes('__MACOSX/')).map((n) => n.toLowerCase());
  if (lower.some((n) => n.endsWith('.shp'))) return 'shapefile';
  if (lower.some((n) => n.endsWith('.kml'))) return 'kmz';
  if (lower.includes('xl/workbook.xml')) return 'xlsx';
  return 'other';
}

const baseName = (entry: string) => entry.replace(/^.*\//, '');
const stem = (entry: string) => entry.slice(0, entry.lastIndexOf('.'));

/** GEOGCS["GCS_WGS_1984", …] or an EPSG 4326 definition: degrees already, nothing to reproject. */
function isWgs84Degrees(prj: string, projection: proj4.Converter): boolean {
  if (/^\s*PROJCS\[/i.test(prj) || /^\s*PROJCRS\[/i.test(prj)) return false;
  const [x, y] = projection.forward([106.4, -2.5]);
  return Math.abs(x! - 106.4) < 1e-7 && Math.abs(y! + 2.5) < 1e-7;
}

/** The coordinate system's name as the .prj gives it (PROJCS["WGS_1984_UTM_Zone_49S", …] → WGS_1984_UTM_Zone_49S). */
const crsName = (prj: string) => /^\s*[A-Z]+\["([^"]+)"/i.exec(prj)?.[1] ?? "the .prj's coordinate system";

/** Every [x, y] of a geometry (a GeometryCollection's too). */
function* positionsOf(geometry: unknown): Iterable<number[]> {
  const g = geometry as { type?: string; coordinates?: unknown; geometries?: unknown[] } | null | undefined;
  if (!g) return;
  if (g.type === 'GeometryCollection') {
    for (const part of g.geometries ?? []) yield* positionsOf(part);
    return;
  }
  const walk = function* (value: unknown): Iterable<number[]> {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      yield value as number[];
      return;
    }
    for (const inner of value) yield* walk(inner);
  };
  yield* walk(g.coordinates);
}

/** Slack around Indonesia's extent for a shapefile without .prj (a site on the boundary, a sea area). */
const NO_PRJ_SLACK_DEGREES = 2;

/** A zipped shapefile's layer as features in WGS 84 degrees. */
export async function readZippedShapefile(path: string, bytes: Uint8Array, layer?: string): Promise<SpatialLayer> {
  const files = unzip(bytes, path, (name) => /\.(shp|dbf|prj|cpg)$/i.test(name));
  const byExt = (entry: string, ext: string) => Object.entries(files).find(([name]) => name.toLowerCase() === `${stem(entry).toLowerCase()}.${ext}`)?.[1];
  const shps = Object.keys(files)
    .filter((name) => name.toLowerCase().endsWith('.shp'))
    .sort();
  const layers = shps.map((name) => stem(baseName(name)));
  if (!shps.length) throw new SpatialReadError(`${path}: the zip holds no shapefile (.shp)`);
  let index = 0;
  if (layer !== undefined) {
    index = layers.indexOf(layer);
    if (index < 0) throw new SpatialReadError(`${path}: no layer "${layer}" in the zip (layers: ${layers.join(', ')})`);
  }
  const shp = shps[index]!;
  const name = layers[index]!;
  const dbf = byExt(shp, 'dbf');
  const cpg = byExt(shp, 'cpg');
  const prjBytes = byExt(shp, 'prj');
  const prj = prjBytes ? new TextDecoder().decode(prjBytes).trim() : undefined;
  let projection: proj4.Converter | undefined;
  if (prj) {
    try {
      projection = proj4(prj);
    } catch (error) {
      throw new SpatialReadError(
        `${path}: ${name}.prj names a coordinate system that cannot be read (${(error as Error).message || String(error)}); export the layer again in WGS 84 or a UTM zone`,
      );
    }
  }
  let collection: { features: SpatialFeature[] };
  try {
    // shpjs reads the .dbf in the .cpg's code page (UTF-8 when there is none) and reprojects from the .prj.
    collection = await getShapefile({ shp: files[shp]!, dbf, cpg: cpg ? new TextDecoder().decode(cpg).trim() : undefined, prj });
  } catch (error) {
    throw new SpatialReadError(`${path}: ${name}.shp cannot be read, perhaps truncated or damaged (${(error as Error).message})`);
  }
  const read: SpatialLayer = { features: collection.features, layer: name, layers };
  if (prj && projection && !isWgs84Degrees(prj, projection)) read.reprojectedFrom = crsName(prj);
  if (!prj) {
    // Without a .prj the numbers could be metres of any zone: only degrees lying in Indonesia are taken.
    const [west, south, east, north] = INDONESIA_BBOX;
    for (const feature of collection.features) {
      for (const [x, y] of positionsOf(feature.geometry)) {
        const inIndonesia =
          x! >= west - NO_PRJ_SLACK_DEGREES && x! <= east + NO_PRJ_SLACK_DEGREES && y! >= south - NO_PRJ_SLACK_DEGREES && y! <= north + NO_PRJ_SLACK_DEGREES;
        if (!inIndonesia) {
          throw new SpatialReadError(
            `${path}: ${name} has no .prj and its coordinates are not degrees in Indonesia (e.g. ${Number(x!.toFixed(2))}, ${Number(y!.toFixed(2))}): add the .prj the layer was exported with, or export it in WGS 84`,
          );
        }
      }
    }
    read.noPrj = true;
  }
  return read;
}

/** togeojson's styling and display properties: not data. */
const KML_STYLE_PROPERTIES =
  /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility|open|coordinateProperties)$/;

/** KML text as features: ExtendedData (Data, SimpleData) and the description become properties. */
export function readKml(path: string, text: string): SpatialLayer {
  let document: XmlDocument;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
  } catch (error) {
    throw new SpatialReadError(`${path}: not readable KML (${(error as Error).message.split('\n')[0]})`);
  }
  if (document.documentElement?.localName !== 'kml')
    throw new SpatialReadError(`${path}: not a KML document (its root is <${document.documentElement?.localName ?? ''}>, not <kml>)`);
  // togeojson is typed against the browser's DOM; xmldom's document is the same shape for what it reads.
  const collection = kmlToGeoJson(document as unknown as Parameters<typeof kmlToGeoJson>[0]);
  const features = collection.features.map((feature) => {
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      if (KML_STYLE_PROPERTIES.test(key)) continue;
      // A description in CDATA comes as { "@type": "html", value }: its HTML, read as any HTML property.
      properties[key] =
        value && typeof value === 'object' && (value as { '@type'?: unknown })['@type'] === 'html' ? (value as { value?: unknown }).value : value;
    }
    return { properties, geometry: feature.geometry };
  });
  if (!features.length) throw new SpatialReadError(`${path}: the KML has no placemark`);
  return { features };
}

/** A KMZ: the zip's doc.kml (or its only .kml) read as KML. */
export function readKmz(path: string, bytes: Uint8Array): SpatialLayer {
  const files = unzip(bytes, path, (name) => name.toLowerCase().endsWith('.kml'));
  const kmls = Object.keys(files);
  const main = kmls.find((name) => name.toLowerCase() === 'doc.kml') ?? (kmls.length === 1 ? kmls[0] : kmls.sort()[0]);
  if (!main) throw new SpatialReadError(`${path}: the KMZ holds no .kml`);
  return readKml(path, new TextDecoder().decode(files[main]!));
}

export async function readSpatialFile(path: string, format: 'shapefile' | 'kml' | 'kmz', layer?: string): Promise<SpatialLayer> {
  const bytes = await readFile(path);
  if (format === 'kml') return readKml(path, bytes.toString('utf8'));
  if (format === 'kmz') return readKmz(path, bytes);
  return readZippedShapefile(path, bytes, layer);
}
