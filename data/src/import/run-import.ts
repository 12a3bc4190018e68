// The one import pipeline: CLI, API and tests all come through here. A file is read as a stream,
// its headers mapped to fields, every row normalised and checked, duplicates found within the file
// and against the database, and all valid rows written in ONE transaction as one batch — or none.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_PREVIEW_POINTS, importNote, importReason, inScope, type ImportKind, type ImportNote, type ImportReason, type Scope } from '@pantau/domain';
import { writeAudit } from '../accounts/audit.js';
import { CLI_ACTOR, type Actor } from '../accounts/users.js';
import { DEFAULT_REGENCY_TOLERANCE_KM } from '../config.js';
import {
  areas,
  expectWritten,
  importBatches,
  openBulkWriter,
  queryOne,
  queryRows,
  scopeCondition,
  sql,
  verifyHolderCounts,
  type BulkRow,
  type BulkWriter,
  type Database,
  type Orm,
} from '@pantau/db';
import { describeMissing, headerFieldOf, ImportMappingError, mapColumns, providedFields, type ColumnMapping } from './map-columns.js';
import { AreaMatcher, type AreaRow } from './normalise/area-matcher.js';
import { openTable, type Table, type TableFormat } from './read/open-table.js';
import { companiesHandler } from './kinds/companies.js';
import { operationsHandler } from './kinds/operations.js';
import { permitsHandler } from './kinds/permits.js';
import { riskAreasHandler } from './kinds/risk-areas.js';
import { entryPointsHandler, reportsHandler } from './kinds/simple-points.js';
import { movementsHandler } from './kinds/movements.js';
import { meetingsHandler } from './kinds/meetings.js';
import { CellReader } from './kinds/cells.js';
import { readCoordinates } from './kinds/coordinates.js';
import type { ExistingRecord, ImportIssue, ImportKindHandler, ImportReport, KindContext } from './types.js';

/**
 * Why an import or a rollback was refused, for callers to act on (the API's status, the CLI's exit)
 * without reading the English sentence: `invalid_file` the file cannot be imported as it is;
 * `kind_unavailable` no importer for the kind; `invalid_batch_id` not a batch id; `batch_not_found` no
 * such batch (or not wholly in the caller's scope); `batch_not_committed` already rolled back;
 * `usage` a command line the CLI cannot run.
 */
export const IMPORT_ERROR_CODES = ['invalid_file', 'kind_unavailable', 'invalid_batch_id', 'batch_not_found', 'batch_not_committed', 'usage'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    message: string,
    readonly code: ImportErrorCode = 'invalid_file',
  ) {
    super(message);
  }
}

/**
 * A report as JSON PostgreSQL can store: a file's cells may hold NUL characters, which jsonb and text
 * refuse (`\u0000`), so they are stored as U+FFFD (the report returned keeps what the file said).
 */
export function storableReportJson(report: unknown): string {
  return JSON.stringify(report, (_key, value: unknown) =>
    typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value,
  );
}

/** Thrown inside the transaction of a dry run so that nothing stays. */
class DryRunRollback extends Error {}

const HANDLERS: Partial<Record<ImportKind, () => ImportKindHandler<unknown>>> = {
  permits: permitsHandler as () => ImportKindHandler<unknown>,
  companies: companiesHandler as () => ImportKindHandler<unknown>,
  'entry-points': entryPointsHandler as () => ImportKindHandler<unknown>,
  movements: movementsHandler as () => ImportKindHandler<unknown>,
  reports: reportsHandler as () => ImportKindHandler<unknown>,
  'risk-areas': riskAreasHandler as () => ImportKindHandler<unknown>,
  operations: operationsHandler as () => ImportKindHandler<unknown>,
  meetings: meetingsHandler as () => ImportKindHandler<unknown>,
};

export const SUPPORTED_IMPORT_KINDS = Object.keys(HANDLERS) as ImportKind[];

/** The required field groups of a kind (any one field of a group will do). */
export function requiredFieldsOf(kind: ImportKind): ReadonlyArray<readonly string[]> {
  const makeHandler = HANDLERS[kind];
  if (!makeHandler) throw new ImportFileError(`Importing ${kind} is not available yet (available: ${SUPPORTED_IMPORT_KINDS.join(', ')}).`, 'kind_unavailable');
  return makeHandler().required;
}

