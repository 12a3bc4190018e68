// The backtest's tables for people: one per k, then each ranking against the reference in plain words.
import type { KMetrics, PairedComparison, Rate } from './metrics.js';

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));
const signed = (value: number) => {
  // Percentiles of sums of whole numbers: one decimal at most, and no "+23.0" from floating-point dust.
  const x = Math.round(value * 10) / 10;
  const text = Number.isInteger(x) ? String(Math.abs(x)) : Math.abs(x).toFixed(1);
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : '0';
};
const pValue = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(p < 0.01 ? 3 : 2)}`);
const rate = (r: Rate) => `${pct(r.checked ? r.violations / r.checked : null)} (${r.violations}/${r.checked})`;

/** "the score found 1.04× the findings of holders; …: not statistically clear". */
export function pairedSentence(c: PairedComparison): string {
  const times = c.ratio === null ? `${c.hits} findings where ${c.reference} found none` : `${c.ratio.toFixed(2)}× the findings of ${c.reference}`;
  const m = c.mcnemar;
  const s = c.signTest;
  const b = c.bootstrap;
  return [
    `the ${c.ranking} found ${times} (${c.hits} against ${c.referenceHits}: ${m.onlyRanking} only by the ${c.ranking}, ${m.onlyReference} only by ${c.reference}, McNemar ${m.method === 'exact' ? 'exact binomial' : 'χ²'} ${pValue(m.p)})`,
    `ahead in ${s.monthsAhead} months, behind in ${s.monthsBehind}, level in ${s.monthsLevel} (sign test ${pValue(s.p)})`,
    `95 % CI of the difference in findings over the ${b.months} months (bootstrap over months) [${signed(b.low)}, ${signed(b.high)}]: ${c.clear ? (b.low > 0 ? `statistically clear, the ${c.ranking} finds more` : `statistically clear, the ${c.ranking} finds fewer`) : 'not statistically clear'}`,
  ].join('; ');
}

export function formatMetrics(m: KMetrics): string[] {
  const lines = [
    `top ${m.k}: ${m.headline.findings} findings in ${m.headline.poolMonths} pool-months of more than ${m.k} candidates (the headline; the most ${m.k} picks could catch: ${m.headline.bestPossible}, a blind pick's expectation: ${m.headline.expectedByChance.toFixed(1)}); ${m.smallPools.findings} findings in ${m.smallPools.poolMonths} pool-months of ${m.k} or fewer (${m.smallPools.hits} at a candidate, a hit for every ranking), left out`,
    `  ${'ranking'.padEnd(9)} ${'findings'.padStart(8)} ${'hit rate'.padStart(8)} ${'PAI'.padStart(5)} ${'PEI*'.padStart(5)} ${'pctile'.padStart(6)} ${'E_k'.padStart(7)} ${'÷oracle'.padStart(7)}  violation rate top k / rest`,
  ];
  for (const r of m.rankings)
    lines.push(
      `  ${r.ranking.padEnd(9)} ${String(r.hits).padStart(8)} ${pct(r.hitRate).padStart(8)} ${num(r.pai).padStart(5)} ${num(r.pei).padStart(5)} ${num(r.meanPercentile).padStart(6)} ${num(r.expected ?? null, 1).padStart(7)} ${num(r.oracleShare ?? null).padStart(7)}  ${rate(r.top)} / ${rate(r.rest)}`,
    );
  const o = m.headline.oracle;
  lines.push(
    o
      ? `  oracle view (demo data): expected findings in the top ${m.k} (E_k, the true chances summed over the top ${m.k} candidates, checked or not) over ${o.poolMonths} pool-months: the oracle ${o.expected.toFixed(1)}, a blind pick ${o.blind.toFixed(1)} (${num(o.blindShare)} of the oracle)`
      : `  oracle view: – (no demo_oracle rows: real data, or a demo loaded before issue 23)`,
  );
  for (const c of m.paired) lines.push(`  ${pairedSentence(c)}`);
  return lines;
}
