// Backtest of the planning score: replay history month by month, ranking each regency's candidates
// with only what was known before the month began, and count how many of the month's findings
// (operation targets with violations) were among the top k — for the score and for a baseline that
// ranks by active holders alone. Company-site findings are looked up among the regency's sites,
// other findings (lodging, ports…) among its districts.
// A finding can only happen where a team went, so the headline also measures "where teams go". The
// secondary figure removes that: among all checked targets, the violation rate of those a ranking
// had in its top k against those it had not.
// The replay records the rank of every checked target under every ranking (rankings.ts) with its pool
// size; the per-k metrics and paired tests are computed from those ranks alone (metrics.ts).
import { planningCandidates, queryOne, queryRows, sql, type Database } from '@pantau/db';
import { DEFAULT_WEIGHTS, type Candidate, type Weights } from '@pantau/domain';
import { MAX_K, type PoolMonth, type PoolOracle, type Rate } from './metrics.js';
import { fitModel, modelFeatures, type FittedModel, type ModelExample } from './model.js';
import { DEFAULT_RANKINGS, RANKINGS, type RankingName } from './rankings.js';

export { HOLDERS_ONLY } from './rankings.js';
export type { Rate } from './metrics.js';

/** One operation target: the candidate it was (a site, or the district for other places) and whether it found violations. */
export interface CheckedTarget {
  regencyCode: string;
  candidateId: string;
  kind: 'company_site' | 'district';
  violation: boolean;
}

export interface Tally {
  findings: number;
  score: number;
  baseline: number;
  chance: number;
  /** Checked targets inside / outside each ranking's top k, and how many of them had violations. */
  rates: { scoreTop: Rate; scoreRest: Rate; holdersTop: Rate; holdersRest: Rate };
}
const rate = (): Rate => ({ checked: 0, violations: 0 });
export const emptyTally = (): Tally => ({
  findings: 0,
  score: 0,
  baseline: 0,
  chance: 0,
  rates: { scoreTop: rate(), scoreRest: rate(), holdersTop: rate(), holdersRest: rate() },
});

/** Every ranking the tallies and the paired tests need, whatever else was asked for. */
const ALWAYS: readonly RankingName[] = ['score', 'holders'];

/** What a regency-month's rankings are told besides the candidates: the oracle's chances (demo data) and the model fitted on earlier months. */
export interface MonthContext {
  oracle?: ReadonlyMap<string, number> | null;
  model?: FittedModel | null;
}

/**
 * Ranks one regency-month's candidates with each ranking and records, for every target checked in the
 * month, its candidate's rank under each (null when it was not among the candidates), one pool-month per kind.
 * With an oracle (demo data) each pool-month also keeps the true chances in each ranking's order.
 */
export function rankRegencyMonth(
  month: string,
  regencyCode: string,
  candidates: readonly Candidate[],
  targets: readonly CheckedTarget[],
  rankings: readonly RankingName[] = ALWAYS,
  weights: Weights = DEFAULT_WEIGHTS,
  context: MonthContext = {},
): PoolMonth[] {
  const out: PoolMonth[] = [];
  const oracle = context.oracle?.size ? context.oracle : null;
  for (const kind of ['company_site', 'district'] as const) {
    const mine = targets.filter((t) => t.kind === kind);
    if (!mine.length) continue;
    const pool = candidates.filter((c) => c.kind === kind);
    const orders = [...new Set([...ALWAYS, ...rankings])].map((name) => {
      const order = RANKINGS[name].order(pool, { day: month, regencyCode, kind, weights, oracle, ...('model' in context ? { model: context.model } : {}) });
      return [name, order] as const;
    });
    const chanceOf = (id: string) => oracle?.get(id) ?? 0;
    const poolOracle: PoolOracle | null = oracle && {
      sum: pool.reduce((a, c) => a + chanceOf(c.id), 0),
      best: pool
        .map((c) => chanceOf(c.id))
        .sort((a, b) => b - a)
        .slice(0, MAX_K),
      byRanking: Object.fromEntries(orders.map(([name, order]) => [name, order.slice(0, MAX_K).map(chanceOf)])),
    };
    out.push({
      month,
      regencyCode,
      kind,
      poolSize: pool.length,
      targets: mine.map((t) => ({
        candidateId: t.candidateId,
        violation: t.violation,
        ranks: Object.fromEntries(orders.map(([name, order]) => [name, order.indexOf(t.candidateId) + 1 || null])),
      })),
      ...(poolOracle ? { oracle: poolOracle } : {}),
    });
  }
  return out;
}

