// The coverage-gap list behind the dashboard's sidebar (GET /api/v1/planning/coverage-gaps).
import { coverageGapsResponseSchema, type CoverageGapItem, type CoverageGapsResponse } from '@pantau/domain';
import { fetchAnswer } from './api-client.js';

export type { CoverageGapItem };
export type CoverageGaps = CoverageGapsResponse;

export async function getCoverageGaps(query: { area: string | null; asOf: string | null; months: number }, signal?: AbortSignal): Promise<CoverageGaps> {
  return fetchAnswer(coverageGapsResponseSchema, '/api/v1/planning/coverage-gaps', { area: query.area, asOf: query.asOf, months: String(query.months) }, signal);
}
