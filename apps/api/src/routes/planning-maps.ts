// Planning maps: coverage gaps (places with holders that no operation checked for N months) and hot
// spots (Getis-Ord Gi* of findings and verified reports on H3 hexagons). The same figures feed the
// tile layers coverage_gaps and hot_spots (tiles/layers.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { coverageGaps, officesCovering, type CoverageGap } from '@pantau/db';
import { COVERAGE_MONTHS, coverageGapsResponseSchema, HOT_SPOT_PARAMS, hotSpotsResponseSchema, inScope, monthsBefore, todayInJakarta } from '@pantau/domain';
import { dbOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { errorBody } from '../errors.js';
import { hotSpotAnalysis } from '../planning/hot-spots.js';
import { resolveStudyArea } from '../planning/study-area.js';
import { errorResponses, isoDateParam, planningAreaParam, wholeNumberParam } from './params.js';
import { createRouter } from './router.js';

const API_PATH_PREFIX = '/api/v1';
const areaNotFound = { description: 'No area with this code in your scope (area_not_found).', content: { 'application/json': { schema: errorBody } } };

const coverageGapsRoute = createRoute({
  method: 'get',
  path: '/planning/coverage-gaps',
  tags: ['planning'],
  summary:
    'Company sites and districts with valid permit holders that no operation has checked for `months` months or ever, grouped by the office whose work area covers them',
  description:
    "A site counts as checked by an operation target at the site or within 250 m, a district by any target in it; only targets before asOf count (the planning candidates' rules). " +
    'A place in a regency covered by several offices appears under each; places in regencies no office covers are grouped under `office: null`.',
  request: {
    query: z.object({
      area: planningAreaParam.optional().openapi({
        description:
          "A province, regency or district code, or an office's work area as office:<office key> (default: your whole scope; required when your scope is national).",
        example: '19.04',
      }),
      asOf: isoDateParam.optional().openapi({ description: 'The day (default today, WIB); holders valid on it, checks before it.', example: '2024-06-13' }),
      months: wholeNumberParam(COVERAGE_MONTHS.min, COVERAGE_MONTHS.max)
        .optional()
        .openapi({
          description: `A gap has had no check for this many calendar months, ${COVERAGE_MONTHS.min}–${COVERAGE_MONTHS.max} (default ${COVERAGE_MONTHS.default}).`,
          example: '12',
        }),
    }),
  },
  responses: {
    200: { description: 'Gaps by office work area.', content: { 'application/json': { schema: coverageGapsResponseSchema } } },
    404: areaNotFound,
    ...errorResponses,
  },
});

const hotSpotsRoute = createRoute({
  method: 'get',
  path: '/planning/hot-spots',
  tags: ['planning'],
  summary: 'Hot and cold spots of findings and verified reports: Getis-Ord Gi* on H3 hexagons (GeoJSON)',
  description:
    'Events: operation targets with a violation and reports verified or acted on, in the `months` before asOf. Each H3 cell of the area (centre inside, plus any cell holding an event) ' +
    'is a unit; weights are binary over the cell and its first ring (gridDisk k=1). Gi* is a z-score; p is two-sided from the normal distribution; classes hot/cold at 99, 95 and 90 %. ' +
    'No correction for multiple testing. Features: cells with an event or a significant Gi*.',
  request: {
    query: z.object({
      area: planningAreaParam.optional().openapi({
        description:
          "The study area: a province, regency or district code, or an office's work area as office:<office key> (default: your whole scope; required when your scope is national).",
        example: '19',
      }),
      asOf: isoDateParam.optional().openapi({ description: 'End of the window, exclusive (default today, WIB).', example: '2024-06-13' }),
      months: wholeNumberParam(HOT_SPOT_PARAMS.months.min, HOT_SPOT_PARAMS.months.max)
        .optional()
        .openapi({ description: `Window length in calendar months (default ${HOT_SPOT_PARAMS.months.default}).`, example: '24' }),
      resolution: wholeNumberParam(HOT_SPOT_PARAMS.resolution.min, HOT_SPOT_PARAMS.resolution.max)
        .optional()
        .openapi({
          description: `H3 resolution, ${HOT_SPOT_PARAMS.resolution.min}–${HOT_SPOT_PARAMS.resolution.max} (default ${HOT_SPOT_PARAMS.resolution.default}, about 36 km² a cell); at most ${HOT_SPOT_PARAMS.maxCells} cells in the area.`,
          example: '6',
        }),
    }),
  },
  responses: {
    200: {
      description: 'A GeoJSON FeatureCollection of hexagons with z, p, class and counts, and the method.',
      content: { 'application/geo+json': { schema: hotSpotsResponseSchema } },
    },
    404: areaNotFound,
    ...errorResponses,
  },
});

function gapItem(g: CoverageGap) {
  const k = g.candidate;
  return {
    // coverageGaps asks for sites and districts only.
    id: k.id,
    kind: k.kind as 'company_site' | 'district',
    name: k.name,
    areaCodes: k.areaCodes,
    location: k.location,
    holders: g.holders,
    lastCheckedOn: g.lastCheckedOn,
    monthsSinceCheck: g.monthsSinceCheck,
    links: {
      record: k.kind === 'company_site' ? `${API_PATH_PREFIX}/companies/${k.companyId}` : `${API_PATH_PREFIX}/areas/${k.areaCodes.district}`,
      lastOperation: k.lastOperationId === null ? null : `${API_PATH_PREFIX}/operations/${k.lastOperationId}`,
    },
  };
}

/** Never checked first, then the longest unchecked, then the most holders. */
const byNeglect = (a: CoverageGap, b: CoverageGap) =>
  (b.monthsSinceCheck ?? Infinity) - (a.monthsSinceCheck ?? Infinity) || b.holders - a.holders || a.candidate.id.localeCompare(b.candidate.id);

export function planningMapRoutes(deps: AppDeps) {
  const router = createRouter();
  router.openapi(coverageGapsRoute, async (c) => {
    // Gaps name companies and places: a record list, not for the aggregates-only role.
    requirePermission(c, (p) => p.lists, 'read coverage gaps');
    const query = c.req.valid('query');
    const scope = scopeOf(c);
    const { area, code, scope: areaScope } = await resolveStudyArea(dbOf(c), query.area, scope);
    const asOf = query.asOf ?? todayInJakarta(deps.clock.now());
    const months = query.months ? Number(query.months) : COVERAGE_MONTHS.default;
    const gaps = (await coverageGaps(dbOf(c), code, asOf, months, areaScope)).sort(byNeglect);
    const offices = await officesCovering(
      dbOf(c),
      gaps.map((g) => g.candidate.areaCodes.regency).filter((r): r is string => r !== null),
    );
    // An office's work area may reach beyond the scope: only the regencies in scope are named.
    const groups = offices
      .map((o) => ({
        office: { id: o.id, name: o.name },
        regencyCodes: o.regencyCodes.filter((r) => inScope(scope, r)),
        items: gaps.filter((g) => o.regencyCodes.includes(g.candidate.areaCodes.regency ?? '')),
      }))
      .filter((g) => g.items.length > 0);
    const covered = new Set(offices.flatMap((o) => o.regencyCodes));
    const uncovered = gaps.filter((g) => !covered.has(g.candidate.areaCodes.regency ?? ''));
    if (uncovered.length)
      groups.push({ office: null as never, regencyCodes: [...new Set(uncovered.map((g) => g.candidate.areaCodes.regency ?? ''))].sort(), items: uncovered });
    return c.json(
      {
        area,
        asOf,
        months,
        checkedSince: monthsBefore(asOf, months),
        total: gaps.length,
        counts: {
          company_site: gaps.filter((g) => g.candidate.kind === 'company_site').length,
          district: gaps.filter((g) => g.candidate.kind === 'district').length,
        },
        groups: groups.map((g) => ({ office: g.office, regencyCodes: g.regencyCodes, count: g.items.length, items: g.items.map(gapItem) })),
      },
      200,
    );
  });
  router.openapi(hotSpotsRoute, async (c) => {
    requirePermission(c, (p) => p.lists, 'read hot spots');
    const query = c.req.valid('query');
    const scope = scopeOf(c);
    const { area, code, scope: areaScope } = await resolveStudyArea(dbOf(c), query.area, scope);
    const asOf = query.asOf ?? todayInJakarta(deps.clock.now());
    const analysis = await hotSpotAnalysis(
      dbOf(c),
      code,
      asOf,
      query.months ? Number(query.months) : HOT_SPOT_PARAMS.months.default,
      query.resolution ? Number(query.resolution) : HOT_SPOT_PARAMS.resolution.default,
      areaScope,
    );
    const { cells, ...summary } = analysis;
    return c.json(
      {
        type: 'FeatureCollection' as const,
        area,
        ...summary,
        features: cells.map((cell) => ({
          type: 'Feature' as const,
          id: cell.h3,
          geometry: { type: 'Polygon' as const, coordinates: [cell.boundary] },
          properties: {
            h3: cell.h3,
            findings: cell.findings,
            reports: cell.reports,
            z: Math.round(cell.z * 1000) / 1000,
            p: Math.round(cell.p * 10000) / 10000,
            class: cell.class,
          },
        })),
      },
      200,
      { 'Content-Type': 'application/geo+json' },
    );
  });
  return router;
}
