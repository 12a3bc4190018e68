import type { z } from 'zod';

export interface RecordIssue {
  /** 1-based position of the record in what the caller passed (a file row number for imports). */
  record: number;
  field: string;
  value: unknown;
  reason: string;
}

/** A batch was refused: nothing of it was written. */
export class RecordValidationError extends Error {
  constructor(
    readonly kind: string,
    readonly issues: RecordIssue[],
  ) {
    const first = issues.slice(0, 5).map((i) => `  record ${i.record}, field ${i.field} = ${JSON.stringify(i.value)}: ${i.reason}`);
    super(`${kind}: ${issues.length} invalid record(s), nothing written:\n${first.join('\n')}${issues.length > 5 ? '\n  …' : ''}`);
    this.name = 'RecordValidationError';
  }
}

/** Validates every record with `schema`; throws one error listing every issue. */
export function validateRecords<S extends z.ZodType>(kind: string, schema: S, records: readonly unknown[], offset = 0): Array<z.infer<S>> {
  const valid: Array<z.infer<S>> = [];
  const issues: RecordIssue[] = [];
  records.forEach((record, i) => {
    const result = schema.safeParse(record);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const field = issue.path.join('.') || '(record)';
      const value = issue.path.reduce<unknown>(
        (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined),
        record,
      );
      issues.push({ record: offset + i + 1, field, value, reason: issue.message });
    }
  });
  if (issues.length) throw new RecordValidationError(kind, issues);
  return valid;
}

export function refuse(kind: string, issues: RecordIssue[]): void {
  if (issues.length) throw new RecordValidationError(kind, issues);
}
