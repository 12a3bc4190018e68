// GET /exports/permits.csv and /exports/permits.xlsx: the permits of the current view, safe to open in a spreadsheet.
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { permitsCsv, permitsXlsx } from '@pantau/data';
import { NATIONAL_SCOPE, todayInJakarta } from '@pantau/domain';
import type { AppDeps } from '../deps.js';
import { areaCodeParam, errorResponses, permitFilterParams, toPermitFilter } from './params.js';
import { createRouter } from './router.js';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

const route = createRoute({
  method: 'get', path: '/exports/{file}', tags: ['exports'],
  summary: 'Permits valid on asOf (with the map\'s filters) as CSV or XLSX; cells that a spreadsheet would run as formulas are escaped; the file re-imports as is',
  request: {
    params: z.object({ file: z.enum(['permits.csv', 'permits.xlsx']).openapi({ param: { name: 'file', in: 'path' }, example: 'permits.csv' }) }),
    query: z.object({ ...permitFilterParams, area: areaCodeParam.optional().openapi({ example: '19.04' }) }),
  },
  responses: { 200: { description: 'The file.', content: { 'text/csv': { schema: z.string() }, [TYPES.xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});

export function exportRoutes(deps: AppDeps) {
  return createRouter().openapi(route, (c) => {
    const format = c.req.valid('param').file.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const query = c.req.valid('query');
    const filter = toPermitFilter(query, todayInJakarta(deps.clock.now()));
    const stream = (format === 'csv' ? permitsCsv : permitsXlsx)(deps.database.orm, filter, query.area, NATIONAL_SCOPE);
    const name = `pantau-permits-${query.area ?? 'indonesia'}-${filter.asOf}.${format}`;
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      status: 200,
      headers: { 'Content-Type': TYPES[format], 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
    }) as never;
  });
}