/** The model's examples from one regency-month: each checked target that was a candidate, with its features as of the ranked day. */
export function modelExamples(
  month: string,
  candidates: readonly Candidate[],
  targets: readonly CheckedTarget[],
  weights: Weights = DEFAULT_WEIGHTS,
): ModelExample[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return targets.flatMap((t) => {
    const c = byId.get(t.candidateId);
    return c ? [{ month, features: modelFeatures(c, weights), violation: t.violation }] : [];
  });
}

/** Adds one pool-month to the per-year tally at k: score and holders, with a blind pick's expectation. */
export function tallyPoolMonth(tally: Tally, pool: PoolMonth, k: number): void {
  const inTop = (rank: number | null | undefined) => rank !== null && rank !== undefined && rank <= k;
  for (const t of pool.targets) {
    const [s, h] = [inTop(t.ranks.score), inTop(t.ranks.holders)];
    for (const r of [s ? tally.rates.scoreTop : tally.rates.scoreRest, h ? tally.rates.holdersTop : tally.rates.holdersRest]) {
      r.checked += 1;
      if (t.violation) r.violations += 1;
    }
    if (!t.violation) continue;
    tally.findings += 1;
    if (s) tally.score += 1;
    if (h) tally.baseline += 1;
    // A ranking that knew nothing would hold a given candidate with probability k / n; a place that was
    // not a candidate that day no pick could hold.
    if (Object.values(t.ranks).some((r) => r !== null)) tally.chance += Math.min(1, k / pool.poolSize);
  }
}

/** Adds one regency-month: its candidates (known before the month) and the targets checked during it. */
export function tallyRegencyMonth(
  tally: Tally,
  candidates: readonly Candidate[],
  targets: readonly CheckedTarget[],
  k: number,
  weights: Weights = DEFAULT_WEIGHTS,
): void {
  for (const pool of rankRegencyMonth('', '', candidates, targets, ALWAYS, weights)) tallyPoolMonth(tally, pool, k);
}

/** Per-year and total tallies at k; `years` get their line even without a pool-month. */
export function tallies(pools: readonly PoolMonth[], k: number, years: readonly string[] = []): { total: Tally; byYear: Map<string, Tally> } {
  const total = emptyTally();
  const byYear = new Map<string, Tally>([...years].sort().map((y) => [y, emptyTally()]));
  for (const pool of pools) {
    const year = pool.month.slice(0, 4);
    const tally = byYear.get(year) ?? emptyTally();
    byYear.set(year, tally);
    tallyPoolMonth(tally, pool, k);
    tallyPoolMonth(total, pool, k);
  }
  return { total, byYear };
}

/** The database holds no checked target at all, or none in the window: there is nothing to measure. */
export class NothingToReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToReplayError';
  }
}

export interface BacktestOptions {
  from: string;
  to: string;
  /** The k of the per-year tallies. */
  k: number;
  /** Rankings to record (default score, holders, chance); the score and holders are always recorded. */
  rankings?: readonly RankingName[];
  weights?: Weights;
  /** Where the learned model's history starts (default 2016-01-01): months from here to `from` are replayed for its examples only. */
  trainFrom?: string;
  log: (line: string) => void;
}

export interface BacktestResult {
  /** Every ranked pool-month, with the ranks of every checked target under every ranking. */
  pools: PoolMonth[];
  total: Tally;
  byYear: Map<string, Tally>;
  /** The model as fitted for the last month replayed (null: too little to learn from; absent: not asked for). */
  model?: FittedModel | null;
}

/** Where the model's history starts by default: the demo's first operations. */
export const MODEL_TRAIN_FROM = '2016-01-01';

const monthStarts = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCMonth(d.getUTCMonth() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};

