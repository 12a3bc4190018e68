// Risk areas drawn and edited in the app (issue 22): create, change (each change keeps the area as it was
// in a version row), and the history of changes. Writes go through @pantau/data's risk-area write path
// (validated, one transaction, audited); keeping data is the job of the roles that may import
// (permissions.import). The list and one-record reads are in lists.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { createRiskArea, RiskAreaError, updateRiskArea } from '@pantau/data';
import { listRiskAreas, riskAreaVersionHistory } from '@pantau/db';
import { recordForRole, riskAreaAnswerSchema, riskAreaCreateInput, riskAreaPatchInput, riskAreaVersionsSchema, type RiskAreaAnswer } from '@pantau/domain';
import type { Context } from 'hono';
import { actorOf, dbOf, principalOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, recordIdParam } from './params.js';
import { createRouter } from './router.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = z.object({ id: recordIdParam('a numeric id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const refused = {
  403: { description: 'Your role may not edit risk areas, or the geometry lies outside your scope (forbidden).', content: json(errorBody) },
  422: {
    description:
      'The geometry or period is refused, nothing written: invalid_geometry (self-intersection and the like, with the reason PostGIS gives; ' +
      "an unclosed or too short ring), outside_indonesia (touches no province or leaves the provinces' extent), geometry_too_small (under 0.01 km²), " +
      'too_many_vertices (over 10,000), invalid_period (validTo before validFrom).',
    content: json(errorBody),
  },
};

const createRouteDef = createRoute({
  method: 'post',
  path: '/risk-areas',
  tags: ['records'],
  summary:
    'Draw a risk area (potensi kerawanan): a GeoJSON Polygon or MultiPolygon with category, name, description, source and validity; its regency and province come from the geometry',
  request: { body: { required: true, content: json(riskAreaCreateInput) } },
  responses: { 201: { description: 'The risk area, version 1.', content: json(riskAreaAnswerSchema) }, ...refused, ...errorResponses },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/risk-areas/{id}',
  tags: ['records'],
  summary:
    "Change a risk area's geometry and/or attributes; the area as it was is kept as a version first. Ending its validity by today (only validTo) retires it",
  request: { params: idParam, body: { required: true, content: json(riskAreaPatchInput) } },
  responses: {
    200: { description: 'The risk area as changed, with its new version.', content: json(riskAreaAnswerSchema) },
    404: { description: 'No risk area with this id in your scope (not_found).', content: json(errorBody) },
    ...refused,
    ...errorResponses,
  },
});
const versionsRoute = createRoute({
  method: 'get',
  path: '/risk-areas/{id}/versions',
  tags: ['records'],
  summary: 'The changes of a risk area made in the app, newest first: version, create/update/retire, who, when, and the geometry and attributes before',
  request: { params: idParam },
  responses: {
    200: { description: 'The versions.', content: json(riskAreaVersionsSchema) },
    404: { description: 'No risk area with this id in your scope (not_found).', content: json(errorBody) },
    ...errorResponses,
  },
});

const asAppError = (error: unknown): never => {
  if (error instanceof RiskAreaError) throw new AppError(error.code, error.message, error.details);
  throw error;
};

export function riskAreaRoutes(deps: AppDeps) {
  const router = createRouter();
  // Before validation, so a role that may not edit learns nothing from a 400 about the body. Reads need
  // record lists (lists.ts checks that for every /risk-areas path).
  router.use('/risk-areas', async (c, next) => {
    if (c.req.method === 'POST') requirePermission(c, (p) => p.import, 'draw or edit risk areas');
    await next();
  });
  router.use('/risk-areas/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') requirePermission(c, (p) => p.import, 'draw or edit risk areas');
    await next();
  });
  const orm = deps.database.orm;
  const context = (c: Context) => ({ scope: scopeOf(c), actor: actorOf(c), now: deps.clock.now() });
  // The answer as saved, through the role's field rules (description may name people).
  const saved = async (c: Context, id: number): Promise<RiskAreaAnswer> => {
    const page = await listRiskAreas(orm, { id, limit: 1, withGeometry: true }, scopeOf(c));
    const item = page.items[0];
    if (!item) throw new AppError('not_found', 'No such risk area.');
    return recordForRole('riskArea', item, principalOf(c).permissions);
  };

  router.openapi(createRouteDef, async (c) => {
    const id = await createRiskArea(orm, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(await saved(c, id), 201);
  });
  router.openapi(patchRoute, async (c) => {
    const id = Number(c.req.valid('param').id);
    await updateRiskArea(orm, id, c.req.valid('json'), context(c)).catch(asAppError);
    return c.json(await saved(c, id), 200);
  });
  router.openapi(versionsRoute, async (c) => {
    const history = await riskAreaVersionHistory(dbOf(c), Number(c.req.valid('param').id), scopeOf(c));
    if (!history) throw new AppError('not_found', 'No such risk area.');
    const permissions = principalOf(c).permissions;
    return c.json(
      {
        ...history,
        items: history.items.map((v) => ({ ...v, before: v.before && recordForRole('riskArea', v.before, permissions) })),
      },
      200,
    );
  });
  return router;
}
