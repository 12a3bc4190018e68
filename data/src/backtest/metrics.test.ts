import { describe, expect, test } from 'vitest';
import { bestPossible, metricsAt, type PoolMonth, type RankedTarget } from './metrics.js';

const target = (candidateId: string, violation: boolean, score: number | null, holders: number | null, chance: number | null): RankedTarget => ({
  candidateId,
  violation,
  ranks: { score, holders, chance },
});

// k = 2. January: a pool of 4 where site A was found in violation twice, B once, C checked clean.
// February: a pool of 5 with a finding at D and one at E, a site not among the candidates; and a pool
// of 2 (≤ k) with a finding at F, which every ranking has in its top 2.
const pools: PoolMonth[] = [
  {
    month: '2024-01-01',
    regencyCode: '19.04',
    kind: 'company_site',
    poolSize: 4,
    targets: [target('A', true, 1, 3, 2), target('B', true, 3, 1, 4), target('C', false, 2, 2, 1), target('A', true, 1, 3, 2)],
  },
  { month: '2024-02-01', regencyCode: '19.04', kind: 'company_site', poolSize: 5, targets: [target('D', true, 2, 4, 5), target('E', true, null, null, null)] },
  { month: '2024-02-01', regencyCode: '19.04', kind: 'district', poolSize: 2, targets: [target('F', true, 1, 2, 1)] },
];

describe('backtest metrics on a hand-computed fixture (k = 2)', () => {
  const m = metricsAt(pools, 2, ['score', 'holders', 'chance'], 'holders', 200);
  const of = (name: string) => m.rankings.find((r) => r.ranking === name)!;

  test('pools of k or fewer candidates are counted apart and left out of the headline', () => {
    expect(m.smallPools).toEqual({ poolMonths: 1, findings: 1, hits: 1 });
    expect(m.headline.poolMonths).toBe(2);
    expect(m.headline.findings).toBe(5);
    // A blind pick holds each finding with probability k / n: 3 × 2/4 + 2 × 2/5.
    expect(m.headline.expectedByChance).toBeCloseTo(2.3, 10);
    // January: A (2 findings) and B (1); February: D only (E is not a candidate, no pick could catch it).
    expect(m.headline.bestPossible).toBe(4);
  });

  test('hit rate, PAI, PEI* and percentile rank of the score', () => {
    const score = of('score');
    expect(score.hits).toBe(3); // A twice, D
    expect(score.hitRate).toBeCloseTo(3 / 5, 10);
    expect(score.pai).toBeCloseTo(3 / 2.3, 10);
    expect(score.pei).toBeCloseTo(3 / 4, 10);
    // A: (4−1)/3 twice, B: (4−3)/3, D: (5−2)/4, E (not a candidate): 0.
    expect(score.meanPercentile).toBeCloseTo((1 + 1 + 1 / 3 + 0.75 + 0) / 5, 10);
    expect(score.top).toEqual({ checked: 4, violations: 3 }); // A, C, A, D
    expect(score.rest).toEqual({ checked: 2, violations: 2 }); // B, E
  });

  test('the same for holders and chance', () => {
    const holders = of('holders');
    expect(holders.hits).toBe(1); // B
    expect(holders.pai).toBeCloseTo(1 / 2.3, 10);
    expect(holders.pei).toBeCloseTo(1 / 4, 10);
    expect(holders.meanPercentile).toBeCloseTo((1 / 3 + 1 / 3 + 1 + 0.25 + 0) / 5, 10);
    expect(holders.top).toEqual({ checked: 2, violations: 1 }); // B, C
    expect(holders.rest).toEqual({ checked: 4, violations: 4 });
    expect(of('chance').hits).toBe(2); // A twice
  });

  test('paired against holders: McNemar on the discordant findings, sign test and bootstrap over months', () => {
    const [score, chance] = m.paired;
    expect(m.paired.map((p) => p.ranking)).toEqual(['score', 'chance']);
    expect(score).toMatchObject({ ranking: 'score', reference: 'holders', hits: 3, referenceHits: 1, ratio: 3 });
    // Discordant: A, A, D for the score, B for holders; exact: 2 × P(X ≤ 1 | 4, ½) = 2 × 5/16.
    expect(score!.mcnemar).toEqual({ onlyRanking: 3, onlyReference: 1, method: 'exact', p: expect.closeTo(0.625, 10) });
    // January +2 −1, February +1.
    expect(score!.signTest).toEqual({ monthsAhead: 2, monthsBehind: 0, monthsLevel: 0, p: expect.closeTo(0.5, 10) });
    // Both months are +1: every resample sums to 2, an interval above zero — but 3 findings against 1 is
    // no evidence (McNemar p = 0.625), so the verdict is not clear.
    expect(score!.bootstrap).toMatchObject({ difference: 2, low: 2, high: 2, months: 2, resamples: 200 });
    expect(score!.clear).toBe(false);
    expect(chance!.mcnemar).toEqual({ onlyRanking: 2, onlyReference: 1, method: 'exact', p: expect.closeTo(1, 10) });
    expect(chance!.signTest).toEqual({ monthsAhead: 1, monthsBehind: 0, monthsLevel: 1, p: expect.closeTo(1, 10) });
    expect(chance!.bootstrap.difference).toBe(1);
  });

  test('at k = 4 the January pool no longer discriminates and February stands alone', () => {
    const m4 = metricsAt(pools, 4, ['score', 'holders'], 'holders', 200);
    expect(m4.smallPools).toEqual({ poolMonths: 2, findings: 4, hits: 4 });
    expect(m4.headline).toMatchObject({ poolMonths: 1, findings: 2, bestPossible: 1 });
    expect(m4.rankings.map((r) => r.hits)).toEqual([1, 1]); // D at 2 and at 4
    expect(m4.paired[0]!.mcnemar).toMatchObject({ onlyRanking: 0, onlyReference: 0, p: expect.closeTo(1, 10) });
    expect(m4.paired[0]!.clear).toBe(false);
  });

  test('no pool larger than k: no rates, no ratio, nothing clear', () => {
    const none = metricsAt(pools, 10, ['score', 'holders'], 'holders', 50);
    expect(none.headline).toEqual({ poolMonths: 0, findings: 0, bestPossible: 0, expectedByChance: 0, oracle: null });
    expect(none.rankings[0]).toMatchObject({ hits: 0, hitRate: null, pai: null, pei: null, meanPercentile: null });
    expect(none.paired[0]).toMatchObject({ ratio: null, clear: false });
  });
});

