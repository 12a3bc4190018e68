// The paired tests of the backtest: two rankings judged on the same findings and the same months.
// simple-statistics (already used by the domain and the web app) gives gammaln, the error function (for the normal tail), the
// quantile and seeded resampling; the exact binomial tail is summed here because its
// binomialDistribution stops once 1 − 1e-4 of the mass is reached, too coarse for small p-values.
import { errorFunction, gammaln, quantile, sampleWithReplacement } from 'simple-statistics';
import { Random } from '../demo/random.js';

/** Two-sided exact binomial test of x successes in n trials with p = ½: the chance of a split at least as uneven. */
export function binomialTwoSided(x: number, n: number): number {
  if (n === 0) return 1;
  const low = Math.min(x, n - x);
  let tail = 0;
  for (let i = 0; i <= low; i++) tail += Math.exp(gammaln(n + 1) - gammaln(i + 1) - gammaln(n - i + 1) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

/** Below this many discordant pairs McNemar's test is the exact binomial one; from it on, χ² with continuity correction. */
export const MCNEMAR_EXACT_BELOW = 25;

export interface McNemar {
  /** Findings the ranking had in its top k and the reference had not. */
  onlyRanking: number;
  /** Findings the reference had in its top k and the ranking had not. */
  onlyReference: number;
  method: 'exact' | 'chi-squared';
  p: number;
}

export function mcnemar(onlyRanking: number, onlyReference: number): McNemar {
  const n = onlyRanking + onlyReference;
  if (n < MCNEMAR_EXACT_BELOW) return { onlyRanking, onlyReference, method: 'exact', p: binomialTwoSided(onlyRanking, n) };
  const chi2 = (Math.abs(onlyRanking - onlyReference) - 1) ** 2 / n;
  // χ² with one degree of freedom is the square of a standard normal: P(χ² > x) = P(|Z| > √x) = 1 − erf(√(x/2)).
  return { onlyRanking, onlyReference, method: 'chi-squared', p: Math.min(1, Math.max(0, 1 - errorFunction(Math.sqrt(chi2 / 2)))) };
}

export interface SignTest {
  monthsAhead: number;
  monthsBehind: number;
  monthsLevel: number;
  p: number;
}

/** Sign test over months: of the months where the two differ, how many went to the ranking (ties left out). */
export function signTest(monthlyDifferences: readonly number[]): SignTest {
  const monthsAhead = monthlyDifferences.filter((d) => d > 0).length;
  const monthsBehind = monthlyDifferences.filter((d) => d < 0).length;
  return {
    monthsAhead,
    monthsBehind,
    monthsLevel: monthlyDifferences.length - monthsAhead - monthsBehind,
    p: binomialTwoSided(monthsAhead, monthsAhead + monthsBehind),
  };
}

export const BOOTSTRAP_RESAMPLES = 10_000;
export const BOOTSTRAP_SEED = 23;

export interface Bootstrap {
  /** The observed difference in findings over the whole window (sum of the monthly differences). */
  difference: number;
  low: number;
  high: number;
  months: number;
  resamples: number;
  seed: number;
}

/**
 * Percentile bootstrap 95 % interval of the summed difference: the months are drawn with replacement
 * (as many as there are) and summed, `resamples` times, with a seeded generator — the same input gives
 * the same interval on every run.
 */
export function bootstrapDifference(monthlyDifferences: readonly number[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): Bootstrap {
  const difference = monthlyDifferences.reduce((a, b) => a + b, 0);
  const months = monthlyDifferences.length;
  if (months === 0) return { difference, low: 0, high: 0, months, resamples, seed };
  const random = new Random(seed);
  const source = () => random.next();
  const sums: number[] = [];
  for (let i = 0; i < resamples; i++) sums.push(sampleWithReplacement([...monthlyDifferences], months, source).reduce((a, b) => a + b, 0));
  return { difference, low: quantile(sums, 0.025), high: quantile(sums, 0.975), months, resamples, seed };
}
