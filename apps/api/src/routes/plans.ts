// Operation plans (issue 8): build a plan from planning candidates, approve it, record what the
// operation found (which becomes an operation record), and export its targets. Reads run in the
// request's scoped transaction; writes go through @pantau/data's plan write path (validated, one
// transaction, audited). A plan outside the caller's scope answers exactly like a missing one.
import { createRoute, z } from '@hono/zod-openapi';
import { createPlan, deletePlan, PlanError, recordPlanOutcome, tableFile, updatePlan, EXPORT_CONTENT_TYPES, type PlanContext } from '@pantau/data';
import { findPlan, listPlans, type Executor, type PlanRow, type TextLang } from '@pantau/db';
import {
  downloadFileName,
  hiddenFields,
  PLAN_STATUSES,
  planCreateInput,
  planListItemSchema,
  planOutcomeInput,
  planPatchInput,
  planSchema,
  recordForRole,
  type Plan,
  type Scope,
} from '@pantau/domain';
import type { Context } from 'hono';
import { actorOf, dbOf, principalOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, langParam, planningAreaParam, textLangOf } from './params.js';
import { createRouter } from './router.js';

const API_PATH_PREFIX = '/api/v1';
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, 'a plan id')
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});
const notFound = { 404: { description: 'No plan with this id in your scope (plan_not_found).', content: json(errorBody) } };
const conflict = (what: string) => ({ 409: { description: what, content: json(errorBody) } });

