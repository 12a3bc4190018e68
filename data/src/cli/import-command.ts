// `pnpm pantau import …`: runs the import pipeline and prints what it did, row by row.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IMPORT_KINDS, importNoteText, importReasonText, type ImportKind, type ImportTextLang } from '@pantau/domain';
import type { Database } from '@pantau/db';
import { ImportFileError, listBatches, rollbackBatch, runImport } from '../import/run-import.js';
import type { ImportReport } from '../import/types.js';

interface ImportFlags {
  'dry-run'?: boolean;
  report?: string;
  mapping?: string;
  sheet?: string;
  layer?: string;
  'header-row'?: string;
  lang?: string;
}

export async function importCommand(
  database: Database,
  args: string[],
  flags: ImportFlags,
  log: (line: string) => void,
  regencyToleranceKm?: number,
): Promise<void> {
  const [first, second] = args;
  if (first === 'list') {
    const batches = await listBatches(database);
    if (!batches.length) log('No imports yet.');
    for (const b of batches)
      log(
        `${b.id}  ${b.createdAt}  ${b.kind.padEnd(12)} ${b.status.padEnd(11)} ${String(b.imported).padStart(7)} imported ${String(b.rejected).padStart(6)} rejected  ${b.fileName}`,
      );
    return;
  }
  if (first === 'rollback') {
    if (!second) throw new ImportFileError('Usage: pnpm pantau import rollback <batch id>', 'usage');
    const removed = await rollbackBatch(database, second);
    log(
      `Batch ${second} rolled back: ${
        Object.entries(removed)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ') || 'no rows'
      } removed.`,
    );
    return;
  }
  if (!first || !second)
    throw new ImportFileError(
      'Usage: pnpm pantau import <kind> <file> [--dry-run] [--report out.json] [--mapping mapping.json] [--sheet NAME] [--layer NAME] [--header-row N] [--lang id|en]',
      'usage',
    );
  if (!(IMPORT_KINDS as readonly string[]).includes(first)) throw new ImportFileError(`Unknown kind "${first}" (kinds: ${IMPORT_KINDS.join(', ')}).`, 'usage');
  if (flags.lang !== undefined && flags.lang !== 'id' && flags.lang !== 'en')
    throw new ImportFileError(`--lang ${flags.lang}: id (Bahasa Indonesia, the default) or en.`, 'usage');
  const lang: ImportTextLang = flags.lang === 'en' ? 'en' : 'id';
  let mapping: Record<string, string> | undefined;
  if (flags.mapping) {
    try {
      mapping = JSON.parse(readFileSync(resolve(flags.mapping), 'utf8')) as Record<string, string>;
    } catch (error) {
      throw new ImportFileError(`${flags.mapping}: not a JSON object of "column header": "field" (${(error as Error).message})`);
    }
  }
  let headerRow: number | undefined;
  if (flags['header-row'] !== undefined) {
    headerRow = Number(flags['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) throw new ImportFileError(`--header-row ${flags['header-row']}: not a row number (1 or more).`, 'usage');
  }
  const showProgress = process.stderr.isTTY;
  const report = await runImport(database, {
    kind: first as ImportKind,
    path: resolve(second),
    dryRun: flags['dry-run'],
    mapping,
    sheet: flags.sheet ?? flags.layer,
    headerRow,
    regencyToleranceKm,
    onProgress: ({ rows, bytesRead, bytesTotal }) => {
      if (!showProgress) return;
      const share = bytesTotal ? bytesRead / bytesTotal : 0;
      const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '·');
      process.stderr.write(`\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${rows} rows`);
    },
  });
  if (showProgress) process.stderr.write('\n');
  printReport(report, log, lang);
  if (flags.report) {
    writeFileSync(resolve(flags.report), `${JSON.stringify(report, null, 2)}\n`);
    log(lang === 'id' ? `Laporan ditulis ke ${flags.report}.` : `Report written to ${flags.report}.`);
  }
}

const WORDS = {
  id: {
    corrected: 'dikoreksi',
    delimiter: 'pemisah',
    sheet: 'lembar',
    layer: 'lapisan',
    columns: 'Kolom',
    unused: 'Kolom tidak dipakai',
    note: 'Catatan',
    row: 'baris',
    column: 'kolom',
    more: (n: number) => `… ${n} lagi di laporan (--report out.json)`,
    rows: (n: number) => `${n} baris`,
    duplicates: (n: number) => `${n} duplikat`,
    verb: { dry_run: 'akan diimpor', unchanged: 'tidak berubah:', committed: 'diimpor' },
    rejected: 'ditolak',
    batch: (id: string) => ` Batch ${id} (batalkan: pnpm pantau import rollback ${id}).`,
    dryRun: ' Uji coba: tidak ada yang ditulis.',
  },
  en: {
    corrected: 'corrected',
    delimiter: 'delimiter',
    sheet: 'sheet',
    layer: 'layer',
    columns: 'Columns',
    unused: 'Columns not used',
    note: 'Note',
    row: 'row',
    column: 'column',
    more: (n: number) => `… ${n} more in the report (--report out.json)`,
    rows: (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`,
    duplicates: (n: number) => `${n} ${n === 1 ? 'duplicate' : 'duplicates'}`,
    verb: { dry_run: 'would import', unchanged: 'unchanged:', committed: 'imported' },
    rejected: 'rejected',
    batch: (id: string) => ` Batch ${id} (undo: pnpm pantau import rollback ${id}).`,
    dryRun: ' Dry run: nothing was written.',
  },
} as const;

/**
 * The report as the CLI prints it, in Indonesian unless asked for English: every refused row names the
 * file, the row, the file's column (with the field it was read as) and the reason, with its code.
 */
export function printReport(r: ImportReport, log: (line: string) => void, lang: ImportTextLang = 'id'): void {
  const words = WORDS[lang];
  const quote = (text: string) => (lang === 'id' ? `«${text}»` : `"${text}"`);
  const where = [
    r.format.toUpperCase(),
    r.encoding,
    r.delimiter && `${words.delimiter} ${quote(r.delimiter === '\t' ? '\\t' : r.delimiter)}`,
    r.sheet && `${r.format === 'shapefile' ? words.layer : words.sheet} ${quote(r.sheet)}`,
  ]
    .filter(Boolean)
    .join(', ');
  log(`${r.fileName} (${where}) → ${r.kind}`);
  log(
    `${words.columns}: ${Object.entries(r.mapping)
      .map(([h, f]) => `${h} → ${f}`)
      .join('; ')}`,
  );
  if (r.unknownColumns.length) log(`${words.unused}: ${r.unknownColumns.join(', ')}`);
  const notes = r.notes?.length ? r.notes.map((note) => importNoteText(lang, note)) : r.warnings;
  for (const note of notes) log(`${words.note}: ${note}`);
  const columnOf = new Map(Object.entries(r.mapping).map(([header, field]) => [field, header]));
  for (const f of (r.fixes ?? []).slice(0, 50))
    log(
      `${r.fileName}, ${words.row} ${f.row}, ${words.column} ${f.field} ${JSON.stringify(f.value).slice(0, 40)}: ${words.corrected}: ${importReasonText(lang, f)} [${f.code}]`,
    );
  if ((r.fixes?.length ?? 0) > 50) log(words.more(r.fixes!.length - 50));
  if (r.issues.length) {
    log('');
    for (const i of r.issues.slice(0, 200)) {
      const header = columnOf.get(i.field);
      const place = header ? `${words.column} ${quote(header)} (${i.field})` : `${words.column} ${i.field}`;
      log(
        `${r.fileName}, ${words.row} ${i.row}, ${place} ${JSON.stringify(i.value).slice(0, 40)}: ${importReasonText(lang, i)}${i.code ? ` [${i.code}]` : ''}`,
      );
    }
    if (r.issues.length > 200) log(words.more(r.issues.length - 200));
    log('');
  }
  const verb = words.verb[r.status === 'dry_run' ? 'dry_run' : r.status === 'unchanged' ? 'unchanged' : 'committed'];
  const done = r.status === 'dry_run' ? r.rows - r.rejected : r.imported;
  log(
    `${words.rows(r.rows)}: ${verb} ${done}, ${words.rejected} ${r.rejected} (${words.duplicates(r.duplicates)}).${r.batchId && r.status === 'committed' ? words.batch(r.batchId) : ''}${r.status === 'dry_run' ? words.dryRun : ''}`,
  );
}
