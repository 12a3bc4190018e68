// Links to the API's exports (GET /api/v1/exports/{kind}.{format}) for what the map shows now: the
// same date, permit types, nationalities, purposes, sponsor, area and period, in the UI's language.
import { EXPORT_PARAMETERS } from '@pantau/domain';
import type { Lang } from '../i18n/languages.js';
import { countedPermitTypes, type MapContext } from '../state/view-state.js';

export const EXPORT_KINDS = ['permits', 'companies', 'operations', 'risk-areas', 'entry-points', 'reports', 'overstays', 'expiring', 'movements'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFilters {
  asOf: string | null;
  permitTypes: readonly string[];
  nationalities: readonly string[];
  purposes: readonly string[];
  /** The sponsor company's id. */
  sponsor: number | null;
  /** The selected region's code. */
  area: string | null;
  from: string | null;
  to: string | null;
  /** The UI's language: reference and demo records' text (risk names, notes, findings, sources) come in it. */
  lang: Lang | null;
  /** Overstays: days past the last permit's end (the API's default when absent). */
  minDays?: number | null;
  /** Expiring permits: 30, 60 or 90 days (the API's default when absent). */
  within?: number | null;
}

/**
 * The view's filters as the exports take them. The permit types are the ones the map counts (ITAS
 * and ITAP when none is ticked), the date the one it shows (`asOf`, else the server's today), and a
 * company chosen in the sponsor filter becomes `sponsor`.
 */
export function exportFilters(view: MapContext, shownAsOf: string | null): ExportFilters {
  return {
    asOf: view.asOf ?? shownAsOf,
    permitTypes: countedPermitTypes(view),
    nationalities: view.nationalities,
    purposes: view.purposes,
    sponsor: view.select?.kind === 'company' ? view.select.id : null,
    area: view.region,
    from: view.from,
    to: view.to,
    lang: view.lang,
  };
}

/**
 * `/api/v1/exports/permits.csv?asOf=2024-06-13&permitType=itas,itap&area=19.04`: parameters in a fixed
 * order, empty ones left out, and only those the kind takes (the API refuses the others).
 */
export function exportUrl(kind: ExportKind, format: ExportFormat, filters: ExportFilters): string {
  const query = new URLSearchParams();
  const takes: readonly string[] = EXPORT_PARAMETERS[kind];
  const set = (name: string, value: string | null) => {
    if (value && takes.includes(name)) query.set(name, value);
  };
  set('asOf', filters.asOf);
  set('permitType', filters.permitTypes.join(','));
  set('nationality', [...filters.nationalities].sort().join(','));
  set('purpose', filters.purposes.join(','));
  set('sponsor', filters.sponsor === null ? null : String(filters.sponsor));
  set('area', filters.area);
  set('from', filters.from);
  set('to', filters.to);
  set('lang', filters.lang);
  set('minDays', filters.minDays == null ? null : String(filters.minDays));
  set('within', filters.within == null ? null : String(filters.within));
  // Commas need no escaping in a query string and are easier to read unescaped.
  const search = query.toString().replace(/%2C/g, ',');
  return `/api/v1/exports/${kind}.${format}${search ? `?${search}` : ''}`;
}
