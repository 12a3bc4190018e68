// The rows an import refused, as a CSV the officer can open in a spreadsheet and work through. Cells
// are made safe the way the API's exports are (data/src/export/safe-cell.ts): text that begins with
// = + - @ tab or CR would be run as a formula, so it gets an apostrophe in front.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ImportIssueAnswer } from '@pantau/domain';

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface IssuesCsvLabels {
  row: string;
  field: string;
  column: string;
  value: string;
  reason: string;
}

/**
 * One line per issue: row, field (as the page names it), the file's column, the value as written and
 * the reason. UTF-8 with a byte order mark, so Excel reads the accents right.
 */
export function issuesCsv(
  issues: readonly ImportIssueAnswer[],
  labels: IssuesCsvLabels,
  fieldLabel: (field: string) => string,
  columnOf: (field: string) => string | null,
  reasonOf: (issue: ImportIssueAnswer) => string = (issue) => issue.reason,
): string {
  const header = [labels.row, labels.field, labels.column, labels.value, labels.reason];
  const lines = issues.map((issue) => [
    issue.row,
    escapeFormula(fieldLabel(issue.field)),
    escapeFormula(columnOf(issue.field) ?? ''),
    escapeFormula(issue.value),
    escapeFormula(reasonOf(issue)),
  ]);
  return `\uFEFF${stringify([header, ...lines], { record_delimiter: 'windows' })}`;
}

/** "daftar.csv" → "daftar-errors.csv". */
export function issuesFileName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.[^.]+$/, '') || 'import';
  return `${base}-${suffix}.csv`;
}
