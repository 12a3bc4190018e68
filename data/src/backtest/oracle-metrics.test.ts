// The oracle view's expected findings (E_k) on hand-computed pool-months: docs/planning.md "Oracle view".
import { describe, expect, test } from 'vitest';
import { formatMetrics } from './format.js';
import { expectedFindings, metricsAt, type PoolMonth } from './metrics.js';

// k = 2. January: a pool of 4 with true chances 0.5, 0.3, 0.1, 0.1 (sum 1.0); the score has them in the
// order 0.3, 0.5, 0.1, 0.1, holders 0.1, 0.1, 0.5, 0.3. February: a pool of 3 with 0.2, 0.2, 0 (a report
// cluster the generator has no chance for), score 0, 0.2, 0.2, holders 0.2, 0.2, 0. A third pool of 2
// (≤ k) is left out of the headline.
const pools: PoolMonth[] = [
  {
    month: '2024-01-01',
    regencyCode: '19.04',
    kind: 'company_site',
    poolSize: 4,
    targets: [{ candidateId: 'A', violation: true, ranks: { score: 2, holders: 3 } }],
    oracle: { sum: 1.0, best: [0.5, 0.3, 0.1, 0.1], byRanking: { score: [0.3, 0.5, 0.1, 0.1], holders: [0.1, 0.1, 0.5, 0.3] } },
  },
  {
    month: '2024-02-01',
    regencyCode: '19.04',
    kind: 'district',
    poolSize: 3,
    targets: [{ candidateId: 'D', violation: false, ranks: { score: 2, holders: 1 } }],
    oracle: { sum: 0.4, best: [0.2, 0.2, 0], byRanking: { score: [0, 0.2, 0.2], holders: [0.2, 0.2, 0] } },
  },
  {
    month: '2024-02-01',
    regencyCode: '19.71',
    kind: 'company_site',
    poolSize: 2,
    targets: [{ candidateId: 'F', violation: true, ranks: { score: 1, holders: 2 } }],
    oracle: { sum: 0.9, best: [0.6, 0.3], byRanking: { score: [0.6, 0.3], holders: [0.3, 0.6] } },
  },
];

describe('expected findings against the oracle (k = 2)', () => {
  const m = metricsAt(pools, 2, ['score', 'holders'], 'holders', 100);
  const of = (name: string) => m.rankings.find((r) => r.ranking === name)!;

  test('the oracle takes the two highest chances of each headline pool; a blind pick k/n of its sum', () => {
    // Oracle: (0.5 + 0.3) + (0.2 + 0.2) = 1.2; blind: 2/4 × 1.0 + 2/3 × 0.4 = 0.7667.
    expect(m.headline.oracle!.poolMonths).toBe(2);
    expect(m.headline.oracle!.expected).toBeCloseTo(1.2, 10);
    expect(m.headline.oracle!.blind).toBeCloseTo(0.5 + 0.8 / 3, 10);
    expect(m.headline.oracle!.blindShare).toBeCloseTo((0.5 + 0.8 / 3) / 1.2, 10);
  });

  test("each ranking's E_k is the chances of its own top k, checked or not, and its share of the oracle's", () => {
    // Score: (0.3 + 0.5) + (0 + 0.2) = 1.0 → 0.8333; holders: (0.1 + 0.1) + (0.2 + 0.2) = 0.6 → 0.5.
    expect(of('score').expected).toBeCloseTo(1.0, 10);
    expect(of('score').oracleShare).toBeCloseTo(1.0 / 1.2, 10);
    expect(of('holders').expected).toBeCloseTo(0.6, 10);
    expect(of('holders').oracleShare).toBeCloseTo(0.5, 10);
  });

  test('at k = 1 the same pools give other sums', () => {
    // Headline: all three pools (n > 1). Oracle 0.5 + 0.2 + 0.6 = 1.3; score 0.3 + 0 + 0.6 = 0.9; holders 0.1 + 0.2 + 0.3 = 0.6.
    const one = expectedFindings(pools, 1, ['score', 'holders'])!;
    expect(one.best).toBeCloseTo(1.3, 10);
    expect(one.byRanking.score).toBeCloseTo(0.9, 10);
    expect(one.byRanking.holders).toBeCloseTo(0.6, 10);
    expect(one.blind).toBeCloseTo(1.0 / 4 + 0.4 / 3 + 0.9 / 2, 10);
  });

  test('a ranking the replay did not record has no E_k', () => {
    expect(expectedFindings(pools, 2, ['model'])!.byRanking.model).toBeNull();
  });

  test('on real data (no oracle) every oracle figure is null and the table says –', () => {
    const real = pools.map(({ oracle: _oracle, ...p }) => p);
    const r = metricsAt(real, 2, ['score', 'holders'], 'holders', 100);
    expect(r.headline.oracle).toBeNull();
    for (const x of r.rankings) expect([x.expected, x.oracleShare]).toEqual([null, null]);
    const lines = formatMetrics(r);
    expect(lines.some((l) => l.includes('oracle view: –'))).toBe(true);
    expect(lines.find((l) => l.trim().startsWith('score'))).toMatch(/–\s+–/);
  });
});
