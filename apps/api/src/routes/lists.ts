// Paginated lists: companies, operations, risk areas, entry points, meetings, reports. One meeting
// (with its decisions and follow-ups) is served by routes/meetings.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { listCompanies, listEntryPoints, listMeetings, listOperations, listReports, listRiskAreas } from '@pantau/db';
import {
  COMPANY_SECTORS,
  companyAnswerSchema,
  companyPageSchema,
  ENTRY_POINT_KINDS,
  entryPointAnswerSchema,
  entryPointPageSchema,
  meetingPageSchema,
  operationAnswerSchema,
  operationPageSchema,
  pageForRole,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  REPORT_STATUSES,
  reportPageSchema,
  RISK_CATEGORIES,
  riskAreaAnswerSchema,
  riskAreaPageSchema,
  todayInJakarta,
} from '@pantau/domain';
import { dbOf, principalOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { csvList, errorResponses, isoDateParam, langParam, listParams, recordIdParam, textLangOf, toListFilter } from './params.js';
import { createRouter } from './router.js';

const csvOf = (values: readonly string[], example: string) =>
  z
    .string()
    .refine((s) => s.split(',').every((v) => values.includes(v.trim())), `comma-separated values among ${values.join(', ')}`)
    .optional()
    .openapi({ example });

const pageOf = <S extends z.ZodType>(schema: S, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});

const listRoute = <S extends z.ZodType>(path: string, summary: string, query: z.ZodObject, page: S) =>
  createRoute({
    method: 'get',
    path,
    tags: ['lists'],
    summary,
    request: { query },
    responses: pageOf(page, summary),
  });

// The record shapes live in @pantau/domain (api/records.ts): the web app reads the same types.
const companiesRoute = listRoute(
  '/companies',
  'Sponsor companies with their sites in the area or bbox',
  z.object({
    ...listParams,
    asOf: isoDateParam.optional().openapi({ description: 'Day for activePermits (default today).' }),
    sector: csvOf(COMPANY_SECTORS, 'mining_smelting'),
  }),
  companyPageSchema,
);
const operationsRoute = listRoute(
  '/operations',
  'Joint operations with their targets and enforcement actions (TAK)',
  z.object(listParams),
  operationPageSchema,
);
const riskRoute = listRoute(
  '/risk-areas',
  'Risk areas (potensi kerawanan)',
  z.object({
    ...listParams,
    category: csvOf(RISK_CATEGORIES, 'illegal_work'),
    geometry: z.enum(['true', 'false']).optional().openapi({ description: 'Include GeoJSON geometry.' }),
  }),
  riskAreaPageSchema,
);
const entryRoute = listRoute(
  '/entry-points',
  'Immigration checkpoints (TPI)',
  z.object({ ...listParams, kind: csvOf(ENTRY_POINT_KINDS, 'seaport') }),
  entryPointPageSchema,
);
const meetingsRoute = listRoute('/meetings', 'Coordination meetings (Rakor Timpora)', z.object(listParams), meetingPageSchema);
const reportsRoute = listRoute(
  '/reports',
  'Public reports (APOA, WhatsApp, phone, walk-in, letter); never the text or the reporter. The triage queue: status=new&sort=received',
  z.object({
    ...listParams,
    status: csvOf(REPORT_STATUSES, 'new'),
    category: csvOf(REPORT_CATEGORIES, 'illegal_work'),
    channel: csvOf(REPORT_CHANNELS, 'apoa'),
    sort: z
      .enum(['id', 'received'])
      .optional()
      .openapi({ description: 'id (default) or received: oldest received first (the triage queue).', example: 'received' }),
  }),
  reportPageSchema,
);

