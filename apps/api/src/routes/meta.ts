import { createRoute, z } from '@hono/zod-openapi';
import { datasetStatus } from '@pantau/db';
import { todayInJakarta } from '@pantau/domain';
import { dbOf, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { createRouter } from './router.js';

const route = createRoute({
  method: 'get', path: '/meta', tags: ['system'], summary: 'Loaded data sets, today (WIB) and the backend',
  responses: {
    200: {
      description: 'What the app serves.',
      content: { 'application/json': { schema: z.object({
        demo: z.boolean().openapi({ description: 'True when synthetic demo data is loaded: the UI must say so.' }),
        today: z.string(), backend: z.enum(['pglite', 'postgres']),
        datasets: z.array(z.object({ name: z.string(), loadedAt: z.string(),
          counts: z.record(z.string(), z.number()).openapi({ description: 'Rows of the data set inside your scope (areas by level for boundaries).' }) })),
      }) } },
    },
  },
});

export function metaRoutes(deps: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    const datasets = await datasetStatus(dbOf(c), scopeOf(c));
    return c.json({ demo: datasets.some((d) => d.name === 'demo'), today: todayInJakarta(deps.clock.now()), backend: deps.database.kind, datasets }, 200);
  });
}