const listRoute = createRoute({
  method: 'get',
  path: '/planning/plans',
  tags: ['planning'],
  summary: 'Operation plans in your scope, newest day first',
  request: {
    query: z.object({
      status: z.enum(PLAN_STATUSES).optional().openapi({ description: 'draft, approved or done.' }),
      area: planningAreaParam.optional().openapi({
        description:
          "Plans of this area or inside it, and work-area plans covering a regency inside it; or office:<office key> for that office's work-area plans and the plans of areas inside its work area.",
        example: '19.04',
      }),
    }),
  },
  responses: { 200: { description: 'Plans.', content: json(z.object({ items: z.array(planListItemSchema) })) }, ...errorResponses },
});
const getRoute = createRoute({
  method: 'get',
  path: '/planning/plans/{id}',
  tags: ['planning'],
  summary: 'One plan: targets in route order with legs, totals, teams, the weights used and any recorded outcome',
  request: { params: idParam, query: z.object({ lang: langParam }) },
  responses: { 200: { description: 'The plan.', content: json(planSchema) }, ...notFound, ...errorResponses },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/planning/plans',
  tags: ['planning'],
  summary: 'Create a draft plan from candidates of an area for a day; the server scores and orders the targets (nearest neighbour + 2-opt, km by turf)',
  request: { body: { required: true, content: json(planCreateInput) } },
  responses: {
    201: { description: 'The plan.', content: json(planSchema) },
    404: { description: 'No area with this code in your scope (area_not_found).', content: json(errorBody) },
    ...errorResponses,
  },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/planning/plans/{id}',
  tags: ['planning'],
  summary: 'Change a draft (title, date, notes, teams, targets, weights, start) or its status: draft → approved (approve permission), approved → draft',
  request: { params: idParam, body: { required: true, content: json(planPatchInput) } },
  responses: {
    200: { description: 'The plan.', content: json(planSchema) },
    ...notFound,
    ...conflict('Only drafts change content; done plans do not change (plan_not_draft).'),
    ...errorResponses,
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/planning/plans/{id}',
  tags: ['planning'],
  summary: 'Delete a draft plan',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted.' }, ...notFound, ...conflict('The plan is not a draft (plan_not_draft).'), ...errorResponses },
});
const outcomeRoute = createRoute({
  method: 'post',
  path: '/planning/plans/{id}/outcome',
  tags: ['planning'],
  summary:
    'Record what the operation of an approved plan found: creates the operation (key plan:<id>, origin plan:<id>) with its targets and enforcement actions (TAK), linked to the company sites; the plan becomes done',
  request: { params: idParam, body: { required: true, content: json(planOutcomeInput) } },
  responses: {
    200: { description: 'The plan, done, with operationId.', content: json(planSchema) },
    ...notFound,
    ...conflict('The plan is not approved (plan_not_approved).'),
    ...errorResponses,
  },
});
const targetsFileRoute = (format: 'csv' | 'xlsx') =>
  createRoute({
    method: 'get',
    path: `/planning/plans/{id}/targets.${format}`,
    tags: ['planning'],
    summary: `The plan's targets as ${format.toUpperCase()}: order, name, kind, area, score, reasons, team, expected foreigners, leg km (formula-like cells escaped)`,
    request: {
      params: idParam,
      query: z.object({ lang: z.enum(['id', 'en']).optional().openapi({ description: 'Language of headers and reasons (default id).' }) }),
    },
    responses: {
      200: {
        description: 'The file, as an attachment.',
        content: { [EXPORT_CONTENT_TYPES[format]]: { schema: z.string().openapi({ format: format === 'xlsx' ? 'binary' : undefined }) } },
      },
      ...notFound,
      ...errorResponses,
    },
  });

/** The contract's plan JSON (see @pantau/domain Plan). */
export function planJson(row: PlanRow): Plan {
  const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    areaCode: row.areaCode,
    areaName: row.areaName,
    workAreaCodes: row.workAreaCodes,
    status: row.status,
    weights: row.weights,
    notes: row.notes,
    teams: row.teams,
    targets: row.targets.map((t) => ({
      id: t.id,
      order: t.order,
      candidateId: t.candidateId,
      kind: t.kind,
      name: t.name,
      location: t.location,
      areaCodes: t.areaCodes,
      score: t.score,
      factors: t.factors,
      contributions: t.contributions,
      explanation: t.explanation,
      expectedForeigners: t.expectedForeigners,
      teamKey: t.teamKey,
      notes: t.notes,
      legKm: t.legKm === null ? null : round(t.legKm, 3),
      links: {
        record:
          t.kind === 'company_site' && t.companyId !== null
            ? `${API_PATH_PREFIX}/companies/${t.companyId}`
            : `${API_PATH_PREFIX}/areas/${t.areaCodes.district ?? t.areaCodes.regency}`,
        lastOperation: t.lastOperationId === null ? null : `${API_PATH_PREFIX}/operations/${t.lastOperationId}`,
      },
      outcome: t.outcome,
    })),
    route: { totalKm: round(row.routeKm, 3), start: row.routeStart },
    // People, each counted once: a district and a site inside it share people, so this is not the targets' sum.
    totals: { targets: row.targets.length, expectedForeigners: row.expectedPeople },
    operationId: row.operationId,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
  };
}

/** `lang`: the language of targets' names (a company site's English name; saved plans keep Indonesian). */
async function planOr404(db: Executor, id: number, scope: Scope, lang?: TextLang): Promise<PlanRow> {
  const plan = await findPlan(db, id, scope, lang);
  if (!plan) throw new AppError('plan_not_found', 'No plan with this id in your scope.');
  return plan;
}

const asAppError = (error: unknown): never => {
  if (error instanceof PlanError) throw new AppError(error.code, error.message, error.details);
  throw error;
};

const TABLE_HEADERS = {
  id: ['Urutan', 'Nama', 'Jenis', 'Kecamatan', 'Kabupaten/Kota', 'Skor', 'Alasan', 'Tim', 'Perkiraan WNA', 'Jarak dari sebelumnya (km)', 'Catatan'],
  en: ['Order', 'Name', 'Kind', 'District', 'Regency', 'Score', 'Reasons', 'Team', 'Expected foreigners', 'Leg (km)', 'Notes'],
} as const;
const KIND_LABELS = {
  id: { company_site: 'Lokasi perusahaan', district: 'Kecamatan', report_cluster: 'Kumpulan laporan' },
  en: { company_site: 'Company site', district: 'District', report_cluster: 'Report cluster' },
} as const;

