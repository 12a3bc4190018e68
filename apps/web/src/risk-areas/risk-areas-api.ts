// Typed calls for drawing and changing risk areas on the map (issue 22): create, change, and a risk
// area's versions. Answers are checked against the API's schemas (@pantau/domain api/records.ts).
import {
  riskAreaAnswerSchema,
  riskAreaVersionsSchema,
  type RiskAreaAnswer,
  type RiskAreaCreateInput,
  type RiskAreaPatchInput,
  type RiskAreaVersionsAnswer,
} from '@pantau/domain';
import { answerOf, fetchAnswer, sendJson } from '../api/api-client.js';

export async function createRiskArea(body: RiskAreaCreateInput): Promise<RiskAreaAnswer> {
  return answerOf(riskAreaAnswerSchema, await sendJson('POST', '/api/v1/risk-areas', body), 'POST /api/v1/risk-areas');
}

export async function updateRiskArea(id: number, patch: RiskAreaPatchInput): Promise<RiskAreaAnswer> {
  return answerOf(riskAreaAnswerSchema, await sendJson('PATCH', `/api/v1/risk-areas/${id}`, patch), `PATCH /api/v1/risk-areas/${id}`);
}

/** One risk area with its geometry (to change it). */
export function getRiskArea(id: number, signal?: AbortSignal): Promise<RiskAreaAnswer> {
  return fetchAnswer(riskAreaAnswerSchema, `/api/v1/risk-areas/${id}`, {}, signal);
}

export function getRiskAreaVersions(id: number, signal?: AbortSignal): Promise<RiskAreaVersionsAnswer> {
  return fetchAnswer(riskAreaVersionsSchema, `/api/v1/risk-areas/${id}/versions`, {}, signal);
}
