import { createRoute, z } from '@hono/zod-openapi';
import { findArea, permitCountsByArea } from '@pantau/db';
import { AREA_LEVELS, AREA_LEVELS as LEVELS, inScope, levelOfCode, permitStatsResponseSchema, todayInJakarta } from '@pantau/domain';
import { dbOf, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { areaCodeParam, errorResponses, permitFilterParams, toPermitFilter } from './params.js';
import { createRouter } from './router.js';

const route = createRoute({
  method: 'get',
  path: '/stats/permits',
  tags: ['aggregates'],
  summary: 'Valid permit holders per area on a day',
  description:
    'A permit counts on day D when issued_on ≤ D < expires_on and it was not cancelled on or before D. Every area of the level (under `parent`) is listed, zeros included.',
  request: {
    query: z.object({
      level: z.enum(AREA_LEVELS).openapi({ example: 'regency' }),
      parent: areaCodeParam.optional().openapi({ description: 'Only areas inside this one (must be above `level`).', example: '19' }),
      ...permitFilterParams,
    }),
  },
  responses: {
    200: {
      description: 'Counts per area.',
      content: { 'application/json': { schema: permitStatsResponseSchema } },
    },
    404: { description: 'Unknown parent area.', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});

export function statsRoutes(deps: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    const query = c.req.valid('query');
    if (query.parent) {
      if (LEVELS.indexOf(levelOfCode(query.parent)) >= LEVELS.indexOf(query.level)) {
        throw new AppError(
          'invalid_parameter',
          `Invalid parameter: parent. ${query.parent} is a ${levelOfCode(query.parent)}; it has no ${query.level} areas inside.`,
          [{ parameter: 'parent', message: 'must be above level' }],
        );
      }
      // Figures above the caller's scope are never served: out of scope answers like nonexistent.
      if (!inScope(scopeOf(c), query.parent) || !(await findArea(dbOf(c), query.parent, scopeOf(c))))
        throw new AppError('area_not_found', `No area with code ${query.parent}.`);
    }
    const filter = toPermitFilter(query, todayInJakarta(deps.clock.now()));
    const areas = await permitCountsByArea(dbOf(c), { level: query.level, parent: query.parent, filter }, scopeOf(c));
    return c.json({ asOf: filter.asOf, level: query.level, parent: query.parent ?? null, areas }, 200);
  });
}
