// The coverage-gap list behind the dashboard's sidebar (GET /api/v1/planning/coverage-gaps).
import type { CoverageGapItem, CoverageGapsResponse } from '@pantau/domain';
import { fetchTyped } from './api-client.js';

export type { CoverageGapItem };
export type CoverageGaps = CoverageGapsResponse;

export async function getCoverageGaps(query: { area: string | null; asOf: string | null; months: number }, signal?: AbortSignal): Promise<CoverageGaps> {
  return fetchTyped<CoverageGaps>('/api/v1/planning/coverage-gaps', { area: query.area, asOf: query.asOf, months: String(query.months) }, signal);
}
