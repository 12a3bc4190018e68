// Files as officers export them, read as a header and a stream of rows, without loading the whole
// file: CSV in any delimiter and encoding (UTF-8 with or without BOM, Windows-1252 detected), XLSX
// (first sheet or a named one), GeoJSON FeatureCollection (properties plus the geometry), and the
// spatial files that become GeoJSON features (spatial-files.ts): zipped shapefile, KML, KMZ.
// Government spreadsheets put a title block above the table and totals or a signature block below
// it: the header is the row (or pair of rows, for merged header cells) whose cells name the most
// known fields (see table-layout.ts), and the table ends at its totals or notes row.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { flattenProperties } from './feature-properties.js';
import { isZip, readSpatialFile, SpatialReadError, zipContent, zipEntries, type SpatialFeature } from './spatial-files.js';
import { chooseHeader, footerText, HEADER_SEARCH_ROWS, type HeaderChoice, type SkippedRows } from './table-layout.js';

export type TableFormat = 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'kml' | 'kmz';

/** Formats whose rows are features: the geometry is the row's location. */
export const FEATURE_FORMATS: readonly TableFormat[] = ['geojson', 'shapefile', 'kml', 'kmz'];

export interface TableRow {
  /** The row number a spreadsheet shows (the header is row 1). For GeoJSON, the feature number. */
  row: number;
  values: unknown[];
  /** GeoJSON only: the feature's geometry. */
  geometry?: unknown;
}

export interface Table {
  format: TableFormat;
  headers: string[];
  /** Leaving the loop early (break, throw) closes the file. Read either `rows` or `batches`, not both. */
  rows: AsyncIterable<TableRow>;
  /** The same rows in arrays of those already read (one await per array rather than per row: large files). */
  batches: AsyncIterable<TableRow[]>;
  /** Bytes read so far and in all, for progress. */
  progress(): { read: number; total: number };
  encoding?: string;
  /** CSV: the file starts with a UTF-8 byte order mark. */
  bom?: boolean;
  delimiter?: string;
  sheet?: string;
  /** XLSX: every sheet of the workbook, in order. Zipped shapefile: every layer (a .shp's name), `sheet` the one read. */
  sheets?: string[];
  /** Zipped shapefile: the coordinate system of its .prj when the features were reprojected from it to WGS 84. */
  reprojectedFrom?: string;
  /** Zipped shapefile without .prj: its coordinates, degrees in Indonesia, were taken as WGS 84. */
  noPrj?: boolean;
  /** The header's rows as numbered in the file (two for merged header cells), and how it was chosen. */
  header: HeaderChoice;
  /** Rows left out that are not data: filled in while the rows are read (the footer is known only at its end). */
  skipped: SkippedRows;
}

export interface OpenTableOptions {
  format?: TableFormat;
  /** XLSX: the sheet; zipped shapefile: the layer (the .shp's name without extension). */
  sheet?: string;
  /** The header's row number as the file numbers it (a spreadsheet's row, or a CSV record), instead of finding it. */
  headerRow?: number;
  /** The field a header cell names, if any: used to find the header row among the first rows. */
  headerField?: (cell: string) => string | undefined;
}

export class TableReadError extends Error {
  override name = 'TableReadError';
}

const KNOWN_FORMATS = 'CSV, XLSX, GeoJSON, a zipped shapefile, KML or KMZ';

/**
 * The format by the file's extension, and for a zip (or a file without a known extension) by its
 * content: a zip holding a .shp is a shapefile, one holding a .kml a KMZ, one holding
 * xl/workbook.xml an XLSX; bytes starting `<?xml … <kml` are KML.
 */