export interface ImportOptions {
  kind: ImportKind;
  path: string;
  /** The name to record (an upload's original name); default the path's base name. */
  fileName?: string;
  format?: TableFormat;
  /** XLSX: the sheet; zipped shapefile: the layer (the .shp's name without extension). */
  sheet?: string;
  /** The header's row number in the file, instead of finding it among the first rows. */
  headerRow?: number;
  dryRun?: boolean;
  /** Header → field, overriding the synonyms. */
  mapping?: Record<string, string>;
  onProgress?(progress: { rows: number; bytesRead: number; bytesTotal: number }): void;
  /** Rows per write; smaller in tests. */
  chunkSize?: number;
  /** The importing user's scope: a row located outside it is rejected (default national: the CLI). */
  scope?: Scope;
  /** Who imports, for the audit row written with the batch (the CLI's user when absent). */
  actor?: Actor;
  /** How far (km) a point may lie outside the regency its row names without a warning (PANTAU_IMPORT_REGENCY_TOLERANCE_KM). */
  regencyToleranceKm?: number;
}

/** Every area code a record carries (its own and its sites'), most specific first within each place. */
function areaCodesOf(record: unknown, found: string[] = []): string[] {
  if (Array.isArray(record)) record.forEach((item) => areaCodesOf(item, found));
  else if (record && typeof record === 'object') {
    const r = record as Record<string, unknown>;
    const code = [r.districtCode, r.regencyCode, r.provinceCode].find((v) => typeof v === 'string' && v);
    if (typeof code === 'string') found.push(code);
    for (const value of Object.values(r)) if (value && typeof value === 'object') areaCodesOf(value, found);
  }
  return found;
}

const MAX_REPORTED_ISSUES = 10_000;

