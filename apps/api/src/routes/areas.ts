import { createRoute, z } from '@hono/zod-openapi';
import { areaGeometries, findArea, listAreas } from '@pantau/db';
import { AREA_LEVELS, areaDetailSchema, areaListResponseSchema } from '@pantau/domain';
import { dbOf, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { areaCodeParam, errorResponses } from './params.js';
import { createRouter } from './router.js';

const levelQuery = z.object({
  level: z.enum(AREA_LEVELS).openapi({ example: 'regency' }),
  parent: areaCodeParam.optional().openapi({ description: 'Only children of this area.', example: '19' }),
});

const detailRoute = createRoute({
  method: 'get',
  path: '/areas/{code}',
  tags: ['areas'],
  summary: 'One area: name, level, parent chain, bbox, centroid',
  request: { params: z.object({ code: areaCodeParam.openapi({ param: { name: 'code', in: 'path' }, example: '19.04' }) }) },
  responses: {
    200: { description: 'The area.', content: { 'application/json': { schema: areaDetailSchema } } },
    404: { description: 'No area with this code (area_not_found).', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/areas',
  tags: ['areas'],
  summary: 'Areas of a level, optionally children of a parent (no geometry)',
  request: { query: levelQuery },
  responses: { 200: { description: 'Areas in code order.', content: { 'application/json': { schema: areaListResponseSchema } } }, ...errorResponses },
});

const geometryRoute = createRoute({
  method: 'get',
  path: '/areas/geometry',
  tags: ['areas'],
  summary: 'Simplified area polygons as GeoJSON (overview map; tiles serve detail)',
  request: { query: levelQuery },
  responses: {
    200: {
      description: 'GeoJSON FeatureCollection; feature id = area code.',
      content: { 'application/geo+json': { schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }) } },
    },
    ...errorResponses,
  },
});

export function areaRoutes(_deps: AppDeps) {
  return createRouter()
    .openapi(geometryRoute, async (c) => {
      const { level, parent } = c.req.valid('query');
      const collection = await areaGeometries(dbOf(c), { level, parent }, scopeOf(c));
      c.header('Cache-Control', 'private, max-age=3600');
      return c.json(collection, 200, { 'Content-Type': 'application/geo+json' });
    })
    .openapi(listRoute, async (c) => {
      const { level, parent } = c.req.valid('query');
      return c.json({ items: await listAreas(dbOf(c), { level, parent }, scopeOf(c)) }, 200);
    })
    .openapi(detailRoute, async (c) => {
      const { code } = c.req.valid('param');
      const area = await findArea(dbOf(c), code, scopeOf(c));
      if (!area) throw new AppError('area_not_found', `No area with code ${code}.`);
      return c.json(area, 200);
    });
}
