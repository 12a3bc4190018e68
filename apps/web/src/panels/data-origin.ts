// Where a figure comes from and how fresh it is: every block of the panel names its origin
// (`reference`, `demo` or an import batch) and when that origin was loaded.
import type { Dataset, PermitSource } from '../api/panels-api.js';

export type OriginKind = 'reference' | 'demo' | 'import' | 'unknown';

export interface ParsedOrigin {
  origin: string;
  kind: OriginKind;
  /** First 8 characters of the batch id: enough to find it in the import log. */
  batch: string | null;
}

export function parseOrigin(origin: string): ParsedOrigin {
  if (origin === 'reference' || origin === 'demo') return { origin, kind: origin, batch: null };
  if (origin.startsWith('batch:')) return { origin, kind: 'import', batch: origin.slice('batch:'.length, 'batch:'.length + 8) };
  return { origin, kind: 'unknown', batch: null };
}

/** Distinct origins of a list of items, in order of first appearance. */
export function distinctOrigins(items: readonly { origin: string }[]): string[] {
  return [...new Set(items.map((item) => item.origin))];
}

/** The file name of each import origin (`batch:<id>`) the caller may see. */
export function fileNamesByOrigin(datasets: readonly Dataset[]): Map<string, string> {
  return new Map(datasets.flatMap((dataset) => (dataset.fileName ? [[dataset.name, dataset.fileName] as const] : [])));
}

/**
 * When each origin was loaded: the area's permit sources know theirs; for the rest, the data set of
 * the same name in /meta (`demo`, `reference`, or a batch named by its origin).
 */
export function loadedAtByOrigin(sources: readonly PermitSource[], datasets: readonly Dataset[]): Map<string, string> {
  const loadedAt = new Map<string, string>();
  for (const dataset of datasets) loadedAt.set(dataset.name, dataset.loadedAt);
  for (const source of sources) if (source.loadedAt) loadedAt.set(source.origin, source.loadedAt);
  return loadedAt;
}
