// Typed calls behind the detail panel and the search box: an area's profile, trend and two-date
// comparison, one record of each kind, search, and the data sets' load times. Each checks the few
// fields the panels rely on, so a changed contract shows up as a clear error instead of a blank panel.
import { isObject } from '@pantau/domain';
import { ApiError, fetchJson, type ApiRequest, type QueryParams } from './api-client.js';

// ── Shapes ──────────────────────────────────────────────────────────────────────────────────────

export type AreaLevelName = 'province' | 'regency' | 'district';

/** `reference`, `demo` or `batch:<uuid>`: where a row came from. */
export type Origin = string;

export interface AreaRef {
  code: string;
  name: string;
  level: AreaLevelName;
}

export interface AreaInfo extends AreaRef {
  parentCode: string | null;
  /** Province first, then regency. */
  parents: AreaRef[];
  areaKm2: number | null;
}

export interface NationalityCount {
  code: string;
  count: number;
}

export interface PurposeCount {
  purpose: string;
  count: number;
}

export interface HolderCounts {
  /** People (each once, under the strongest type held), not permits. */
  total: number;
  itas: number;
  itap: number;
  visit: number;
  /** Valid permits those people hold (a person may hold more than one). */
  permits: number;
  /** People with an open permit application and no valid permit ("waiting for a new KITAS"). */
  pending: number;
  byNationality: NationalityCount[];
  byPurpose: PurposeCount[];
}

export interface TopSponsor {
  id: number;
  name: string;
  sector: string | null;
  origin: Origin;
  activePermits: number;
}

export interface RiskAreaSummary {
  id: number;
  name: string;
  category: string;
  severity: string;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
  origin: Origin;
}

export interface OperationSummary {
  id: number;
  date: string;
  team: string;
  origin: Origin;
  targets: number;
  foreignersChecked: number;
  violations: number;
  /** Enforcement action kind → number of actions. */
  actions: Record<string, number>;
  outcomes: string[];
}

export interface MeetingSummary {
  id: number;
  date: string;
  title: string;
  venue: string | null;
  organiser: string;
  regencyCode: string;
  origin: Origin;
}

export interface ReportSummary {
  id: number;
  receivedOn: string;
  category: string;
  status: string;
  channel: string;
  origin: Origin;
}

/** How many of the area's permits came from one origin, and how fresh that origin is. */
export interface PermitSource {
  origin: Origin;
  permits: number;
  /** Instant (ISO) the origin's data was loaded. */
  loadedAt: string | null;
  /** Newest permit issue date (YYYY-MM-DD) from that origin. */
  lastIssued: string | null;
}

export interface AreaSummary {
  area: AreaInfo;
  asOf: string;
  holders: HolderCounts;
  /** The record parts are absent for a role that reads no records (viewer): it gets the counts only. */
  topSponsors?: TopSponsor[];
  riskAreas?: RiskAreaSummary[];
  lastOperations?: OperationSummary[];
  lastMeeting?: MeetingSummary | null;
  openReports: { count: number; items?: ReportSummary[] };
  sources: PermitSource[];
}

export interface TrendMonth {
  /** YYYY-MM */
  month: string;
  total: number;
  itas: number;
  itap: number;
}

export interface AreaTrend {
  code: string;
  asOf: string;
  /** Oldest first; the last month is counted on `asOf`. */
  months: TrendMonth[];
}

/** A series of monthly arrivals, aligned with `AreaArrivals.months`. */
export interface ArrivalSeries { total: number; arrivals: number[] }

export interface AreaArrivals {
  code: string;
  asOf: string;
  /** Oldest first; the last month counts up to `asOf`. */
  months: Array<{ month: string; arrivals: number }>;
  /** Per entry point (key null: not recorded), most arrivals first. */
  entryPoints: Array<ArrivalSeries & { key: string | null; name: string | null; kind: string | null }>;
  /** Per regency of the area, most arrivals first. */
  regencies: Array<ArrivalSeries & { code: string; name: string }>;
  /** The monthly counts the area's checkpoints reported (imported movements counts), all foreigners. */
  checkpoints: { months: number[]; entryPoints: Array<ArrivalSeries & { key: string; name: string; kind: string }> };
}

export interface HolderSnapshot {
  date: string;
  total: number;
  itas: number;
  itap: number;
  visit: number;
  byNationality: NationalityCount[];
  byPurpose: PurposeCount[];
}

export interface NationalityChange {
  code: string;
  a: number;
  b: number;
  change: number;
}

export interface AreaComparison {
  area: AreaRef;
  a: HolderSnapshot;
  b: HolderSnapshot;
  change: { total: number; itas: number; itap: number; visit: number; byNationality: NationalityChange[] };
}

export interface CompanySite {
  id: number;
  name: string;
  lng: number;
  lat: number;
  districtCode: string | null;
  regencyCode: string | null;
}

export interface CompanyRecord {
  id: number;
  name: string;
  sector: string | null;
  registrationNumber: string | null;
  origin: Origin;
  activePermits: number;
  sites: CompanySite[];
}

export interface EnforcementActionCount {
  kind: string;
  count: number;
  nationality: string | null;
}