/** The first point a record stands at (its own `position`, or a site's or target's), or null. */
function positionOf(record: unknown): [number, number] | null {
  if (!record || typeof record !== 'object') return null;
  const r = record as Record<string, unknown>;
  const p = r.position;
  if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') return [p[0], p[1]];
  for (const value of Object.values(r)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const found = positionOf(value);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Why a row is refused when Pantau holds its key outside the importer's scope: saying "already in
 * Pantau (batch …)" would confirm what exists in an area the importer may not see.
 */
export const CLASH_OUTSIDE_SCOPE = importReason('conflicts_outside_scope').reason;

/** Why a row whose key Pantau holds is refused: what is held and where from, or nothing at all outside the scope. */
function heldReason(held: ExistingRecord, visible: boolean): ImportReason {
  if (!visible) return importReason('conflicts_outside_scope');
  if (held.held === 'operation') return importReason('operation_already_in_pantau', { origin: held.origin });
  if (held.held === 'registration_number') return importReason('registration_number_in_use', { origin: held.origin });
  return importReason('already_in_pantau', { origin: held.origin });
}

/**
 * A batch belongs to the areas its rows fall in (import_batches.area_codes): a scope sees it only
 * when every one of them lies inside (national: all). A batch with no area is the national scope's.
 */
export function batchWithin(areaCodes: readonly string[], scope: Scope): boolean {
  if (scope === null) return true;
  return areaCodes.length > 0 && areaCodes.every((code) => inScope(scope, code));
}

/** The smallest area holding every code (`19.04` for `19.04.01` and `19.04.02`), or null: for the audit row's area. */
export function commonArea(codes: readonly string[]): string | null {
  if (!codes.length) return null;
  let common = codes[0]!.split('.');
  for (const code of codes.slice(1)) {
    const parts = code.split('.');
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.length ? common.join('.') : null;
}

/** Postgres text[] as postgres.js or PGlite returns it (an array; a '{…}' literal just in case). */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{'))
    return value
      .slice(1, -1)
      .split(',')
      .filter(Boolean)
      .map((v) => v.replace(/^"|"$/g, ''));
  return [];
}

/** A unique index refused a row (SQLSTATE 23505), as postgres.js reports it or as drizzle wraps it (PGlite). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `tx` whose queries (through `execute`) wait until `idle()` settles: reads of rows queue behind the chunk being written. */
function afterWrites(tx: Orm, idle: () => Promise<void>): Orm {
  return Object.create(tx, {
    execute: {
      value: async (query: Parameters<Orm['execute']>[0]) => {
        await idle();
        return tx.execute(query);
      },
    },
  }) as Orm;
}

/** What the report says of where the table was found in the file: the header below a title block, the footer. */
export function noteLayout(table: Pick<Table, 'header' | 'skipped'>, warn: (note: ImportNote) => void): void {
  const { header, skipped } = table;
  if (header.how !== 'first' && header.rows.length) {
    warn(
      importNote('header_row_found', {
        rows: header.rows.join('–'),
        given: header.how === 'given',
        above: header.above.length,
        title: header.above.map((a) => a.text).find(Boolean) ?? '',
      }),
    );
  }
  if (skipped.footer) warn(importNote('table_footer', { row: skipped.footer.row, text: skipped.footer.text.slice(0, 60), after: skipped.footer.rowsAfter }));
}

/** Refusals for a value outside a closed vocabulary: grouped by value in the report (see `unmapped`). */
const UNMAPPED_VALUE_CODES: ReadonlySet<string> = new Set([
  'unknown_nationality',
  'unknown_permit_type',
  'unknown_purpose',
  'unknown_sex',
  'unknown_sector',
  'unknown_risk_category',
  'unknown_severity',
  'unknown_action',
  'unknown_target_kind',
  'unknown_outcome',
  'unknown_entry_point_kind',
  'unknown_channel',
  'unknown_report_status',
  'unknown_report_category',
]);
const ROWS_LISTED_PER_UNMAPPED_VALUE = 3;

export async function runImport(database: Database, options: ImportOptions): Promise<ImportReport> {
  const makeHandler = HANDLERS[options.kind];
  if (!makeHandler)
    throw new ImportFileError(`Importing ${options.kind} is not available yet (available: ${SUPPORTED_IMPORT_KINDS.join(', ')}).`, 'kind_unavailable');
  const handler = makeHandler();
  const fileName = options.fileName ?? basename(options.path);
  const fileSha256 = await sha256(options.path);

  const previous = await queryOne<{ id: string; report: unknown; area_codes: unknown }>(
    database.orm,
    sql`select id, report, area_codes from ${importBatches} where kind = ${options.kind} and file_sha256 = ${fileSha256} and status = 'committed'`,
  );
  if (previous && !options.dryRun) {
    // The earlier batch's report names its rows and areas: only for a scope that sees all of them.
    if (!batchWithin(textArray(previous.area_codes), options.scope ?? null)) throw new ImportFileError(`${fileName}: this file ${CLASH_OUTSIDE_SCOPE}.`);
    const report = (typeof previous.report === 'string' ? JSON.parse(previous.report) : previous.report) as ImportReport;
    const note = importNote('imported_before', { batch: previous.id });
    return { ...report, status: 'unchanged', imported: 0, warnings: [note.message], notes: [note] };
  }

  const tableOptions = {
    format: options.format,
    sheet: options.sheet,
    headerRow: options.headerRow,
    headerField: headerFieldOf(options.kind, options.mapping),
  };
  const firstTable = await openTable(options.path, tableOptions);
  // A zip of several shapefile layers: which one is meant is the importer's to say, never a guess.
  if (firstTable.format === 'shapefile' && (firstTable.sheets?.length ?? 0) > 1 && options.sheet === undefined) {
    throw new ImportFileError(
      `${fileName}: the zip holds ${firstTable.sheets!.length} shapefile layers: ${firstTable.sheets!.join(', ')}; choose one with --layer (the API's layer field).`,
    );
  }
  let columns: ColumnMapping;
  try {
    columns = mapColumns(options.kind, firstTable.headers, handler.required, options.mapping, providedFields(firstTable.format));
  } catch (error) {
    if (error instanceof ImportMappingError) throw new ImportFileError(`${fileName}: ${error.message}`);
    throw error;
  }
  const { fields, mapping, unknownColumns, missing } = columns;
  if (missing.length) {
    const where = firstTable.header.rows.length ? ` (header taken from row ${firstTable.header.rows.join('–')}; give another with --header-row)` : '';
    const otherSheets = (firstTable.sheets ?? []).filter((name) => name !== firstTable.sheet);
    const sheets = otherSheets.length
      ? `\nThis is sheet "${firstTable.sheet}"; the workbook also has: ${otherSheets.join(', ')} (choose one with --sheet).`
      : '';
    throw new ImportFileError(
      `${fileName}: missing column(s) for ${options.kind}:\n${describeMissing(options.kind, missing).join('\n')}\nColumns found${where}: ${firstTable.headers.filter(Boolean).join(', ')}. Use --mapping to name them.${sheets}`,
    );
  }

  const batchId = options.dryRun ? null : randomUUID();
  const origin = batchId ? `batch:${batchId}` : 'batch:00000000-0000-0000-0000-000000000000';
  let warnings = new Map<string, ImportNote>(); // English sentence → note: each said once
  let issues: ImportIssue[] = [];
  let fixes: ImportIssue[] = [];
  let rows = 0;
  let imported = 0;
  let duplicates = 0;
  let rejectedRows = 0;
  /** The most specific area code of every row written: the batch's areas (import_batches.area_codes). */
  let writtenAreas = new Set<string>();
  /** Dry runs: where the located rows stand, for the import page's map (the first IMPORT_PREVIEW_POINTS). */
  let located: Array<{ row: number; lng: number; lat: number }> = [];
  let locatedTotal = 0;
  const locate = (row: number, point: [number, number] | null | undefined) => {
    if (!options.dryRun || !point) return;
    locatedTotal += 1;
    if (located.length < IMPORT_PREVIEW_POINTS) located.push({ row, lng: point[0], lat: point[1] });
  };
  const wrote = (records: readonly unknown[]) => {
    for (const record of records) for (const code of areaCodesOf(record)) writtenAreas.add(code);
  };
  const chunkSize = options.chunkSize ?? 20_000;
  let table = firstTable;

  /**
   * Reads the whole file and writes its valid rows in `tx`. Two ways of writing:
   * - `stream` (the server, kinds with a unique key and one table of rows, such as permits): rows go
   *   into ONE COPY as they are checked, without asking first which of them Pantau already holds; the
   *   database never waits for a statement, and the check (an index probe per row) is left to the
   *   unique index. Should the index refuse a row, `run` rolls the pass back to its savepoint and
   *   reads the file again in `chunks`, so that every row Pantau holds is found and reported.
   * - `chunks` (otherwise, and that second pass): duplicates are looked up chunk by chunk before each
   *   chunk is written; on PGlite (one connection) a kind with a unique key writes a chunk first under
   *   a savepoint and looks up only when the database refuses it.
   */
  const work = async (tx: Orm, mode: 'stream' | 'chunks') => {
    const handler = makeHandler();
    warnings = new Map<string, ImportNote>();
    issues = [];
    fixes = [];
    rows = imported = duplicates = rejectedRows = 0;
    writtenAreas = new Set<string>();
    located = [];
    locatedTotal = 0;
    // Chunks: the first writes are small so that the database starts while the rest of the file is
    // read; each chunk is then twice the last, up to chunkSize (fewer statements for large files).
    // Stream: small pieces throughout (about 100 KB of COPY text), so that the database is fed evenly.
    let nextChunk = Math.min(chunkSize, mode === 'stream' ? 1_000 : 2_000);
    const areaRows = await queryRows<{ code: string; name: string; level: AreaRow['level']; parent_code: string | null; lng: number; lat: number }>(
      tx,
      sql`select code, name, level, parent_code, ST_X(label) as lng, ST_Y(label) as lat from ${areas}`,
    );
    const matcher = new AreaMatcher(
      areaRows.map((a) => ({ code: a.code, name: a.name, level: a.level, parentCode: a.parent_code, label: [Number(a.lng), Number(a.lat)] })),
    );
    const context: KindContext = {
      tx,
      areas: matcher,
      origin,
      regencyToleranceM: (options.regencyToleranceKm ?? DEFAULT_REGENCY_TOLERANCE_KM) * 1000,
      warn: (note) => {
        if (!warnings.has(note.message)) warnings.set(note.message, note);
      },
    };
    if (table.reprojectedFrom) context.warn(importNote('coordinates_reprojected', { from: table.reprojectedFrom }));
    if (table.noPrj) context.warn(importNote('no_prj_degrees', { layer: table.sheet ?? '' }));
    const listed = (issue: ImportIssue) => {
      if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
    };
    // A value no vocabulary maps (a port category, a nationality spelling) repeats on hundreds of rows:
    // its first rows are listed, and the note names each such value once with its count.
    const unmapped = new Map<string, Map<string, number>>(); // field → value → rows
    const report = (issue: ImportIssue) => {
      if (!UNMAPPED_VALUE_CODES.has(issue.code)) {
        listed(issue);
        return;
      }
      const values = unmapped.get(issue.field) ?? new Map<string, number>();
      unmapped.set(issue.field, values);
      const count = (values.get(issue.value) ?? 0) + 1;
      values.set(issue.value, count);
      if (count <= ROWS_LISTED_PER_UNMAPPED_VALUE) listed(issue);
    };
    const rowFixes: ImportIssue[] = [];

    // Stream mode: the open COPY and how records become its rows. A row's own query (a district from
    // coordinates, the sponsors) first ends the COPY (nothing else runs on a transaction meanwhile);
    // the next chunk opens another.
    let writer: BulkWriter | null = null;
    let rowsOf: ((records: unknown[]) => BulkRow[]) | null = null;
    const endStream = async () => {
      if (!writer) return;
      const open = writer;
      writer = null;
      imported += await open.close();
    };

    // Chunks mode: chunks go to the database one after another (the duplicate check against Pantau,
    // then the write) while the rows after them are read and checked, so that Node.js and the database
    // work side by side; the transaction still runs one statement at a time: a row's own query waits
    // for the chunks in flight. At most two chunks are in flight (one written, one waiting), so a
    // large file is never held in memory.
    let writing: Promise<void> = Promise.resolve(); // the last chunk's check and write
    let before: Promise<void> = Promise.resolve(); // the chunk before it
    const idle = mode === 'stream' ? endStream : () => writing;
    const rowContext: KindContext = { ...context, tx: afterWrites(tx, idle) };
    await handler.prepare?.(context);
    const seen = new Map<string, number>(); // key → first row
    let pending: Array<{ row: number; record: unknown }> = [];

    // On the server the duplicate check against Pantau runs on a second connection as soon as a chunk
    // is complete, while the chunk before it is still being written: it asks about committed rows
    // only, which is all it needs (the file's own earlier rows are caught by `seen`, and a concurrent
    // import of the same rows fails on the unique index and leaves nothing). PGlite has one connection.
    const checkContext: KindContext = database.kind === 'postgres' ? { ...context, tx: database.orm } : context;
    let checkFirst = !handler.uniqueKeyInDatabase || database.kind === 'postgres';
    const writeChunk = async (chunk: Array<{ row: number; record: unknown }>, started: Promise<Map<string, ExistingRecord>> | null) => {
      const records = chunk.map((p) => p.record);
      let check = started ?? (checkFirst ? handler.existing(context, records) : null);
      if (!check) {
        try {
          imported += await tx.transaction((chunkTx) => handler.write({ ...context, tx: chunkTx }, records)); // a savepoint
          wrote(records);
          return;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          checkFirst = true;
          check = handler.existing(context, records);
        }
      }
      const existing = await check;
      const fresh = chunk.filter((p) => {
        const held: ExistingRecord | undefined = existing.get(handler.key(p.record));
        if (held === undefined) return true;
        duplicates += 1;
        rejectedRows += 1;
        const visible = held.areaCode !== null ? inScope(options.scope ?? null, held.areaCode) : (options.scope ?? null) === null;
        report({ row: p.row, field: '(row)', value: handler.describe(p.record), ...heldReason(held, visible) });
        return false;
      });
      if (!fresh.length) return;
      const written = await handler.write(
        context,
        fresh.map((p) => p.record),
      );
      imported += written;
      wrote(fresh.map((p) => p.record));
    };
    const flush = async () => {
      if (!pending.length) return;
      const chunk = pending;
      pending = [];
      if (mode === 'stream') {
        const bulk = handler.bulk!;
        if (!writer) {
          rowsOf = await bulk.open(context);
          writer = await openBulkWriter(tx, bulk.table, bulk.columns);
        }
        await writer.write(rowsOf!(chunk.map((p) => p.record)));
        wrote(chunk.map((p) => p.record));
        return;
      }
      await before;
      const previous = writing;
      before = previous;
      let check: Promise<Map<string, ExistingRecord>> | null = null;
      if (checkFirst) {
        check =
          checkContext === context
            ? previous.then(() =>
                handler.existing(
                  context,
                  chunk.map((p) => p.record),
                ),
              )
            : handler.existing(
                checkContext,
                chunk.map((p) => p.record),
              );
        // Awaited by writeChunk; when the chunk before fails first, that error is the one reported and this one is moot.
        check.catch(() => {});
      }
      writing = previous.then(() => writeChunk(chunk, check));
      // Awaited by the chunk after next or after the last row; a failure meanwhile is not an unhandled rejection.
      writing.catch(() => {});
    };

    try {
      // Field → column position, worked out once rather than per row (a later column of the same field wins).
      const columnOf: Record<string, number> = {};
      fields.forEach((field, i) => {
        if (field) columnOf[field] = i;
      });
      for await (const batch of table.batches) {
        for (const tableRow of batch) {
          rows += 1;
          rowFixes.length = 0;
          const outcome = handler.toRecord(
            { row: tableRow.row, values: tableRow.values, columns: columnOf, geometry: tableRow.geometry, fixes: rowFixes },
            rowContext,
          );
          const { record, issues: rowIssues } = outcome instanceof Promise ? await outcome : outcome;
          if (options.dryRun) {
            // A refused row is shown where its cells put it, if they do (its issues are its own).
            const cellsOfRow = { row: tableRow.row, values: tableRow.values, columns: columnOf, geometry: tableRow.geometry };
            locate(tableRow.row, record ? positionOf(record) : 'lat' in columnOf || tableRow.geometry ? readCoordinates(new CellReader(cellsOfRow)) : null);
          }
          if (!record) {
            rejectedRows += 1;
            rowIssues.forEach(report);
            continue;
          }
          const outside = options.scope ? areaCodesOf(record).filter((code) => !inScope(options.scope ?? null, code)) : [];
          if (outside.length) {
            rejectedRows += 1;
            report({ row: tableRow.row, field: 'area', value: outside[0]!, ...importReason('outside_work_area') });
            continue;
          }
          const key = handler.key(record);
          const first = seen.get(key);
          if (first !== undefined) {
            duplicates += 1;
            rejectedRows += 1;
            report({ row: tableRow.row, field: '(row)', value: handler.describe(record), ...importReason('duplicate_in_file', { firstRow: first }) });
            continue;
          }
          seen.set(key, tableRow.row);
          for (const fix of rowFixes) if (fixes.length < MAX_REPORTED_ISSUES) fixes.push(fix);
          pending.push({ row: tableRow.row, record });
          if (pending.length >= nextChunk) {
            if (mode === 'chunks') nextChunk = Math.min(chunkSize, nextChunk * 2);
            await flush();
          }
          if (rows % 1000 === 0) options.onProgress?.({ rows, bytesRead: table.progress().read, bytesTotal: table.progress().total });
          // Rows already read run without a turn of the event loop, which would hold back the database's replies to the write in flight.
          if (rows % 250 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await flush();
      await writing;
      await endStream();
    } catch (error) {
      // An open COPY is given up so that the transaction can roll back (or return to the savepoint).
      (writer as BulkWriter | null)?.abort();
      throw error;
    }
    noteLayout(table, context.warn);
    for (const [field, values] of unmapped) {
      const rowsOfField = [...values.values()].reduce((a, b) => a + b, 0);
      if (rowsOfField > ROWS_LISTED_PER_UNMAPPED_VALUE) {
        const sorted = [...values].sort((a, b) => b[1] - a[1]);
        context.warn(
          importNote('unmapped_values', {
            field,
            values:
              sorted
                .slice(0, 20)
                .map(([value, n]) => `"${value}" ×${n}`)
                .join(', ') + (sorted.length > 20 ? ` (+${sorted.length - 20})` : ''),
          }),
        );
      }
    }
    // Duplicates found in Pantau are known only when their chunk reaches the database: issues by row.
    issues.sort((a, b) => a.row - b.row);
    await handler.finish?.(context);
    options.onProgress?.({ rows, bytesRead: table.progress().total, bytesTotal: table.progress().total });
    expectWritten(`${options.kind} import`, rows - rejectedRows, imported);
  };

  /** Streams when it can; should Pantau hold one of the file's keys, returns to the start and reads the file again in chunks. */
  const run = async (tx: Orm) => {
    if (database.kind !== 'postgres' || !handler.bulk || !handler.uniqueKeyInDatabase) return work(tx, 'chunks');
    try {
      // In a savepoint of its own: postgres.js holds a failed statement against the whole savepoint
      // (or transaction) it ran in, so the pass that fails must have had one.
      await tx.transaction((pass) => work(pass, 'stream'));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      table = await openTable(options.path, tableOptions);
      await work(tx, 'chunks');
    }
  };

  /** The located rows with their outcome: refused (an issue), imported with a fix or a note on the row, or as they are. */
  const points = (): ImportReport['points'] => {
    const refused = new Set(issues.map((issue) => issue.row));
    const noted = new Set([
      ...fixes.map((fix) => fix.row),
      ...[...warnings.values()].flatMap((note) => (typeof note.params.row === 'number' ? [note.params.row] : [])),
    ]);
    return located.map((p) => ({ ...p, status: refused.has(p.row) ? 'error' : noted.has(p.row) ? 'warning' : 'ok' }));
  };

  const result = (status: ImportReport['status']): ImportReport => ({
    batchId,
    kind: options.kind,
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    status,
    rows,
    imported: status === 'dry_run' ? 0 : imported,
    rejected: rejectedRows,
    duplicates,
    mapping,
    unknownColumns,
    issues,
    fixes,
    warnings: [...warnings.keys()],
    notes: [...warnings.values()],
  });

  if (options.dryRun) {
    await database.orm
      .transaction(async (tx) => {
        await run(tx);
        throw new DryRunRollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof DryRunRollback)) throw error;
      });
    return { ...result('dry_run'), imported: 0, points: points(), pointsTotal: locatedTotal };
  }
  await database.orm.transaction(async (tx) => {
    await run(tx);
    await checkPeopleCounts(tx, batchId!, options.scope ?? null);
    const report = result('committed');
    // The batch's areas: where its rows fall; a batch that wrote nothing belongs to the importer's
    // scope (so that the importer still sees it), or to the national scope's for the CLI or an admin.
    const scope = options.scope ?? null;
    const areaCodes = writtenAreas.size ? [...writtenAreas].sort() : scope ? [...scope.areaCodes].sort() : [];
    // The batch row goes in the same transaction as its rows: both land, or neither.
    await tx.insert(importBatches).values({
      id: batchId!,
      kind: options.kind,
      fileName,
      fileSha256,
      format: table.format,
      status: 'committed',
      rows,
      imported,
      rejected: rejectedRows,
      report: JSON.parse(storableReportJson(report)) as Record<string, unknown>,
      createdAt: new Date().toISOString(),
      areaCodes,
    });
    await writeAudit(tx, {
      ...(options.actor ?? CLI_ACTOR),
      action: 'import',
      areaCode: commonArea(areaCodes),
      target: `${options.kind}:${batchId}`,
      details: { fileName, rows, imported, rejected: rejectedRows, areaCodes },
    });
  });
  return result('committed');
}

/**
 * After a batch that wrote permits or applications, and before it commits: the people pre-aggregate (kept
 * by triggers, migrations 0017 and 0018) must equal the direct count in the batch's regencies and districts, on the latest day
 * a permit of the batch starts and on today. A mismatch is a fault of Pantau, not of the file: the import
 * fails and rolls back rather than leave figures that disagree. Regencies only the scope's districts cover
 * are compared by district (row security shows both sides the same permits there).
 */
async function checkPeopleCounts(tx: Orm, batchId: string, scope: Scope): Promise<void> {
  const written = await queryRows<{ regency_code: string; last: string }>(
    tx,
    sql`
    select regency_code, max(day)::text as last from (
      select regency_code, issued_on as day from permits where origin = ${`batch:${batchId}`}
      union all select regency_code, applied_on from permit_applications where origin = ${`batch:${batchId}`}) w group by 1`,
  );
  if (!written.length) return;
  const regencies = [...new Set(written.map((r) => r.regency_code))];
  const days = [...new Set([...written.map((r) => r.last), new Date().toISOString().slice(0, 10)])].sort();
  // The direct count of people waiting asks whether a person holds a valid permit anywhere; row security
  // hides the permits outside a regional scope, so only a national import can check it directly.
  const pending = scope === null;
  const mismatches = [
    ...(await verifyHolderCounts(tx, days, {}, { levels: ['regency'], within: regencies.filter((code) => inScope(scope, code)), pending })),
    ...(await verifyHolderCounts(tx, days, {}, { levels: ['district'], within: regencies, pending })),
  ];
  if (mismatches.length) {
    const m = mismatches[0]!;
    throw new Error(
      `People counts disagree after the import (${mismatches.length} areas, e.g. ${m.level} ${m.code} on ${m.day}: pre-aggregate ${m.aggregate.people}, permits ${m.direct.people}); nothing was written`,
    );
  }
}

export interface BatchSummary {
  id: string;
  kind: string;
  fileName: string;
  status: string;
  rows: number;
  imported: number;
  rejected: number;
  areaCodes: string[];
  createdAt: string;
  rolledBackAt: string | null;
}

/** SQL: the batch's areas all lie inside the scope (see batchWithin). */
function batchWithinCondition(scope: Scope) {
  if (scope === null) return sql`true`;
  return sql`(cardinality(area_codes) > 0 and not exists (select 1 from unnest(area_codes) as batch_area(code) where not ${scopeCondition(sql`batch_area.code`, scope)}))`;
}

/** The newest batches wholly inside `scope` (default national: the CLI). */
export async function listBatches(database: Database, options: { limit?: number; scope?: Scope } = {}): Promise<BatchSummary[]> {
  const rows = await queryRows<{
    id: string;
    kind: string;
    file_name: string;
    status: string;
    rows: number;
    imported: number;
    rejected: number;
    area_codes: unknown;
    created_at: string;
    rolled_back_at: string | null;
  }>(
    database.orm,
    sql`
    select id, kind, file_name, status, rows, imported, rejected, area_codes, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
      to_char(rolled_back_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as rolled_back_at
    from ${importBatches} where ${batchWithinCondition(options.scope ?? null)} order by created_at desc limit ${options.limit ?? 50}`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    status: r.status,
    rows: Number(r.rows),
    imported: Number(r.imported),
    rejected: Number(r.rejected),
    areaCodes: textArray(r.area_codes),
    createdAt: r.created_at,
    rolledBackAt: r.rolled_back_at,
  }));
}

/** The tables a batch writes, each with the area code of its rows (null: a table without one of its own, found through the others). */
const BATCH_TABLES: ReadonlyArray<readonly [string, string | null]> = [
  ['enforcement_actions', null],
  ['operation_targets', 'coalesce(district_code, regency_code, province_code)'],
  ['operations', 'regency_code'],
  ['movements', null],
  ['movement_counts', 'coalesce(district_code, regency_code, province_code)'],
  ['permits', 'coalesce(district_code, regency_code, province_code)'],
  ['person_passports', null],
  ['people', 'coalesce(district_code, regency_code, province_code)'],
  ['company_sites', 'coalesce(district_code, regency_code, province_code)'],
  ['companies', null],
  ['risk_areas', 'coalesce(regency_code, province_code)'],
  ['entry_points', 'coalesce(district_code, regency_code, province_code)'],
  ['meetings', 'coalesce(regency_code, province_code)'],
  ['reports', 'coalesce(district_code, regency_code, province_code)'],
];

/**
 * Removes every row a batch wrote, in one transaction, and marks the batch rolled back. A batch not
 * wholly inside `scope` (default national: the CLI) answers exactly like a batch that does not exist;
 * should any row removed lie outside it after all (rows changed since), nothing is removed.
 */
export async function rollbackBatch(database: Database, batchId: string, actor: Actor = CLI_ACTOR, scope: Scope = null): Promise<Record<string, number>> {
  if (!/^[0-9a-f-]{36}$/.test(batchId))
    throw new ImportFileError(`"${batchId}" is not a batch id (a UUID; see \`pnpm pantau import list\`).`, 'invalid_batch_id');
  const notFound = () => new ImportFileError(`No import batch ${batchId}.`, 'batch_not_found');
  return database.orm.transaction(async (tx) => {
    const batch = await queryOne<{ status: string; area_codes: unknown }>(
      tx,
      sql`select status, area_codes from ${importBatches} where id = ${batchId}::uuid for update`,
    );
    if (!batch) throw notFound();
    const areaCodes = textArray(batch.area_codes);
    if (!batchWithin(areaCodes, scope)) throw notFound();
    if (batch.status !== 'committed') throw new ImportFileError(`Batch ${batchId} is already ${batch.status.replace('_', ' ')}.`, 'batch_not_committed');
    const removed: Record<string, number> = {};
    for (const [table, area] of BATCH_TABLES) {
      const rows = await queryRows<{ area: string | null }>(
        tx,
        sql`delete from ${sql.identifier(table)} where origin = ${`batch:${batchId}`} returning ${area ? sql.raw(area) : sql`null::text`} as area`,
      );
      // Throwing rolls the whole transaction back: nothing half-removed.
      if (rows.some((r) => r.area !== null && !inScope(scope, r.area))) throw notFound();
      if (rows.length) removed[table] = rows.length;
    }
    await tx
      .update(importBatches)
      .set({ status: 'rolled_back', rolledBackAt: new Date().toISOString() })
      .where(sql`id = ${batchId}::uuid`);
    await writeAudit(tx, { ...actor, action: 'import.rollback', areaCode: commonArea(areaCodes), target: batchId, details: { removed, areaCodes } });
    return removed;
  });
}
