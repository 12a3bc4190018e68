// Typed calls to the planning API: ranked candidates and operation plans (contract in
// @pantau/domain planning/plans.ts). Each checks the fields the page relies on.
import { FACTORS, isObject, type CandidateKind, type Factor, type FactorValues, type Plan, type PlanCreateInput, type PlanListItem, type PlanOutcomeInput, type PlanPatchInput, type Weights } from '@pantau/domain';
import { ApiError, fetchJson, sendJson } from '../api/api-client.js';

export interface PlanningCandidate {
  rank: number;
  id: string;
  kind: CandidateKind;
  name: string;
  location: { lng: number; lat: number };
  areaCodes: { province: string | null; regency: string | null; district: string | null };
  raw: Record<string, unknown>;
  factors: FactorValues;
  contributions: FactorValues;
  score: number;
  explanation: { id: string; en: string };
  links: { record: string; lastOperation: string | null; riskAreas: string[] };
}

export interface PlanningCandidates {
  area: { code: string; name: string; level: string };
  asOf: string;
  weights: Weights;
  factors: Factor[];
  candidateCount: number;
  items: PlanningCandidate[];
}

const bad = (what: string) => new ApiError('bad_response', `unexpected answer from ${what}`, null);

/** Query parameters of weights that differ from the defaults (`w.staleness=2`). */
export function weightParams(weights: Partial<Record<Factor, number>>): Record<string, string> {
  return Object.fromEntries(FACTORS.flatMap((factor) => (weights[factor] === undefined ? [] : [[`w.${factor}`, String(weights[factor])]])));
}

export async function getCandidates(
  query: { area: string; asOf: string; limit: number; weights: Partial<Record<Factor, number>>; lang?: 'id' | 'en' },
  signal?: AbortSignal,
): Promise<PlanningCandidates> {
  const path = '/api/v1/planning/candidates';
  // `lang`: site and report-cluster names in the page's language.
  const body = await fetchJson(path, { area: query.area, asOf: query.asOf, limit: String(query.limit), lang: query.lang, ...weightParams(query.weights) }, signal);
  if (!isObject(body) || !Array.isArray(body.items) || !isObject(body.weights) || !isObject(body.area)) throw bad(path);
  return body as unknown as PlanningCandidates;
}

/** An office whose work area overlaps the scope (GET /api/v1/offices): its regencies within the scope. */
export interface OfficeWorkArea {
  /** `office:<key>`, the planning area of its work area. */
  code: string;
  key: string;
  name: string;
  officeClass: string;
  provinceCode: string;
  regencyCodes: string[];
  bbox: [number, number, number, number];
}

export async function listOffices(signal?: AbortSignal): Promise<OfficeWorkArea[]> {
  const path = '/api/v1/offices';
  const body = await fetchJson(path, {}, signal);
  if (!isObject(body) || !Array.isArray(body.items)) throw bad(path);
  const items = body.items as unknown[];
  if (!items.every((item) => isObject(item) && typeof item.key === 'string' && typeof item.name === 'string' && Array.isArray(item.regencyCodes) && Array.isArray(item.bbox) && item.bbox.length === 4)) throw bad(path);
  return items as OfficeWorkArea[];
}

const PLANS = '/api/v1/planning/plans';

function plan(body: unknown, what: string): Plan {
  if (!isObject(body) || typeof body.id !== 'number' || !Array.isArray(body.targets) || !Array.isArray(body.teams)) throw bad(what);
  return body as unknown as Plan;
}

export async function listPlans(area: string, signal?: AbortSignal): Promise<PlanListItem[]> {
  const body = await fetchJson(PLANS, { area }, signal);
  if (!isObject(body) || !Array.isArray(body.items)) throw bad(PLANS);
  return body.items as PlanListItem[];
}

/** `lang`: the language of the targets' names (a company site's English name on the English page). */
export async function getPlan(id: number, signal?: AbortSignal, lang?: 'id' | 'en'): Promise<Plan> {
  return plan(await fetchJson(`${PLANS}/${id}`, { lang }, signal), `${PLANS}/${id}`);
}

export async function createPlan(input: PlanCreateInput): Promise<Plan> {
  return plan(await sendJson('POST', PLANS, input), PLANS);
}

export async function updatePlan(id: number, patch: PlanPatchInput): Promise<Plan> {
  return plan(await sendJson('PATCH', `${PLANS}/${id}`, patch), `${PLANS}/${id}`);
}

export async function deletePlan(id: number): Promise<void> {
  await sendJson('DELETE', `${PLANS}/${id}`);
}

export async function recordOutcome(id: number, outcome: PlanOutcomeInput): Promise<Plan> {
  return plan(await sendJson('POST', `${PLANS}/${id}/outcome`, outcome), `${PLANS}/${id}/outcome`);
}

/** Download links of a saved plan: its targets as CSV or XLSX (reasons in `lang`), and the A4 PDF. */
export function planFileUrl(id: number, file: 'targets.csv' | 'targets.xlsx' | 'plan.pdf', lang: string): string {
  return `${PLANS}/${id}/${file}?lang=${encodeURIComponent(lang)}`;
}
