import { describe, expect, test } from 'vitest';
import { BacktestOptionError, backtestReport, parseKList, parseRankingList } from './backtest-command.js';
import { formatMetrics, pairedSentence } from './format.js';
import { metricsAt, type PoolMonth } from './metrics.js';

describe('backtest options', () => {
  test('--k takes distinct whole numbers from 1 to 500', () => {
    expect(parseKList('1,3,5,10,20')).toEqual([1, 3, 5, 10, 20]);
    expect(parseKList('10, 10,5')).toEqual([10, 5]);
    for (const bad of ['0', '3,', 'ten', '2.5', '501']) expect(() => parseKList(bad)).toThrow(BacktestOptionError);
  });

  test('--ranking takes known rankings and always keeps holders, the reference', () => {
    expect(parseRankingList('score,holders,chance')).toEqual(['score', 'holders', 'chance']);
    expect(parseRankingList('chance')).toEqual(['chance', 'holders']);
    expect(parseRankingList('score,model,oracle')).toEqual(['score', 'model', 'oracle', 'holders']);
    expect(() => parseRankingList('score,trees')).toThrow(/unknown trees \(known: score, holders, chance, model, oracle\)/);
  });
});

const pools: PoolMonth[] = [
  {
    month: '2024-01-01',
    regencyCode: '19.04',
    kind: 'company_site',
    poolSize: 4,
    targets: [
      { candidateId: 'A', violation: true, ranks: { score: 1, holders: 3, chance: 2 } },
      { candidateId: 'B', violation: false, ranks: { score: 2, holders: 1, chance: 1 } },
    ],
  },
  {
    month: '2024-02-01',
    regencyCode: '19.04',
    kind: 'district',
    poolSize: 1,
    targets: [{ candidateId: 'C', violation: true, ranks: { score: 1, holders: 1, chance: 1 } }],
  },
];

describe('backtest report', () => {
  test('the JSON report lists every finding with its pool size and ranks, and the metrics at each k', () => {
    const report = backtestReport(pools, { from: '2024-01-01', to: '2024-02-29', ks: [1, 3], rankings: undefined, database: 'pglite', datasets: [] });
    expect(report.rankings.map((r) => r.name)).toEqual(['score', 'holders', 'chance']);
    expect(report.findings).toEqual([
      { month: '2024-01-01', regencyCode: '19.04', kind: 'company_site', poolSize: 4, candidateId: 'A', ranks: { score: 1, holders: 3, chance: 2 } },
      { month: '2024-02-01', regencyCode: '19.04', kind: 'district', poolSize: 1, candidateId: 'C', ranks: { score: 1, holders: 1, chance: 1 } },
    ]);
    expect(report.metrics.map((m) => [m.k, m.headline.findings, m.smallPools.findings])).toEqual([
      [1, 1, 1],
      [3, 1, 1],
    ]);
  });

  test('the table says each ranking’s figures and the paired line in words', () => {
    const m = metricsAt(pools, 1, ['score', 'holders', 'chance'], 'holders', 100);
    const lines = formatMetrics(m);
    expect(lines[0]).toMatch(
      /^top 1: 1 findings in 1 pool-months of more than 1 candidates .*; 1 findings in 1 pool-months of 1 or fewer \(1 at a candidate, a hit for every ranking\), left out$/,
    );
    expect(lines.find((l) => l.trim().startsWith('score'))).toMatch(/score\s+1\s+100\.0%\s+4\.00\s+1\.00\s+1\.00/);
    expect(pairedSentence(m.paired[0]!)).toBe(
      'the score found 1 findings where holders found none (1 against 0: 1 only by the score, 0 only by holders, McNemar exact binomial p = 1.00); ahead in 1 months, behind in 0, level in 0 (sign test p = 1.00); 95 % CI of the difference in findings over the 1 months (bootstrap over months) [+1, +1]: not statistically clear',
    );
  });
});

describe('the paired line', () => {
  test('prints the ends of the interval rounded to one decimal, whole numbers without one', () => {
    const m = metricsAt(pools, 1, ['score', 'holders'], 'holders', 100);
    const c = { ...m.paired[0]!, bootstrap: { ...m.paired[0]!.bootstrap, low: -4.999999999, high: 22.99999999999 } };
    expect(pairedSentence(c)).toContain('[−5, +23]');
    expect(pairedSentence({ ...c, bootstrap: { ...c.bootstrap, low: 0.5, high: 1.25 } })).toContain('[+0.5, +1.3]');
  });
});
