// Pure helpers of the planning page: weights against the defaults, how far a candidate moved when the
// weights changed, the route preview of a plan not saved yet, and the outcome form's request body.
import {
  DEFAULT_WEIGHTS,
  orderRoute,
  rankCandidates,
  WEIGHT_KEYS,
  type CandidateKind,
  type PlanOutcomeInput,
  type RawFactors,
  type RouteOrder,
  type TargetOutcome,
  type WeightKey,
  type Weights,
} from '@pantau/domain';

export type WeightOverrides = Partial<Record<WeightKey, number>>;

/** The weights in force: the defaults with the session's overrides. */
export function effectiveWeights(overrides: WeightOverrides): Weights {
  return { ...DEFAULT_WEIGHTS, ...overrides };
}

/** Only the weights that differ from the defaults, so an unchanged slider leaves the URL clean. */
export function overridesOf(weights: Weights): WeightOverrides {
  return Object.fromEntries(WEIGHT_KEYS.filter((f) => weights[f] !== DEFAULT_WEIGHTS[f]).map((f) => [f, weights[f]]));
}

/** sessionStorage text of the overrides, and back (anything unreadable = no overrides). */
export function serializeOverrides(overrides: WeightOverrides): string {
  return JSON.stringify(overrides);
}

export function parseOverrides(text: string | null): WeightOverrides {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return {};
    const result: WeightOverrides = {};
    for (const factor of WEIGHT_KEYS) {
      const weight = (value as Record<string, unknown>)[factor];
      if (typeof weight === 'number' && Number.isFinite(weight) && weight >= 0 && weight <= 100) result[factor] = weight;
    }
    return result;
  } catch {
    // Stored by hand or by an older version and no longer JSON: the default weights, as with nothing stored.
    return {};
  }
}

interface Ranked {
  id: string;
  kind: CandidateKind;
  name: string;
  rank: number;
  raw: RawFactors;
}

/**
 * How many places each candidate moved against the default weights (positive = up): the same
 * candidates ranked from their raw values by the server's own rule under the default weights. The raw
 * values, not the factors the session's ranking sent: a factor such as risk depends on a weight
 * (riskNotForeigners), so re-scoring the session's factors would not be the default ranking.
 */
export function rankDeltas(items: readonly Ranked[]): Map<string, number> {
  const defaultRank = new Map(rankCandidates(items, DEFAULT_WEIGHTS).map((r) => [r.candidate.id, r.rank]));
  return new Map(items.map((item) => [item.id, (defaultRank.get(item.id) ?? item.rank) - item.rank]));
}

/** "▲2", "▼1", or "" for no move. */
export function deltaLabel(delta: number): string {
  if (delta > 0) return `▲${delta}`;
  if (delta < 0) return `▼${-delta}`;
  return '';
}

/** The route order of targets picked but not saved yet, as the server will order them (same function). */
export function previewRoute(points: ReadonlyArray<{ lng: number; lat: number }>): RouteOrder {
  return orderRoute(points);
}

/** One row of the after-operation form, as the user fills it in. */
export interface OutcomeRow {
  planTargetId: number;
  foreignersChecked: string;
  violations: string;
  outcome: TargetOutcome;
  findings: string;
  actions: Array<{ kind: string; count: string; nationality: string }>;
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/**
 * The request body of POST /plans/:id/outcome from the form, or the first problem found (by target
 * index) — the server checks again, this only saves a round trip for an empty field.
 */
export function outcomeBody(rows: readonly OutcomeRow[], date: string | null): { body: PlanOutcomeInput } | { problem: { index: number; field: string } } {
  const targets: PlanOutcomeInput['targets'] = [];
  for (const [index, row] of rows.entries()) {
    const foreignersChecked = wholeNumber(row.foreignersChecked);
    const violations = row.outcome === 'violation' ? wholeNumber(row.violations) : 0;
    if (Number.isNaN(foreignersChecked)) return { problem: { index, field: 'foreignersChecked' } };
    if (Number.isNaN(violations) || (row.outcome === 'violation' && violations < 1)) return { problem: { index, field: 'violations' } };
    const actions = [];
    for (const action of row.actions) {
      const count = wholeNumber(action.count);
      if (Number.isNaN(count) || count < 1) return { problem: { index, field: 'actions' } };
      const nationality = action.nationality.trim().toUpperCase();
      actions.push({ kind: action.kind as PlanOutcomeInput['targets'][number]['actions'][number]['kind'], count, ...(nationality ? { nationality } : {}) });
    }
    const findings = row.findings.trim();
    targets.push({ planTargetId: row.planTargetId, foreignersChecked, violations, outcome: row.outcome, ...(findings ? { findings } : {}), actions });
  }
  return { body: { ...(date ? { date } : {}), targets } };
}
