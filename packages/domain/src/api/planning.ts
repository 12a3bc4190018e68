// Answers of the planning endpoints: ranked candidates, coverage gaps and hot spots. Plans are in
// planning/plans.ts with their request schemas.
import { z } from 'zod';
import { RISK_CATEGORIES, RISK_SEVERITIES } from '../constants.js';
import { FACTORS, type Factor } from '../planning/factors.js';
import { HOT_SPOT_CLASSES } from '../planning/hot-spots.js';
import { weightsSchema } from '../planning/plans.js';
import { CANDIDATE_KINDS } from '../planning/score.js';
import { areaCodesSchema, lngLatObjectSchema, studyAreaRefSchema } from './common.js';

const factorValuesSchema = z.object(Object.fromEntries(FACTORS.map((f) => [f, z.number()])) as Record<Factor, z.ZodNumber>);

/** The counts a candidate's factors are computed from (@pantau/domain RawFactors). */
export const rawFactorsSchema = z.object({
  activeHolders: z.number(),
  holdersYearAgo: z.number(),
  expiringWithoutRenewal: z.number(),
  pastViolations: z.number(),
  pastActions: z.number(),
  openReports: z.number(),
  verifiedReports: z.number(),
  reportWindowDays: z.number(),
  riskAreas: z.array(z.object({ category: z.enum(RISK_CATEGORIES), severity: z.enum(RISK_SEVERITIES) })).readonly(),
  lastCheckedOn: z.string().nullable(),
  monthsSinceCheck: z.number().nullable(),
  mixSimilarity: z.number(),
});

export const planningCandidateSchema = z.object({
  rank: z.number(),
  id: z.string(),
  kind: z.enum(CANDIDATE_KINDS),
  name: z.string(),
  location: lngLatObjectSchema,
  areaCodes: areaCodesSchema,
  raw: rawFactorsSchema,
  factors: factorValuesSchema,
  contributions: factorValuesSchema,
  score: z.number(),
  explanation: z.object({ id: z.string(), en: z.string() }),
  links: z.object({ record: z.string(), lastOperation: z.string().nullable(), riskAreas: z.array(z.string()) }),
});
export type PlanningCandidate = z.infer<typeof planningCandidateSchema>;

/** GET /planning/candidates */
export const planningCandidatesResponseSchema = z
  .object({
    area: studyAreaRefSchema,
    asOf: z.string(),
    weights: weightsSchema,
    factors: z.array(z.enum(FACTORS)),
    /** Candidates in the area before `limit`. */
    candidateCount: z.number(),
    items: z.array(planningCandidateSchema),
  })
  .meta({ id: 'PlanningCandidates' });
export type PlanningCandidatesResponse = z.infer<typeof planningCandidatesResponseSchema>;

export const coverageGapItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['company_site', 'district']),
  name: z.string(),
  areaCodes: areaCodesSchema,
  location: lngLatObjectSchema,
  holders: z.number(),
  lastCheckedOn: z.string().nullable(),
  monthsSinceCheck: z.number().nullable(),
  links: z.object({ record: z.string(), lastOperation: z.string().nullable() }),
});
export type CoverageGapItem = z.infer<typeof coverageGapItemSchema>;

/** GET /planning/coverage-gaps: gaps grouped by the office whose work area covers them (office null: none does). */
export const coverageGapsResponseSchema = z
  .object({
    /** null: the caller's whole scope. */
    area: studyAreaRefSchema.nullable(),
    asOf: z.string(),
    months: z.number(),
    checkedSince: z.string(),
    total: z.number(),
    counts: z.object({ company_site: z.number(), district: z.number() }),
    groups: z.array(
      z.object({
        office: z.object({ id: z.number(), name: z.string() }).nullable(),
        regencyCodes: z.array(z.string()),
        count: z.number(),
        items: z.array(coverageGapItemSchema),
      }),
    ),
  })
  .meta({ id: 'CoverageGaps' });
export type CoverageGapsResponse = z.infer<typeof coverageGapsResponseSchema>;

/** GET /planning/hot-spots: a GeoJSON FeatureCollection of H3 cells, with the method and its parameters. */
export const hotSpotsResponseSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    area: studyAreaRefSchema.nullable(),
    method: z.string(),
    resolution: z.number(),
    rings: z.number(),
    months: z.number(),
    from: z.string(),
    to: z.string(),
    studyCells: z.number(),
    findings: z.number(),
    reports: z.number(),
    /** Set when the events are too few to read much into. */
    note: z.string().nullable(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
        properties: z.object({ h3: z.string(), findings: z.number(), reports: z.number(), z: z.number(), p: z.number(), class: z.enum(HOT_SPOT_CLASSES) }),
      }),
    ),
  })
  .meta({ id: 'HotSpots' });
export type HotSpotsResponse = z.infer<typeof hotSpotsResponseSchema>;