describe('the most k picks could have caught', () => {
  test('is the k candidates with the most findings; clean checks and non-candidates count nothing', () => {
    const pool: PoolMonth = {
      month: '2024-01-01',
      regencyCode: '19.04',
      kind: 'company_site',
      poolSize: 9,
      targets: [
        target('A', true, 1, 1, 1),
        target('A', true, 1, 1, 1),
        target('A', true, 1, 1, 1),
        target('B', true, 2, 2, 2),
        target('B', true, 2, 2, 2),
        target('C', true, 3, 3, 3),
        target('D', false, 4, 4, 4),
        target('X', true, null, null, null),
      ],
    };
    expect(bestPossible(pool, 1)).toBe(3);
    expect(bestPossible(pool, 2)).toBe(5);
    expect(bestPossible(pool, 3)).toBe(6);
    expect(bestPossible(pool, 8)).toBe(6);
  });
});

describe('the verdict', () => {
  test('is clear when the interval excludes zero and McNemar agrees: 30 findings only the score had, 2 only holders, over 10 months', () => {
    const pools: PoolMonth[] = Array.from({ length: 10 }, (_, i) => ({
      month: `2024-${String(i + 1).padStart(2, '0')}-01`,
      regencyCode: '19.04',
      kind: 'company_site' as const,
      poolSize: 20,
      targets: [...Array.from({ length: 3 }, (_, j) => target(`S${j}`, true, 1, 15, 10)), ...(i < 2 ? [target('H', true, 15, 1, 10)] : [])],
    }));
    const [score] = metricsAt(pools, 5, ['score', 'holders'], 'holders', 500).paired;
    expect(score!.mcnemar).toMatchObject({ onlyRanking: 30, onlyReference: 2, method: 'chi-squared' });
    expect(score!.mcnemar.p).toBeLessThan(0.001);
    expect(score!.bootstrap.difference).toBe(28);
    expect(score!.bootstrap.low).toBeGreaterThan(0);
    expect(score!.clear).toBe(true);
  });
});

describe('small pools', () => {
  test('a finding at a place that was not a candidate is no hit, even in a pool of k or fewer', () => {
    const pool: PoolMonth = {
      month: '2024-01-01',
      regencyCode: '19.04',
      kind: 'district',
      poolSize: 3,
      targets: [target('P', true, 2, 1, 3), target('Q', true, null, null, null)],
    };
    expect(metricsAt([pool], 5, ['score', 'holders'], 'holders', 10).smallPools).toEqual({ poolMonths: 1, findings: 2, hits: 1 });
  });
});
