import { importNote, importReason } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import type { ImportReport } from '../import/types.js';
import { printReport } from './import-command.js';

describe('import report on the command line', () => {
  test('every refused row names the file, the row and the field, in English, with its reason code', () => {
    const note = importNote('purpose_missing');
    const report: ImportReport = {
      batchId: null, kind: 'permits', fileName: 'izin-babel.csv', format: 'csv', encoding: 'utf-8', delimiter: ';', status: 'dry_run',
      rows: 3, imported: 0, rejected: 1, duplicates: 0, mapping: { 'Tgl Berakhir': 'expiresOn' }, unknownColumns: [],
      issues: [{ row: 3, field: 'expiresOn', value: '2023-06-13', ...importReason('expiry_not_after_issue', { expiresOn: '2023-06-13', issuedOn: '2024-06-13' }) }],
      warnings: [note.message], notes: [note],
    };
    const lines: string[] = [];
    printReport(report, (line) => lines.push(line));
    expect(lines).toContain('izin-babel.csv, row 3, field expiresOn "2023-06-13": expiry (2023-06-13) is not after issue (2024-06-13) [expiry_not_after_issue]');
    expect(lines).toContain(`Note: ${note.message}`);
  });
});
