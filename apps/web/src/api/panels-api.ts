// Typed calls behind the detail panel and the search box: an area's profile, trend and two-date
// comparison, one record of each kind, search, and the data sets' load times. Each answer is checked
// against its route's schema (@pantau/domain api/), so a changed contract shows up as a clear error
// instead of a blank panel.
import {
  areaArrivalsResponseSchema, areaComparisonResponseSchema, areaExpiringResponseSchema, areaOverstaysResponseSchema, areaDetailSchema, areaSummaryResponseSchema, areaTrendResponseSchema, companyAnswerSchema,
  entryPointAnswerSchema, meetingAnswerSchema, metaResponseSchema, operationAnswerSchema, reportAnswerSchema, riskAreaAnswerSchema, searchResponseSchema,
  type AreaArrivalsResponse, type AreaComparisonResponse, type AreaExpiringResponse, type AreaOverstaysResponse, type AreaDetail, type AreaSummaryResponse, type AreaTrendResponse, type CompanyAnswer, type EntryPointAnswer,
  type MeetingAnswer, type OperationAnswer, type ReportAnswer, type RiskAreaAnswer, type SearchResponse,
} from '@pantau/domain';
import type { z } from 'zod';
import { fetchAnswer, type ApiRequest, type QueryParams } from './api-client.js';

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
  meeting: MeetingAnswer;
  risk_area: RiskAreaAnswer;
  entry_point: EntryPointAnswer;
}
export type PanelRecordKind = keyof RecordByKind;
export type CompanyRecord = CompanyAnswer;
export type OperationRecord = OperationAnswer;
export type ReportRecord = ReportAnswer;
export type MeetingRecord = MeetingAnswer;
export type RiskAreaRecord = RiskAreaAnswer;
export type EntryPointRecord = EntryPointAnswer;

/** A role that reads no records (viewer) gets areas only: the other lists are then empty here. */
export type SearchResults = Required<SearchResponse>;
export type SearchArea = SearchResults['areas'][number];

/** A data set (`boundaries`, `demo`, `reference`) or an import (`batch:<id>`, with its file name) and when it was loaded. */
export interface Dataset { name: string; loadedAt: string; fileName?: string }

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
  return fetchAnswer(areaSummaryResponseSchema, path, params, signal);
}

export function areaTrendRequest(code: string, asOf: string, months: number, filter: PermitFilterParams): ApiRequest {
  return { path: areaPath(code, 'trend'), params: { asOf, months: String(months), ...filterParams(filter) } };
}

export async function getAreaTrend(
  code: string,
  asOf: string,
  months: number,
  filter: PermitFilterParams,
  signal?: AbortSignal,
): Promise<AreaTrend> {
  const { path, params } = areaTrendRequest(code, asOf, months, filter);
  return fetchAnswer(areaTrendResponseSchema, path, params, signal);
}

export function areaArrivalsRequest(code: string, asOf: string, months: number): ApiRequest {
  return { path: areaPath(code, 'arrivals'), params: { asOf, months: String(months) } };
}

/** Monthly arrivals of the area's people, per entry point and per regency (counts only). */
export async function getAreaArrivals(code: string, asOf: string, months: number, signal?: AbortSignal): Promise<AreaArrivals> {
  const { path, params } = areaArrivalsRequest(code, asOf, months);
  return fetchAnswer(areaArrivalsResponseSchema, path, params, signal);
}

/** Holders on `a` and on `b` (the later date), and the change from `a` to `b`. */
export async function getAreaComparison(
  code: string,
  a: string,
  b: string,
  filter: PermitFilterParams,
  signal?: AbortSignal,
): Promise<AreaComparison> {
  const path = areaPath(code, 'compare');
  return fetchAnswer(areaComparisonResponseSchema, path, { a, b, ...filterParams(filter) }, signal);
}

const RECORDS: { [K in PanelRecordKind]: { path: string; schema: z.ZodType<RecordByKind[K]> } } = {
  company: { path: 'companies', schema: companyAnswerSchema },
  operation: { path: 'operations', schema: operationAnswerSchema },
  report: { path: 'reports', schema: reportAnswerSchema },
  meeting: { path: 'meetings', schema: meetingAnswerSchema },
  risk_area: { path: 'risk-areas', schema: riskAreaAnswerSchema },
  entry_point: { path: 'entry-points', schema: entryPointAnswerSchema },
};

/**
 * One record as it stood on `asOf`, the view's date: figures such as a company's active permits
 * follow the date the panel says its data is for, not the server's today.
 */
export async function getRecord<K extends PanelRecordKind>(kind: K, id: number, asOf: string, signal?: AbortSignal, lang?: 'id' | 'en'): Promise<RecordByKind[K]> {
  const { path, schema } = RECORDS[kind];
  return fetchAnswer(schema, `/api/v1/${path}/${id}`, { asOf, lang }, signal);
}

/** The area's own record (name, level, parents), for links from a record to its area. */
export async function getArea(code: string, signal?: AbortSignal): Promise<AreaDetail> {
  return fetchAnswer(areaDetailSchema, `/api/v1/areas/${encodeURIComponent(code)}`, {}, signal);
}

/** The API answers 400 below this many characters. */
export const SEARCH_MIN_LENGTH = 2;

export async function searchAll(query: string, limit: number, signal?: AbortSignal): Promise<SearchResults> {
  const body = await fetchAnswer(searchResponseSchema, '/api/v1/search', { q: query, limit: String(limit) }, signal);
  // A role that reads no records (viewer) gets areas only.
  return { ...body, companies: body.companies ?? [], places: body.places ?? [] };
}

/** When each data set (demo, reference, imports, boundaries) was loaded, from /api/v1/meta. */
export async function getDatasets(signal?: AbortSignal): Promise<Dataset[]> {
  const { datasets, imports } = await fetchAnswer(metaResponseSchema, '/api/v1/meta', {}, signal);
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
  return fetchAnswer(areaOverstaysResponseSchema, path, params, signal);
}

export function areaExpiringRequest(code: string, asOf: string, within: number, filter: PermitFilterParams): ApiRequest {
  return { path: areaPath(code, 'expiring'), params: { asOf, within: String(within), ...filterParams(filter), limit: String(PEOPLE_LIST_LIMIT) } };
}

export async function getAreaExpiring(code: string, asOf: string, within: number, filter: PermitFilterParams, signal?: AbortSignal): Promise<AreaExpiring> {
  const { path, params } = areaExpiringRequest(code, asOf, within, filter);
  return fetchAnswer(areaExpiringResponseSchema, path, params, signal);
}
