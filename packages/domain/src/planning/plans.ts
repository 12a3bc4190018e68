// Operation plans (issue 8): the contract shared by the API, the write path and the web app. A plan
// picks planning candidates of an area for a day, in a route order, with teams of Timpora members;
// after the operation its outcome becomes an operation record like the imported ones.
import { z } from 'zod';
import { ACTION_KINDS, AREA_CODE_PATTERN, OFFICE_AREA_PATTERN, TARGET_OUTCOMES } from '../constants.js';
import { requestDate } from '../schemas.js';
import { TIMPORA_AGENCY_CODES } from './agencies.js';
import { CANDIDATE_KINDS, WEIGHT_KEYS, type WeightKey } from './score.js';
import { FACTORS, type Factor } from './factors.js';

export const PLAN_STATUSES = ['draft', 'approved', 'done'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** More targets than a team visits in a day make the route order slow and the plan meaningless. */
export const MAX_PLAN_TARGETS = 60;
export const MAX_PLAN_TEAMS = 20;

const isoDate = requestDate;
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const notes = z.string().max(4000, 'at most 4000 characters').nullable();
const candidateId = z
  .string()
  .regex(/^(site:\d{1,12}|district:\d{2}\.\d{2}\.\d{2}|reports:\d{1,12})$/, "a candidate id such as 'site:123', 'district:19.04.01' or 'reports:456'");
const teamKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -, at most 40');

export const planWeights = z
  .object(Object.fromEntries(WEIGHT_KEYS.map((f) => [f, z.number().min(0, 'from 0 to 100').max(100, 'from 0 to 100')])) as Record<WeightKey, z.ZodNumber>)
  .partial()
  .strict();

export const planTeam = z
  .object({
    key: teamKey,
    name: text(200),
    agencies: z.array(z.enum(TIMPORA_AGENCY_CODES)).max(TIMPORA_AGENCY_CODES.length),
  })
  .strict();

export const planTargetInput = z.object({ candidateId, teamKey: teamKey.nullable().optional(), notes: notes.optional() }).strict();

export const lngLatObject = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).strict();

const planContent = {
  title: text(200),
  date: isoDate,
  weights: planWeights.optional(),
  notes: notes.optional(),
  teams: z.array(planTeam).max(MAX_PLAN_TEAMS).optional(),
  targets: z.array(planTargetInput).min(1, 'at least one target').max(MAX_PLAN_TARGETS, `at most ${MAX_PLAN_TARGETS} targets`),
  /** Where the route begins (an office, a meeting place); without it the shortest path from any target. */
  start: lngLatObject.nullable().optional(),
};

/** POST /planning/plans */
export const planCreateInput = z
  .object({
    ...planContent,
    areaCode: z
      .string()
      .refine(
        (code) => AREA_CODE_PATTERN.test(code) || OFFICE_AREA_PATTERN.test(code),
        "an area code such as 19, 19.04 or 19.04.01, or an office's work area as office:<office key>",
      ),
  })
  .strict()
  .superRefine(checkTeamsAndTargets);

/** PATCH /planning/plans/:id — content changes only on drafts; status draft⇄approved. */
export const planPatchInput = z
  .object({
    title: planContent.title.optional(),
    date: isoDate.optional(),
    notes: notes.optional(),
    teams: planContent.teams,
    targets: planContent.targets.optional(),
    weights: planWeights.optional(),
    start: planContent.start,
    status: z.enum(['draft', 'approved']).optional(),
  })
  .strict()
  .superRefine(checkTeamsAndTargets);

export const planOutcomeAction = z
  .object({
    kind: z.enum(ACTION_KINDS),
    count: z.number().int().positive(),
    nationality: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as CHN')
      .nullable()
      .optional(),
  })
  .strict();

export const planOutcomeTarget = z
  .object({
    planTargetId: z.number().int().positive(),
    foreignersChecked: z.number().int().min(0),
    violations: z.number().int().min(0),
    outcome: z.enum(TARGET_OUTCOMES),
    findings: z.string().max(4000).nullable().optional(),
    actions: z.array(planOutcomeAction).max(50),
  })
  .strict()
  .refine((t) => t.outcome !== 'violation' || t.violations > 0, { message: 'a violation outcome needs violations > 0', path: ['violations'] })
  .refine((t) => t.outcome === 'violation' || t.violations === 0, { message: 'violations are counted only with the outcome violation', path: ['violations'] });

