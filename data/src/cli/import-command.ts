// `pnpm pantau import …`: runs the import pipeline and prints what it did, row by row.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '@pantau/domain';
import type { Database } from '@pantau/db';
import { ImportFileError, listBatches, rollbackBatch, runImport } from '../import/run-import.js';
import type { ImportReport } from '../import/types.js';

interface ImportFlags { 'dry-run'?: boolean; report?: string; mapping?: string; sheet?: string; 'header-row'?: string }

export async function importCommand(database: Database, args: string[], flags: ImportFlags, log: (line: string) => void): Promise<void> {
  const [first, second] = args;
  if (first === 'list') {
    const batches = await listBatches(database);
    if (!batches.length) log('No imports yet.');
    for (const b of batches) log(`${b.id}  ${b.createdAt}  ${b.kind.padEnd(12)} ${b.status.padEnd(11)} ${String(b.imported).padStart(7)} imported ${String(b.rejected).padStart(6)} rejected  ${b.fileName}`);
    return;
  }
  if (first === 'rollback') {
    if (!second) throw new ImportFileError('Usage: pnpm pantau import rollback <batch id>');
    const removed = await rollbackBatch(database, second);
    log(`Batch ${second} rolled back: ${Object.entries(removed).map(([t, n]) => `${n} ${t}`).join(', ') || 'no rows'} removed.`);
    return;
  }
  if (!first || !second) throw new ImportFileError('Usage: pnpm pantau import <kind> <file> [--dry-run] [--report out.json] [--mapping mapping.json] [--sheet NAME] [--header-row N]');
  if (!(IMPORT_KINDS as readonly string[]).includes(first)) throw new ImportFileError(`Unknown kind "${first}" (kinds: ${IMPORT_KINDS.join(', ')}).`);
  let mapping: Record<string, string> | undefined;
  if (flags.mapping) {
    try { mapping = JSON.parse(readFileSync(resolve(flags.mapping), 'utf8')) as Record<string, string>; } catch (error) {
      throw new ImportFileError(`${flags.mapping}: not a JSON object of "column header": "field" (${(error as Error).message})`);
    }
  }
  let headerRow: number | undefined;
  if (flags['header-row'] !== undefined) {
    headerRow = Number(flags['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) throw new ImportFileError(`--header-row ${flags['header-row']}: not a row number (1 or more).`);
  }
  const showProgress = process.stderr.isTTY;
  const report = await runImport(database, {
    kind: first as ImportKind, path: resolve(second), dryRun: flags['dry-run'], mapping, sheet: flags.sheet, headerRow,
    onProgress: ({ rows, bytesRead, bytesTotal }) => {
      if (!showProgress) return;
      const share = bytesTotal ? bytesRead / bytesTotal : 0;
      const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '·');
      process.stderr.write(`\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${rows} rows`);
    },
  });
  if (showProgress) process.stderr.write('\n');
  printReport(report, log);
  if (flags.report) {
    writeFileSync(resolve(flags.report), `${JSON.stringify(report, null, 2)}\n`);
    log(`Report written to ${flags.report}.`);
  }
}

/** The report as the CLI prints it: every refused row names the file, the row and the field (in English). */
export function printReport(r: ImportReport, log: (line: string) => void): void {
  const where = [r.format.toUpperCase(), r.encoding, r.delimiter && `delimiter "${r.delimiter === '\t' ? '\\t' : r.delimiter}"`, r.sheet && `sheet "${r.sheet}"`].filter(Boolean).join(', ');
  log(`${r.fileName} (${where}) → ${r.kind}`);
  log(`Columns: ${Object.entries(r.mapping).map(([h, f]) => `${h} → ${f}`).join('; ')}`);
  if (r.unknownColumns.length) log(`Columns not used: ${r.unknownColumns.join(', ')}`);
  for (const w of r.warnings) log(`Note: ${w}`);
  for (const f of (r.fixes ?? []).slice(0, 50)) log(`${r.fileName}, row ${f.row}, field ${f.field} ${JSON.stringify(f.value).slice(0, 40)}: corrected: ${f.reason} [${f.code}]`);
  if ((r.fixes?.length ?? 0) > 50) log(`… ${r.fixes!.length - 50} more corrections in the report (--report out.json)`);
  if (r.issues.length) {
    log('');
    for (const i of r.issues.slice(0, 200)) log(`${r.fileName}, row ${i.row}, field ${i.field} ${JSON.stringify(i.value).slice(0, 40)}: ${i.reason} [${i.code}]`);
    if (r.issues.length > 200) log(`… ${r.issues.length - 200} more in the report (--report out.json)`);
    log('');
  }
  const verb = r.status === 'dry_run' ? 'would import' : r.status === 'unchanged' ? 'unchanged:' : 'imported';
  log(`${r.rows} rows: ${verb} ${r.status === 'dry_run' ? r.rows - r.rejected : r.imported}, rejected ${r.rejected} (${r.duplicates} duplicates).${r.batchId && r.status === 'committed' ? ` Batch ${r.batchId} (undo: pnpm pantau import rollback ${r.batchId}).` : ''}${r.status === 'dry_run' ? ' Dry run: nothing was written.' : ''}`);
}
