// Typed calls to the Pantau API. Each checks the few fields the page relies on, so a changed contract
// shows up as a clear error instead of a blank map.
import { isObject } from '@pantau/domain';
import { ApiError, fetchJson, type ApiRequest } from './api-client.js';
import type { AreaDetail, AreaListItem, CompanySearchResult, Meta, PermitStats, PermitStatsQuery } from './types.js';

function badResponse(what: string): ApiError {
  return new ApiError('bad_response', `unexpected answer from ${what}`, null);
}

export async function getMeta(signal?: AbortSignal): Promise<Meta> {
  const body = await fetchJson('/api/v1/meta', {}, signal);
  if (!isObject(body) || typeof body.demo !== 'boolean' || typeof body.today !== 'string') {
    throw badResponse('/api/v1/meta');
  }
  return body as unknown as Meta;
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
  const body = await fetchJson(request.path, request.params, signal);
  if (!isObject(body) || typeof body.asOf !== 'string' || !Array.isArray(body.areas)) {
    throw badResponse('/api/v1/stats/permits');
  }
  return body as unknown as PermitStats;
}

export const areaPath = (code: string) => `/api/v1/areas/${encodeURIComponent(code)}`;

export async function getArea(code: string, signal?: AbortSignal): Promise<AreaDetail> {
  const body = await fetchJson(areaPath(code), {}, signal);
  if (!isObject(body) || typeof body.code !== 'string' || !Array.isArray(body.bbox) || !Array.isArray(body.parents)) {
    throw badResponse('/api/v1/areas/{code}');
  }
  return body as unknown as AreaDetail;
}

export async function getAreas(level: string, parent: string | null, signal?: AbortSignal): Promise<AreaListItem[]> {
  const body = await fetchJson('/api/v1/areas', { level, parent }, signal);
  if (!isObject(body) || !Array.isArray(body.items)) throw badResponse('/api/v1/areas');
  return body.items as AreaListItem[];
}

/** Companies whose name matches `query` (the search's company hits). */
export async function searchCompanies(query: string, signal?: AbortSignal): Promise<CompanySearchResult[]> {
  const body = await fetchJson('/api/v1/search', { q: query, limit: '10' }, signal);
  if (!isObject(body) || !Array.isArray(body.companies)) throw badResponse('/api/v1/search');
  return body.companies as CompanySearchResult[];
}
