// Planning factors: what is known about a candidate target (raw values, as the database counts them)
// and how each becomes a number in 0..1. Every transform is monotone non-decreasing in its "more
// suspicious" direction and saturates, so no single large count drowns the others.
import { RISK_CATEGORY_CONCERNS_FOREIGNERS, type RiskCategory, type RiskSeverity } from '../constants.js';

export const FACTORS = ['holders', 'growth', 'expiring', 'findings', 'reports', 'risk', 'staleness', 'mix'] as const;
export type Factor = (typeof FACTORS)[number];
export type FactorValues = Record<Factor, number>;

/** What the database knows about a candidate on `asOf`, using only records dated before it. */
export interface RawFactors {
  /** Valid ITAS/ITAP/visit holders on asOf (sponsored by the site's company in its regency, or living in the district). */
  activeHolders: number;
  /** The same count twelve months earlier. */
  holdersYearAgo: number;
  /** Permits that expire within 30 days after asOf, or expired within 90 days before it, with no later permit for the same holder. */
  expiringWithoutRenewal: number;
  /** Foreigners found in violation by past operations at or near the candidate (5 years). */
  pastViolations: number;
  /** Foreigners subject to administrative actions (TAK) after those findings. */
  pastActions: number;
  /** Reports nearby received in the report window, still `new`. */
  openReports: number;
  /** Reports nearby received in the report window, `verified` or since `acted` on (verified first). */
  verifiedReports: number;
  /** Length of the report window in days. */
  reportWindowDays: number;
  /** Risk areas valid on asOf that the candidate lies in. */
  riskAreas: ReadonlyArray<{ category: RiskCategory; severity: RiskSeverity }>;
  /** Last operation at the candidate before asOf; null when never checked. */
  lastCheckedOn: string | null;
  /** Whole months from lastCheckedOn to asOf; null when never checked. */
  monthsSinceCheck: number | null;
  /** Cosine similarity (0..1) of the candidate's holders by nationality with the nationalities of past findings in the area. */
  mixSimilarity: number;
}

const saturate = (x: number, half: number) => (x <= 0 ? 0 : 1 - Math.pow(0.5, x / half));

/**
 * The documented transforms (docs/planning.md):
 * - holders: log scale, 1 at 1,000 holders: log10(1 + n) / 3, capped at 1;
 * - growth: relative change over 12 months against max(year-ago, 5) (small bases do not explode), 0 for
 *   decline, 1 at +100% or more;
 * - expiring: saturating, half at 5 permits;
 * - findings: saturating in violations + actions, half at 3;
 * - reports: saturating in open + 2 × verified, half at 2;
 * - risk: noisy-or over the risk areas of category weight × severity weight; a category not about
 *   foreigners (an emigration route) has its category weight multiplied by `riskNotForeigners`
 *   (0 by default: such an area does not raise a foreigner target; 1 weighs it as before issue 22);
 * - staleness: never checked = 1; else 0.9 × (1 − 2^(−months/12)), so a long-unchecked place approaches
 *   0.9 and never reaches a place never checked;
 * - mix: the similarity itself.
 */
export function normaliseFactors(raw: RawFactors, options: RiskOptions = DEFAULT_RISK_OPTIONS): FactorValues {
  const growth = (raw.activeHolders - raw.holdersYearAgo) / Math.max(raw.holdersYearAgo, 5);
  return {
    holders: Math.min(1, Math.log10(1 + Math.max(0, raw.activeHolders)) / 3),
    growth: clamp01(growth),
    expiring: saturate(raw.expiringWithoutRenewal, 5),
    findings: saturate(raw.pastViolations + raw.pastActions, 3),
    reports: saturate(raw.openReports + 2 * raw.verifiedReports, 2),
    risk: 1 - raw.riskAreas.reduce((p, r) => p * (1 - riskAreaWeight(r, options)), 1),
    staleness: raw.monthsSinceCheck === null ? 1 : 0.9 * (1 - Math.pow(0.5, Math.max(0, raw.monthsSinceCheck) / 12)),
    mix: clamp01(raw.mixSimilarity),
  };
}

/** How much a risk category says about foreigners at a place (emigration routes concern residents leaving). */
export const RISK_CATEGORY_WEIGHT: Record<RiskCategory, number> = {
  illegal_work: 1,
  overstay: 1,
  visit_permit_misuse: 0.9,
  social_conflict: 0.7,
  illegal_entry_point: 0.6,
  illegal_emigration_route: 0.3,
};

/** How much risk areas of categories not about foreigners count (a user's weight; see RISK_CATEGORY_CONCERNS_FOREIGNERS). */
export interface RiskOptions {
  riskNotForeigners: number;
}
export const DEFAULT_RISK_OPTIONS: Readonly<RiskOptions> = Object.freeze({ riskNotForeigners: 0 });

/** One risk area's term of the noisy-or, in 0..1. */
export function riskAreaWeight(area: { category: RiskCategory; severity: RiskSeverity }, options: RiskOptions = DEFAULT_RISK_OPTIONS): number {
  const category = RISK_CATEGORY_CONCERNS_FOREIGNERS[area.category]
    ? RISK_CATEGORY_WEIGHT[area.category]
    : Math.min(1, Math.max(0, options.riskNotForeigners) * RISK_CATEGORY_WEIGHT[area.category]);
  return category * RISK_SEVERITY_WEIGHT[area.severity];
}
export const RISK_SEVERITY_WEIGHT: Record<RiskSeverity, number> = { high: 1, medium: 0.6, low: 0.3 };

export function clamp01(x: number): number {
  return Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x));
}

/** Cosine similarity of two count vectors keyed by category (0 when either is empty). */
export function mixSimilarity(a: ReadonlyMap<string, number> | Record<string, number>, b: ReadonlyMap<string, number> | Record<string, number>): number {
  const ma = a instanceof Map ? a : new Map(Object.entries(a));
  const mb = b instanceof Map ? b : new Map(Object.entries(b));
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of ma) {
    na += v * v;
    dot += v * (mb.get(k) ?? 0);
  }
  for (const v of mb.values()) nb += v * v;
  return na === 0 || nb === 0 ? 0 : clamp01(dot / Math.sqrt(na * nb));
}

/** Whole months between two ISO dates (a month = 30.44 days), never negative. */
export function monthsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / (30.44 * 86_400_000)));
}
