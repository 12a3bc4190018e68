// Coordination meetings (Rakor Timpora, issue 22): one meeting with its decisions and follow-ups,
// create and change it, add follow-ups, change their status (kept as history), and the overdue list
// of an office or area. Reads run in the request's scoped transaction; writes go through
// @pantau/data's meeting write path (validated, one transaction, audited). A meeting, follow-up or
// venue outside the caller's scope answers exactly like a missing one.
import { createRoute, z } from '@hono/zod-openapi';
import { addFollowUp, createMeeting, MeetingError, updateFollowUp, updateMeeting, type MeetingContext } from '@pantau/data';
import { findArea, findFollowUp, findMeeting, overdueFollowUps, workAreaOf, type Executor, type TextLang } from '@pantau/db';
import {
  followUpCreateInput,
  followUpPatchInput,
  followUpSchema,
  inScope,
  meetingCreateInput,
  meetingDetailSchema,
  meetingPatchInput,
  overdueFollowUpsSchema,
  recordForRole,
  todayInJakarta,
  type MeetingDetail,
  type Scope,
} from '@pantau/domain';
import type { Context } from 'hono';
import { actorOf, dbOf, principalOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { areaCodeParam, errorResponses, isoDateParam, langParam, recordIdParam, textLangOf } from './params.js';
import { createRouter } from './router.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = (what: string) => z.object({ id: recordIdParam(`a ${what} id`).openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const notFound = (what: string) => ({ 404: { description: `No ${what} with this id in your scope (not_found).`, content: json(errorBody) } });
const venueNotFound = {
  404: {
    description: 'No meeting with this id in your scope (not_found), or the venue lies in an area outside your scope (area_not_found).',
    content: json(errorBody),
  },
};

const getRoute = createRoute({
  method: 'get',
  path: '/meetings/{id}',
  tags: ['meetings'],
  summary: 'One meeting with its decisions and follow-ups (each with its status history)',
  // asOf is accepted like on every record route (the map's panels send it); a meeting has no figures of a day.
  request: {
    params: idParam('meeting'),
    query: z.object({
      asOf: isoDateParam.optional().openapi({ description: 'Accepted like on every record route; a meeting has no figures of a day.' }),
      lang: langParam,
    }),
  },
  responses: { 200: { description: 'The meeting.', content: json(meetingDetailSchema) }, ...notFound('meeting'), ...errorResponses },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/meetings',
  tags: ['meetings'],
  summary:
    'Record a meeting: day, venue point (its district gives the regency), organising office, attending agencies, agenda, briefing presented, decisions and first follow-ups',
  request: { body: { required: true, content: json(meetingCreateInput) } },
  responses: {
    201: { description: 'The meeting as saved.', content: json(meetingDetailSchema) },
    404: { description: 'The venue lies in an area outside your scope (area_not_found).', content: json(errorBody) },
    ...errorResponses,
  },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/meetings/{id}',
  tags: ['meetings'],
  summary: 'Change a meeting: the fields given replace the saved ones; decisions replace the list by position',
  request: { params: idParam('meeting'), body: { required: true, content: json(meetingPatchInput) } },
  responses: { 200: { description: 'The meeting as saved.', content: json(meetingDetailSchema) }, ...venueNotFound, ...errorResponses },
});
const followUpCreateRoute = createRoute({
  method: 'post',
  path: '/meetings/{id}/follow-ups',
  tags: ['meetings'],
  summary: 'Add a follow-up task for a member agency (status open), due on or after the meeting',
  request: { params: idParam('meeting'), body: { required: true, content: json(followUpCreateInput) } },
  responses: { 201: { description: 'The follow-up.', content: json(followUpSchema) }, ...notFound('meeting'), ...errorResponses },
});
const followUpPatchRoute = createRoute({
  method: 'patch',
  path: '/follow-ups/{id}',
  tags: ['meetings'],
  summary:
    'Change a follow-up: a status (open, done, dropped) with an optional note goes into its history with who and when; task, owner agency and due date are replaced',
  request: { params: idParam('follow-up'), body: { required: true, content: json(followUpPatchInput) } },
  responses: { 200: { description: 'The follow-up.', content: json(followUpSchema) }, ...notFound('follow-up'), ...errorResponses },
});
const overdueRoute = createRoute({
  method: 'get',
  path: '/follow-ups/overdue',
  tags: ['meetings'],
  summary:
    "Follow-ups open at the end of asOf (by their history) and due before it, for an office's work area or an area (default: the whole scope), oldest due first",
  request: {
    query: z.object({
      office: z.string().min(1).max(200).optional().openapi({
        description: "An office's key (GET /offices): meetings in its work area.",
        example: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
      }),
      area: areaCodeParam.optional().openapi({ description: 'Meetings in this province or regency.', example: '19.04' }),
      asOf: isoDateParam.optional().openapi({ description: 'The day (default today, WIB).', example: '2024-07-01' }),
    }),
  },
  responses: {
    200: { description: 'Overdue follow-ups.', content: json(overdueFollowUpsSchema) },
    404: { description: 'No such area or office in your scope (area_not_found).', content: json(errorBody) },
    ...errorResponses,
  },
});

const asAppError = (error: unknown): never => {
  if (error instanceof MeetingError) throw new AppError(error.code, error.message, error.details);
  throw error;
};

async function meetingOr404(db: Executor, id: number, scope: Scope, lang?: TextLang): Promise<MeetingDetail> {
  const meeting = await findMeeting(db, id, scope, lang);
  if (!meeting) throw new AppError('not_found', 'No meeting with this id in your scope.');
  return meeting;
}

export function meetingRoutes(deps: AppDeps) {
  const router = createRouter();
  const context = (c: Context): MeetingContext => ({ scope: scopeOf(c), actor: actorOf(c), now: deps.clock.now() });
  // Before validation, so a role that may not write meetings learns nothing from a 400 about the body.
  // Reads need record lists ('/meetings/*' is also checked in lists.ts); writes, the planning writers'
  // permission: those who prepare and record Timpora work (docs/access-control.md).
  const guard = async (c: Context, next: () => Promise<void>) => {
    requirePermission(c, (p) => p.lists, 'read meetings and follow-ups');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') requirePermission(c, (p) => p.planning.write, 'record meetings and follow-ups');
    await next();
  };
  router.use('/meetings', guard);
  router.use('/meetings/*', guard);
  router.use('/follow-ups/*', guard);
  const orm = deps.database.orm;
  // Meeting notes and status-change notes may name people (@pantau/domain fields.ts).
  const forRole = (c: Context, meeting: MeetingDetail) => recordForRole('meeting', meeting, principalOf(c).permissions);
  const followUpForRole = async (c: Context, id: number) => {
    const followUp = await findFollowUp(orm, id, scopeOf(c));
    if (!followUp) throw new AppError('not_found', 'No follow-up with this id in your scope.');
    return recordForRole('followUp', followUp, principalOf(c).permissions);
  };

  router.openapi(getRoute, async (c) => c.json(forRole(c, await meetingOr404(dbOf(c), Number(c.req.valid('param').id), scopeOf(c), textLangOf(c))), 200));
  router.openapi(createRouteDef, async (c) => {
    const id = await createMeeting(orm, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(forRole(c, await meetingOr404(orm, id, scopeOf(c))), 201);
  });
  router.openapi(patchRoute, async (c) => {
    const id = Number(c.req.valid('param').id);
    await updateMeeting(orm, id, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(forRole(c, await meetingOr404(orm, id, scopeOf(c))), 200);
  });
  router.openapi(followUpCreateRoute, async (c) => {
    const id = await addFollowUp(orm, Number(c.req.valid('param').id), c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(await followUpForRole(c, id), 201);
  });
  router.openapi(followUpPatchRoute, async (c) => {
    const id = Number(c.req.valid('param').id);
    await updateFollowUp(orm, id, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(await followUpForRole(c, id), 200);
  });
  router.openapi(overdueRoute, async (c) => {
    const query = c.req.valid('query');
    const scope = scopeOf(c);
    const db = dbOf(c);
    if (query.office && query.area)
      throw new AppError('invalid_parameter', 'Give office or area, not both.', [{ parameter: 'office', message: 'not with area' }]);
    const asOf = query.asOf ?? todayInJakarta(deps.clock.now());
    if (query.office) {
      const workArea = await workAreaOf(db, query.office, scope);
      if (!workArea) throw new AppError('area_not_found', 'No office with this key has a work area in your scope.');
      return c.json(await overdueFollowUps(db, { asOf, regencyCodes: workArea.regencyCodes }, scope), 200);
    }
    if (query.area) {
      if (query.area.length > 5)
        throw new AppError('invalid_parameter', 'Meetings are kept per regency: give a province or regency code.', [
          { parameter: 'area', message: 'a province or regency code' },
        ]);
      if (!inScope(scope, query.area) || !(await findArea(db, query.area, scope)))
        throw new AppError('area_not_found', 'No area with this code in your scope.');
    }
    return c.json(await overdueFollowUps(db, { asOf, area: query.area }, scope), 200);
  });
  return router;
}
