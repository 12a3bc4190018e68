// Typed calls behind the detail panel and the search box: an area's profile, trend and two-date
// comparison, one record of each kind, search, and the data sets' load times. The answers' types are
// the schemas' of @pantau/domain api/, the ones the routes declare (typed, not parsed here: fetchTyped).
import type {
  AreaArrivalsResponse,
  AreaComparisonResponse,
  AreaDetail,
  AreaExpiringResponse,
  AreaOverstaysResponse,
  AreaSummaryResponse,
  AreaTrendResponse,
  CompanyAnswer,
  EntryPointAnswer,
  MeetingDetail,
  MetaResponse,
  OperationAnswer,
  ReportAnswer,
  RiskAreaAnswer,
  SearchResponse,
} from '@pantau/domain';
import { fetchTyped, type ApiRequest, type QueryParams } from './api-client.js';

// ── Shapes: the answers' schemas of @pantau/domain, named as the panels use them ────────────────

export type AreaSummary = AreaSummaryResponse;
export type PermitSource = AreaSummary['sources'][number];
export type AreaTrend = AreaTrendResponse;
export type AreaArrivals = AreaArrivalsResponse;
export type AreaComparison = AreaComparisonResponse;
export type NationalityChange = AreaComparison['change']['byNationality'][number];

export interface RecordByKind {
  company: CompanyAnswer;
  operation: OperationAnswer;
  report: ReportAnswer;
  meeting: MeetingDetail;
  risk_area: RiskAreaAnswer;
  entry_point: EntryPointAnswer;
}
export type PanelRecordKind = keyof RecordByKind;
export type CompanyRecord = CompanyAnswer;
export type OperationRecord = OperationAnswer;
export type ReportRecord = ReportAnswer;
/** GET /meetings/{id}: the meeting with its decisions and follow-ups. */
export type MeetingRecord = MeetingDetail;
export type RiskAreaRecord = RiskAreaAnswer;
export type EntryPointRecord = EntryPointAnswer;

/** A role that reads no records (viewer) gets areas only: the other lists are then empty here. */
export type SearchResults = Required<SearchResponse>;
export type SearchArea = SearchResults['areas'][number];

/** A data set (`boundaries`, `demo`, `reference`) or an import (`batch:<id>`, with its file name) and when it was loaded. */
export interface Dataset {
  name: string;
  loadedAt: string;
  fileName?: string;
}

/** The filters the area endpoints share (`asOf` aside). */
export interface PermitFilterParams {
  permitTypes?: readonly string[];
  nationalities?: readonly string[];
  purposes?: readonly string[];
}

// ── Calls ───────────────────────────────────────────────────────────────────────────────────────

