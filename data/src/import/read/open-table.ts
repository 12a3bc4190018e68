// Files as officers export them, read as a header and a stream of rows, without loading the whole
// file: CSV in any delimiter and encoding (UTF-8 with or without BOM, Windows-1252 detected), XLSX
// (first sheet or a named one), GeoJSON FeatureCollection (properties plus the geometry).
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type TableFormat = 'csv' | 'xlsx' | 'geojson';

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
  /** XLSX: every sheet of the workbook, in order. */
  sheets?: string[];
}

export class TableReadError extends Error {
  override name = 'TableReadError';
}

export function formatOf(path: string, declared?: string): TableFormat {
  const ext = (declared ?? extname(path).slice(1)).toLowerCase();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  throw new TableReadError(`${path}: unknown format "${ext}" (CSV, XLSX or GeoJSON)`);
}

export async function openTable(path: string, options: { format?: TableFormat; sheet?: string } = {}): Promise<Table> {
  const format = options.format ?? formatOf(path);
  const total = (await stat(path)).size;
  if (format === 'csv') return openCsv(path, total);
  if (format === 'xlsx') return openXlsx(path, total, options.sheet);
  return openGeoJson(path, total);
}

const DELIMITERS = [';', ',', '\t', '|'];

/**
 * The records of an object-mode stream in arrays of those already parsed (csv-parse turns a whole read
 * of the file into records at once): the reader pays one await per array instead of one per record.
 */
async function* recordBatches(stream: Readable, max = 4096): AsyncGenerator<unknown[], void, undefined> {
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const onReadable = () => wake?.();
  const onEnd = () => { ended = true; wake?.(); };
  const onError = (error: unknown) => { failure = error; wake?.(); };
  stream.on('readable', onReadable).on('end', onEnd).on('error', onError);
  try {
    for (;;) {
      if (failure !== undefined) throw failure;
      const batch: unknown[] = [];
      let record: unknown;
      while (batch.length < max && (record = stream.read()) !== null) batch.push(record);
      if (batch.length) { yield batch; continue; }
      if (ended || stream.readableEnded) return;
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
    }
  } finally {
    stream.off('readable', onReadable).off('end', onEnd).off('error', onError);
    if (!ended) stream.destroy();
  }
}

/** Rows one by one from their batches. */
async function* rowsOf(batches: AsyncIterable<TableRow[]>): AsyncIterable<TableRow> {
  for await (const batch of batches) yield* batch;
}

/** Each row as a batch of its own (formats whose reader gives rows one at a time anyway). */
async function* singleRows(rows: AsyncIterable<TableRow>): AsyncIterable<TableRow[]> {
  for await (const row of rows) yield [row];
}

