// Answers of the detail panel's area endpoints: summary, monthly trend, monthly arrivals, two dates compared.
import { z } from 'zod';
import { AREA_LEVELS } from '../constants.js';
import { areaRefSchema, nationalityCountSchema, originSchema } from './common.js';

const purposeCountSchema = z.object({ purpose: z.string(), count: z.number() });

/** People (each once, under the strongest type held), not permits; `permits` counts their valid permits. */
export const holderCountsSchema = z.object({
  total: z.number(),
  itas: z.number(),
  itap: z.number(),
  visit: z.number(),
  permits: z.number(),
  /** People with an open application and no valid permit ("waiting for a new KITAS"). */
  pending: z.number(),
  byNationality: z.array(nationalityCountSchema),
  byPurpose: z.array(purposeCountSchema),
});
export type HolderCounts = z.infer<typeof holderCountsSchema>;

export const topSponsorSchema = z.object({ id: z.number(), name: z.string(), sector: z.string().nullable(), origin: originSchema, activePermits: z.number() });
export const riskAreaSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  category: z.string(),
  severity: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  source: z.string().nullable(),
  origin: originSchema,
});
export const operationSummarySchema = z.object({
  id: z.number(),
  date: z.string(),
  team: z.string(),
  origin: originSchema,
  targets: z.number(),
  foreignersChecked: z.number(),
  violations: z.number(),
  /** Enforcement action kind → number of actions. */
  actions: z.record(z.string(), z.number()),
  outcomes: z.array(z.string()),
});
export const meetingSummarySchema = z.object({
  id: z.number(),
  date: z.string(),
  title: z.string(),
  venue: z.string().nullable(),
  organiser: z.string(),
  regencyCode: z.string(),
  origin: originSchema,
});
export const reportSummarySchema = z.object({
  id: z.number(),
  receivedOn: z.string(),
  category: z.string(),
  status: z.string(),
  channel: z.string(),
  origin: originSchema,
});
/** How many of the area's permits came from one origin, when it was loaded and its newest issue date. */
export const permitSourceSchema = z.object({ origin: originSchema, permits: z.number(), loadedAt: z.string().nullable(), lastIssued: z.string().nullable() });

export const areaDetailSchema = areaRefSchema
  .extend({
    parentCode: z.string().nullable(),
    /** Province first, then regency. */
    parents: z.array(areaRefSchema),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    centroid: z.tuple([z.number(), z.number()]),
    label: z.tuple([z.number(), z.number()]),
    areaKm2: z.number(),
  })
  .meta({ id: 'AreaDetail' });

/** GET /areas/{code}/summary. The record parts are absent for a role that reads no records (viewer), and openReports has no items then. */
export const areaSummaryResponseSchema = z
  .object({
    area: areaDetailSchema,
    asOf: z.string(),
    holders: holderCountsSchema,
    topSponsors: z.array(topSponsorSchema).optional(),
    riskAreas: z.array(riskAreaSummarySchema).optional(),
    lastOperations: z.array(operationSummarySchema).optional(),
    lastMeeting: meetingSummarySchema.nullable().optional(),
    openReports: z.object({ count: z.number(), items: z.array(reportSummarySchema).optional() }),
    sources: z.array(permitSourceSchema),
  })
  .meta({ id: 'AreaSummary' });
export type AreaSummaryResponse = z.infer<typeof areaSummaryResponseSchema>;

/** GET /areas/{code}/trend: valid holders at the end of each month (YYYY-MM), oldest first; the last counted on asOf. */
export const areaTrendResponseSchema = z
  .object({
    code: z.string(),
    asOf: z.string(),
    months: z.array(z.object({ month: z.string(), total: z.number(), itas: z.number(), itap: z.number() })),
  })
  .meta({ id: 'AreaTrend' });
export type AreaTrendResponse = z.infer<typeof areaTrendResponseSchema>;

/** A series of monthly arrivals, aligned with the answer's `months`. */
const arrivalSeries = { total: z.number(), arrivals: z.array(z.number()) };

/** GET /areas/{code}/arrivals: counts only, no person named. */
export const areaArrivalsResponseSchema = z
  .object({
    code: z.string(),
    asOf: z.string(),
    months: z.array(z.object({ month: z.string(), arrivals: z.number() })),
    /** Per entry point (key null: not recorded), most arrivals first. */
    entryPoints: z.array(z.object({ ...arrivalSeries, key: z.string().nullable(), name: z.string().nullable(), kind: z.string().nullable() })),
    regencies: z.array(z.object({ ...arrivalSeries, code: z.string(), name: z.string() })),
    /** What the area's checkpoints counted themselves (imported monthly counts, all foreigners). */
    checkpoints: z.object({
      months: z.array(z.number()),
      entryPoints: z.array(z.object({ ...arrivalSeries, key: z.string(), name: z.string(), kind: z.string() })),
    }),
  })
  .meta({ id: 'AreaArrivals' });
export type AreaArrivalsResponse = z.infer<typeof areaArrivalsResponseSchema>;

const holderSnapshotSchema = holderCountsSchema.extend({ date: z.string() });

/** GET /areas/{code}/compare */
export const areaComparisonResponseSchema = z
  .object({
    area: areaRefSchema,
    a: holderSnapshotSchema,
    b: holderSnapshotSchema,
    change: z.object({
      total: z.number(),
      itas: z.number(),
      itap: z.number(),
      visit: z.number(),
      byNationality: z.array(z.object({ code: z.string(), a: z.number(), b: z.number(), change: z.number() })),
    }),
  })
  .meta({ id: 'AreaComparison' });
export type AreaComparisonResponse = z.infer<typeof areaComparisonResponseSchema>;

/** GET /areas/{code}: an area with its parents (province first), its box [west, south, east, north], centroid and label point. */
export type AreaDetail = z.infer<typeof areaDetailSchema>;

/** One row of GET /areas?level=&parent= (no geometry). */
export const areaListItemSchema = areaRefSchema.extend({ parentCode: z.string().nullable(), areaKm2: z.number() });
export type AreaListItem = z.infer<typeof areaListItemSchema>;
export const areaListResponseSchema = z.object({ items: z.array(areaListItemSchema) });
export type AreaListResponse = z.infer<typeof areaListResponseSchema>;

/** One area of GET /stats/permits: people by type on the day, and the most frequent nationalities. */
export const areaPermitCountSchema = z.object({
  code: z.string(),
  name: z.string(),
  total: z.number().int(),
  itas: z.number().int(),
  itap: z.number().int(),
  visit: z.number().int(),
  permits: z.number().int().meta({ description: 'valid permits (a person may hold more than one)' }),
  pending: z.number().int().meta({ description: 'people with an open permit application and no valid permit' }),
  topNationalities: z.array(z.object({ code: z.string(), count: z.number().int() })),
});
export type AreaPermitCount = z.infer<typeof areaPermitCountSchema>;

/** GET /stats/permits: every area of the level (under `parent`), zeros included. */
export const permitStatsResponseSchema = z
  .object({
    asOf: z.string(),
    level: z.enum(AREA_LEVELS),
    parent: z.string().nullable(),
    areas: z.array(areaPermitCountSchema),
  })
  .meta({ id: 'PermitStats' });
export type PermitStats = z.infer<typeof permitStatsResponseSchema>;
