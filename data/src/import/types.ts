import type { ImportKind, ImportNote, ImportReason } from '@pantau/domain';
import type { BulkColumn, BulkRow, Orm } from '@pantau/db';
import type { AreaMatcher } from './normalise/area-matcher.js';

/**
 * A problem with one cell: the file row, the column's field, the value as written, and why: a stable
 * `code` with its `params` (the web page words them in its language) and `reason`, the English sentence.
 */
export interface ImportIssue extends ImportReason {
  row: number;
  field: string;
  value: string;
}

export interface ImportReport {
  batchId: string | null;
  kind: ImportKind;
  fileName: string;
  format: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** committed: written; dry_run: checked, nothing written; unchanged: this file was imported before. */
  status: 'committed' | 'dry_run' | 'unchanged';
  rows: number;
  imported: number;
  rejected: number;
  duplicates: number;
  /** Header → field, as used. */
  mapping: Record<string, string>;
  unknownColumns: string[];
  issues: ImportIssue[];
  /** Corrections applied to imported rows (coordinates swapped back, degrees-minutes-seconds read), by row. */
  fixes?: ImportIssue[];
  /** What the import notes about the file, in English (the CLI prints these). */
  warnings: string[];
  /** The same notes with their codes and parameters, in the same order. */
  notes: ImportNote[];
  /** Dry runs: the located rows' points with their outcome (at most IMPORT_PREVIEW_POINTS), and how many rows were located. */
  points?: Array<{ row: number; lng: number; lat: number; status: 'ok' | 'warning' | 'error' }>;
  pointsTotal?: number;
}

export interface RowContext {
  row: number;
  /** The row's cells, as the file has them. */
  values: readonly unknown[];
  /** Field → position of its column in `values` (only mapped columns): worked out once per file. */
  columns: Readonly<Record<string, number>>;
  geometry?: unknown;
  /** Where the row's corrections go (see CellReader.fix); reported only if the row is imported. */
  fixes?: ImportIssue[];
}

/** The cell of `field` (undefined when no column maps to it). */
export const cellOf = (row: RowContext, field: string): unknown => {
  const i = row.columns[field];
  return i === undefined ? undefined : row.values[i];
};

export interface KindContext {
  tx: Orm;
  areas: AreaMatcher;
  origin: string;
  /** How far (metres) a point may lie outside the regency its row names before the report warns of it. */
  regencyToleranceM: number;
  warn(note: ImportNote): void;
}

/**
 * A record Pantau already holds under a key: its origin, and its most specific area code (null: none),
 * so that a clash outside the importer's scope is reported without saying what is there.
 */
export interface ExistingRecord {
  origin: string;
  areaCode: string | null;
  /** What is held: the record itself (default), its operation, or another company under the same registration number. */
  held?: 'operation' | 'registration_number';
}

export interface RowOutcome<R> {
  record?: R;
  issues: readonly ImportIssue[];
}

/** What an import kind knows: its required fields, how a row becomes a record, how records are written. */
export interface ImportKindHandler<R> {
  kind: ImportKind;
  /** Fields that must have a column (alternatives: any one of the group). */
  required: ReadonlyArray<readonly string[]>;
  prepare?(context: KindContext): Promise<void>;
  /** A record, or the issues that stop this row (synchronously when no query is needed: most rows of large files). */
  toRecord(row: RowContext, context: KindContext): RowOutcome<R> | Promise<RowOutcome<R>>;
  /** Identity for duplicates within the file and against the database. */
  key(record: R): string;
  /** How a refused record is named in the report's value (its key is for machines: `itas:UIR-123`). */
  describe(record: R): string;
  /** Keys of `records` that already exist in the database, with where they came from and where they lie. */
  existing(context: KindContext, records: R[]): Promise<Map<string, ExistingRecord>>;
  write(context: KindContext, records: R[]): Promise<number>;
  /**
   * The database refuses a record whose key it holds (a unique index on the key), and `write` keeps
   * no state of its own between chunks: a chunk may then be written before `existing` is asked, and
   * rolled back to a savepoint and checked only when the database refuses it (see runImport).
   */
  uniqueKeyInDatabase?: boolean;
  /**
   * Kinds whose records are rows of one table (permits): on the server an import streams them over
   * one COPY. `open` may query (no COPY is open yet) and returns how records become rows, which must
   * not query: a COPY is open while it runs. It throws for records `write` would refuse.
   */
  bulk?: { table: string; columns: readonly BulkColumn[]; open(context: KindContext): Promise<(records: R[]) => BulkRow[]> };
  /** After the last chunk (kinds that group rows, such as operations, write here). */
  finish?(context: KindContext): Promise<void>;
}
