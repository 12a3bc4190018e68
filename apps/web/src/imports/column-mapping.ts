// The column mapping the user edits on the import page: every header of the file with its field, or
// "" to ignore the column. One column per field, as the importer reads it.
import type { ImportPreview, ImportPreviewField } from '@pantau/domain';

/** Header → field, "" = ignored. */
export type ColumnMapping = Record<string, string>;

/** The mapping the server proposed, with every other (named) column ignored. */
export function proposedMapping(preview: Pick<ImportPreview, 'headers' | 'mapping'>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of preview.headers) if (header) mapping[header] = preview.mapping[header] ?? '';
  return mapping;
}

/** Gives `header` the field; a column that had that field before is ignored from now on. */
export function assignField(mapping: ColumnMapping, header: string, field: string): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [other, current] of Object.entries(mapping)) next[other] = field !== '' && current === field ? '' : current;
  next[header] = field;
  return next;
}

/** The required groups (a field and its alternatives), each once, in the order of the fields. */
export function requiredGroups(fields: readonly ImportPreviewField[]): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    if (!field.required) continue;
    const group = [field.name, ...field.alternatives];
    const key = [...group].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(group);
  }
  return groups;
}

/** Required groups no column gives: the import would refuse the file. */
export function missingGroups(mapping: ColumnMapping, fields: readonly ImportPreviewField[]): string[][] {
  const given = new Set(Object.values(mapping).filter(Boolean));
  return requiredGroups(fields).filter((group) => !group.some((field) => given.has(field)));
}

/** The header that gives a field, if any (to name the column of an error). */
export function headerOf(mapping: ColumnMapping, field: string): string | null {
  return Object.entries(mapping).find(([, current]) => current === field)?.[0] ?? null;
}

/** True when the user changed anything the server proposed. */
export function isEdited(mapping: ColumnMapping, preview: Pick<ImportPreview, 'headers' | 'mapping'>): boolean {
  const proposed = proposedMapping(preview);
  return Object.keys(mapping).some((header) => mapping[header] !== proposed[header]);
}