export function planRoutes(deps: AppDeps) {
  const router = createRouter();
  const context = (c: Context): PlanContext => {
    const principal = principalOf(c);
    return {
      scope: principal.scope,
      actor: actorOf(c),
      mayApprove: principal.permissions.planning.approve,
      officeKey: principal.user.scope.office,
      now: deps.clock.now(),
    };
  };
  // Before validation, so a role that may not write plans learns nothing from a 400 about the body. '/x/*' matches '/x' too.
  router.use('/planning/plans/*', async (c, next) => {
    requirePermission(c, (p) => p.planning.read, 'read operation plans');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') requirePermission(c, (p) => p.planning.write, 'build or change operation plans');
    await next();
  });
  const orm = deps.database.orm;
  // Every plan passes the role's field rules (@pantau/domain fields.ts): notes may name people.
  const forRole = (c: Context, row: PlanRow) => recordForRole('plan', planJson(row), principalOf(c).permissions);
  // A write answers with the plan as saved (its targets' names in Indonesian); GET /plans/{id}?lang=en reads them in English.
  const afterWrite = async (c: Context, id: number) => forRole(c, await planOr404(orm, id, scopeOf(c)));

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json({ items: await listPlans(dbOf(c), { status: query.status, area: query.area }, scopeOf(c)) }, 200);
  });
  router.openapi(getRoute, async (c) => c.json(forRole(c, await planOr404(dbOf(c), Number(c.req.valid('param').id), scopeOf(c), textLangOf(c))), 200));
  router.openapi(createRouteDef, async (c) => {
    const id = await createPlan(orm, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(await afterWrite(c, id), 201);
  });
  router.openapi(patchRoute, async (c) => {
    const id = Number(c.req.valid('param').id);
    await updatePlan(orm, id, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(await afterWrite(c, id), 200);
  });
  router.openapi(deleteRoute, async (c) => {
    await deletePlan(orm, Number(c.req.valid('param').id), context(c)).catch(asAppError);
    return c.body(null, 204);
  });
  router.openapi(outcomeRoute, async (c) => {
    const id = Number(c.req.valid('param').id);
    await recordPlanOutcome(orm, id, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(await afterWrite(c, id), 200);
  });
  for (const format of ['csv', 'xlsx'] as const) {
    router.openapi(targetsFileRoute(format), async (c) => {
      const id = Number(c.req.valid('param').id);
      const lang = c.req.valid('query').lang ?? 'id';
      const plan = await planOr404(dbOf(c), id, scopeOf(c), lang);
      const teams = new Map(plan.teams.map((t) => [t.key, t.name]));
      // The notes column is left out for a role that may not see target notes (they may name people).
      const withNotes = !hiddenFields('planTarget', principalOf(c).permissions).includes('notes');
      const rows = plan.targets.map((t) => [
        t.order,
        t.name,
        KIND_LABELS[lang][t.kind],
        t.districtName ?? t.areaCodes.district ?? '',
        t.regencyName ?? t.areaCodes.regency ?? '',
        Math.round(t.score * 1000) / 1000,
        t.explanation[lang],
        t.teamKey ? (teams.get(t.teamKey) ?? t.teamKey) : '',
        t.expectedForeigners,
        t.legKm === null ? '' : Math.round(t.legKm * 100) / 100,
        ...(withNotes ? [t.notes ?? ''] : []),
      ]);
      const headers = withNotes ? TABLE_HEADERS[lang] : TABLE_HEADERS[lang].slice(0, -1);
      const file = await tableFile(format, lang === 'id' ? 'Sasaran' : 'Targets', headers, rows);
      c.header('Content-Type', EXPORT_CONTENT_TYPES[format]);
      c.header(
        'Content-Disposition',
        `attachment; filename="${downloadFileName({ kind: `rencana-${id}-sasaran`, areaName: plan.areaName, areaCode: plan.areaCode, date: plan.date, extension: format })}"`,
      );
      c.header('Cache-Control', 'no-store');
      return c.body(new Uint8Array(file), 200) as never;
    });
  }
  return router;
}
