// The rankings a backtest compares. Each orders one pool (a regency's candidates of one kind, as of the
// ranked day) and knows nothing else; a new ranking (a learned model, issue 23) is one more entry here.
import { DEFAULT_WEIGHTS, FACTORS, rankCandidates, type Candidate, type Weights } from '@pantau/domain';
import { shuffle } from 'simple-statistics';
import { Random } from '../demo/random.js';
import { modelFeatures, predictChance, type FittedModel } from './model.js';

/** Ranks by active holders only (ties by id, like the score). */
export const HOLDERS_ONLY: Weights = {
  ...(Object.fromEntries(FACTORS.map((f) => [f, f === 'holders' ? 1 : 0])) as Record<(typeof FACTORS)[number], number>),
  riskNotForeigners: 0,
};

/** What a ranking is told about the pool besides its candidates. */
export interface PoolContext {
  /** The ranked day (first day of the month), YYYY-MM-DD. */
  day: string;
  regencyCode: string;
  kind: Candidate['kind'];
  /** The planning weights of the score. */
  weights: Weights;
  /** Demo data only: each candidate's true chance of a violation that month (the oracle view); null on real data. */
  oracle?: ReadonlyMap<string, number> | null;
  /** The learned model, fitted on the checks of the months before `day` (null: too little to learn from). */
  model?: FittedModel | null;
}

export interface Ranking {
  name: string;
  description: string;
  /** The candidates' ids, best first; every candidate of the pool exactly once. */
  order(pool: readonly Candidate[], context: PoolContext): string[];
}

/** Highest value first, ties by id; candidates without a value last. */
function byValue(pool: readonly Candidate[], value: (c: Candidate) => number | undefined): string[] {
  return pool
    .map((c) => ({ id: c.id, v: value(c) ?? -Infinity }))
    .sort((a, b) => b.v - a.v || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => c.id);
}

/** FNV-1a: a stable 32-bit seed from the pool's name, so "chance" is the same blind pick on every run. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const RANKING_LIST = {
  score: {
    name: 'score',
    description: "Pantau's planning score with the given weights",
    order: (pool, context) => rankCandidates(pool, context.weights).map((r) => r.candidate.id),
  },
  holders: {
    name: 'holders',
    description: 'active holders alone (what counting people on the map gives)',
    order: (pool) => rankCandidates(pool, HOLDERS_ONLY).map((r) => r.candidate.id),
  },
  chance: {
    name: 'chance',
    description: 'a blind pick: the pool shuffled with a seed made from the day, regency and kind',
    order: (pool, context) => {
      const random = new Random(seedOf(`${context.day}|${context.regencyCode}|${context.kind}`));
      const ids = pool.map((c) => c.id).sort();
      return shuffle(ids, () => random.next());
    },
  },
  model: {
    name: 'model',
    description:
      "a logistic regression on the score's factors, fitted on the checks of the months before the ranked day (the score while there is too little to learn from)",
    order: (pool, context) => {
      const model = context.model;
      if (model === undefined) throw new Error('the model ranking needs the model fitted on the months before the day (context.model)');
      if (model === null) return rankCandidates(pool, context.weights).map((r) => r.candidate.id);
      return byValue(pool, (c) => predictChance(model, modelFeatures(c, context.weights)));
    },
  },
  oracle: {
    name: 'oracle',
    description: "demo data only: the generator's true chance of a violation that month (candidates without one last)",
    order: (pool, context) => byValue(pool, (c) => context.oracle?.get(c.id)),
  },
} satisfies Record<string, Ranking>;

export type RankingName = keyof typeof RANKING_LIST;
export const RANKINGS: Record<RankingName, Ranking> = RANKING_LIST;
export const RANKING_NAMES = Object.keys(RANKINGS) as RankingName[];
/** The reference of every paired test. */
export const REFERENCE_RANKING: RankingName = 'holders';
export const DEFAULT_RANKINGS: readonly RankingName[] = ['score', 'holders', 'chance'];

export const isRankingName = (name: string): name is RankingName => Object.hasOwn(RANKINGS, name);

export const defaultPoolContext = (day: string, regencyCode: string, kind: Candidate['kind']): PoolContext => ({
  day,
  regencyCode,
  kind,
  weights: DEFAULT_WEIGHTS,
});
