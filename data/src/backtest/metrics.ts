// The backtest's metrics, from the ranks the replay recorded: pure, so each can be checked on a few
// hand-made pool-months. Definitions and how to read them: docs/planning.md#backtest-metrics.
import { bootstrapDifference, mcnemar, signTest, type Bootstrap, type McNemar, type SignTest } from './paired-tests.js';

/** One checked target of a pool-month with its candidate's rank under each ranking (1 = first; null = not among the candidates). */
export interface RankedTarget {
  candidateId: string;
  violation: boolean;
  ranks: Record<string, number | null>;
}

/** The largest k the command accepts: the oracle's lists keep no more than this many places. */
export const MAX_K = 500;

/**
 * The oracle view of one pool-month (demo data only): every candidate's true chance of a violation that
 * month, summed over the pool, in the best order (the oracle's), and in each ranking's order — the first
 * MAX_K of each. A candidate the generator has no chance for (a report cluster) counts 0.
 */
export interface PoolOracle {
  sum: number;
  best: number[];
  byRanking: Record<string, number[]>;
}

/** One regency's candidates of one kind, ranked on the first day of a month, and the targets checked in that month. */
export interface PoolMonth {
  month: string;
  regencyCode: string;
  kind: 'company_site' | 'district';
  poolSize: number;
  targets: RankedTarget[];
  /** Null or absent without an oracle (real data). */
  oracle?: PoolOracle | null;
}

export interface Rate {
  checked: number;
  violations: number;
}

export interface RankingMetrics {
  ranking: string;
  /** Findings of the headline pools (more than k candidates) in the ranking's top k. */
  hits: number;
  hitRate: number | null;
  /** Hit rate ÷ the mean share of its pool that k picks flag, over the findings (= hits ÷ a blind pick's expected hits). */
  pai: number | null;
  /** Hits ÷ the most k picks could have caught, summed over the headline pool-months. */
  pei: number | null;
  /** Mean over findings of (n − rank) / (n − 1): 1 = ranked first, 0 = last or not a candidate, ½ for a blind pick. */
  meanPercentile: number | null;
  /** Checked targets of the headline pools inside and outside the top k, and how many had violations. */
  top: Rate;
  rest: Rate;
  /** Demo data only (null without an oracle): E_k, the true chances summed over the ranking's top k candidates (checked or not) of the headline pool-months. */
  expected: number | null;
  /** E_k ÷ the oracle's E_k over the same pool-months. */
  oracleShare: number | null;
}

export interface PairedComparison {
  ranking: string;
  reference: string;
  hits: number;
  referenceHits: number;
  /** hits ÷ referenceHits (null when the reference found none). */
  ratio: number | null;
  mcnemar: McNemar;
  signTest: SignTest;
  bootstrap: Bootstrap;
  /** The bootstrap interval excludes zero and McNemar's p is below 0.05: with few months or few discordant findings the interval alone can exclude zero by luck of the draw. */
  clear: boolean;
}

export interface KMetrics {
  k: number;
  /** Pools of more than k candidates: the headline. */
  headline: {
    poolMonths: number;
    findings: number;
    bestPossible: number;
    expectedByChance: number;
    /** Demo data only (null without an oracle): over the headline pool-months with an oracle, the oracle's E_k and a blind pick's (k/n of each pool's sum). */
    oracle: { poolMonths: number; expected: number; blind: number; blindShare: number | null } | null;
  };
  /**
   * Pools of k or fewer candidates: every ranking has every candidate in its top k, so they cannot tell
   * rankings apart. `hits`: their findings at a candidate (a hit for every ranking); the rest were at
   * places that were not candidates that day.
   */
  smallPools: { poolMonths: number; findings: number; hits: number };
  rankings: RankingMetrics[];
  paired: PairedComparison[];
}

/** The level below which McNemar's p counts as clear. */
export const CLEAR_BELOW = 0.05;

