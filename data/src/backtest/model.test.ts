// The learned model's fit on hand-computed data: an intercept-only fit is the log-odds of the mean, an
// unpenalised binary feature the log odds ratio; the penalty shrinks it; too little history fits nothing.
import type { Candidate, RawFactors } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { steadyFactors } from '../../../test/planning.js';
import { describeModel, fitLogistic, fitModel, MODEL_FEATURES, MODEL_MIN_EXAMPLES, modelFeatures, predictChance, solve, type ModelExample } from './model.js';
import { RANKINGS, defaultPoolContext } from './rankings.js';

describe('the learned model', () => {
  test('solve: a 3 × 3 system with a zero on the diagonal (a pivot is needed)', () => {
    // x = 1, y = 2, z = 3.
    expect(
      solve(
        [
          [0, 1, 1],
          [2, 1, 0],
          [1, 0, 3],
        ],
        [5, 4, 10],
      ).map((v) => Number(v.toFixed(12))),
    ).toEqual([1, 2, 3]);
  });

  test('intercept only: β₀ = log(p / (1 − p)) of the share of violations (the intercept is not penalised)', () => {
    const y = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0]; // 2 of 10
    expect(
      fitLogistic(
        y.map(() => []),
        y,
        5,
      )[0],
    ).toBeCloseTo(Math.log(0.2 / 0.8), 9);
  });

  test('one binary feature without penalty: β₀ the log-odds where it is 0, β₁ the log odds ratio', () => {
    // x = 0: 1 violation in 4 (odds 1/3); x = 1: 3 in 4 (odds 3).
    const x = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const [b0, b1] = fitLogistic(x, y, 0);
    expect(b0).toBeCloseTo(Math.log(1 / 3), 9);
    expect(b1).toBeCloseTo(Math.log(9), 9);
    // The penalty pulls the coefficient toward 0, and more penalty pulls it further.
    const [, shrunk] = fitLogistic(x, y, 1);
    const [, shrunkMore] = fitLogistic(x, y, 10);
    expect(shrunk!).toBeLessThan(b1!);
    expect(shrunkMore!).toBeLessThan(shrunk!);
    expect(shrunkMore!).toBeGreaterThan(0);
  });

  test('too little history, or only one outcome, fits no model; enough fits one that predicts the share', () => {
    const example = (violation: boolean, month = '2020-01-01'): ModelExample => ({ month, features: new Array(MODEL_FEATURES.length).fill(0), violation });
    expect(fitModel(Array.from({ length: MODEL_MIN_EXAMPLES - 1 }, (_, i) => example(i % 2 === 0)))).toBeNull();
    expect(fitModel(Array.from({ length: 50 }, () => example(false)))).toBeNull();
    const model = fitModel(Array.from({ length: 40 }, (_, i) => example(i < 10, i < 20 ? '2020-01-01' : '2020-03-01')))!;
    expect(model.examples).toBe(40);
    expect(model.violations).toBe(10);
    expect(model.through).toBe('2020-03-01');
    // All features 0: only the intercept, which is the share's log-odds.
    expect(predictChance(model, new Array(MODEL_FEATURES.length).fill(0))).toBeCloseTo(0.25, 9);
    expect(describeModel(model)).toMatch(/intercept −1\.10, holders \+0\.00, .*district \+0\.00/);
    expect(describeModel(null)).toMatch(/not fitted/);
  });

  const raw = (activeHolders: number, expiringWithoutRenewal: number): RawFactors => steadyFactors(activeHolders, { expiringWithoutRenewal });
  const site = (id: string, holders: number, expiring: number): Candidate => ({ id, kind: 'company_site', name: id, raw: raw(holders, expiring) });

  test('the model ranking orders by the fitted chance; with no model fitted it ranks as the score; without one given it refuses', () => {
    const pool = [site('site:1', 100, 0), site('site:2', 5, 5), site('site:3', 20, 1)];
    const context = defaultPoolContext('2024-01-01', '19.04', 'company_site');
    // Learned: lapsed permits (expiring) matter, holders do not.
    const expiringAt = MODEL_FEATURES.indexOf('expiring');
    const model = {
      coefficients: [-2, ...MODEL_FEATURES.map((_, j): number => (j === expiringAt ? 3 : 0))],
      examples: 100,
      violations: 10,
      through: '2023-12-01',
    };
    expect(modelFeatures(pool[1]!, context.weights)[expiringAt]).toBeCloseTo(0.5, 10);
    expect(RANKINGS.model.order(pool, { ...context, model })).toEqual(['site:2', 'site:3', 'site:1']);
    expect(RANKINGS.model.order(pool, { ...context, model: null })).toEqual(RANKINGS.score.order(pool, context));
    expect(() => RANKINGS.model.order(pool, context)).toThrow(/fitted on the months before/);
  });

  test('the oracle ranking orders by the true chance, candidates without one last (ties by id)', () => {
    const pool = [site('site:1', 1, 0), site('site:2', 1, 0), site('site:3', 1, 0), site('reports:9', 1, 0)];
    const oracle = new Map([
      ['site:1', 0.1],
      ['site:2', 0.4],
      ['site:3', 0.1],
    ]);
    expect(RANKINGS.oracle.order(pool, { ...defaultPoolContext('2024-01-01', '19.04', 'company_site'), oracle })).toEqual([
      'site:2',
      'site:1',
      'site:3',
      'reports:9',
    ]);
  });
});
