import { createRoute } from '@hono/zod-openapi';
import { datasetStatus, importOrigins, scopeBbox } from '@pantau/db';
import { metaResponseSchema, todayInJakarta } from '@pantau/domain';
import { dbOf, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { createRouter } from './router.js';

const route = createRoute({
  method: 'get',
  path: '/meta',
  tags: ['system'],
  summary: 'Loaded data sets, today (WIB) and the backend',
  responses: {
    200: {
      description: 'What the app serves.',
      content: { 'application/json': { schema: metaResponseSchema } },
    },
  },
});

export function metaRoutes(deps: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    const datasets = await datasetStatus(dbOf(c), scopeOf(c));
    const [bbox, imports] = [await scopeBbox(dbOf(c), scopeOf(c)), await importOrigins(dbOf(c), scopeOf(c))];
    return c.json(
      {
        demo: datasets.some((d) => d.name === 'demo'),
        today: todayInJakarta(deps.clock.now()),
        backend: deps.database.kind,
        datasets,
        scopeBbox: bbox,
        imports,
      },
      200,
    );
  });
}
