// Typed calls to the Pantau API. Each answer is checked against the schema its route declares
// (@pantau/domain api/), so a changed contract shows up as a clear error instead of a blank map.
import {
  areaDetailSchema, areaListResponseSchema, metaResponseSchema, permitStatsResponseSchema, searchResponseSchema,
  type AreaDetail, type AreaLevel, type AreaListItem, type MetaResponse, type PermitStats, type PermitType, type SearchCompany,
} from '@pantau/domain';
import { fetchAnswer, type ApiRequest } from './api-client.js';

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
  return fetchAnswer(metaResponseSchema, '/api/v1/meta', {}, signal);
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
  return fetchAnswer(permitStatsResponseSchema, request.path, request.params, signal);
}

export const areaPath = (code: string) => `/api/v1/areas/${encodeURIComponent(code)}`;

export async function getArea(code: string, signal?: AbortSignal): Promise<AreaDetail> {
  return fetchAnswer(areaDetailSchema, areaPath(code), {}, signal);
}

export async function getAreas(level: string, parent: string | null, signal?: AbortSignal): Promise<AreaListItem[]> {
  return (await fetchAnswer(areaListResponseSchema, '/api/v1/areas', { level, parent }, signal)).items;
}

/** Companies whose name matches `query` (the search's company hits; none for a role that reads no records). */
export async function searchCompanies(query: string, signal?: AbortSignal): Promise<SearchCompany[]> {
  return (await fetchAnswer(searchResponseSchema, '/api/v1/search', { q: query, limit: '10' }, signal)).companies ?? [];
}
