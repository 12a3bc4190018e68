// Reading one cell with a parser, turning failures into row issues.
import { unescapeCell } from '../../export/safe-cell.js';
import type { Parsed } from '../normalise/dates.js';
import type { ImportIssue, RowContext } from '../types.js';

export const text = (value: unknown): string =>
  (typeof value === 'string' ? unescapeCell(value.trim()) : value instanceof Date ? value.toISOString().slice(0, 10) : unescapeCell(String(value ?? '').trim()));

export class CellReader {
  readonly issues: ImportIssue[] = [];
  constructor(private readonly row: RowContext) {}

  has(field: string): boolean {
    return text(this.row.fields[field]) !== '';
  }

  raw(field: string): string {
    return text(this.row.fields[field]);
  }

  /** A required cell: empty or unparsable → issue, undefined. */
  required<T>(field: string, parse: (raw: unknown) => Parsed<T>): T | undefined {
    if (!this.has(field)) { this.issue(field, 'required, empty'); return undefined; }
    return this.optional(field, parse) ?? undefined;
  }

  /** An optional cell: empty → null; unparsable → issue. */
  optional<T>(field: string, parse: (raw: unknown) => Parsed<T>): T | null | undefined {
    if (!this.has(field)) return null;
    const result = parse(this.row.fields[field]);
    if (result.ok) return result.value;
    this.issue(field, result.reason);
    return undefined;
  }

  issue(field: string, reason: string, value = this.raw(field)): void {
    this.issues.push({ row: this.row.row, field, value, reason });
  }
}

export const nonEmptyText = (raw: unknown): Parsed<string> => {
  const value = text(raw);
  return value ? { ok: true, value } : { ok: false, reason: 'empty' };
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
