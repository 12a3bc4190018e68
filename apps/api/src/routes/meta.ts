import { createRoute, z } from '@hono/zod-openapi';
import { datasetStatus, importOrigins, scopeBbox } from '@pantau/db';
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
        scopeBbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable()
          .openapi({ description: 'West, south, east, north of the areas you may see (your work area), where the map starts; null for the national scope.' }),
        imports: z.array(z.object({ origin: z.string().openapi({ description: 'batch:<id>, as the rows of the import carry it.' }), fileName: z.string(), loadedAt: z.string() }))
          .openapi({ description: 'Committed imports with rows inside your scope (newest 500): what a record\'s origin batch:<id> names.' }),
      }) } },
    },
  },
});

export function metaRoutes(deps: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    const datasets = await datasetStatus(dbOf(c), scopeOf(c));
    const [bbox, imports] = [await scopeBbox(dbOf(c), scopeOf(c)), await importOrigins(dbOf(c), scopeOf(c))];
    return c.json({ demo: datasets.some((d) => d.name === 'demo'), today: todayInJakarta(deps.clock.now()), backend: deps.database.kind, datasets, scopeBbox: bbox, imports }, 200);
  });
}
