// Typed calls to the planning API: ranked candidates and operation plans (contract in
// @pantau/domain api/planning.ts and planning/plans.ts). Each answer is checked against its route's schema.
import {
  WEIGHT_KEYS,
  officeListResponseSchema,
  planListItemSchema,
  planningCandidatesResponseSchema,
  planningSkillResponseSchema,
  planSchema,
  type WeightKey,
  type OfficeWorkArea,
  type Plan,
  type PlanCreateInput,
  type PlanListItem,
  type PlanningCandidatesResponse,
  type BacktestRun,
  type PlanOutcomeInput,
  type PlanPatchInput,
} from '@pantau/domain';
import { z } from 'zod';
import { answerOf, fetchAnswer, sendJson } from '../api/api-client.js';

export type { OfficeWorkArea };
export type PlanningCandidates = PlanningCandidatesResponse;
export type PlanningCandidate = PlanningCandidates['items'][number];

/** Query parameters of weights that differ from the defaults (`w.staleness=2`). */
export function weightParams(weights: Partial<Record<WeightKey, number>>): Record<string, string> {
  return Object.fromEntries(WEIGHT_KEYS.flatMap((factor) => (weights[factor] === undefined ? [] : [[`w.${factor}`, String(weights[factor])]])));
}

export async function getCandidates(
  query: { area: string; asOf: string; limit: number; weights: Partial<Record<WeightKey, number>>; lang?: 'id' | 'en' },
  signal?: AbortSignal,
): Promise<PlanningCandidates> {
  const path = '/api/v1/planning/candidates';
  // `lang`: site and report-cluster names in the page's language.
  return fetchAnswer(
    planningCandidatesResponseSchema,
    path,
    { area: query.area, asOf: query.asOf, limit: String(query.limit), lang: query.lang, ...weightParams(query.weights) },
    signal,
  );
}

/** The latest saved backtest (`pnpm pantau backtest --save`), or null when none was saved. */
export async function getSkill(signal?: AbortSignal): Promise<BacktestRun | null> {
  return (await fetchAnswer(planningSkillResponseSchema, '/api/v1/planning/skill', {}, signal)).run;
}

/** Offices whose work area overlaps the scope (GET /api/v1/offices): their regencies within the scope. */
export async function listOffices(signal?: AbortSignal): Promise<OfficeWorkArea[]> {
  return (await fetchAnswer(officeListResponseSchema, '/api/v1/offices', {}, signal)).items;
}

const PLANS = '/api/v1/planning/plans';

const plan = (body: unknown, what: string): Plan => answerOf(planSchema, body, what);

export async function listPlans(area: string, signal?: AbortSignal): Promise<PlanListItem[]> {
  return (await fetchAnswer(z.object({ items: z.array(planListItemSchema) }), PLANS, { area }, signal)).items;
}

/** `lang`: the language of the targets' names (a company site's English name on the English page). */
export async function getPlan(id: number, signal?: AbortSignal, lang?: 'id' | 'en'): Promise<Plan> {
  return fetchAnswer(planSchema, `${PLANS}/${id}`, { lang }, signal);
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