/** POST /planning/plans/:id/outcome — one entry per target of the plan. */
export const planOutcomeInput = z
  .object({
    date: isoDate.optional(),
    targets: z.array(planOutcomeTarget).min(1).max(MAX_PLAN_TARGETS),
  })
  .strict()
  .superRefine((o, ctx) => {
    const seen = new Set<number>();
    o.targets.forEach((t, i) => {
      if (seen.has(t.planTargetId)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'planTargetId'], message: 'this target is already in the outcome' });
      seen.add(t.planTargetId);
    });
  });

function checkTeamsAndTargets(
  p: { teams?: Array<{ key: string }> | undefined; targets?: Array<{ candidateId: string; teamKey?: string | null | undefined }> | undefined },
  ctx: z.RefinementCtx,
) {
  const teams = new Set<string>();
  p.teams?.forEach((t, i) => {
    if (teams.has(t.key)) ctx.addIssue({ code: 'custom', path: ['teams', i, 'key'], message: `team key ${t.key} is used twice` });
    teams.add(t.key);
  });
  const candidates = new Set<string>();
  p.targets?.forEach((t, i) => {
    if (candidates.has(t.candidateId)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'candidateId'], message: `${t.candidateId} is in the plan twice` });
    candidates.add(t.candidateId);
    if (t.teamKey && p.teams && !teams.has(t.teamKey))
      ctx.addIssue({ code: 'custom', path: ['targets', i, 'teamKey'], message: `no team with key ${t.teamKey}` });
  });
}

export type PlanCreateInput = z.infer<typeof planCreateInput>;
export type PlanPatchInput = z.infer<typeof planPatchInput>;
export type PlanOutcomeInput = z.infer<typeof planOutcomeInput>;
export type PlanTeam = z.infer<typeof planTeam>;

const factorValues = z.object(Object.fromEntries(FACTORS.map((f) => [f, z.number()])) as Record<Factor, z.ZodNumber>);
/** Every weight a ranking used (factors and riskNotForeigners). */
export const weightsSchema = z.object(Object.fromEntries(WEIGHT_KEYS.map((f) => [f, z.number()])) as Record<WeightKey, z.ZodNumber>);

/** One target of a plan as the API answers it (GET /planning/plans/{id}). */
export const planTargetSchema = z.object({
  id: z.number(),
  /** 1..n, the route order. */
  order: z.number(),
  candidateId: z.string(),
  kind: z.enum(CANDIDATE_KINDS),
  name: z.string(),
  location: z.object({ lng: z.number(), lat: z.number() }),
  areaCodes: z.object({ province: z.string().nullable(), regency: z.string().nullable(), district: z.string().nullable() }),
  score: z.number(),
  factors: factorValues,
  contributions: factorValues,
  explanation: z.object({ id: z.string(), en: z.string() }),
  expectedForeigners: z.number(),
  teamKey: z.string().nullable(),
  /** Absent for a role without personal data (free text). */
  notes: z.string().nullable().optional(),
  /** km from the previous target (from the route's start for the first; null without a start). */
  legKm: z.number().nullable(),
  links: z.object({ record: z.string(), lastOperation: z.string().nullable() }),
  outcome: z.object({ operationTargetId: z.number(), foreignersChecked: z.number(), violations: z.number(), outcome: z.enum(TARGET_OUTCOMES) }).nullable(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

/** A plan as the API answers it (GET, POST, PATCH /planning/plans…). */
export const planSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    date: z.string(),
    /** An area code, or `office:<office key>` for an office's work area. */
    areaCode: z.string(),
    areaName: z.string(),
    /** A work-area plan's regencies that the reader's scope holds; null for a plan of an area code. */
    workAreaCodes: z.array(z.string()).nullable(),
    status: z.enum(PLAN_STATUSES),
    weights: weightsSchema,
    /** Absent for a role without personal data (free text). */
    notes: z.string().nullable().optional(),
    teams: z.array(z.object({ key: z.string(), name: z.string(), agencies: z.array(z.enum(TIMPORA_AGENCY_CODES)) })),
    targets: z.array(planTargetSchema),
    route: z.object({ totalKm: z.number(), start: z.object({ lng: z.number(), lat: z.number() }).nullable() }),
    totals: z.object({ targets: z.number(), expectedForeigners: z.number() }),
    operationId: z.number().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof planSchema>;

export const planListItemSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    date: z.string(),
    areaCode: z.string(),
    areaName: z.string(),
    status: z.enum(PLAN_STATUSES),
    targetCount: z.number(),
    expectedForeigners: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanListItem' });
export type PlanListItem = z.infer<typeof planListItemSchema>;

/** Which status changes PATCH allows: approve a draft, or take an approval back. Done comes only from an outcome. */
export function planTransitionAllowed(from: PlanStatus, to: PlanStatus): boolean {
  return from === to ? from !== 'done' : (from === 'draft' && to === 'approved') || (from === 'approved' && to === 'draft');
}