const isHit = (rank: number | null | undefined, k: number) => rank !== null && rank !== undefined && rank <= k;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** The most k picks could have caught in one pool-month: the k candidates with the most findings. */
export function bestPossible(pool: PoolMonth, k: number, inPool: (t: RankedTarget) => boolean = (t) => Object.values(t.ranks).some((r) => r !== null)): number {
  const perCandidate = new Map<string, number>();
  for (const t of pool.targets) if (t.violation && inPool(t)) perCandidate.set(t.candidateId, (perCandidate.get(t.candidateId) ?? 0) + 1);
  return [...perCandidate.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((a, b) => a + b, 0);
}

const sumFirst = (values: readonly number[] | undefined, k: number) => (values ?? []).slice(0, k).reduce((a, b) => a + b, 0);

/** The oracle's E_k over the pools with an oracle, a blind pick's, and each ranking's (missing: null). */
export function expectedFindings(pools: readonly PoolMonth[], k: number, rankings: readonly string[]) {
  const withOracle = pools.filter((p): p is PoolMonth & { oracle: PoolOracle } => !!p.oracle);
  if (!withOracle.length) return null;
  const best = withOracle.reduce((a, p) => a + sumFirst(p.oracle.best, k), 0);
  const blind = withOracle.reduce((a, p) => a + (Math.min(k, p.poolSize) / p.poolSize) * p.oracle.sum, 0);
  const byRanking = Object.fromEntries(
    rankings.map((r) => [r, withOracle.every((p) => p.oracle.byRanking[r]) ? withOracle.reduce((a, p) => a + sumFirst(p.oracle.byRanking[r], k), 0) : null]),
  );
  return { poolMonths: withOracle.length, best, blind, byRanking };
}

/** Every metric at one k for the given rankings; paired tests of each ranking but the reference against it. */
export function metricsAt(pools: readonly PoolMonth[], k: number, rankings: readonly string[], reference: string, bootstrapResamples?: number): KMetrics {
  const headline = pools.filter((p) => p.poolSize > k);
  const small = pools.filter((p) => p.poolSize <= k);
  const findings = headline.flatMap((p) => p.targets.filter((t) => t.violation).map((t) => ({ pool: p, target: t })));
  const expectedByChance = findings.reduce((a, f) => a + k / f.pool.poolSize, 0);
  const best = headline.reduce((a, p) => a + bestPossible(p, k), 0);
  const expected = expectedFindings(headline, k, rankings);
  const rankingMetrics = rankings.map((ranking): RankingMetrics => {
    const hits = findings.filter((f) => isHit(f.target.ranks[ranking], k)).length;
    const percentiles = findings.map(({ pool, target }) => {
      const rank = target.ranks[ranking];
      return rank === null || rank === undefined ? 0 : (pool.poolSize - rank) / (pool.poolSize - 1);
    });
    const top: Rate = { checked: 0, violations: 0 };
    const rest: Rate = { checked: 0, violations: 0 };
    for (const p of headline)
      for (const t of p.targets) {
        const r = isHit(t.ranks[ranking], k) ? top : rest;
        r.checked += 1;
        if (t.violation) r.violations += 1;
      }
    const hitRate = ratio(hits, findings.length);
    const e = expected?.byRanking[ranking] ?? null;
    return {
      ranking,
      hits,
      hitRate,
      pai: ratio(hits, expectedByChance),
      pei: ratio(hits, best),
      meanPercentile: percentiles.length ? percentiles.reduce((a, b) => a + b, 0) / percentiles.length : null,
      top,
      rest,
      expected: e,
      oracleShare: e === null || !expected ? null : ratio(e, expected.best),
    };
  });
  const months = [...new Set(headline.map((p) => p.month))].sort();
  const paired = rankings
    .filter((r) => r !== reference)
    .map((ranking): PairedComparison => {
      let onlyRanking = 0;
      let onlyReference = 0;
      const byMonth = new Map(months.map((m) => [m, 0]));
      for (const { pool, target } of findings) {
        const [a, b] = [isHit(target.ranks[ranking], k), isHit(target.ranks[reference], k)];
        if (a && !b) onlyRanking += 1;
        if (b && !a) onlyReference += 1;
        byMonth.set(pool.month, byMonth.get(pool.month)! + Number(a) - Number(b));
      }
      const differences = [...byMonth.values()];
      const bootstrap = bootstrapDifference(differences, bootstrapResamples);
      const test = mcnemar(onlyRanking, onlyReference);
      const hits = rankingMetrics.find((m) => m.ranking === ranking)?.hits ?? 0;
      const referenceHits = findings.filter((f) => isHit(f.target.ranks[reference], k)).length;
      return {
        ranking,
        reference,
        hits,
        referenceHits,
        ratio: ratio(hits, referenceHits),
        mcnemar: test,
        signTest: signTest(differences),
        bootstrap,
        clear: (bootstrap.low > 0 || bootstrap.high < 0) && test.p < CLEAR_BELOW,
      };
    });
  return {
    k,
    headline: {
      poolMonths: headline.length,
      findings: findings.length,
      bestPossible: best,
      expectedByChance,
      oracle: expected && { poolMonths: expected.poolMonths, expected: expected.best, blind: expected.blind, blindShare: ratio(expected.blind, expected.best) },
    },
    smallPools: {
      poolMonths: small.length,
      findings: small.reduce((a, p) => a + p.targets.filter((t) => t.violation).length, 0),
      hits: small.reduce((a, p) => a + p.targets.filter((t) => t.violation && Object.values(t.ranks).some((r) => r !== null)).length, 0),
    },
    rankings: rankingMetrics,
    paired,
  };
}