export async function formatOf(path: string): Promise<TableFormat> {
  const ext = extname(path).slice(1).toLowerCase();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'kmz') return 'kmz';
  if (ext === 'shp' || ext === 'dbf' || ext === 'shx' || ext === 'prj') {
    throw new TableReadError(`${path}: a shapefile is imported as one .zip holding its .shp, .shx, .dbf and .prj (and .cpg), not its .${ext} alone`);
  }
  const handle = await open(path, 'r');
  const head = Buffer.alloc(512);
  const { bytesRead } = await handle.read(head, 0, head.length, 0).finally(() => handle.close());
  if (isZip(head.subarray(0, bytesRead))) {
    let content;
    try {
      content = zipContent(zipEntries(await readFile(path), path));
    } catch (error) {
      if (error instanceof SpatialReadError) throw new TableReadError(error.message);
      throw error;
    }
    if (content === 'shapefile') return 'shapefile';
    if (content === 'kmz') return 'kmz';
    if (content === 'xlsx') return 'xlsx';
    throw new TableReadError(`${path}: the zip holds no shapefile (.shp), KML or workbook (${KNOWN_FORMATS})`);
  }
  if (ext === 'zip') throw new TableReadError(`${path}: not a readable zip file, perhaps truncated or damaged (it does not begin as a zip)`);
  if (/^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?<kml[\s>]/.test(head.subarray(0, bytesRead).toString('utf8'))) return 'kml';
  throw new TableReadError(`${path}: unknown format "${ext}" (${KNOWN_FORMATS})`);
}

export async function openTable(path: string, options: OpenTableOptions = {}): Promise<Table> {
  const format = options.format ?? (await formatOf(path));
  const total = (await stat(path)).size;
  if (format === 'csv') return openCsv(path, total, options);
  if (format === 'xlsx') return openXlsx(path, total, options);
  if (format === 'geojson') return openGeoJson(path, total);
  return openSpatial(path, total, format, options);
}

const DELIMITERS = [';', ',', '\t', '|'];

/** Rows one by one from their batches. */
async function* rowsOf(batches: AsyncIterable<TableRow[]>): AsyncIterable<TableRow> {
  for await (const batch of batches) yield* batch;
}

/** Each row as a batch of its own (formats whose reader gives rows one at a time anyway). */
async function* singleRows(rows: AsyncIterable<TableRow>): AsyncIterable<TableRow[]> {
  for await (const row of rows) yield [row];
}

/**
 * The records of a decoded CSV text stream, in the arrays papaparse parses from each read of the file
 * (about 64 KB): the reader pays one await per array instead of one per record. Parsing pauses while
 * two arrays wait to be taken, so a large file is never held in memory. A quoted value left open is
 * refused, naming its row.
 */
