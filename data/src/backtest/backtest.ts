// Backtest of the planning score: replay history month by month, ranking each regency's candidates
// with only what was known before the month began, and count how many of the month's findings
// (operation targets with violations) were among the top k — for the score and for a baseline that
// ranks by active holders alone. Company-site findings are looked up among the regency's sites,
// other findings (lodging, ports…) among its districts.
import { planningCandidates, queryRows, sql, type Database } from '@pantau/db';
import { DEFAULT_WEIGHTS, FACTORS, rankCandidates, type Candidate, type Weights } from '@pantau/domain';

export interface Finding { regencyCode: string; candidateId: string; kind: 'company_site' | 'district' }

/** Ranks by active holders only (ties by id, like the score). */
export const HOLDERS_ONLY: Weights = Object.fromEntries(FACTORS.map((f) => [f, f === 'holders' ? 1 : 0])) as Weights;

export interface Tally { findings: number; score: number; baseline: number; chance: number }
export const emptyTally = (): Tally => ({ findings: 0, score: 0, baseline: 0, chance: 0 });

/** Adds one regency-month: its candidates (known before the month) and its findings during it. */
export function tallyRegencyMonth(tally: Tally, candidates: readonly Candidate[], findings: readonly Finding[], k: number, weights: Weights = DEFAULT_WEIGHTS): void {
  for (const kind of ['company_site', 'district'] as const) {
    const mine = findings.filter((f) => f.kind === kind);
    if (!mine.length) continue;
    const pool = candidates.filter((c) => c.kind === kind);
    const top = (w: Weights) => new Set(rankCandidates(pool, w).slice(0, k).map((r) => r.candidate.id));
    const [byScore, byHolders] = [top(weights), top(HOLDERS_ONLY)];
    for (const f of mine) {
      tally.findings += 1;
      if (byScore.has(f.candidateId)) tally.score += 1;
      if (byHolders.has(f.candidateId)) tally.baseline += 1;
      // A ranking that knew nothing would hold a given candidate with probability k / n.
      tally.chance += pool.length ? Math.min(1, k / pool.length) : 0;
    }
  }
}

export interface BacktestOptions { from: string; to: string; k: number; weights?: Weights; log: (line: string) => void }

const monthStarts = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCMonth(d.getUTCMonth() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};

export async function runBacktest(database: Database, options: BacktestOptions): Promise<{ total: Tally; byYear: Map<string, Tally> }> {
  const total = emptyTally();
  const byYear = new Map<string, Tally>();
  for (const month of monthStarts(options.from, options.to)) {
    const next = new Date(`${month}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const end = next.toISOString().slice(0, 10) > options.to ? options.to : next.toISOString().slice(0, 10);
    // The operator's own tool: national, as the owner role (the findings are not shown to anyone).
    const rows = await queryRows<{ regency_code: string; company_site_id: number | null; district_code: string | null }>(database.orm, sql`
      select t.regency_code, t.company_site_id, t.district_code from operation_targets t join operations o on o.id = t.operation_id
      where t.violations > 0 and o.date >= ${month}::date and o.date < ${end}::date and (t.company_site_id is not null or t.district_code is not null)`);
    const findings: Finding[] = rows.map((r) => (r.company_site_id !== null
      ? { regencyCode: r.regency_code, candidateId: `site:${r.company_site_id}`, kind: 'company_site' as const }
      : { regencyCode: r.regency_code, candidateId: `district:${r.district_code}`, kind: 'district' as const }));
    const tally = byYear.get(month.slice(0, 4)) ?? emptyTally();
    byYear.set(month.slice(0, 4), tally);
    for (const regency of [...new Set(findings.map((f) => f.regencyCode))].sort()) {
      const candidates = await planningCandidates(database.orm, regency, month, null);
      const here = findings.filter((f) => f.regencyCode === regency);
      tallyRegencyMonth(tally, candidates, here, options.k, options.weights);
      tallyRegencyMonth(total, candidates, here, options.k, options.weights);
    }
  }
  return { total, byYear };
}

export function formatTally(label: string, t: Tally): string {
  const pct = (n: number) => (t.findings ? `${((100 * n) / t.findings).toFixed(1)}%` : '–');
  return `${label.padEnd(6)} findings ${String(t.findings).padStart(4)}  score top-k ${String(t.score).padStart(4)} (${pct(t.score).padStart(6)})  holders top-k ${String(t.baseline).padStart(4)} (${pct(t.baseline).padStart(6)})  chance ${t.chance.toFixed(1).padStart(6)} (${pct(t.chance).padStart(6)})`;
}
