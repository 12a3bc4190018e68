// The planning score: a weighted mean of the normalised factors, times the place's presence (how many
// foreigners are there to be checked). Dividing by the sum of weights makes the score independent of
// the weights' scale (1,1,2 ranks like 10,10,20) and keeps it in 0..1; each factor's contribution is
// its share of that product, so the contributions add up to the score.
import { DEFAULT_RISK_OPTIONS, FACTORS, normaliseFactors, type Factor, type FactorValues, type RawFactors } from './factors.js';

/**
 * What a user may weigh: each factor, and `riskNotForeigners`, how much risk areas of categories not
 * about foreigners (illegal emigration routes) count inside the risk factor (a multiplier of their
 * category weight, not a term of the mean).
 */
export const WEIGHT_KEYS = [...FACTORS, 'riskNotForeigners'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Weights = Record<WeightKey, number>;

/** Default weights, as data: the staleness of a place and its past findings and risks weigh most; risks not about foreigners not at all. */
export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  holders: 1,
  growth: 0.5,
  expiring: 0.75,
  findings: 1,
  reports: 0.75,
  risk: 1,
  staleness: 1.25,
  mix: 0.5,
  riskNotForeigners: DEFAULT_RISK_OPTIONS.riskNotForeigners,
});

/** Weights saved before a key existed (a plan of an earlier version) read with that key's default. */
export const completeWeights = (weights: Partial<Weights>): Weights => ({ ...DEFAULT_WEIGHTS, ...weights });

export interface Score {
  score: number;
  contributions: FactorValues;
}

/**
 * Signals (a report, a risk area, years without a check) are worth a visit in proportion to the people
 * there: an operation finds violations among the foreigners it meets. Added up instead, a never-checked
 * site with one holder outranked a 300-holder site with a verified report. The floor keeps a quarter for
 * places without registered holders: those an operation looks for are often not registered.
 */
export const PRESENCE_FLOOR = 0.25;

export const presenceOf = (factors: FactorValues) => PRESENCE_FLOOR + (1 - PRESENCE_FLOOR) * factors.holders;

export function scoreCandidate(factors: FactorValues, weights: Record<Factor, number> = DEFAULT_WEIGHTS): Score {
  const total = FACTORS.reduce((s, f) => s + Math.max(0, weights[f]), 0);
  const presence = presenceOf(factors);
  const contributions = {} as FactorValues;
  let score = 0;
  for (const f of FACTORS) {
    contributions[f] = total > 0 ? (presence * Math.max(0, weights[f]) * factors[f]) / total : 0;
    score += contributions[f];
  }
  return { score, contributions };
}

/** Company sites, districts, and places where recent public reports cluster. */
export const CANDIDATE_KINDS = ['company_site', 'district', 'report_cluster'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export interface Candidate {
  id: string;
  kind: CandidateKind;
  name: string;
  raw: RawFactors;
}

export interface RankedCandidate<C extends Candidate = Candidate> extends Score {
  candidate: C;
  rank: number;
  factors: FactorValues;
}

/** Highest score first; ties keep a fixed order by id, so the same data always ranks the same. */
export function rankCandidates<C extends Candidate>(candidates: readonly C[], weights: Weights = DEFAULT_WEIGHTS): Array<RankedCandidate<C>> {
  return candidates
    .map((candidate) => {
      const factors = normaliseFactors(candidate.raw, { riskNotForeigners: weights.riskNotForeigners });
      return { candidate, factors, ...scoreCandidate(factors, weights) };
    })
    .sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Weights from `w.<key>=<n>` overrides on the defaults; unknown keys and bad numbers are reported. */
export function weightsWith(overrides: Record<string, string | number>): { weights: Weights; errors: string[] } {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  const errors: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const n = typeof value === 'number' ? value : Number(value);
    if (!(WEIGHT_KEYS as readonly string[]).includes(key)) errors.push(`unknown factor ${key} (one of ${WEIGHT_KEYS.join(', ')})`);
    else if (!Number.isFinite(n) || n < 0 || n > 100 || (typeof value === 'string' && value.trim() === ''))
      errors.push(`weight of ${key} must be a number from 0 to 100`);
    else weights[key as WeightKey] = n;
  }
  return { weights, errors };
}