async function* csvRecordBatches(text: Readable, delimiter: string, path: string): AsyncGenerator<string[][], void, undefined> {
  const waiting: string[][][] = [];
  let parser: Papa.Parser | undefined;
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let records = 0;
  // papaparse's pause() stops its parsing but not the stream, which would go on filling papaparse's
  // queue with the whole file: the text stream is paused with it. And its resume() may only follow a
  // pause(): unpaused, it polls every 3 ms until a pause.
  let paused = false;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    chunk(results, chunkParser) {
      parser = chunkParser;
      const unclosed = results.errors.find((e) => e.code === 'MissingQuotes');
      if (unclosed && failure === undefined) {
        failure = new TableReadError(`${path}: row ${records + (unclosed.row ?? 0) + 1}: a quoted value is never closed (a " without its pair)`);
        chunkParser.abort();
      }
      records += results.data.length;
      waiting.push(results.data);
      if (waiting.length >= 2 && !paused) {
        paused = true;
        chunkParser.pause();
        text.pause();
      }
      wake?.();
    },
    complete() {
      ended = true;
      wake?.();
    },
    error(error: Error) {
      failure ??= error;
      wake?.();
    },
  });
  try {
    for (;;) {
      if (failure !== undefined) throw failure;
      const batch = waiting.shift();
      if (batch) {
        if (paused && waiting.length < 2) {
          paused = false;
          text.resume();
          parser?.resume();
        }
        yield batch;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    if (!ended) {
      parser?.abort();
      text.destroy();
    }
  }
}

const isBlankRecord = (values: string[]) => values.every((v) => v === '');

/** Whether the bytes are valid UTF-8 (ASCII included); with `cut`, a character cut by the end may be incomplete. */
function isUtf8(bytes: Buffer, cut: boolean): boolean {
  let end = bytes.length;
  if (cut) {
    // Drop the start of a multi-byte character the head's end split (at most 3 bytes back).
    let back = end - 1;
    while (back >= 0 && end - back <= 3 && (bytes[back]! & 0xc0) === 0x80) back -= 1;
    if (back >= 0 && bytes[back]! >= 0xc0) end = back;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

async function openCsv(path: string, total: number, options: OpenTableOptions): Promise<Table> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(total, 64 * 1024));
  await handle.read(head, 0, head.length, 0);
  await handle.close();
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // Pure ASCII or valid UTF-8 is UTF-8: chardet guesses a code page for ASCII (often ISO-8859-9), which
  // decodes the same bytes but tells the analyst a wrong, alarming encoding.
  const detected = hasBom || isUtf8(head, head.length < total) ? 'UTF-8' : (chardet.detect(head) ?? 'UTF-8');
  // chardet names Latin-1 what Windows exports; windows-1252 decodes both (and €, “ ”).
  const encoding = /^(UTF-8|ascii)$/i.test(detected) ? 'utf-8' : /^ISO-8859-1$|^windows-1252$/i.test(detected) ? 'windows-1252' : detected.toLowerCase();
  if (!iconv.encodingExists(encoding)) throw new TableReadError(`${path}: unsupported text encoding ${detected}`);
  const firstLine =
    iconv
      .decode(head, encoding)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] ?? '';
  const delimiter = DELIMITERS.map((d) => [d, firstLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let read = 0;
  const source = createReadStream(path);
  source.on('data', (chunk) => {
    read += chunk.length;
  });
  // iconv decodes whole characters across reads (UTF-8 too) and drops a BOM; papaparse reads the text.
  const text = source.pipe(iconv.decodeStream(encoding)) as unknown as Readable;
  source.once('error', (error) => text.destroy(error));
  const records = csvRecordBatches(text, delimiter, path);
  // Every record is a row, numbered as a spreadsheet shows it (the header is row 1, a value over two
  // lines is one row); blank rows (no value, or only delimiters, as spreadsheets export them) are skipped.
  let row = 0;
  const numbered = (batch: string[][]): TableRow[] => {
    const rows: TableRow[] = [];
    for (const values of batch) {
      row += 1;
      for (let i = 0; i < values.length; i++) values[i] = values[i]!.trim();
      if (!isBlankRecord(values)) rows.push({ row, values });
    }
    return rows;
  };
  async function* recordRows(): AsyncGenerator<TableRow[]> {
    try {
      for (;;) {
        const next = await records.next();
        if (next.done) return;
        yield numbered(next.value);
      }
    } finally {
      source.destroy();
      await records.return(undefined);
    }
  }
  const arranged = await arrangeTable(recordRows(), options, `${path}: the file is empty`, path);
  return { format: 'csv', ...arranged, rows: rowsOf(arranged.batches), progress: () => ({ read, total }), encoding, bom: hasBom, delimiter };
}

/**
 * The header found among the first rows (see table-layout.ts), and the data rows after it up to the
 * footer; the rows after the footer are read only to be counted.
 */
async function arrangeTable(
  source: AsyncGenerator<TableRow[]>,
  options: OpenTableOptions,
  emptyMessage: string,
  path: string,
): Promise<Pick<Table, 'headers' | 'header' | 'skipped' | 'batches'>> {
  const first: TableRow[] = [];
  const enough = () =>
    options.headerRow !== undefined ? first.length > 0 && first[first.length - 1]!.row > options.headerRow + 1 : first.length >= HEADER_SEARCH_ROWS + 1;
  while (!enough()) {
    const next = await source.next();
    if (next.done) break;
    first.push(...next.value);
  }
  if (!first.length) {
    await source.return(undefined);
    throw new TableReadError(emptyMessage);
  }
  const chosen = chooseHeader(first, options.headerField, options.headerRow);
  if (!chosen) {
    await source.return(undefined);
    throw new TableReadError(`${path}: row ${options.headerRow} (the header row asked for) is blank or not in the file`);
  }
  const skipped: SkippedRows = {};
  const rest = first.slice(chosen.index + chosen.span);
  async function* batches(): AsyncIterable<TableRow[]> {
    try {
      let pending: TableRow[] | undefined = rest;
      while (pending) {
        if (skipped.footer) {
          skipped.footer.rowsAfter += pending.length;
        } else {
          const end = pending.findIndex((r) => footerText(r.values) !== undefined);
          if (end < 0) {
            if (pending.length) yield pending;
          } else {
            skipped.footer = { row: pending[end]!.row, text: footerText(pending[end]!.values)!, rowsAfter: pending.length - end - 1 };
            if (end > 0) yield pending.slice(0, end);
          }
        }
        const next = await source.next();
        pending = next.done ? undefined : next.value;
      }
    } finally {
      await source.return(undefined);
    }
  }
  return { headers: chosen.headers, header: chosen.choice, skipped, batches: batches() };
}

/** A cell's value as text, number or Date (formulas give their result, rich text its text). */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return value.text;
  if ('error' in value) return '';
  return String(value);
}

async function openXlsx(path: string, total: number, options: OpenTableOptions): Promise<Table> {
  const sheetName = options.sheet;
  let read = 0;
  const source = createReadStream(path);
  source.on('data', (chunk) => {
    read += chunk.length;
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  const sheets = workbook[Symbol.asyncIterator]();
  let sheet: (ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>) | undefined;
  const seen: string[] = [];
  for (;;) {
    const next = await sheets.next().catch((error: unknown) => {
      throw new TableReadError(`${path}: not a readable XLSX file (${(error as Error).message})`);
    });
    if (next.done) break;
    const candidate = next.value as unknown as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
    const name = (candidate as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
    seen.push(name);
    if (!sheetName || name === sheetName) {
      sheet = candidate;
      break;
    }
    for await (const _ of candidate) {
      /* skip the rows of sheets not asked for */
    }
  }
  if (!sheet) throw new TableReadError(sheetName ? `${path}: no sheet "${sheetName}" (sheets: ${seen.join(', ')})` : `${path}: the workbook has no sheet`);
  const rowsOfSheet = sheet[Symbol.asyncIterator]();
  async function* sheetRows(): AsyncGenerator<TableRow[]> {
    try {
      for (;;) {
        const next = await rowsOfSheet.next();
        if (next.done) return;
        if (!next.value.hasValues) continue;
        const values = (next.value.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
        if (values.every((v) => v === '' || (typeof v === 'string' && v.trim() === ''))) continue;
        yield [{ row: next.value.number, values }];
      }
    } finally {
      source.destroy();
    }
  }
  const arranged = await arrangeTable(sheetRows(), options, `${path}: the sheet is empty`, path);
  // Every row as wide as the header, so that a column left empty at a row's end reads as empty.
  const width = arranged.headers.length;
  async function* padded(): AsyncIterable<TableRow[]> {
    for await (const batch of arranged.batches) {
      for (const r of batch) while (r.values.length < width) (r.values as unknown[]).push('');
      yield batch;
    }
  }
  // workbook.xml (the sheet list) comes before the sheets in the files Excel, LibreOffice and
  // ExcelJS write; without it, the sheets seen so far.
  const listed = (workbook as unknown as { model?: { sheets?: Array<{ name?: string }> } }).model?.sheets?.map((s) => s.name ?? '').filter(Boolean);
  const batches = padded();
  return {
    format: 'xlsx',
    ...arranged,
    batches,
    rows: rowsOf(batches),
    progress: () => ({ read, total }),
    sheet: (sheet as unknown as { name?: string }).name,
    sheets: listed?.length ? listed : seen,
  };
}

/**
 * GeoJSON is read whole (a FeatureCollection is one JSON value); the API caps upload sizes. Each
 * feature is a row: its properties flattened (see feature-properties.ts) and its geometry, which is
 * the row's location.
 */
async function openGeoJson(path: string, total: number): Promise<Table> {
  let json: { type?: string; features?: Array<{ properties?: Record<string, unknown> | null; geometry?: unknown }> };
  try {
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TableReadError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new TableReadError(`${path}: not a GeoJSON FeatureCollection`);
  return featureTable('geojson', json.features, total);
}

/**
 * A zipped shapefile, KML or KMZ, read whole (as GeoJSON is) into features in WGS 84 degrees, then a
 * table as GeoJSON's. A zipped shapefile of several layers is read at the layer named (`sheet`), or
 * its first: runImport refuses to guess among several.
 */
async function openSpatial(path: string, total: number, format: 'shapefile' | 'kml' | 'kmz', options: OpenTableOptions): Promise<Table> {
  let read;
  try {
    read = await readSpatialFile(path, format, options.sheet);
  } catch (error) {
    if (error instanceof SpatialReadError) throw new TableReadError(error.message);
    throw error;
  }
  const features = read.features.map((f) => ({ properties: f.properties, geometry: flatGeometry(f.geometry) }));
  const table = featureTable(format, features, total);
  return { ...table, sheet: read.layer, sheets: read.layers, reprojectedFrom: read.reprojectedFrom, noPrj: read.noPrj };
}

/**
 * A geometry as the kinds read a GeoJSON one: positions in two dimensions (KML gives an altitude,
 * often 0, that a 2D column refuses), and a KML MultiGeometry of polygons (or of points) as one
 * MultiPolygon (MultiPoint).
 */
function flatGeometry(geometry: unknown): unknown {
  const g = geometry as { type?: string; coordinates?: unknown; geometries?: unknown[] } | null | undefined;
  if (!g || typeof g !== 'object') return geometry ?? null;
  const flat = (value: unknown): unknown => (Array.isArray(value) ? (typeof value[0] === 'number' ? value.slice(0, 2) : value.map(flat)) : value);
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    const parts = g.geometries.map(flatGeometry) as Array<{ type?: string; coordinates?: unknown[] }>;
    if (parts.length && parts.every((p) => p?.type === 'Polygon' || p?.type === 'MultiPolygon')) {
      return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates ?? []))) };
    }
    if (parts.length && parts.every((p) => p?.type === 'Point')) return { type: 'MultiPoint', coordinates: parts.map((p) => p.coordinates) };
    return { type: 'GeometryCollection', geometries: parts };
  }
  return { ...g, coordinates: flat(g.coordinates) };
}

/** Features as a table: each feature a row, its properties flattened (see feature-properties.ts), its geometry the row's location. */
function featureTable(format: TableFormat, features: SpatialFeature[], total: number): Table {
  const cells = features.map((f) => flattenProperties(f?.properties));
  const headers = [...new Set(cells.flatMap((c) => [...c.keys()]))];
  let done = 0;
  async function* rows(): AsyncIterable<TableRow> {
    for (const [i, f] of features.entries()) {
      done = i + 1;
      yield { row: i + 1, values: headers.map((h) => cells[i]!.get(h) ?? ''), geometry: f?.geometry ?? null };
    }
  }
  const featureRows = rows();
  return {
    format,
    headers,
    rows: featureRows,
    batches: singleRows(featureRows),
    header: { rows: [], how: 'first', above: [] },
    skipped: {},
    progress: () => ({ read: features.length ? Math.round((done / features.length) * total) : total, total }),
  };
}
