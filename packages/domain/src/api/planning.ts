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
