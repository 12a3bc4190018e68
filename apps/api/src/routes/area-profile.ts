// The detail panel's data for one area: summary, monthly trend, monthly arrivals, two dates compared.
import { createRoute, z } from '@hono/zod-openapi';
import {
  findArea,
  holderCounts,
  lastMeeting,
  monthlyArrivals,
  monthlyTrend,
  openReports,
  permitSources,
  recentOperations,
  riskAreasIn,
  topSponsors,
} from '@pantau/db';
import {
  areaArrivalsResponseSchema,
  areaComparisonResponseSchema,
  areaSummaryForRole,
  areaSummaryResponseSchema,
  areaTrendResponseSchema,
  inScope,
  todayInJakarta,
} from '@pantau/domain';
import type { Context } from 'hono';
import { dbOf, principalOf, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { areaCodeParam, errorResponses, isoDateParam, langParam, permitFilterParams, textLangOf, toPermitFilter } from './params.js';
import { createRouter } from './router.js';

const codeParam = z.object({ code: areaCodeParam.openapi({ param: { name: 'code', in: 'path' }, example: '19.04' }) });
const notFound = { 404: { description: 'No area with this code (area_not_found).', content: { 'application/json': { schema: errorBody } } } };
const json = <S extends z.ZodType>(description: string, schema: S) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...notFound,
  ...errorResponses,
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/areas/{code}/summary',
  tags: ['areas'],
  summary:
    'Everything the detail panel shows for an area on asOf: holders by type, nationality and purpose, top sponsors, risk areas, last operations, last meeting, open reports, data sources (a role that reads no records gets area, asOf, holders, sources and openReports.count only)',
  request: {
    params: codeParam,
    query: z.object({
      ...permitFilterParams,
      from: isoDateParam.optional().openapi({ description: 'Operations and reports from this day (default: any).' }),
      to: isoDateParam.optional().openapi({ description: 'Operations and reports up to this day (default: asOf).' }),
      lang: langParam,
    }),
  },
  responses: json('The area profile.', areaSummaryResponseSchema),
});
const trendRoute = createRoute({
  method: 'get',
  path: '/areas/{code}/trend',
  tags: ['areas'],
  summary: 'Valid holders at the end of each month up to asOf',
  request: {
    params: codeParam,
    query: z.object({
      ...permitFilterParams,
      months: z
        .string()
        .regex(/^\d+$/)
        .refine((v) => Number(v) >= 1 && Number(v) <= 240, 'between 1 and 240')
        .optional()
        .openapi({ example: '60' }),
    }),
  },
  responses: json('Monthly series, oldest first.', areaTrendResponseSchema),
});
const arrivalsRoute = createRoute({
  method: 'get',
  path: '/areas/{code}/arrivals',
  tags: ['areas'],
  summary: "Arrivals (movements of kind arrival) of the area's people in each month up to asOf, in all, per entry point and per regency (counts only)",
  request: {
    params: codeParam,
    query: z.object({
      asOf: isoDateParam.optional().openapi({ description: 'The last month ends on this day (default: today, WIB).', example: '2023-06-30' }),
      months: z
        .string()
        .regex(/^\d+$/)
        .refine((v) => Number(v) >= 1 && Number(v) <= 60, 'between 1 and 60')
        .optional()
        .openapi({ example: '12', description: 'Months up to asOf (default 12).' }),
    }),
  },
  responses: json('Months oldest first; per entry point and per regency, one count per month.', areaArrivalsResponseSchema),
});
const compareRoute = createRoute({
  method: 'get',
  path: '/areas/{code}/compare',
  tags: ['areas'],
  summary: 'Holders on two dates, by type and nationality, with the change',
  request: {
    params: codeParam,
    query: z.object({
      a: isoDateParam.openapi({ example: '2023-06-13' }),
      b: isoDateParam.openapi({ example: '2024-06-13' }),
      permitType: permitFilterParams.permitType,
      nationality: permitFilterParams.nationality,
      purpose: permitFilterParams.purpose,
      sponsor: permitFilterParams.sponsor,
    }),
  },
  responses: json('Both dates and the change.', areaComparisonResponseSchema),
});

