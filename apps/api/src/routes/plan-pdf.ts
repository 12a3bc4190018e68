// GET /planning/plans/:id/plan.pdf — the plan as an A4 PDF: the web app's print page
// (`/?page=plan-print&plan=<id>`) printed by headless Chromium as the requesting user, so the PDF
// shows exactly what they may see. PDF paths get no scoped read transaction (the printed page's own
// API requests need the embedded database's one connection): the plan is checked in the caller's
// scope in a transaction of its own, finished before the print starts.
import { createRoute, z } from '@hono/zod-openapi';
import { findPlan, withScope } from '@pantau/db';
import { downloadFileName } from '@pantau/domain';
import { requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { pdfResponse } from '../print/pdf-response.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';

const planPdfRoute = createRoute({
  method: 'get',
  path: '/planning/plans/{id}/plan.pdf',
  tags: ['planning'],
  summary:
    "The plan as an A4 PDF: map with the numbered targets and route, target table with reasons, teams, totals, notes and weights (printed by Chromium from the web app's print page)",
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^\d{1,9}$/, 'a plan id')
        .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
    }),
    query: z.object({ lang: z.enum(['id', 'en']).optional().openapi({ description: 'Language of the page (default id).' }) }),
  },
  responses: {
    200: { description: 'The PDF, as an attachment.', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    404: { description: 'No plan with this id in your scope (plan_not_found).', content: { 'application/json': { schema: errorBody } } },
    503: {
      description: 'No Chromium on the server, or the page could not be drawn (pdf_unavailable).',
      content: { 'application/json': { schema: errorBody } },
    },
    ...errorResponses,
  },
});

export function planPdfRoutes(deps: AppDeps) {
  const router = createRouter();
  return router.openapi(planPdfRoute, async (c) => {
    requirePermission(c, (p) => p.planning.read, 'read operation plans');
    const id = Number(c.req.valid('param').id);
    const lang = c.req.valid('query').lang ?? 'id';
    const plan = await withScope(deps.database.orm, scopeOf(c), (tx) => findPlan(tx, id, scopeOf(c)));
    // The same answer for a plan outside the scope as for none at all.
    if (!plan) throw new AppError('plan_not_found', 'No plan with this id in your scope.');
    const filename = downloadFileName({ kind: `rencana-${id}`, areaName: plan.areaName, areaCode: plan.areaCode, date: plan.date, extension: 'pdf' });
    return pdfResponse(c, deps, { path: `/?page=plan-print&plan=${id}&lang=${lang}`, format: 'a4', filename }) as never;
  });
}