async function openCsv(path: string, total: number): Promise<Table> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(total, 64 * 1024));
  await handle.read(head, 0, head.length, 0);
  await handle.close();
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const detected = hasBom ? 'UTF-8' : chardet.detect(head) ?? 'UTF-8';
  // chardet names Latin-1 what Windows exports; windows-1252 decodes both (and €, “ ”).
  const encoding = /^(UTF-8|ascii)$/i.test(detected) ? 'utf-8' : /^ISO-8859-1$|^windows-1252$/i.test(detected) ? 'windows-1252' : detected.toLowerCase();
  if (!iconv.encodingExists(encoding)) throw new TableReadError(`${path}: unsupported text encoding ${detected}`);
  const firstLine = iconv.decode(head, encoding).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const delimiter = DELIMITERS.map((d) => [d, firstLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let read = 0;
  const source = createReadStream(path);
  source.on('data', (chunk) => { read += chunk.length; });
  const options = { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true } as const;
  // csv-parse decodes UTF-8 itself (a character split between two reads included); other encodings go through iconv.
  const parser = encoding === 'utf-8' ? source.pipe(parse(options)) : source.pipe(iconv.decodeStream(encoding)).pipe(parse(options));
  source.once('error', (error) => parser.destroy(error));
  const records = recordBatches(parser);
  const first = await records.next();
  if (first.done) throw new TableReadError(`${path}: the file is empty`);
  const firstRows = first.value.slice(1);
  const headers = (first.value[0] as string[]).map((h) => h.trim());
  async function* batches(): AsyncIterable<TableRow[]> {
    let row = 1;
    const numbered = (batch: unknown[]) => batch.map((values) => ({ row: ++row, values: values as string[] }));
    try {
      if (firstRows.length) yield numbered(firstRows);
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
  const rowBatches = batches();
  return { format: 'csv', headers, rows: rowsOf(rowBatches), batches: rowBatches, progress: () => ({ read, total }), encoding, bom: hasBom, delimiter };
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

async function openXlsx(path: string, total: number, sheetName?: string): Promise<Table> {
  let read = 0;
  const source = createReadStream(path);
  source.on('data', (chunk) => { read += chunk.length; });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  const sheets = workbook[Symbol.asyncIterator]();
  let sheet: (ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>) | undefined;
  const seen: string[] = [];
  for (;;) {
    const next = await sheets.next().catch((error: unknown) => { throw new TableReadError(`${path}: not a readable XLSX file (${(error as Error).message})`); });
    if (next.done) break;
    const candidate = next.value as unknown as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
    const name = (candidate as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
    seen.push(name);
    if (!sheetName || name === sheetName) { sheet = candidate; break; }
    for await (const _ of candidate) { /* skip the rows of sheets not asked for */ }
  }
  if (!sheet) throw new TableReadError(sheetName ? `${path}: no sheet "${sheetName}" (sheets: ${seen.join(', ')})` : `${path}: the workbook has no sheet`);
  const rowsOfSheet = sheet[Symbol.asyncIterator]();
  let header: ExcelJS.Row | undefined;
  for (;;) {
    const next = await rowsOfSheet.next();
    if (next.done) throw new TableReadError(`${path}: the sheet is empty`);
    if (next.value.hasValues) { header = next.value; break; }
  }
  const width = (header.values as ExcelJS.CellValue[]).length;
  const headers = Array.from({ length: width - 1 }, (_, i) => String(cellValue((header!.values as ExcelJS.CellValue[])[i + 1]) ?? '').trim());
  async function* rows(): AsyncIterable<TableRow> {
    try {
      for (;;) {
        const next = await rowsOfSheet.next();
        if (next.done) return;
        if (!next.value.hasValues) continue;
        const values = next.value.values as ExcelJS.CellValue[];
        yield { row: next.value.number, values: Array.from({ length: Math.max(headers.length, values.length - 1) }, (_, i) => cellValue(values[i + 1])) };
      }
    } finally {
      source.destroy();
    }
  }
  // workbook.xml (the sheet list) comes before the sheets in the files Excel, LibreOffice and
  // ExcelJS write; without it, the sheets seen so far.
  const listed = (workbook as unknown as { model?: { sheets?: Array<{ name?: string }> } }).model?.sheets?.map((s) => s.name ?? '').filter(Boolean);
  const sheetRows = rows();
  return { format: 'xlsx', headers, rows: sheetRows, batches: singleRows(sheetRows), progress: () => ({ read, total }), sheet: (sheet as unknown as { name?: string }).name, sheets: listed?.length ? listed : seen };
}

/** GeoJSON is read whole (a FeatureCollection is one JSON value); the API caps upload sizes. */
async function openGeoJson(path: string, total: number): Promise<Table> {
  let json: { type?: string; features?: Array<{ properties?: Record<string, unknown> | null; geometry?: unknown }> };
  try {
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TableReadError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new TableReadError(`${path}: not a GeoJSON FeatureCollection`);
  const features = json.features;
  const headers = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  let done = 0;
  async function* rows(): AsyncIterable<TableRow> {
    for (const [i, f] of features.entries()) {
      done = i + 1;
      yield { row: i + 1, values: headers.map((h) => f.properties?.[h] ?? ''), geometry: f.geometry };
    }
  }
  const featureRows = rows();
  return { format: 'geojson', headers, rows: featureRows, batches: singleRows(featureRows), progress: () => ({ read: features.length ? Math.round((done / features.length) * total) : total, total }) };
}