export interface OperationTarget {
  id: number;
  place: string;
  kind: string;
  lng: number | null;
  lat: number | null;
  districtCode: string | null;
  foreignersChecked: number | null;
  violations: number | null;
  outcome: string | null;
  /** Absent for a role without personal data (free text that may name people). */
  findings?: string | null;
  actions: EnforcementActionCount[];
}

export interface OperationRecord {
  id: number;
  date: string;
  team: string;
  office: string | null;
  regencyCode: string;
  /** Absent for a role without personal data (free text that may name people). */
  notes?: string | null;
  origin: Origin;
  targets: OperationTarget[];
}

export interface ReportRecord {
  id: number;
  /** Instant (ISO, UTC). */
  receivedAt: string;
  channel: string;
  category: string;
  status: string;
  lng: number;
  lat: number;
  districtCode: string | null;
  origin: Origin;
}

export interface MeetingRecord {
  id: number;
  date: string;
  title: string;
  venue: string | null;
  regencyCode: string;
  organiser: string;
  attendees: string[];
  /** Absent for a role without personal data (free text that may name people). */
  notes?: string[];
  origin: Origin;
}

export interface RiskAreaRecord extends RiskAreaSummary {
  /** Absent for a role without personal data (free text that may name people). */
  description?: string | null;
  regencyCode: string | null;
  bbox: [number, number, number, number];
}

export interface EntryPointRecord {
  id: number;
  name: string;
  kind: string;
  lng: number;
  lat: number;
  districtCode: string | null;
  regencyCode: string | null;
  origin: Origin;
}

export interface RecordByKind {
  company: CompanyRecord;
  operation: OperationRecord;
  report: ReportRecord;
  meeting: MeetingRecord;
  risk_area: RiskAreaRecord;
  entry_point: EntryPointRecord;
}

export type PanelRecordKind = keyof RecordByKind;

export interface SearchArea {
  code: string;
  name: string;
  nameEn: string;
  level: AreaLevelName;
  parentName: string | null;
}

export interface SearchCompany {
  id: number;
  name: string;
  regencyCode: string | null;
  lng: number;
  lat: number;
}

export interface SearchPlace {
  /** `entry_point` or `operation_target`. */
  kind: string;
  id: number;
  name: string;
  lng: number;
  lat: number;
}

export interface SearchResults {
  areas: SearchArea[];
  companies: SearchCompany[];
  places: SearchPlace[];
  /** When no area in the user's scope matches: the matching areas outside it (public names only). */
  outsideScope: Array<{ name: string; level: string; parentName: string | null }>;
}

export interface Dataset {
  /** `boundaries`, `demo`, `reference`, or an import's origin (`batch:<id>`). */
  name: string;
  loadedAt: string;
  /** An import's file name. */
  fileName?: string;
}

/** The filters the area endpoints share (`asOf` aside). */
export interface PermitFilterParams {
  permitTypes?: readonly string[];
  nationalities?: readonly string[];
  purposes?: readonly string[];
}

// ── Calls ───────────────────────────────────────────────────────────────────────────────────────

function badResponse(what: string): ApiError {
  return new ApiError('bad_response', `unexpected answer from ${what}`, null);
}

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
  const body = await fetchJson(path, params, signal);
  if (!isObject(body) || !isObject(body.area) || !isObject(body.holders) || !Array.isArray(body.sources)) throw badResponse(path);
  return body as unknown as AreaSummary;
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
  const body = await fetchJson(path, params, signal);
  if (!isObject(body) || !Array.isArray(body.months)) throw badResponse(path);
  return body as unknown as AreaTrend;
}

export function areaArrivalsRequest(code: string, asOf: string, months: number): ApiRequest {
  return { path: areaPath(code, 'arrivals'), params: { asOf, months: String(months) } };
}

