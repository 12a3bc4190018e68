// Public reports (issue 22): one report with its text for roles allowed personal data, its status history,
// recording a report and the triage. Reads run in the request's scoped transaction; writes go through
// @pantau/data's report write path (validated, one transaction with the history row and the audit row).
// A report outside the caller's scope answers exactly like a missing one.
import { createRoute, z } from '@hono/zod-openapi';
import { changeReportStatus, recordReport, ReportError, type ReportContext } from '@pantau/data';
import { findReport, reportHistory, type Executor } from '@pantau/db';
import { recordForRole, reportDetailSchema, reportHistorySchema, reportIntakeInput, reportTriageInput, type Scope } from '@pantau/domain';
import type { Context } from 'hono';
import { callerOf, dbOf, principalOf, requireCallerPermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, isoDateParam, langParam, recordIdParam } from './params.js';
import { createRouter } from './router.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = z.object({ id: recordIdParam('a numeric id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const notFound = { 404: { description: 'No report with this id in your scope (not_found).', content: json(errorBody) } };

const getRoute = createRoute({
  method: 'get',
  path: '/reports/{id}',
  tags: ['records'],
  summary: "One public report: the text, address and reporter's contact only for roles allowed personal data",
  request: {
    params: idParam,
    // The record routes' shared parameters (the map's record panel sends them to every kind); a report has no figures of a day and no bilingual text.
    query: z.object({
      asOf: isoDateParam.optional().openapi({ description: 'Accepted like on every record route; a report has no figures of a day.' }),
      lang: langParam,
    }),
  },
  responses: { 200: { description: 'The report.', content: json(reportDetailSchema) }, ...notFound, ...errorResponses },
});
const historyRoute = createRoute({
  method: 'get',
  path: '/reports/{id}/history',
  tags: ['records'],
  summary: "A report's status changes, oldest first: who, when, why (the reason only for roles allowed personal data), the operation target that followed",
  request: { params: idParam },
  responses: { 200: { description: 'The history.', content: json(reportHistorySchema) }, ...notFound, ...errorResponses },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/reports',
  tags: ['records'],
  summary:
    'Record a report (status new): a point, or a district standing for the place; its areas found by point-in-polygon. The same externalId on the same channel answers the report recorded first (200)',
  description:
    'Open to signed-in roles that write reports and to API tokens with the capability report:create (channel systems such as APOA: `Authorization: Bearer pt_…`, rate-limited, 429 rate_limited with Retry-After). A token has no personal data: the answer leaves out the text, and a reporterContact it sends is not kept.',
  request: { body: { required: true, content: json(reportIntakeInput) } },
  responses: {
    201: { description: 'The report, created.', content: json(reportDetailSchema) },
    200: { description: 'The report recorded earlier with this externalId on this channel.', content: json(reportDetailSchema) },
    404: { description: 'No district with this code in your scope (area_not_found).', content: json(errorBody) },
    409: { description: 'The externalId names a report outside your scope (conflict).', content: json(errorBody) },
    422: { description: 'The point lies outside Indonesia (outside_indonesia) or outside your areas (outside_scope).', content: json(errorBody) },
    429: { description: "Over the API token's requests per minute; try again in Retry-After seconds (rate_limited).", content: json(errorBody) },
    ...errorResponses,
  },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/reports/{id}',
  tags: ['records'],
  summary:
    'Change a report\'s status: new → verified or dismissed, verified → acted or dismissed; a dismissal needs a reason, "acted" the operation target (targetId) that followed',
  request: { params: idParam, body: { required: true, content: json(reportTriageInput) } },
  responses: {
    200: { description: 'The report.', content: json(reportDetailSchema) },
    ...notFound,
    409: { description: 'The triage does not allow this change (invalid_transition; details: from, to, allowed).', content: json(errorBody) },
    422: {
      description:
        'A dismissal without a reason (reason_required), "acted" without a target (target_required) or with one not in your scope or checked before the report came in (target_not_found).',
      content: json(errorBody),
    },
    ...errorResponses,
  },
});

async function reportOr404(db: Executor, id: number, scope: Scope) {
  const report = await findReport(db, id, scope);
  if (!report) throw new AppError('not_found', 'No such report.');
  return report;
}

const asAppError = (error: unknown): never => {
  if (error instanceof ReportError) throw new AppError(error.code, error.message, error.details);
  throw error;
};

export function reportRoutes(deps: AppDeps) {
  const router = createRouter();
  // Before validation, so a role that may not write reports learns nothing from a 400 about the body.
  // POST /reports is also open to API tokens with report:create (channel systems, TOKEN_ROUTES).
  const writeGate = async (c: Context, next: () => Promise<void>) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') requireCallerPermission(c, (p) => p.reports.write, 'record or triage public reports');
    await next();
  };
  router.use('/reports', writeGate);
  router.use('/reports/*', writeGate);
  // A token's channel system has no personal data: the reporter's contact it sends is not kept, and it gets back no text.
  const context = (c: Context): ReportContext => {
    const caller = callerOf(c);
    return { scope: caller.scope, actor: caller.actor, personalData: caller.permissions.personalData, now: deps.clock.now() };
  };
  // Every report passes the role's field rules (@pantau/domain fields.ts): the text and the reporter are personal data.
  const forRole = (c: Context, report: Awaited<ReturnType<typeof reportOr404>>) => recordForRole('report', report, callerOf(c).permissions);
  const orm = deps.database.orm;

  router.openapi(getRoute, async (c) => c.json(forRole(c, await reportOr404(dbOf(c), Number(c.req.valid('param').id), scopeOf(c))), 200));
  router.openapi(historyRoute, async (c) => {
    const report = await reportOr404(dbOf(c), Number(c.req.valid('param').id), scopeOf(c));
    const items = (await reportHistory(dbOf(c), report.id)).map((change) => recordForRole('reportStatusChange', change, principalOf(c).permissions));
    return c.json({ reportId: report.id, status: report.status, items }, 200);
  });
  router.openapi(createRouteDef, async (c) => {
    const { id, created } = await recordReport(orm, c.req.valid('json'), context(c)).catch(asAppError);
    const report = forRole(c, await reportOr404(orm, id, scopeOf(c)));
    return created ? c.json(report, 201) : c.json(report, 200);
  });
  router.openapi(patchRoute, async (c) => {
    const id = Number(c.req.valid('param').id);
    await changeReportStatus(orm, id, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(forRole(c, await reportOr404(orm, id, scopeOf(c))), 200);
  });
  return router;
}
