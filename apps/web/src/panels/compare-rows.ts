import type { NationalityChange } from '../api/panels-api.js';

/**
 * The nationalities that changed, largest change first (either way), ties by the later count: the
 * rows worth a line in a briefing. `hidden` counts the changed ones left out.
 */
export function largestChanges(changes: readonly NationalityChange[], limit: number): { shown: NationalityChange[]; hidden: number } {
  const changed = changes
    .filter((row) => row.change !== 0)
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || y.b - x.b || x.code.localeCompare(y.code));
  return { shown: changed.slice(0, limit), hidden: Math.max(0, changed.length - limit) };
}