function listParam(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

function filterParams(filter: PermitFilterParams): QueryParams {
  return {
    permitType: listParam(filter.permitTypes),
    nationality: listParam(filter.nationalities),
    purpose: listParam(filter.purposes),
  };
}

function areaPath(code: string, what: string): string {
  return `/api/v1/areas/${encodeURIComponent(code)}/${what}`;
}

/** `lang`: the language of reference and demo records' text (risk names, meeting titles); the API's default when absent. */
export function areaSummaryRequest(code: string, asOf: string, filter: PermitFilterParams, lang?: 'id' | 'en'): ApiRequest {
  return { path: areaPath(code, 'summary'), params: { asOf, ...filterParams(filter), lang } };
}

export async function getAreaSummary(code: string, asOf: string, filter: PermitFilterParams, signal?: AbortSignal, lang?: 'id' | 'en'): Promise<AreaSummary> {
  const { path, params } = areaSummaryRequest(code, asOf, filter, lang);
  return fetchTyped<AreaSummary>(path, params, signal);
}

export function areaTrendRequest(code: string, asOf: string, months: number, filter: PermitFilterParams): ApiRequest {
  return { path: areaPath(code, 'trend'), params: { asOf, months: String(months), ...filterParams(filter) } };
}

export async function getAreaTrend(code: string, asOf: string, months: number, filter: PermitFilterParams, signal?: AbortSignal): Promise<AreaTrend> {
  const { path, params } = areaTrendRequest(code, asOf, months, filter);
  return fetchTyped<AreaTrend>(path, params, signal);
}

export function areaArrivalsRequest(code: string, asOf: string, months: number): ApiRequest {
  return { path: areaPath(code, 'arrivals'), params: { asOf, months: String(months) } };
}

/** Monthly arrivals of the area's people, per entry point and per regency (counts only). */
export async function getAreaArrivals(code: string, asOf: string, months: number, signal?: AbortSignal): Promise<AreaArrivals> {
  const { path, params } = areaArrivalsRequest(code, asOf, months);
  return fetchTyped<AreaArrivals>(path, params, signal);
}

/** Holders on `a` and on `b` (the later date), and the change from `a` to `b`. */
export async function getAreaComparison(code: string, a: string, b: string, filter: PermitFilterParams, signal?: AbortSignal): Promise<AreaComparison> {
  const path = areaPath(code, 'compare');
  return fetchTyped<AreaComparison>(path, { a, b, ...filterParams(filter) }, signal);
}

const RECORD_PATHS: Record<PanelRecordKind, string> = {
  company: 'companies',
  operation: 'operations',
  report: 'reports',
  meeting: 'meetings',
  risk_area: 'risk-areas',
  entry_point: 'entry-points',
};

/**
 * One record as it stood on `asOf`, the view's date: figures such as a company's active permits
 * follow the date the panel says its data is for, not the server's today.
 */
export async function getRecord<K extends PanelRecordKind>(
  kind: K,
  id: number,
  asOf: string,
  signal?: AbortSignal,
  lang?: 'id' | 'en',
): Promise<RecordByKind[K]> {
  return fetchTyped<RecordByKind[K]>(`/api/v1/${RECORD_PATHS[kind]}/${id}`, { asOf, lang }, signal);
}

/** The area's own record (name, level, parents), for links from a record to its area. */
export async function getArea(code: string, signal?: AbortSignal): Promise<AreaDetail> {
  return fetchTyped<AreaDetail>(`/api/v1/areas/${encodeURIComponent(code)}`, {}, signal);
}

/** The API answers 400 below this many characters. */
export const SEARCH_MIN_LENGTH = 2;

export async function searchAll(query: string, limit: number, signal?: AbortSignal): Promise<SearchResults> {
  const body = await fetchTyped<SearchResponse>('/api/v1/search', { q: query, limit: String(limit) }, signal);
  // A role that reads no records (viewer) gets areas only.
  return { ...body, companies: body.companies ?? [], places: body.places ?? [] };
}

/** When each data set (demo, reference, imports, boundaries) was loaded, from /api/v1/meta. */
export async function getDatasets(signal?: AbortSignal): Promise<Dataset[]> {
  const { datasets, imports } = await fetchTyped<MetaResponse>('/api/v1/meta', {}, signal);
  // Imports name their file, so that a source line says which file its rows came from.
  return [
    ...datasets.map(({ name, loadedAt }) => ({ name, loadedAt })),
    ...imports.map((entry) => ({ name: entry.origin, fileName: entry.fileName, loadedAt: entry.loadedAt })),
  ];
}

// ── Overstays and expiring permits (issue 20) ───────────────────────────────────────────────────

export type AreaOverstays = AreaOverstaysResponse;
export type AreaExpiring = AreaExpiringResponse;

/** The panel lists this many rows; the export holds them all. */
export const PEOPLE_LIST_LIMIT = 50;

export function areaOverstaysRequest(code: string, asOf: string, filter: PermitFilterParams): ApiRequest {
  return { path: areaPath(code, 'overstays'), params: { asOf, ...filterParams(filter), limit: String(PEOPLE_LIST_LIMIT) } };
}

export async function getAreaOverstays(code: string, asOf: string, filter: PermitFilterParams, signal?: AbortSignal): Promise<AreaOverstays> {
  const { path, params } = areaOverstaysRequest(code, asOf, filter);
  return fetchTyped<AreaOverstays>(path, params, signal);
}

export function areaExpiringRequest(code: string, asOf: string, within: number, filter: PermitFilterParams): ApiRequest {
  return { path: areaPath(code, 'expiring'), params: { asOf, within: String(within), ...filterParams(filter), limit: String(PEOPLE_LIST_LIMIT) } };
}

export async function getAreaExpiring(code: string, asOf: string, within: number, filter: PermitFilterParams, signal?: AbortSignal): Promise<AreaExpiring> {
  const { path, params } = areaExpiringRequest(code, asOf, within, filter);
  return fetchTyped<AreaExpiring>(path, params, signal);
}
