// Reading one cell with a parser, turning failures into row issues.
import { unescapeCell } from '../../export/safe-cell.js';
import type { ImportReason } from '@pantau/domain';
import { fail, type Parsed } from '../normalise/dates.js';
import { cellOf, type ImportIssue, type RowContext } from '../types.js';

/** Printable ASCII other than space and the apostrophe: a cell that starts and ends so has nothing to trim or unescape. */
const plainEdge = (code: number) => code > 32 && code < 127 && code !== 39;

export const text = (value: unknown): string => {
  if (typeof value === 'string') {
    // PostgreSQL text cannot hold NUL: a NUL in a cell (a binary export, a broken encoding) is dropped.
    if (value.includes('\u0000')) return text(value.replaceAll('\u0000', ''));
    // Most cells of a large file: nothing to do (trim() and unescapeCell() would copy nothing either, but scan).
    if (value.length === 0 || (plainEdge(value.charCodeAt(0)) && plainEdge(value.charCodeAt(value.length - 1)))) return value;
    return unescapeCell(value.trim());
  }
  return value instanceof Date ? value.toISOString().slice(0, 10) : unescapeCell(String(value ?? '').trim());
};

/** A row without issues (shared: never added to). */
export const NO_ISSUES: readonly ImportIssue[] = Object.freeze([]);

export class CellReader {
  private found: ImportIssue[] | null = null;
  constructor(private readonly row: RowContext) {}

  get issues(): readonly ImportIssue[] {
    return this.found ?? NO_ISSUES;
  }

  has(field: string): boolean {
    return text(cellOf(this.row, field)) !== '';
  }

  raw(field: string): string {
    return text(cellOf(this.row, field));
  }

  /** A GeoJSON feature's geometry (undefined for a table row). */
  get geometry(): unknown {
    return this.row.geometry;
  }

  /** A correction applied to the row (it is imported): reported beside the row, not as a refusal. */
  fix(field: string, why: ImportReason, value = this.raw(field)): void {
    this.row.fixes?.push({ row: this.row.row, field, value, code: why.code, params: why.params, reason: why.reason });
  }

  /** A required cell: empty or unparsable → issue, undefined. */
  required<T>(field: string, parse: (raw: unknown) => Parsed<T>): T | undefined {
    const value = cellOf(this.row, field);
    if (text(value) === '') {
      this.issue(field, fail('required_empty'));
      return undefined;
    }
    return this.parsed(field, value, parse) ?? undefined;
  }

  /** An optional cell: empty → null; unparsable → issue. */
  optional<T>(field: string, parse: (raw: unknown) => Parsed<T>): T | null | undefined {
    const value = cellOf(this.row, field);
    if (text(value) === '') return null;
    return this.parsed(field, value, parse);
  }

  private parsed<T>(field: string, value: unknown, parse: (raw: unknown) => Parsed<T>): T | undefined {
    const result = parse(value);
    if (result.ok) return result.value;
    this.issue(field, result);
    return undefined;
  }

  issue(field: string, why: ImportReason, value = this.raw(field)): void {
    (this.found ??= []).push({ row: this.row.row, field, value, code: why.code, params: why.params, reason: why.reason });
  }
}

export const nonEmptyText = (raw: unknown): Parsed<string> => {
  const value = text(raw);
  return value ? { ok: true, value } : fail('empty');
};

/**
 * `parse`, remembering its result for each text it was given (up to `limit` texts, then it starts
 * afresh): a file repeats the same few spellings of a type, a nationality or a date on every row.
 * Only for pure parsers; a result is shared between rows, so it is never changed.
 */
export function remembered<T>(parse: (raw: unknown) => Parsed<T>, limit = 20_000): (raw: unknown) => Parsed<T> {
  const known = new Map<string, Parsed<T>>();
  return (raw) => {
    if (typeof raw !== 'string') return parse(raw);
    let result = known.get(raw);
    if (result === undefined) {
      result = parse(raw);
      if (known.size >= limit) known.clear();
      known.set(raw, result);
    }
    return result;
  };
}
