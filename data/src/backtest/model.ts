// The learned ranking (issue 23): a logistic regression of "this check found a violation" on the planning
// score's own factors (0..1 each, as the score computes them) and the candidate's kind, fitted only on
// the checks of months before the ranked day — the replay hands it the checked candidates of earlier
// months with their factors as of their own ranked day — and L2-regularised (the intercept is not).
// Fitted by Newton's method (iteratively reweighted least squares), which converges in a few steps on a
// handful of features. Why not a library: the maintained npm package, ml-logistic-regression 2, fits
// without an intercept or any regularisation by 50,000 fixed-rate gradient steps; the whole method here
// is forty lines, unit-tested against hand-computed fits (model.test.ts).
import { FACTORS, normaliseFactors, type Candidate, type Weights } from '@pantau/domain';

/** The features, in the order of the coefficients after the intercept. */
export const MODEL_FEATURES = [...FACTORS, 'district'] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

/** Strength of the L2 penalty: λ/2 · Σβ² is subtracted from the log-likelihood (factors lie in 0..1, so one λ fits all). */
export const MODEL_L2 = 1;
/** Below this many checks, or without both outcomes, there is nothing to learn from: the model ranks by the score. */
export const MODEL_MIN_EXAMPLES = 30;

/** One checked candidate of an earlier month: its features as of that month's ranked day and what the check found. */
export interface ModelExample {
  month: string;
  features: number[];
  violation: boolean;
}

export interface FittedModel {
  /** Intercept, then one per MODEL_FEATURES entry (log-odds per unit of the feature). */
  coefficients: number[];
  examples: number;
  violations: number;
  /** The last month whose checks it learned from (null: none). */
  through: string | null;
}

/** A candidate's features: its factors with the score's risk options, and 1 for a district (0 for a company site). */
export function modelFeatures(candidate: Candidate, weights: Pick<Weights, 'riskNotForeigners'>): number[] {
  const factors = normaliseFactors(candidate.raw, { riskNotForeigners: weights.riskNotForeigners });
  return [...FACTORS.map((f) => factors[f]), candidate.kind === 'district' ? 1 : 0];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new Error('singular system');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f !== 0) for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Maximises Σ [y log p + (1 − y) log(1 − p)] − λ/2 Σ_{j≥1} β_j², p = σ(β₀ + Σ β_j x_j), by Newton steps
 * until no coefficient moves by more than 1e-9 (at most 100 steps). Returns [β₀, β₁, …].
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], lambda = MODEL_L2): number[] {
  const d = (x[0]?.length ?? 0) + 1;
  let beta = new Array<number>(d).fill(0);
  for (let step = 0; step < 100; step++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : -lambda * b));
    const hessian = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? lambda : 0)));
    x.forEach((row, n) => {
      const z = [1, ...row];
      const p = sigmoid(z.reduce((a, v, j) => a + v * beta[j]!, 0));
      const w = p * (1 - p);
      for (let i = 0; i < d; i++) {
        gradient[i]! += (y[n]! - p) * z[i]!;
        for (let j = 0; j < d; j++) hessian[i]![j]! += w * z[i]! * z[j]!;
      }
    });
    const delta = solve(hessian, gradient);
    beta = beta.map((b, j) => b + delta[j]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  return beta;
}

/** The model learned from `examples` (all of months before the ranked day), or null when there is too little to learn. */
export function fitModel(examples: readonly ModelExample[]): FittedModel | null {
  const violations = examples.filter((e) => e.violation).length;
  if (examples.length < MODEL_MIN_EXAMPLES || violations === 0 || violations === examples.length) return null;
  return {
    coefficients: fitLogistic(
      examples.map((e) => e.features),
      examples.map((e) => (e.violation ? 1 : 0)),
    ),
    examples: examples.length,
    violations,
    through: examples.reduce<string | null>((a, e) => (a === null || e.month > a ? e.month : a), null),
  };
}

/** The model's chance of a violation for a candidate's features. */
export function predictChance(model: FittedModel, features: readonly number[]): number {
  return sigmoid(features.reduce((a, v, j) => a + v * model.coefficients[j + 1]!, model.coefficients[0]!));
}

/** "intercept −2.31, holders +1.20, …": the coefficients in words for the backtest's output. */
export function describeModel(model: FittedModel | null): string {
  if (!model) return `model: not fitted (fewer than ${MODEL_MIN_EXAMPLES} earlier checks, or no violation among them); it ranked by the score`;
  const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
  const terms = MODEL_FEATURES.map((f, j) => `${f} ${signed(model.coefficients[j + 1]!)}`).join(', ');
  return `model (logistic, L2 λ = ${MODEL_L2}; log-odds per unit of each factor, fitted on ${model.examples} checks with ${model.violations} violations through ${model.through}): intercept ${signed(model.coefficients[0]!)}, ${terms}`;
}