export function areaProfileRoutes(deps: AppDeps) {
  // Figures of an area above or outside the scope are never served: both answer like a nonexistent area.
  const areaOr404 = async (c: Context, code: string) => {
    const area = inScope(scopeOf(c), code) ? await findArea(dbOf(c), code, scopeOf(c)) : undefined;
    if (!area) throw new AppError('area_not_found', `No area with code ${code}.`);
    return { area, db: dbOf(c), scope: scopeOf(c) };
  };
  const today = () => todayInJakarta(deps.clock.now());
  return createRouter()
    .openapi(summaryRoute, async (c) => {
      const { code } = c.req.valid('param');
      const { area, db, scope } = await areaOr404(c, code);
      const query = c.req.valid('query');
      const filter = toPermitFilter(query, today());
      const period = { from: query.from, to: query.to ?? filter.asOf };
      const permissions = principalOf(c).permissions;
      // A role that reads no records gets the aggregates only (areaSummaryForRole); the record queries are not run for it.
      const records = permissions.lists;
      const [holders, sponsors, risks, operations, meeting, reports, sources] = await Promise.all([
        holderCounts(db, area.level, code, filter, scope),
        records ? topSponsors(db, area.level, code, filter, scope) : [],
        records ? riskAreasIn(db, code, filter.asOf, scope, textLangOf(c)) : [],
        records ? recentOperations(db, code, period, scope) : [],
        records ? lastMeeting(db, code, period, scope, textLangOf(c)) : null,
        openReports(db, code, period, scope),
        permitSources(db, area.level, code, scope),
      ]);
      return c.json(
        areaSummaryForRole(
          {
            area,
            asOf: filter.asOf,
            holders,
            topSponsors: sponsors,
            riskAreas: risks,
            lastOperations: operations,
            lastMeeting: meeting,
            openReports: reports,
            sources,
          },
          permissions,
        ),
        200,
      );
    })
    .openapi(trendRoute, async (c) => {
      const { code } = c.req.valid('param');
      const { area, db, scope } = await areaOr404(c, code);
      const query = c.req.valid('query');
      const filter = toPermitFilter(query, today());
      const months = query.months ? Number(query.months) : 60;
      return c.json({ code, asOf: filter.asOf, months: await monthlyTrend(db, area.level, code, filter, months, scope) }, 200);
    })
    .openapi(arrivalsRoute, async (c) => {
      const { code } = c.req.valid('param');
      const { area, db, scope } = await areaOr404(c, code);
      const query = c.req.valid('query');
      const asOf = query.asOf ?? today();
      return c.json({ code, asOf, ...(await monthlyArrivals(db, area.level, code, asOf, query.months ? Number(query.months) : 12, scope)) }, 200);
    })
    .openapi(compareRoute, async (c) => {
      const { code } = c.req.valid('param');
      const { area, db, scope } = await areaOr404(c, code);
      const query = c.req.valid('query');
      const [a, b] = await Promise.all([query.a, query.b].map((asOf) => holderCounts(db, area.level, code, toPermitFilter({ ...query, asOf }, asOf), scope)));
      const nationalities = [...new Set([...a!.byNationality, ...b!.byNationality].map((n) => n.code))];
      const countOf = (side: typeof a, nat: string) => side!.byNationality.find((n) => n.code === nat)?.count ?? 0;
      const change = {
        total: b!.total - a!.total,
        itas: b!.itas - a!.itas,
        itap: b!.itap - a!.itap,
        visit: b!.visit - a!.visit,
        byNationality: nationalities
          .map((nat) => ({ code: nat, a: countOf(a, nat), b: countOf(b, nat), change: countOf(b, nat) - countOf(a, nat) }))
          .sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.code.localeCompare(y.code)),
      };
      return c.json({ area: { code: area.code, name: area.name, level: area.level }, a: { date: query.a, ...a! }, b: { date: query.b, ...b! }, change }, 200);
    });
}
