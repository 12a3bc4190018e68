// Planning: ranked and explained candidate targets (company sites, districts) for an area and a day.
// The database counts (packages/db queries/planning.ts); the score and the sentences come from
// @pantau/domain, so the web app and the backtest rank exactly the same way.
import { createRoute, z } from '@hono/zod-openapi';
import { findArea, planningCandidates, workAreaOf } from '@pantau/db';
import {
  CANDIDATE_KINDS,
  explainCandidate,
  FACTORS,
  inScope,
  officeKeyOfArea,
  planningCandidatesResponseSchema,
  rankCandidates,
  todayInJakarta,
  WEIGHT_KEYS,
  weightsWith,
} from '@pantau/domain';
import { dbOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, isoDateParam, langParam, planningAreaParam, textLangOf } from './params.js';
import { createRouter } from './router.js';

const weightParams = Object.fromEntries(
  WEIGHT_KEYS.map((f) => [
    `w.${f}`,
    z
      .string()
      .optional()
      .openapi({
        description:
          f === 'riskNotForeigners'
            ? 'How much risk areas of categories not about foreigners (illegal emigration routes) count inside the risk factor, 0–100 (default 0: not at all; 1 = their category weight).'
            : `Weight of the ${f} factor, 0–100 (default from @pantau/domain DEFAULT_WEIGHTS).`,
        example: f === 'riskNotForeigners' ? '0' : '1',
      }),
  ]),
);

const candidatesRoute = createRoute({
  method: 'get',
  path: '/planning/candidates',
  tags: ['planning'],
  summary:
    'Candidate operation targets in an area on a day, ranked by a transparent score, each with its factors, contributions and an explanation in Indonesian and English',
  request: {
    query: z.object({
      area: planningAreaParam.openapi({
        description: "A province, regency or district code, or an office's work area as office:<office key>.",
        example: '19.04',
      }),
      asOf: isoDateParam
        .optional()
        .openapi({ description: 'Plan for this day; only records dated before it count (default today, WIB).', example: '2024-06-13' }),
      limit: z
        .string()
        .regex(/^\d+$/, 'a whole number')
        .refine((s) => Number(s) >= 1 && Number(s) <= 200, 'between 1 and 200')
        .optional()
        .openapi({ description: 'How many candidates, 1–200 (default 20).', example: '20' }),
      kind: z.enum(CANDIDATE_KINDS).optional().openapi({ description: 'Only candidates of this kind.' }),
      lang: langParam,
      ...weightParams,
    }),
  },
  responses: {
    200: { description: 'Ranked candidates and the weights used.', content: { 'application/json': { schema: planningCandidatesResponseSchema } } },
    404: { description: 'No area with this code in your scope (area_not_found).', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});

/** Record URLs in answers (app.ts mounts the API here). */
const API_PATH_PREFIX = '/api/v1';

export function planningRoutes(deps: AppDeps) {
  const router = createRouter();
  // Candidates name companies and places: a record list, not for the aggregates-only role.
  router.use('/planning/*', async (c, next) => {
    requirePermission(c, (p) => p.lists, 'read planning candidates');
    await next();
  });
  return router.openapi(candidatesRoute, async (c) => {
    const query = c.req.valid('query');
    const overrides = Object.fromEntries(
      Object.entries(c.req.query())
        .filter(([k]) => k.startsWith('w.'))
        .map(([k, v]) => [k.slice(2), v]),
    );
    const { weights, errors } = weightsWith(overrides);
    if (errors.length)
      throw new AppError(
        'invalid_parameter',
        `Invalid parameter: ${errors.join('; ')}.`,
        errors.map((message) => ({ parameter: 'w', message })),
      );
    const scope = scopeOf(c);
    const db = dbOf(c);
    const asOf = query.asOf ?? todayInJakarta(deps.clock.now());
    const kinds = query.kind ? [query.kind] : undefined;
    let area: { code: string; name: string; level: string } | undefined;
    let candidates;
    const officeKey = officeKeyOfArea(query.area);
    if (officeKey !== null) {
      // An office's work area: its regencies within the caller's scope, ranked together.
      const workArea = await workAreaOf(db, officeKey, scope);
      if (workArea) {
        area = { code: workArea.code, name: workArea.name, level: 'work_area' };
        candidates = await planningCandidates(db, null, asOf, { areaCodes: workArea.regencyCodes }, kinds, textLangOf(c));
      }
    } else {
      area = (inScope(scope, query.area) ? await findArea(db, query.area, scope) : undefined) ?? undefined;
      if (area) candidates = await planningCandidates(db, query.area, asOf, scope, kinds, textLangOf(c));
    }
    if (!area || !candidates) throw new AppError('area_not_found', `No area with code ${query.area}.`);
    const ranked = rankCandidates(candidates, weights).slice(0, query.limit ? Number(query.limit) : 20);
    return c.json(
      {
        area: { code: area.code, name: area.name, level: area.level },
        asOf,
        weights,
        factors: [...FACTORS],
        candidateCount: candidates.length,
        items: ranked.map(({ candidate: k, rank, score, factors, contributions }) => ({
          rank,
          id: k.id,
          kind: k.kind,
          name: k.name,
          location: k.location,
          areaCodes: k.areaCodes,
          raw: k.raw,
          factors,
          contributions,
          score,
          explanation: { id: explainCandidate(k, 'id', weights), en: explainCandidate(k, 'en', weights) },
          links: {
            record: k.kind === 'company_site' ? `${API_PATH_PREFIX}/companies/${k.companyId}` : `${API_PATH_PREFIX}/areas/${k.areaCodes.district}`,
            lastOperation: k.lastOperationId === null ? null : `${API_PATH_PREFIX}/operations/${k.lastOperationId}`,
            riskAreas: k.riskAreaIds.map((id) => `${API_PATH_PREFIX}/risk-areas/${id}`),
          },
        })),
      },
      200,
    );
  });
}
