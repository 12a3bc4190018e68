// What the import page shows before anything is checked or written: how the file was read, its
// first rows as written, and the column mapping the import would use (the same reader and the same
// mapping code as runImport, so the preview cannot promise what the import then does differently).
import { basename } from 'node:path';
import type { ImportKind, ImportPreview } from '@pantau/domain';
import { fieldsOfKind, headerFieldOf, ImportMappingError, mapColumns, providedFields } from './map-columns.js';
import { openTable, type TableFormat } from './read/open-table.js';
import { ImportFileError, requiredFieldsOf } from './run-import.js';
import type { Parsed } from './normalise/dates.js';
import { parseNationality, parsePermitType, parsePurpose, parseSex } from './normalise/vocabularies.js';
import { parseEntryKind } from './kinds/simple-points.js';

export const PREVIEW_ROWS = 20;

// The preview's shape is the API's contract (@pantau/domain api/imports.ts): one definition for data, API and web.
export type { ImportPreview, ImportPreviewField } from '@pantau/domain';

export interface PreviewOptions {
  kind: ImportKind;
  path: string;
  fileName?: string;
  format?: TableFormat;
  sheet?: string;
  headerRow?: number;
  mapping?: Record<string, string>;
  rows?: number;
}

/** The fields whose values go through a vocabulary (officers' spellings → Pantau's values), by kind: the same parsers the import uses. */
const VOCABULARIES: Partial<Record<ImportKind, Record<string, (raw: unknown) => Parsed<string>>>> = {
  permits: { permitType: parsePermitType, nationality: parseNationality, sex: parseSex, purpose: parsePurpose },
  movements: { nationality: parseNationality, sex: parseSex },
  'entry-points': { kind: parseEntryKind },
};
/** At most this many distinct values per field are listed. */
const VOCABULARY_VALUES_PER_FIELD = 12;

/** Each distinct value of the shown rows in a vocabulary field, with what the import makes of it (null: no vocabulary knows it). */
function vocabularyOf(kind: ImportKind, headers: readonly string[], mapping: Record<string, string>, rows: ImportPreview['rows']): ImportPreview['vocabulary'] {
  const parsers = VOCABULARIES[kind];
  if (!parsers) return [];
  const found: ImportPreview['vocabulary'] = [];
  headers.forEach((header, column) => {
    const field = mapping[header];
    const parse = field ? parsers[field] : undefined;
    if (!field || !parse) return;
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = (row.values[column] ?? '').trim();
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const [value, count] of [...counts].slice(0, VOCABULARY_VALUES_PER_FIELD)) {
      const parsed = parse(value);
      found.push({ field, column: header, value, mapped: parsed.ok ? parsed.value : null, rows: count });
    }
  });
  return found;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export async function previewImport(options: PreviewOptions): Promise<ImportPreview> {
  const required = requiredFieldsOf(options.kind);
  const limit = options.rows ?? PREVIEW_ROWS;
  const table = await openTable(options.path, {
    format: options.format,
    sheet: options.sheet,
    headerRow: options.headerRow,
    headerField: headerFieldOf(options.kind, options.mapping),
  });
  const rows: ImportPreview['rows'] = [];
  let more = false;
  for await (const row of table.rows) {
    if (rows.length === limit) {
      more = true;
      break; // closes the file: a preview never reads past the rows it shows
    }
    rows.push({ row: row.row, values: table.headers.map((_, i) => cellText(row.values[i])) });
  }
  let columns;
  try {
    columns = mapColumns(options.kind, table.headers, required, options.mapping, providedFields(table.format));
  } catch (error) {
    if (error instanceof ImportMappingError) throw new ImportFileError(error.message);
    throw error;
  }
  const fields = fieldsOfKind(options.kind).map((name) => {
    const group = required.find((g) => g.includes(name));
    return { name, required: group !== undefined, alternatives: group ? group.filter((f) => f !== name) : [] };
  });
  return {
    kind: options.kind,
    fileName: options.fileName ?? basename(options.path),
    format: table.format,
    ...(table.encoding !== undefined ? { encoding: table.encoding, bom: table.bom ?? false } : {}),
    ...(table.delimiter !== undefined ? { delimiter: table.delimiter } : {}),
    ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
    ...(table.sheets !== undefined ? { sheets: table.sheets } : {}),
    ...(table.reprojectedFrom !== undefined ? { reprojectedFrom: table.reprojectedFrom } : {}),
    headers: table.headers,
    header: table.header,
    rows,
    more,
    mapping: columns.mapping,
    unknownColumns: columns.unknownColumns,
    fields,
    missing: columns.missing,
    vocabulary: vocabularyOf(options.kind, table.headers, columns.mapping, rows),
  };
}
