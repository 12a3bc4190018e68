// The query parameters each export kind takes (GET /api/v1/exports/{kind}.{format}): the API refuses
// any other (400 unknown_parameter, issue 20), and the web app's export links send only these.
import type { EXPORT_KINDS } from './access.js';

export const EXPORT_PARAMETERS = {
  // Every kind takes `lang`: the language of reference and demo records' text (names, notes, sources).
  permits: ['asOf', 'permitType', 'nationality', 'purpose', 'sponsor', 'area', 'lang'],
  companies: ['sponsor', 'sector', 'area', 'lang'],
  operations: ['area', 'from', 'to', 'lang'],
  // Valid on asOf, or at some time in the period from–to.
  'risk-areas': ['asOf', 'category', 'area', 'from', 'to', 'lang'],
  'entry-points': ['kind', 'area', 'lang'],
  reports: ['category', 'status', 'channel', 'area', 'from', 'to', 'lang'],
  // People over their last permit's end on asOf by minDays or more; permits valid on asOf ending within `within` days (issue 20).
  overstays: ['asOf', 'minDays', 'permitType', 'nationality', 'purpose', 'sponsor', 'area', 'lang'],
  expiring: ['asOf', 'within', 'permitType', 'nationality', 'purpose', 'sponsor', 'area', 'lang'],
  // Monthly counts per checkpoint, nationality and direction (no person named): months from–to.
  movements: ['nationality', 'area', 'from', 'to', 'lang'],
} as const satisfies Record<(typeof EXPORT_KINDS)[number], readonly string[]>;

export type ExportParameter = (typeof EXPORT_PARAMETERS)[keyof typeof EXPORT_PARAMETERS][number];
