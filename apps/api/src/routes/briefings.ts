// Briefings for coordination meetings: listed and read by everyone whose scope covers the
// briefing's area (row-level security, migration 0007), built and changed by their owner only.
// The aggregates-only role (viewer) reads and presents; it does not build. What a slide shows
// follows the audience rules of @pantau/domain (a mixed-agency audience never sees personal data).
import { createRoute, z } from '@hono/zod-openapi';
import { writeAudit } from '@pantau/data';
import { deleteBriefing, findArea, getBriefing, insertBriefing, listBriefings, updateBriefing, withScope, type Executor } from '@pantau/db';
import {
  briefingContentSchema,
  briefingForAudience,
  briefingListItemSchema,
  briefingSchema,
  downloadFileName,
  inScope,
  type BriefingContent,
  type Scope,
} from '@pantau/domain';
import type { Context } from 'hono';
import { actorOf, dbOf, principalOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { pdfResponse } from '../print/pdf-response.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
// The request body stays loose here: parseContent names each wrong field itself. Answers are @pantau/domain's briefingSchema.
const briefingBody = z.record(z.string(), z.unknown()).openapi({
  description:
    'A briefing: title, date (YYYY-MM-DD), venue, audience (internal | mixed_agency), lang (id | en), areaCode (province or regency code, null = national) and slides (id, title, note, view, panels). See @pantau/domain briefingContentSchema.',
});
const idParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, 'a briefing id')
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});
const notFound = { 404: { description: 'No briefing with this id in your scope.', content: json(errorBody) } };

const listRoute = createRoute({
  method: 'get',
  path: '/briefings',
  tags: ['briefings'],
  summary: 'Briefings whose area your scope covers, newest change first',
  responses: {
    200: { description: 'Briefings without their slides.', content: json(z.object({ items: z.array(briefingListItemSchema) })) },
    ...errorResponses,
  },
});
const createBriefingRoute = createRoute({
  method: 'post',
  path: '/briefings',
  tags: ['briefings'],
  summary: 'Create a briefing (not for the viewer role); you become its owner',
  request: { body: { required: true, content: json(briefingBody) } },
  responses: { 201: { description: 'Created.', content: json(z.object({ briefing: briefingSchema })) }, ...errorResponses },
});
const getRoute = createRoute({
  method: 'get',
  path: '/briefings/{id}',
  tags: ['briefings'],
  summary: 'One briefing, its slides as your role and its audience may show them, and whether you may edit it',
  request: { params: idParam },
  responses: {
    200: { description: 'The briefing.', content: json(z.object({ briefing: briefingSchema, canEdit: z.boolean() })) },
    ...notFound,
    ...errorResponses,
  },
});
const updateRoute = createRoute({
  method: 'put',
  path: '/briefings/{id}',
  tags: ['briefings'],
  summary: "Replace a briefing's content (owner only)",
  request: { params: idParam, body: { required: true, content: json(briefingBody) } },
  responses: { 200: { description: 'Saved.', content: json(z.object({ briefing: briefingSchema })) }, ...notFound, ...errorResponses },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/briefings/{id}',
  tags: ['briefings'],
  summary: 'Delete a briefing (owner only)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted.' }, ...notFound, ...errorResponses },
});

const pdfRoute = createRoute({
  method: 'get',
  path: '/briefings/{id}/briefing.pdf',
  tags: ['briefings'],
  summary: 'The briefing as a PDF, one 16:9 page per slide, printed by headless Chromium as you (503 pdf_unavailable without Chromium)',
  request: { params: idParam },
  responses: {
    200: { description: 'The PDF.', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    503: { description: 'No PDF renderer on this server (pdf_unavailable).', content: json(errorBody) },
    ...notFound,
    ...errorResponses,
  },
});

/** The body as a briefing, or a 400 naming each field (`slides.0.view.asOf`). */
function parseContent(body: unknown): BriefingContent {
  const result = briefingContentSchema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ parameter: issue.path.join('.') || 'body', message: issue.message }));
    throw new AppError('invalid_parameter', `Invalid briefing: ${issues.map((i) => `${i.parameter}: ${i.message}`).join('; ')}`, issues);
  }
  // Stored as it will be shown: a mixed-agency briefing keeps no personal-data panel field at all.
  return result.data.audience === 'mixed_agency' ? briefingForAudience(result.data, { personalData: false, lists: true }) : result.data;
}

/** The area must be a province or regency inside the author's scope. */
async function checkArea(tx: Executor, content: BriefingContent, scope: Scope): Promise<void> {
  const code = content.areaCode;
  if (code === null) {
    if (scope !== null)
      throw new AppError('invalid_parameter', 'areaCode: a national briefing needs a national scope; choose a province or regency of your area.', [
        { parameter: 'areaCode', message: 'national' },
      ]);
    return;
  }
  const area = inScope(scope, code) ? await findArea(tx, code, scope) : null;
  if (!area || area.level === 'district') {
    throw new AppError('invalid_parameter', `areaCode: no province or regency ${code} in your scope.`, [
      { parameter: 'areaCode', message: 'not a province or regency in your scope' },
    ]);
  }
}

