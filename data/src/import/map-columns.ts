// A file's columns as the importer sees them: each header's field (by the synonyms of
// packages/domain, or as the user mapped it), the columns left unknown, and the required fields no
// column gives. The import and its preview both come through here, so they can never disagree.
import { HEADER_SYNONYMS, mapHeaders, type ImportKind } from '@pantau/domain';
import { FEATURE_FORMATS } from './read/open-table.js';

export class ImportMappingError extends Error {
  override name = 'ImportMappingError';
}

export interface ColumnMapping {
  /** The field of each header, by position (undefined: not used). */
  fields: Array<string | undefined>;
  /** Header → field, for the headers that are used. */
  mapping: Record<string, string>;
  unknownColumns: string[];
  /** Required field groups (any one field of a group will do) that no column gives. */
  missing: string[][];
}

/** The fields a file of this kind can have, in the order of the synonym table. */
export function fieldsOfKind(kind: ImportKind): string[] {
  return Object.keys(HEADER_SYNONYMS[kind]);
}

/** The field one header cell names (by the synonyms, or as the user mapped it): used to find the header row. */
export function headerFieldOf(kind: ImportKind, overrides: Record<string, string> = {}): (cell: string) => string | undefined {
  return (cell) => mapHeaders(kind, [cell], overrides)[0] || undefined;
}

/** Fields a format gives without a column: a feature's geometry (GeoJSON, shapefile, KML) is its location. */
export const providedFields = (format: string): string[] => ((FEATURE_FORMATS as readonly string[]).includes(format) ? ['lat', 'lng'] : []);

/**
 * `overrides` maps a header to a field, or to "" to ignore the column; a field the kind does not
 * have is refused rather than silently dropped.
 */
export function mapColumns(
  kind: ImportKind,
  headers: readonly string[],
  required: ReadonlyArray<readonly string[]>,
  overrides: Record<string, string> = {},
  provided: readonly string[] = [],
): ColumnMapping {
  const known = new Set(fieldsOfKind(kind));
  const wrong = Object.entries(overrides).filter(([, field]) => field !== '' && !known.has(field));
  if (wrong.length) {
    throw new ImportMappingError(
      `Unknown field(s) in the mapping for ${kind}: ${wrong.map(([header, field]) => `"${header}" → "${field}"`).join(', ')} (fields: ${[...known].join(', ')}; "" ignores a column).`,
    );
  }
  const fields = mapHeaders(kind, headers, overrides);
  const mapping: Record<string, string> = {};
  const unknownColumns: string[] = [];
  headers.forEach((header, i) => {
    const field = fields[i];
    if (field) mapping[header] = field;
    else if (header && overrides[header] !== '') unknownColumns.push(header);
  });
  // `provided`: fields the file gives without a column (a GeoJSON feature's geometry is its lat and lng).
  const mapped = new Set([...Object.values(mapping), ...provided]);
  const missing = required.filter((group) => !group.some((field) => mapped.has(field))).map((group) => [...group]);
  return { fields, mapping, unknownColumns, missing };
}

/** "permitNumber: a column named e.g. "no izin tinggal", …" for each missing group. */
export function describeMissing(kind: ImportKind, missing: readonly string[][]): string[] {
  return missing.map(
    (group) =>
      `  ${group.join(' or ')}: a column named e.g. ${group.flatMap((f) => (HEADER_SYNONYMS[kind][f] ?? []).slice(0, 3).map((s) => `"${s}"`)).join(', ')}`,
  );
}
