// Files as officers export them, read as a header and a stream of rows, without loading the whole
// file: CSV in any delimiter and encoding (UTF-8 with or without BOM, Windows-1252 detected), XLSX
// (first sheet or a named one), GeoJSON FeatureCollection (properties plus the geometry).
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

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
      if (waiting.length >= 2 && !paused) { paused = true; chunkParser.pause(); text.pause(); }
      wake?.();
    },
    complete() { ended = true; wake?.(); },
    error(error: Error) { failure ??= error; wake?.(); },
  });
  try {
    for (;;) {
      if (failure !== undefined) throw failure;
      const batch = waiting.shift();
      if (batch) {
        if (paused && waiting.length < 2) { paused = false; text.resume(); parser?.resume(); }
        yield batch;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
    }
  } finally {
    if (!ended) { parser?.abort(); text.destroy(); }
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

async function openCsv(path: string, total: number): Promise<Table> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(total, 64 * 1024));
  await handle.read(head, 0, head.length, 0);
  await handle.close();
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // Pure ASCII or valid UTF-8 is UTF-8: chardet guesses a code page for ASCII (often ISO-8859-9), which
  // decodes the same bytes but tells the analyst a wrong, alarming encoding.
  const detected = hasBom || isUtf8(head, head.length < total) ? 'UTF-8' : chardet.detect(head) ?? 'UTF-8';
  // chardet names Latin-1 what Windows exports; windows-1252 decodes both (and €, “ ”).
  const encoding = /^(UTF-8|ascii)$/i.test(detected) ? 'utf-8' : /^ISO-8859-1$|^windows-1252$/i.test(detected) ? 'windows-1252' : detected.toLowerCase();
  if (!iconv.encodingExists(encoding)) throw new TableReadError(`${path}: unsupported text encoding ${detected}`);
  const firstLine = iconv.decode(head, encoding).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const delimiter = DELIMITERS.map((d) => [d, firstLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let read = 0;
  const source = createReadStream(path);
  source.on('data', (chunk) => { read += chunk.length; });
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
  let firstRows: TableRow[] = [];
  for (;;) {
    const next = await records.next();
    if (next.done) throw new TableReadError(`${path}: the file is empty`);
    firstRows = numbered(next.value);
    if (firstRows.length) break;
  }
  const headers = firstRows[0]!.values as string[];
  firstRows = firstRows.slice(1);
  async function* batches(): AsyncIterable<TableRow[]> {
    try {
      if (firstRows.length) yield firstRows;
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
