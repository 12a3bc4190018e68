// The coverage-gap list behind the dashboard's sidebar (GET /api/v1/planning/coverage-gaps).
import { ApiError, fetchJson } from './api-client.js';

export interface CoverageGapItem {
  id: string;
  kind: 'company_site' | 'district';
  name: string;
  areaCodes: { province: string | null; regency: string | null; district: string | null };
  location: { lng: number; lat: number };
  holders: number;
  lastCheckedOn: string | null;
  monthsSinceCheck: number | null;
  links: { record: string; lastOperation: string | null };
}

export interface CoverageGaps {
  asOf: string;
  months: number;
  total: number;
  groups: Array<{ office: { id: number; name: string } | null; regencyCodes: string[]; count: number; items: CoverageGapItem[] }>;
}

export async function getCoverageGaps(query: { area: string | null; asOf: string | null; months: number }, signal?: AbortSignal): Promise<CoverageGaps> {
  const body = await fetchJson('/api/v1/planning/coverage-gaps', { area: query.area, asOf: query.asOf, months: String(query.months) }, signal);
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { groups?: unknown }).groups)) {
    throw new ApiError('bad_response', 'unexpected answer from /api/v1/planning/coverage-gaps', null);
  }
  return body as CoverageGaps;
}