/** Monthly arrivals of the area's people, per entry point and per regency (counts only). */
export async function getAreaArrivals(code: string, asOf: string, months: number, signal?: AbortSignal): Promise<AreaArrivals> {
  const { path, params } = areaArrivalsRequest(code, asOf, months);
  const body = await fetchJson(path, params, signal);
  if (!isObject(body) || !Array.isArray(body.months) || !Array.isArray(body.entryPoints) || !Array.isArray(body.regencies)) throw badResponse(path);
  return body as unknown as AreaArrivals;
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
  const body = await fetchJson(path, { a, b, ...filterParams(filter) }, signal);
  if (!isObject(body) || !isObject(body.a) || !isObject(body.b) || !isObject(body.change)) throw badResponse(path);
  return body as unknown as AreaComparison;
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
export async function getRecord<K extends PanelRecordKind>(kind: K, id: number, asOf: string, signal?: AbortSignal, lang?: 'id' | 'en'): Promise<RecordByKind[K]> {
  const path = `/api/v1/${RECORD_PATHS[kind]}/${id}`;
  const body = await fetchJson(path, { asOf, lang }, signal);
  if (!isObject(body) || typeof body.id !== 'number') throw badResponse(path);
  return body as unknown as RecordByKind[K];
}

/** The area's own record (name, level, parents), for links from a record to its area. */
export async function getArea(code: string, signal?: AbortSignal): Promise<AreaInfo> {
  const path = `/api/v1/areas/${encodeURIComponent(code)}`;
  const body = await fetchJson(path, {}, signal);
  if (!isObject(body) || typeof body.name !== 'string') throw badResponse(path);
  return body as unknown as AreaInfo;
}

/** The API answers 400 below this many characters. */
export const SEARCH_MIN_LENGTH = 2;

export async function searchAll(query: string, limit: number, signal?: AbortSignal): Promise<SearchResults> {
  const body = await fetchJson('/api/v1/search', { q: query, limit: String(limit) }, signal);
  if (!isObject(body) || !Array.isArray(body.areas)) throw badResponse('/api/v1/search');
  // A role that reads no records (viewer) gets areas only.
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  return { ...body, companies: list(body.companies), places: list(body.places), outsideScope: list(body.outsideScope) } as unknown as SearchResults;
}

/** When each data set (demo, reference, imports, boundaries) was loaded, from /api/v1/meta. */
export async function getDatasets(signal?: AbortSignal): Promise<Dataset[]> {
  const body = await fetchJson('/api/v1/meta', {}, signal);
  if (!isObject(body)) throw badResponse('/api/v1/meta');
  const datasets = Array.isArray(body.datasets) ? body.datasets : [];
  // Imports name their file, so that a source line says which file its rows came from.
  const imports = (Array.isArray(body.imports) ? body.imports : []).flatMap((entry: unknown) =>
    isObject(entry) && typeof entry.origin === 'string' && typeof entry.fileName === 'string' && typeof entry.loadedAt === 'string'
      ? [{ name: entry.origin, fileName: entry.fileName, loadedAt: entry.loadedAt }]
      : [],
  );
  return [
    ...datasets.filter((dataset): dataset is Dataset => isObject(dataset) && typeof dataset.name === 'string' && typeof dataset.loadedAt === 'string'),
    ...imports,
  ];
}

// ── Overstays and expiring permits (issue 20) ───────────────────────────────────────────────────

export interface PersonSponsor { id: number; name: string }

/** People over their last permit's end; `items` only for roles with personal data (left out otherwise). */
export interface AreaOverstays {
  area: { code: string; name: string; level: string };
  asOf: string;
  minDays: number;
  counts: { total: number; itas: number; itap: number; visit: number; byDistrict: Array<{ code: string | null; name: string | null; count: number }>; byNationality: Array<{ code: string; count: number }> };
  items?: Array<{
    personId: number; name: string; sex: string | null; nationality: string; passportNumber: string | null;
    permit: { id: number; type: string; number: string; expiresOn: string }; daysOver: number; sponsor: PersonSponsor | null;
    districtCode: string | null; districtName: string | null; regencyCode: string; regencyName: string | null;
  }>;
  nextCursor?: number | null;
}

/** Permits ending within `within` days; `bySponsor` left out for the aggregates-only role, `items` for roles without personal data. */
export interface AreaExpiring {
  area: { code: string; name: string; level: string };
  asOf: string;
  within: number;
  counts: { permits: number; people: number; notRenewed: number; notRenewedPeople: number; bySponsor?: Array<{ id: number | null; name: string | null; permits: number; people: number; notRenewed: number }> };
  items?: Array<{
    permitId: number; permitNumber: string; permitType: string; expiresOn: string; daysLeft: number; renewed: boolean; personId: number | null;
    name: string; nationality: string; passportNumber: string | null; sponsor: PersonSponsor | null;
    districtCode: string | null; districtName: string | null; regencyCode: string; regencyName: string | null;
  }>;
  nextCursor?: number | null;
}

/** The panel lists this many rows; the export holds them all. */
export const PEOPLE_LIST_LIMIT = 50;

export function areaOverstaysRequest(code: string, asOf: string, filter: PermitFilterParams): ApiRequest {
  return { path: areaPath(code, 'overstays'), params: { asOf, ...filterParams(filter), limit: String(PEOPLE_LIST_LIMIT) } };
}

export async function getAreaOverstays(code: string, asOf: string, filter: PermitFilterParams, signal?: AbortSignal): Promise<AreaOverstays> {
  const { path, params } = areaOverstaysRequest(code, asOf, filter);
  const body = await fetchJson(path, params, signal);
  if (!isObject(body) || !isObject(body.counts)) throw badResponse(path);
  return body as unknown as AreaOverstays;
}

export function areaExpiringRequest(code: string, asOf: string, within: number, filter: PermitFilterParams): ApiRequest {
  return { path: areaPath(code, 'expiring'), params: { asOf, within: String(within), ...filterParams(filter), limit: String(PEOPLE_LIST_LIMIT) } };
}

export async function getAreaExpiring(code: string, asOf: string, within: number, filter: PermitFilterParams, signal?: AbortSignal): Promise<AreaExpiring> {
  const { path, params } = areaExpiringRequest(code, asOf, within, filter);
  const body = await fetchJson(path, params, signal);
  if (!isObject(body) || !isObject(body.counts)) throw badResponse(path);
  return body as unknown as AreaExpiring;
}
