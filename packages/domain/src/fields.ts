// Which fields of each record kind a role may see: the one place the API's lists, records, exports,
// plan files, search and area summaries (and so the web app, print pages and briefings that read
// them) take their field rules from. Pure data and functions.
import { permissionsOf, type Permissions, type Role } from './access.js';

/**
 * Free text that officers type and that may name people, passports or permits ("WNA a.n. … paspor …
 * ITAS …"). A role without personal data gets none of it: the field is left out of the answer (not
 * emptied, so that a client can tell "hidden" from "nothing recorded").
 */
export const PERSONAL_TEXT_FIELDS = {
  operation: ['notes'],
  operationTarget: ['findings'],
  meeting: ['notes'],
  followUp: [],
  followUpChange: ['note'],
  report: ['summary', 'address', 'reporterContact'],
  reportStatusChange: ['reason'],
  riskArea: ['description'],
  plan: ['notes'],
  planTarget: ['notes'],
} as const satisfies Record<string, readonly string[]>;

export type RecordKind = keyof typeof PERSONAL_TEXT_FIELDS;

/** Fields that hold a list of records of another kind (a record's targets). */
const NESTED: Partial<Record<RecordKind, Record<string, RecordKind>>> = {
  operation: { targets: 'operationTarget' },
  plan: { targets: 'planTarget' },
  meeting: { followUps: 'followUp' },
  followUp: { history: 'followUpChange' },
};

/** Export columns (see the export kinds in @pantau/data) that carry a personal text field. */
export const PERSONAL_EXPORT_COLUMNS: Record<string, Record<string, readonly [RecordKind, string]>> = {
  operations: { operation_notes: ['operation', 'notes'], findings: ['operationTarget', 'findings'] },
  reports: { summary: ['report', 'summary'] },
  'risk-areas': { description: ['riskArea', 'description'] },
};

type FieldPermissions = Pick<Permissions, 'personalData' | 'lists'>;

/** The fields of `kind` this role may not see. */
export function hiddenFields(kind: RecordKind, permissions: Pick<Permissions, 'personalData'>): readonly string[] {
  return permissions.personalData ? [] : PERSONAL_TEXT_FIELDS[kind];
}

/** The record as this role may see it: hidden fields left out, nested records likewise. */
export function recordForRole<T extends object>(kind: RecordKind, record: T, permissions: Pick<Permissions, 'personalData'>): T {
  const hidden = hiddenFields(kind, permissions);
  const nested = NESTED[kind] ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (hidden.includes(key)) continue;
    const child = nested[key];
    out[key] = child && Array.isArray(value) ? value.map((item: object) => recordForRole(child, item, permissions)) : value;
  }
  return out as T;
}

/** Records of a page as this role may see them. */
export function pageForRole<T extends object, P extends { items: T[] }>(kind: RecordKind, page: P, permissions: Pick<Permissions, 'personalData'>): P {
  return { ...page, items: page.items.map((item) => recordForRole(kind, item, permissions)) };
}

/** The columns of an export this role may not get (the file leaves them out). */
export function hiddenExportColumns(exportKind: string, permissions: Pick<Permissions, 'personalData'>): string[] {
  return Object.entries(PERSONAL_EXPORT_COLUMNS[exportKind] ?? {})
    .filter(([, [kind, field]]) => hiddenFields(kind, permissions).includes(field))
    .map(([column]) => column);
}

/**
 * The area summary's parts (GET /areas/{code}/summary). The aggregates-only role gets the area, the
 * day, the holder counts, where they come from and the number of open reports; never the records
 * behind them (sponsors, risk areas, operations, the last meeting, report ids).
 */
export const AREA_SUMMARY_AGGREGATES = ['area', 'asOf', 'holders', 'sources', 'openReports'] as const;

/** The aggregates-only summary: the aggregate parts as given, open reports as a count. */
export type AreaSummaryAggregates<S> = Pick<S, Exclude<(typeof AREA_SUMMARY_AGGREGATES)[number], 'openReports'> & keyof S> & { openReports: { count: number } };

export function areaSummaryForRole<S extends { openReports: { count: number } }>(summary: S, permissions: FieldPermissions): S | AreaSummaryAggregates<S> {
  if (permissions.lists) return summary;
  const kept: Partial<S> = {};
  for (const key of AREA_SUMMARY_AGGREGATES) if (key in summary) (kept as Record<string, unknown>)[key] = (summary as Record<string, unknown>)[key];
  return { ...kept, openReports: { count: summary.openReports.count } } as AreaSummaryAggregates<S>;
}

/** The search box's result kinds: areas for everyone; companies and operation-target places (ids, names, positions) only for roles that read records. */
export function searchResultsForRole<R extends { areas: unknown[] }>(results: R, permissions: FieldPermissions): R | Pick<R, 'areas'> {
  return permissions.lists ? results : { areas: results.areas };
}

/** Per role, the hidden fields of every record kind (docs and tests read it as a table). */
export function fieldRulesOf(role: Role): Record<RecordKind, readonly string[]> {
  const permissions = permissionsOf(role);
  return Object.fromEntries((Object.keys(PERSONAL_TEXT_FIELDS) as RecordKind[]).map((kind) => [kind, hiddenFields(kind, permissions)])) as Record<
    RecordKind,
    readonly string[]
  >;
}