/** A regency's candidates of the given kinds as of `day`, national scope: the one query of the replay and of the leakage test. */
const candidatesOn = (database: Database, regencyCode: string, day: string, kinds: ReadonlyArray<CheckedTarget['kind']>): Promise<Candidate[]> =>
  planningCandidates(database.orm, regencyCode, day, null, kinds);

/** True when the database holds the demo's oracle view (demo data); real data never has it. */
async function hasOracle(database: Database): Promise<boolean> {
  const row = await queryOne<{ any: boolean }>(database.orm, sql`select exists (select 1 from demo_oracle) as any`);
  return Boolean(row?.any);
}

/** The oracle's chances of a regency's candidates on the first day of `month`, by candidate id (`site:<id>`, `district:<code>`). */
async function oracleOn(database: Database, regencyCode: string, month: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ place_key: string; site_id: number | null; chance: number }>(
    database.orm,
    sql`select o.place_key, s.id as site_id, o.chance from demo_oracle o left join company_sites s on s.key = o.place_key
      where o.month = ${month}::date and o.regency_code = ${regencyCode}`,
  );
  return new Map(
    rows.flatMap((r) =>
      r.place_key.startsWith('district:')
        ? [[r.place_key, Number(r.chance)] as const]
        : r.site_id !== null
          ? [[`site:${r.site_id}`, Number(r.chance)] as const]
          : [],
    ),
  );
}

/** The targets checked in [start, end), each as the candidate it was. */
async function targetsBetween(database: Database, start: string, end: string): Promise<CheckedTarget[]> {
  // The operator's own tool: national, as the owner role (the targets are not shown to anyone).
  const rows = await queryRows<{ regency_code: string; company_site_id: number | null; district_code: string | null; violations: number }>(
    database.orm,
    sql`
    select t.regency_code, t.company_site_id, t.district_code, t.violations from operation_targets t join operations o on o.id = t.operation_id
    where o.date >= ${start}::date and o.date < ${end}::date and (t.company_site_id is not null or t.district_code is not null)
    order by t.id`,
  );
  return rows.map((r) => ({
    regencyCode: r.regency_code,
    violation: Number(r.violations) > 0,
    ...(r.company_site_id !== null
      ? { candidateId: `site:${r.company_site_id}`, kind: 'company_site' as const }
      : { candidateId: `district:${r.district_code}`, kind: 'district' as const }),
  }));
}