/** GET /offices: offices whose work area overlaps the scope, each with its regencies within the scope. */
export const officeWorkAreaSchema = z.object({
  code: z
    .string()
    .meta({ description: 'The planning area of its work area: office:<key>.', example: 'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang' }),
  key: z.string(),
  name: z.string(),
  officeClass: z.string(),
  provinceCode: z.string(),
  regencyCodes: z.array(z.string()).meta({ description: "Its work area's regencies within your scope." }),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).meta({ description: '[west, south, east, north] of those regencies.' }),
});
export type OfficeWorkArea = z.infer<typeof officeWorkAreaSchema>;
export const officeListResponseSchema = z.object({ items: z.array(officeWorkAreaSchema) });

/** One ranking's figures at one k of a saved backtest run, over the findings in pools of more than k candidates. */
export const backtestRankingFiguresSchema = z.object({
  ranking: z.string().meta({ description: 'score, holders, chance (or a later ranking).' }),
  hits: z.number().int().nonnegative().meta({ description: 'Findings whose place was in the ranking’s top k.' }),
  hitRate: z.number().nullable(),
  pai: z.number().nullable().meta({ description: 'Hit rate ÷ the share of candidates flagged: 1 = a blind pick.' }),
  pei: z.number().nullable().meta({ description: 'Hits ÷ the most k picks could have caught.' }),
  meanPercentile: z.number().nullable(),
  /** Demo data only (issue 23's oracle view): the true chances summed over the top k of the headline pools; absent or null on real data. */
  expected: z.number().nonnegative().nullable().optional(),
  oracleShare: z.number().nonnegative().nullable().optional().meta({ description: 'Expected findings in the top k ÷ the oracle’s (demo data only).' }),
});

/** A ranking against the reference (holders) at one k: McNemar on findings, sign test over months, bootstrap over months. */
export const backtestPairedFiguresSchema = z.object({
  ranking: z.string(),
  reference: z.string(),
  hits: z.number().int().nonnegative(),
  referenceHits: z.number().int().nonnegative(),
  /** hits ÷ referenceHits; null when the reference found none. */
  ratio: z.number().nullable(),
  onlyRanking: z.number().int().nonnegative(),
  onlyReference: z.number().int().nonnegative(),
  mcnemarP: z.number().min(0).max(1),
  signTestP: z.number().min(0).max(1),
  /** The difference in findings over the window and its 95 % bootstrap interval (months resampled). */
  difference: z.number(),
  low: z.number(),
  high: z.number(),
  months: z.number().int().nonnegative(),
  /** The interval excludes 0 and McNemar's p < 0.05. */
  clear: z.boolean(),
});

export const backtestRunResultSchema = z.object({
  k: z.number().int().min(1).max(500),
  headline: z.object({
    poolMonths: z.number().int().nonnegative(),
    findings: z.number().int().nonnegative(),
    bestPossible: z.number().int().nonnegative(),
    expectedByChance: z.number().nonnegative(),
    /** Demo data only: the oracle's expected findings in its top k, and a blind pick's, over the headline pools with an oracle. */
    oracle: z
      .object({
        poolMonths: z.number().int().nonnegative(),
        expected: z.number().nonnegative(),
        blind: z.number().nonnegative(),
        blindShare: z.number().nonnegative().nullable(),
      })
      .nullable()
      .optional(),
  }),
  /** Pools of k or fewer candidates: every ranking holds all of them, so they are left out of the figures. */
  smallPools: z.object({ poolMonths: z.number().int().nonnegative(), findings: z.number().int().nonnegative(), hits: z.number().int().nonnegative() }),
  rankings: z.array(backtestRankingFiguresSchema).min(1),
  paired: z.array(backtestPairedFiguresSchema),
});
export type BacktestRunResult = z.infer<typeof backtestRunResultSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What `pnpm pantau backtest --save` stores: the write path validates it with this schema. */
export const backtestRunInputSchema = z
  .object({
    ranAt: z.string().meta({ description: 'When the replay ran (ISO timestamp, UTC).' }),
    from: isoDay,
    to: isoDay,
    data: z.object({
      database: z.string().meta({ description: 'The backend it ran on: pglite or postgres.' }),
      datasets: z.array(
        z.object({ name: z.string(), loadedAt: z.string(), seed: z.number().nullable(), scale: z.number().nullable() }).meta({
          description: 'A dataset loaded when the replay ran; seed and scale for the demo data.',
        }),
      ),
    }),
    results: z.array(backtestRunResultSchema).min(1),
  })
  .refine((run) => run.from <= run.to, { message: 'from is after to', path: ['from'] });
export type BacktestRunInput = z.infer<typeof backtestRunInputSchema>;

export const backtestRunSchema = z
  .object({
    id: z.number(),
    ranAt: z.string(),
    from: z.string(),
    to: z.string(),
    data: z.object({
      database: z.string(),
      datasets: z.array(z.object({ name: z.string(), loadedAt: z.string(), seed: z.number().nullable(), scale: z.number().nullable() })),
    }),
    results: z.array(backtestRunResultSchema),
  })
  .meta({ id: 'BacktestRun' });
export type BacktestRun = z.infer<typeof backtestRunSchema>;

/** GET /planning/skill: the latest saved backtest run, or null when none was saved. */
export const planningSkillResponseSchema = z.object({ run: backtestRunSchema.nullable() }).meta({ id: 'PlanningSkill' });
export type PlanningSkillResponse = z.infer<typeof planningSkillResponseSchema>;