const recordRoute = <S extends z.ZodType>(path: string, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path: `${path}/{id}`,
    tags: ['records'],
    summary,
    request: {
      params: z.object({ id: recordIdParam('a numeric id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }) }),
      query: z.object({
        asOf: isoDateParam.optional().openapi({ description: "Day for counts such as a company's active permits (default today)." }),
        lang: langParam,
      }),
    },
    responses: {
      200: { description: summary, content: { 'application/json': { schema } } },
      404: { description: 'No such record (not_found).', content: { 'application/json': { schema: errorBody } } },
      ...errorResponses,
    },
  });

const LIST_PATHS = ['/companies', '/operations', '/risk-areas', '/entry-points', '/meetings', '/reports'];

export function listRoutes(deps: AppDeps) {
  const router = createRouter();
  // Records are not for the aggregates-only briefing role. Reads only: each write has its own guard (meetings,
  // risk areas, reports), and POST /reports is also open to API tokens, which read no lists.
  for (const path of LIST_PATHS.flatMap((p) => [p, `${p}/*`])) {
    router.use(path, async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') requirePermission(c, (p) => p.lists, 'read record lists');
      await next();
    });
  }
  return router
    .openapi(companiesRoute, async (c) => {
      const q = c.req.valid('query') as Record<string, string | undefined>;
      return c.json(
        await listCompanies(
          dbOf(c),
          { ...toListFilter(q), lang: textLangOf(c), asOf: q.asOf ?? todayInJakarta(deps.clock.now()), sector: csvList(q.sector) },
          scopeOf(c),
        ),
        200,
      );
    })
    .openapi(operationsRoute, async (c) =>
      c.json(
        pageForRole('operation', await listOperations(dbOf(c), { ...toListFilter(c.req.valid('query')), lang: textLangOf(c) }, scopeOf(c)), permissionsOf(c)),
        200,
      ),
    )
    .openapi(riskRoute, async (c) => {
      const q = c.req.valid('query') as Record<string, string | undefined>;
      return c.json(
        pageForRole(
          'riskArea',
          await listRiskAreas(
            dbOf(c),
            { ...toListFilter(q), lang: textLangOf(c), category: csvList(q.category), withGeometry: q.geometry === 'true' },
            scopeOf(c),
          ),
          permissionsOf(c),
        ),
        200,
      );
    })
    .openapi(entryRoute, async (c) => {
      const q = c.req.valid('query') as Record<string, string | undefined>;
      return c.json(await listEntryPoints(dbOf(c), { ...toListFilter(q), lang: textLangOf(c), kind: csvList(q.kind) }, scopeOf(c)), 200);
    })
    .openapi(meetingsRoute, async (c) =>
      c.json(
        pageForRole('meeting', await listMeetings(dbOf(c), { ...toListFilter(c.req.valid('query')), lang: textLangOf(c) }, scopeOf(c)), permissionsOf(c)),
        200,
      ),
    )
    .openapi(reportsRoute, async (c) => {
      const q = c.req.valid('query') as Record<string, string | undefined>;
      return c.json(
        pageForRole(
          'report',
          await listReports(
            dbOf(c),
            {
              ...toListFilter(q),
              lang: textLangOf(c),
              status: csvList(q.status),
              category: csvList(q.category),
              channel: csvList(q.channel),
              sort: q.sort === 'received' ? 'received' : 'id',
            },
            scopeOf(c),
          ),
          permissionsOf(c),
        ),
        200,
      );
    })
    .openapi(recordRoute('/companies', 'One company with its sites', companyAnswerSchema), async (c) =>
      c.json(
        one(
          'company',
          await listCompanies(
            dbOf(c),
            { ...byId(c.req.valid('param').id), lang: textLangOf(c), asOf: c.req.valid('query').asOf ?? todayInJakarta(deps.clock.now()) },
            scopeOf(c),
          ),
        ),
        200,
      ),
    )
    .openapi(recordRoute('/operations', 'One operation with its targets and actions', operationAnswerSchema), async (c) =>
      c.json(
        one(
          'operation',
          pageForRole('operation', await listOperations(dbOf(c), { ...byId(c.req.valid('param').id), lang: textLangOf(c) }, scopeOf(c)), permissionsOf(c)),
        ),
        200,
      ),
    )
    .openapi(recordRoute('/risk-areas', 'One risk area with its geometry', riskAreaAnswerSchema), async (c) =>
      c.json(
        one(
          'risk area',
          pageForRole(
            'riskArea',
            await listRiskAreas(dbOf(c), { ...byId(c.req.valid('param').id), lang: textLangOf(c), withGeometry: true }, scopeOf(c)),
            permissionsOf(c),
          ),
        ),
        200,
      ),
    )
    .openapi(recordRoute('/entry-points', 'One entry point', entryPointAnswerSchema), async (c) =>
      c.json(one('entry point', await listEntryPoints(dbOf(c), { ...byId(c.req.valid('param').id), lang: textLangOf(c) }, scopeOf(c))), 200),
    );
  // One report, its history and its triage: routes/reports.ts.
}

/** Every record passes the role's field rules (@pantau/domain fields.ts) before it is sent. */
const permissionsOf = (c: Context) => principalOf(c).permissions;

const byId = (id: string) => ({ id: Number(id), limit: 1 });

function one<T>(what: string, page: { items: T[] }): T {
  const item = page.items[0];
  if (!item) throw new AppError('not_found', `No such ${what}.`);
  return item;
}
