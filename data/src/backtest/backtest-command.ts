// What `pantau backtest` reads from its options and writes with --json.
import { metricsAt, type KMetrics, type PoolMonth } from './metrics.js';
import { MODEL_FEATURES, type FittedModel } from './model.js';
import { DEFAULT_RANKINGS, isRankingName, RANKING_NAMES, RANKINGS, REFERENCE_RANKING, type RankingName } from './rankings.js';

export class BacktestOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BacktestOptionError';
  }
}

/** `--k 1,3,5,10,20`: distinct whole numbers from 1 to 500, in the order given. */
export function parseKList(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const ks = parts.map(Number);
  if (!parts.length || parts.some((p) => p === '') || ks.some((k) => !Number.isInteger(k) || k < 1 || k > 500))
    throw new BacktestOptionError(`--k ${text}: whole numbers from 1 to 500, separated by commas (e.g. 1,3,5,10,20)`);
  return [...new Set(ks)];
}

/** `--ranking score,holders,chance`: known rankings; holders is always added, as the reference of the paired tests. */
export function parseRankingList(text: string): RankingName[] {
  const names = text.split(',').map((p) => p.trim());
  const unknown = names.filter((n) => !isRankingName(n));
  if (unknown.length || !names.length) throw new BacktestOptionError(`--ranking ${text}: unknown ${unknown.join(', ')} (known: ${RANKING_NAMES.join(', ')})`);
  const known = names.filter(isRankingName);
  return [...new Set(known.includes(REFERENCE_RANKING) ? known : [...known, REFERENCE_RANKING])];
}

export interface BacktestReport {
  from: string;
  to: string;
  k: number[];
  rankings: Array<{ name: string; description: string }>;
  reference: string;
  /** What the replay ran on: the backend and the datasets loaded (demo seed and scale among them). */
  data: { database: string; datasets: Array<{ name: string; loadedAt: string; params: Record<string, unknown> }> };
  metrics: KMetrics[];
  /** The learned model as fitted for the last month replayed (absent when not asked for; null when there was too little to learn from). */
  model?: { features: string[]; coefficients: number[]; examples: number; violations: number; through: string | null } | null;
  /** Every finding (checked target with violations) with its pool size and its rank under every ranking. */
  findings: Array<{ month: string; regencyCode: string; kind: PoolMonth['kind']; poolSize: number; candidateId: string; ranks: Record<string, number | null> }>;
}

export function backtestReport(
  pools: readonly PoolMonth[],
  options: {
    from: string;
    to: string;
    ks: readonly number[];
    rankings: readonly RankingName[] | undefined;
    database: string;
    datasets: ReadonlyArray<{ name: string; loadedAt: string; params: Record<string, unknown> }>;
    model?: FittedModel | null;
  },
): BacktestReport {
  const rankings = options.rankings ?? DEFAULT_RANKINGS;
  return {
    from: options.from,
    to: options.to,
    k: [...options.ks],
    rankings: rankings.map((name) => ({ name, description: RANKINGS[name].description })),
    reference: REFERENCE_RANKING,
    data: { database: options.database, datasets: options.datasets.map(({ name, loadedAt, params }) => ({ name, loadedAt, params })) },
    metrics: options.ks.map((k) => metricsAt(pools, k, rankings, REFERENCE_RANKING)),
    ...(options.model !== undefined ? { model: options.model && { features: ['intercept', ...MODEL_FEATURES], ...options.model } } : {}),
    findings: pools.flatMap((p) =>
      p.targets
        .filter((t) => t.violation)
        .map((t) => ({ month: p.month, regencyCode: p.regencyCode, kind: p.kind, poolSize: p.poolSize, candidateId: t.candidateId, ranks: t.ranks })),
    ),
  };
}
