// Typed calls to the Pantau API. Each checks the few fields the page relies on, so a changed contract
// shows up as a clear error instead of a blank map.
import { ApiError, fetchJson } from './api-client.js';
import type { Meta, PermitStats, PermitStatsQuery } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

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

export async function getPermitStats(query: PermitStatsQuery, signal?: AbortSignal): Promise<PermitStats> {
  const body = await fetchJson(
    '/api/v1/stats/permits',
    { level: query.level, asOf: query.asOf, permitType: query.permitTypes.join(',') },
    signal,
  );
  if (!isObject(body) || typeof body.asOf !== 'string' || !Array.isArray(body.areas)) {
    throw badResponse('/api/v1/stats/permits');
  }
  return body as unknown as PermitStats;
}
