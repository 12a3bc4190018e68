// GET /meta: what the app serves, for every page's header and the slides' data line.
import { z } from 'zod';
import { bboxSchema } from './common.js';

export const metaResponseSchema = z
  .object({
    demo: z.boolean().meta({ description: 'True when synthetic demo data is loaded: the UI must say so.' }),
    /** The server's "today" (YYYY-MM-DD, WIB), the default `asOf`. */
    today: z.string(),
    backend: z.enum(['pglite', 'postgres']),
    datasets: z.array(
      z.object({
        name: z.string(),
        loadedAt: z.string(),
        counts: z.record(z.string(), z.number()).meta({ description: 'Rows of the data set inside your scope (areas by level for boundaries).' }),
      }),
    ),
    scopeBbox: bboxSchema
      .nullable()
      .meta({ description: 'West, south, east, north of the areas you may see (your work area), where the map starts; null for the national scope.' }),
    imports: z
      .array(
        z.object({ origin: z.string().meta({ description: 'batch:<id>, as the rows of the import carry it.' }), fileName: z.string(), loadedAt: z.string() }),
      )
      .meta({ description: "Committed imports with rows inside your scope (newest 500): what a record's origin batch:<id> names." }),
  })
  .meta({ id: 'Meta' });
export type MetaResponse = z.infer<typeof metaResponseSchema>;