const builder = (c: Context) => requirePermission(c, (p) => p.lists, 'build or change briefings');

export function briefingRoutes(deps: AppDeps) {
  const orm = deps.database.orm;
  return createRouter()
    .openapi(listRoute, async (c) => {
      const userId = principalOf(c).user.id;
      const items = await listBriefings(dbOf(c));
      return c.json({ items: items.map((item) => ({ ...item, canEdit: item.ownerId === userId })) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const principal = principalOf(c);
      const briefing = await getBriefing(dbOf(c), Number(c.req.valid('param').id));
      if (!briefing) throw new AppError('not_found', 'No such briefing.');
      return c.json(
        { briefing: briefingForAudience(briefing, principal.permissions), canEdit: briefing.ownerId === principal.user.id && principal.permissions.lists },
        200,
      );
    })
    .openapi(pdfRoute, async (c) => {
      const id = Number(c.req.valid('param').id);
      // PDF routes hold no read transaction (the printed page's requests need the connection): a short one here.
      const found = await withScope(orm, scopeOf(c), async (tx) => {
        const briefing = await getBriefing(tx, id);
        // The file is named after the briefing's whole area (never a cut title: "Bangka Tengah" once became "Bangka").
        const area = briefing?.areaCode ? await findArea(tx, briefing.areaCode, scopeOf(c)) : null;
        return briefing ? { briefing, areaName: area?.name ?? null } : null;
      });
      if (!found) throw new AppError('not_found', 'No such briefing.');
      const { briefing, areaName } = found;
      const filename = downloadFileName({ areaName, areaCode: briefing.areaCode, date: briefing.date, extension: 'pdf' });
      return pdfResponse(c, deps, { path: `/?page=briefing-print&briefing=${id}&lang=${briefing.lang}`, format: 'slide', filename }) as never;
    })
    .openapi(createBriefingRoute, async (c) => {
      const principal = builder(c);
      const content = parseContent(c.req.valid('json'));
      const now = deps.clock.now();
      const briefing = await withScope(orm, scopeOf(c), async (tx) => {
        await checkArea(tx, content, scopeOf(c));
        const created = await insertBriefing(tx, { id: principal.user.id, email: principal.user.email }, content, now);
        await writeAudit(
          tx,
          {
            ...actorOf(c),
            action: 'briefing.create',
            areaCode: content.areaCode,
            target: `briefing:${created.id}`,
            details: { title: content.title, slides: content.slides.length },
          },
          now,
        );
        return created;
      });
      return c.json({ briefing }, 201);
    })
    .openapi(updateRoute, async (c) => {
      const principal = builder(c);
      const id = Number(c.req.valid('param').id);
      const content = parseContent(c.req.valid('json'));
      const now = deps.clock.now();
      const briefing = await withScope(orm, scopeOf(c), async (tx) => {
        const existing = await getBriefing(tx, id);
        if (!existing) throw new AppError('not_found', 'No such briefing.');
        if (existing.ownerId !== principal.user.id)
          throw new AppError('forbidden', `Only the owner (${existing.ownerEmail}) may change this briefing; duplicate it to make your own.`);
        await checkArea(tx, content, scopeOf(c));
        const saved = await updateBriefing(tx, id, principal.user.id, content, now);
        if (!saved) throw new AppError('not_found', 'No such briefing.');
        await writeAudit(
          tx,
          {
            ...actorOf(c),
            action: 'briefing.update',
            areaCode: content.areaCode,
            target: `briefing:${id}`,
            details: { title: content.title, slides: content.slides.length },
          },
          now,
        );
        return saved;
      });
      return c.json({ briefing }, 200);
    })
    .openapi(deleteRoute, async (c) => {
      const principal = builder(c);
      const id = Number(c.req.valid('param').id);
      const now = deps.clock.now();
      await withScope(orm, scopeOf(c), async (tx) => {
        const existing = await getBriefing(tx, id);
        if (!existing) throw new AppError('not_found', 'No such briefing.');
        if (existing.ownerId !== principal.user.id) throw new AppError('forbidden', `Only the owner (${existing.ownerEmail}) may delete this briefing.`);
        await deleteBriefing(tx, id, principal.user.id);
        await writeAudit(
          tx,
          { ...actorOf(c), action: 'briefing.delete', areaCode: existing.areaCode, target: `briefing:${id}`, details: { title: existing.title } },
          now,
        );
      });
      return c.body(null, 204);
    });
}
