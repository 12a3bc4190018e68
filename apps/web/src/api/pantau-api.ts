// Typed calls to the Pantau API: the answers' types are the schemas' of @pantau/domain api/, the
// ones the routes declare (typed, not parsed here: fetchTyped).
import type {
  AreaDetail,
  AreaLevel,
  AreaListItem,
  AreaListResponse,
  MetaResponse,
  PermitStats,
  PermitType,
  SearchCompany,
  SearchResponse,
} from '@pantau/domain';
import { fetchTyped, type ApiRequest } from './api-client.js';

/** The map's question to /stats/permits. */
export interface PermitStatsQuery {
  level: AreaLevel;
  /** Only the areas inside this one (its children, or deeper). */
  parent?: string | null;
  asOf: string | null;
  permitTypes: readonly PermitType[];
  nationalities?: readonly string[];
  purposes?: readonly string[];
}

export async function getMeta(signal?: AbortSignal): Promise<MetaResponse> {
  return fetchTyped<MetaResponse>('/api/v1/meta', {}, signal);
}

export function permitStatsRequest(query: PermitStatsQuery): ApiRequest {
  return {
    path: '/api/v1/stats/permits',
    params: {
      level: query.level,
      parent: query.parent,
      asOf: query.asOf,
      permitType: query.permitTypes.join(','),
      nationality: query.nationalities?.join(','),
      purpose: query.purposes?.join(','),
    },
  };
}

export async function getPermitStats(query: PermitStatsQuery, signal?: AbortSignal): Promise<PermitStats> {
  const request = permitStatsRequest(query);
  return fetchTyped<PermitStats>(request.path, request.params, signal);
}

export const areaPath = (code: string) => `/api/v1/areas/${encodeURIComponent(code)}`;

export async function getArea(code: string, signal?: AbortSignal): Promise<AreaDetail> {
  return fetchTyped<AreaDetail>(areaPath(code), {}, signal);
}

export async function getAreas(level: string, parent: string | null, signal?: AbortSignal): Promise<AreaListItem[]> {
  return (await fetchTyped<AreaListResponse>('/api/v1/areas', { level, parent }, signal)).items;
}

/** Companies whose name matches `query` (the search's company hits; none for a role that reads no records). */
export async function searchCompanies(query: string, signal?: AbortSignal): Promise<SearchCompany[]> {
  return (await fetchTyped<SearchResponse>('/api/v1/search', { q: query, limit: '10' }, signal)).companies ?? [];
}
