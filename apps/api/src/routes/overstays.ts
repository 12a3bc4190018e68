// Overstays and expiring permits of an area (issue 20): counts for every role, the people and permits
// behind them only for roles with personal data (those reads are audited: auth/audit-reads.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { expiringCounts, findArea, listExpiring, listOverstays, overstayCounts, permitsInArea, type AreaDetail } from '@pantau/db';
import {
  areaExpiringResponseSchema,
  areaOverstaysResponseSchema,
  EXPIRING_WINDOW_DEFAULT,
  EXPIRING_WINDOWS,
  inScope,
  OVERSTAY_MIN_DAYS,
  todayInJakarta,
  type Permissions,
} from '@pantau/domain';
import type { Context } from 'hono';
import { dbOf, principalOf, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { areaCodeParam, errorResponses, listParams, permitFilterParams, toPermitFilter, wholeNumberParam } from './params.js';
import { createRouter } from './router.js';

export const minDaysParam = wholeNumberParam(OVERSTAY_MIN_DAYS.min, OVERSTAY_MIN_DAYS.max)
  .optional()
  .openapi({
    description: `Overstays: at least this many days past the last permit's end on asOf (default ${OVERSTAY_MIN_DAYS.default}; 0 = from its end day).`,
    example: '30',
  });
export const expiringWithinParam = z
  .enum(EXPIRING_WINDOWS.map(String) as ['30', '60', '90'])
  .optional()
  .openapi({ description: `Expiring permits: ending within this many days of asOf (default ${EXPIRING_WINDOW_DEFAULT}).`, example: '60' });

const codeParam = z.object({ code: areaCodeParam.openapi({ param: { name: 'code', in: 'path' }, example: '19.04' }) });
const page = { limit: listParams.limit, cursor: listParams.cursor };
const notFound = {
  404: { description: 'No area with this code, or one outside your scope (area_not_found).', content: { 'application/json': { schema: errorBody } } },
};

const overstayRoute = createRoute({
  method: 'get',
  path: '/areas/{code}/overstays',
  tags: ['people'],
  summary:
    'People overstaying on asOf: their last permit ended at least minDays before it (not cancelled by departure), with no departure since, no valid permit and no open application',
  request: { params: codeParam, query: z.object({ ...permitFilterParams, minDays: minDaysParam, ...page }) },
  responses: {
    200: {
      description: "Counts by the last permit's type, district and nationality; the people, longest over first, for roles with personal data.",
      content: { 'application/json': { schema: areaOverstaysResponseSchema } },
    },
    ...notFound,
    ...errorResponses,
  },
});

const expiringRoute = createRoute({
  method: 'get',
  path: '/areas/{code}/expiring',
  tags: ['people'],
  summary:
    'Permits valid on asOf that end within 30, 60 or 90 days, per sponsor; a holder without a longer permit or an open application is flagged not renewed',
  request: { params: codeParam, query: z.object({ ...permitFilterParams, within: expiringWithinParam, ...page }) },
  responses: {
    200: {
      description: 'Counts (permits, people, not renewed) and per sponsor; the permits, soonest first, for roles with personal data.',
      content: { 'application/json': { schema: areaExpiringResponseSchema } },
    },
    ...notFound,
    ...errorResponses,
  },
});

const pageOf = (query: { limit?: string; cursor?: string }) => ({
  limit: query.limit ? Number(query.limit) : 50,
  offset: query.cursor ? Number(query.cursor) : 0,
});
const permissionsOf = (c: Context): Permissions => principalOf(c).permissions;

export function overstayRoutes(deps: AppDeps) {
  // An area outside the scope answers exactly like a nonexistent one.
  const areaOr404 = async (c: Context, code: string): Promise<AreaDetail> => {
    const found = inScope(scopeOf(c), code) ? await findArea(dbOf(c), code, scopeOf(c)) : undefined;
    if (!found) throw new AppError('area_not_found', `No area with code ${code}.`);
    return found;
  };
  const today = () => todayInJakarta(deps.clock.now());
  return createRouter()
    .openapi(overstayRoute, async (c) => {
      const { code } = c.req.valid('param');
      const found = await areaOr404(c, code);
      const query = c.req.valid('query');
      const filter = toPermitFilter(query, today());
      const minDays = query.minDays === undefined ? OVERSTAY_MIN_DAYS.default : Number(query.minDays);
      const overstays = { asOf: filter.asOf, minDays, filter, area: permitsInArea(found.level, code) };
      const counts = await overstayCounts(dbOf(c), overstays, scopeOf(c));
      const head = { area: { code: found.code, name: found.name, level: found.level }, asOf: filter.asOf, minDays, counts };
      if (!permissionsOf(c).personalData) return c.json(head, 200);
      return c.json({ ...head, ...(await listOverstays(dbOf(c), overstays, pageOf(query), scopeOf(c))) }, 200);
    })
    .openapi(expiringRoute, async (c) => {
      const { code } = c.req.valid('param');
      const found = await areaOr404(c, code);
      const query = c.req.valid('query');
      const filter = toPermitFilter(query, today());
      const within = query.within === undefined ? EXPIRING_WINDOW_DEFAULT : Number(query.within);
      const expiring = { asOf: filter.asOf, within, filter, area: permitsInArea(found.level, code) };
      const { bySponsor, ...totals } = await expiringCounts(dbOf(c), expiring, scopeOf(c));
      const permissions = permissionsOf(c);
      // Sponsors are records (company names): not for the aggregates-only role, as in the area summary.
      const head = {
        area: { code: found.code, name: found.name, level: found.level },
        asOf: filter.asOf,
        within,
        counts: permissions.lists ? { ...totals, bySponsor } : totals,
      };
      if (!permissions.personalData) return c.json(head, 200);
      return c.json({ ...head, ...(await listExpiring(dbOf(c), expiring, pageOf(query), scopeOf(c))) }, 200);
    });
}