const nextMonth = (month: string) => {
  const next = new Date(`${month}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next.toISOString().slice(0, 10);
};

/**
 * The model's examples from the months of [from, before): every target checked in a month whose end is on
 * or before `before`, with its candidate's features as of the month's first day. Nothing of `before` or
 * later can enter: a month is only learned from once it is over.
 */
export async function modelHistory(database: Database, from: string, before: string, weights: Weights = DEFAULT_WEIGHTS): Promise<ModelExample[]> {
  const examples: ModelExample[] = [];
  for (const month of monthStarts(from, before)) {
    if (nextMonth(month) > before) break;
    const targets = await targetsBetween(database, month, nextMonth(month));
    for (const regency of [...new Set(targets.map((t) => t.regencyCode))].sort()) {
      const here = targets.filter((t) => t.regencyCode === regency);
      const kinds = (['company_site', 'district'] as const).filter((k) => here.some((t) => t.kind === k));
      examples.push(...modelExamples(month, await candidatesOn(database, regency, month, kinds), here, weights));
    }
  }
  return examples;
}

/**
 * The candidates of one regency and kind as the backtest sees them on `day` (national scope: the
 * operator's own tool, never shown to anyone) and each ranking's order of them. The model learns from
 * the months from `trainFrom` that ended by `day`; the oracle is the one of `day`'s month.
 */
export async function rankingsOn(
  database: Database,
  regencyCode: string,
  day: string,
  kind: CheckedTarget['kind'],
  rankings: readonly RankingName[],
  weights: Weights = DEFAULT_WEIGHTS,
  trainFrom: string = MODEL_TRAIN_FROM,
): Promise<{ candidates: Candidate[]; orders: Record<string, string[]>; model?: FittedModel | null }> {
  const pool = (await candidatesOn(database, regencyCode, day, [kind])).filter((c) => c.kind === kind);
  const model = rankings.includes('model') ? fitModel(await modelHistory(database, trainFrom, day, weights)) : undefined;
  const oracle = rankings.includes('oracle') ? await oracleOn(database, regencyCode, `${day.slice(0, 7)}-01`) : null;
  const context = { day, regencyCode, kind, weights, oracle, ...(model !== undefined ? { model } : {}) };
  return {
    candidates: pool,
    orders: Object.fromEntries(rankings.map((name) => [name, RANKINGS[name].order(pool, context)])),
    ...(model !== undefined ? { model } : {}),
  };
}

export async function runBacktest(database: Database, options: BacktestOptions): Promise<BacktestResult> {
  const anyTarget = await queryOne<{ n: number }>(
    database.orm,
    sql`select count(*)::int as n from (select 1 from operation_targets where company_site_id is not null or district_code is not null limit 1) t`,
  );
  if (!Number(anyTarget?.n)) throw new NothingToReplayError('nothing to replay: load data first (no operation target is recorded)');
  const rankings = options.rankings ?? DEFAULT_RANKINGS;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const learning = rankings.includes('model');
  const oracle = await hasOracle(database);
  // The model's history: the months before the window, then each month of the window once it is over.
  const examples = learning ? await modelHistory(database, options.trainFrom ?? MODEL_TRAIN_FROM, options.from, weights) : [];
  let model: FittedModel | null | undefined;
  const pools: PoolMonth[] = [];
  const months = monthStarts(options.from, options.to);
  for (const month of months) {
    const next = nextMonth(month);
    // `to` is the last day replayed, inclusive.
    const end = next > options.to ? addDay(options.to) : next;
    const start = month < options.from ? options.from : month;
    const targets = await targetsBetween(database, start, end);
    if (learning) model = fitModel(examples);
    const learned: ModelExample[] = [];
    for (const regency of [...new Set(targets.map((t) => t.regencyCode))].sort()) {
      const here = targets.filter((t) => t.regencyCode === regency);
      // Only the kinds checked here need ranking: a month with site checks only skips the districts.
      const kinds = (['company_site', 'district'] as const).filter((k) => here.some((t) => t.kind === k));
      const candidates = await candidatesOn(database, regency, month, kinds);
      const context: MonthContext = { oracle: oracle ? await oracleOn(database, regency, month) : null, ...(learning ? { model: model ?? null } : {}) };
      pools.push(...rankRegencyMonth(month, regency, candidates, here, rankings, weights, context));
      if (learning) learned.push(...modelExamples(month, candidates, here, weights));
    }
    // Learned from only once the month is over: the next month's model sees them.
    examples.push(...learned);
  }
  if (!pools.length) throw new NothingToReplayError(`nothing to replay: no operation checked a target between ${options.from} and ${options.to}`);
  // Every year of the window has its line, a year without checks too.
  return { pools, ...tallies(pools, options.k, [...new Set(months.map((m) => m.slice(0, 4)))]), ...(learning ? { model: model ?? null } : {}) };
}

function addDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function formatTally(label: string, t: Tally): string {
  const pct = (n: number) => (t.findings ? `${((100 * n) / t.findings).toFixed(1)}%` : '–');
  return `${label.padEnd(6)} findings ${String(t.findings).padStart(4)}  score top-k ${String(t.score).padStart(4)} (${pct(t.score).padStart(6)})  holders top-k ${String(t.baseline).padStart(4)} (${pct(t.baseline).padStart(6)})  chance ${t.chance.toFixed(1).padStart(6)} (${pct(t.chance).padStart(6)})`;
}

/** The secondary figure: violation rate of checked targets inside and outside the top k, for the score and the baseline. */
export function formatRates(label: string, t: Tally): string {
  const r = (x: Rate) => `${(x.checked ? `${((100 * x.violations) / x.checked).toFixed(1)}%` : '–').padStart(6)} (${x.violations}/${x.checked})`;
  return `${label.padEnd(6)} violation rate of checked targets — score: top-k ${r(t.rates.scoreTop)}, rest ${r(t.rates.scoreRest)}; holders: top-k ${r(t.rates.holdersTop)}, rest ${r(t.rates.holdersRest)}`;
}
