import { describe, expect, test } from 'vitest';
import { BacktestOptionError } from './backtest-command.js';
import { metricsAt, type PoolMonth } from './metrics.js';
import { parseSeedList, pooledPools, type SeedReplay } from './seeds.js';

/** A pool of 20 candidates, ranked the first of a month, with one finding at the given ranks. */
const pool = (month: string, score: number, holders: number): PoolMonth => ({
  month,
  regencyCode: '19.04',
  kind: 'company_site',
  poolSize: 20,
  targets: [{ candidateId: 'site:1', violation: true, ranks: { score, holders } }],
});
const replay = (seed: number, pools: PoolMonth[]): SeedReplay => ({ seed, scale: 0.1, pools, loadSeconds: 0, replaySeconds: 0, datasets: [] });

describe('backtest --seeds', () => {
  test('seed lists: distinct whole numbers; anything else names the option', () => {
    expect(parseSeedList('101, 102,103,101')).toEqual([101, 102, 103]);
    for (const bad of ['', '1,,2', '1.5', '-1', 'a', Array.from({ length: 21 }, (_, i) => i).join(',')])
      expect(() => parseSeedList(bad)).toThrow(BacktestOptionError);
    expect(() => parseSeedList('x')).toThrow(/--seeds x/);
  });

  test('pooled: the same month of two seeds is two units of the paired tests, not one', () => {
    // Seed 1: in January the score has the finding and holders not (+1); seed 2: the reverse in January (−1), and +1 in February.
    const replays = [replay(1, [pool('2024-01-01', 1, 15)]), replay(2, [pool('2024-01-01', 15, 1), pool('2024-02-01', 2, 12)])];
    const pooled = pooledPools(replays);
    expect(pooled.map((p) => p.month)).toEqual(['seed 1 2024-01-01', 'seed 2 2024-01-01', 'seed 2 2024-02-01']);
    const m = metricsAt(pooled, 10, ['score', 'holders'], 'holders', 200);
    const paired = m.paired[0]!;
    expect([paired.hits, paired.referenceHits]).toEqual([2, 1]);
    // Three seed-months: +1, −1, +1 (had the months been merged by date, January would be one level month).
    expect([paired.signTest.monthsAhead, paired.signTest.monthsBehind, paired.signTest.monthsLevel]).toEqual([2, 1, 0]);
    expect(paired.bootstrap.months).toBe(3);
    expect(paired.bootstrap.difference).toBe(1);
  });
});
