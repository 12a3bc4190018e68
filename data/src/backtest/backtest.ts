// Backtest of the planning score: replay history month by month, ranking each regency's candidates
// with only what was known before the month began, and count how many of the month's findings
// (operation targets with violations) were among the top k — for the score and for a baseline that
// ranks by active holders alone. Company-site findings are looked up among the regency's sites,
// other findings (lodging, ports…) among its districts.
// A finding can only happen where a team went, so the headline also measures "where teams go". The
// secondary figure removes that: among all checked targets, the violation rate of those a ranking
// had in its top k against those it had not.
import { planningCandidates, queryRows, sql, type Database } from '@pantau/db';
import { DEFAULT_WEIGHTS, FACTORS, rankCandidates, type Candidate, type Weights } from '@pantau/domain';

/** One operation target: the candidate it was (a site, or the district for other places) and whether it found violations. */
export interface CheckedTarget {
  regencyCode: string;
  candidateId: string;
  kind: 'company_site' | 'district';
  violation: boolean;
}

/** Ranks by active holders only (ties by id, like the score). */
export const HOLDERS_ONLY: Weights = {
  ...(Object.fromEntries(FACTORS.map((f) => [f, f === 'holders' ? 1 : 0])) as Record<(typeof FACTORS)[number], number>),
  riskNotForeigners: 0,
};

export interface Rate {
  checked: number;
  violations: number;
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

/** Adds one regency-month: its candidates (known before the month) and the targets checked during it. */
export function tallyRegencyMonth(
  tally: Tally,
  candidates: readonly Candidate[],
  targets: readonly CheckedTarget[],
  k: number,
  weights: Weights = DEFAULT_WEIGHTS,
): void {
  for (const kind of ['company_site', 'district'] as const) {
    const mine = targets.filter((t) => t.kind === kind);
    if (!mine.length) continue;
    const pool = candidates.filter((c) => c.kind === kind);
    const top = (w: Weights) =>
      new Set(
        rankCandidates(pool, w)
          .slice(0, k)
          .map((r) => r.candidate.id),
      );
    const [byScore, byHolders] = [top(weights), top(HOLDERS_ONLY)];
    for (const t of mine) {
      const [s, h] = [byScore.has(t.candidateId), byHolders.has(t.candidateId)];
      for (const r of [s ? tally.rates.scoreTop : tally.rates.scoreRest, h ? tally.rates.holdersTop : tally.rates.holdersRest]) {
        r.checked += 1;
        if (t.violation) r.violations += 1;
      }
      if (!t.violation) continue;
      tally.findings += 1;
      if (s) tally.score += 1;
      if (h) tally.baseline += 1;
      // A ranking that knew nothing would hold a given candidate with probability k / n.
      tally.chance += pool.length ? Math.min(1, k / pool.length) : 0;
    }
  }
}

export interface BacktestOptions {
  from: string;
  to: string;
  k: number;
  weights?: Weights;
  log: (line: string) => void;
}

const monthStarts = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCMonth(d.getUTCMonth() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};

export async function runBacktest(database: Database, options: BacktestOptions): Promise<{ total: Tally; byYear: Map<string, Tally> }> {
  const total = emptyTally();
  const byYear = new Map<string, Tally>();
  for (const month of monthStarts(options.from, options.to)) {
    const next = new Date(`${month}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    // `to` is the last day replayed, inclusive.
    const end = next.toISOString().slice(0, 10) > options.to ? addDay(options.to) : next.toISOString().slice(0, 10);
    const start = month < options.from ? options.from : month;
    // The operator's own tool: national, as the owner role (the targets are not shown to anyone).
    const rows = await queryRows<{ regency_code: string; company_site_id: number | null; district_code: string | null; violations: number }>(
      database.orm,
      sql`
      select t.regency_code, t.company_site_id, t.district_code, t.violations from operation_targets t join operations o on o.id = t.operation_id
      where o.date >= ${start}::date and o.date < ${end}::date and (t.company_site_id is not null or t.district_code is not null)
      order by t.id`,
    );
    const targets: CheckedTarget[] = rows.map((r) => ({
      regencyCode: r.regency_code,
      violation: Number(r.violations) > 0,
      ...(r.company_site_id !== null
        ? { candidateId: `site:${r.company_site_id}`, kind: 'company_site' as const }
        : { candidateId: `district:${r.district_code}`, kind: 'district' as const }),
    }));
    const tally = byYear.get(month.slice(0, 4)) ?? emptyTally();
    byYear.set(month.slice(0, 4), tally);
    for (const regency of [...new Set(targets.map((t) => t.regencyCode))].sort()) {
      const here = targets.filter((t) => t.regencyCode === regency);
      // Only the kinds checked here need ranking: a month with site checks only skips the districts.
      const kinds = (['company_site', 'district'] as const).filter((k) => here.some((t) => t.kind === k));
      const candidates = await planningCandidates(database.orm, regency, month, null, kinds);
      tallyRegencyMonth(tally, candidates, here, options.k, options.weights);
      tallyRegencyMonth(total, candidates, here, options.k, options.weights);
    }
  }
  return { total, byYear };
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
