// Immigration offices (Kantor Imigrasi) whose work area overlaps the caller's scope: the planning page's
// "office work area" choice. Each names only its regencies within the scope, with their bounding box.
import { createRoute, z } from '@hono/zod-openapi';
import { listOffices } from '@pantau/db';
import { officeListResponseSchema } from '@pantau/domain';
import { dbOf, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { errorResponses, provinceCodeParam } from './params.js';
import { createRouter } from './router.js';

const listRoute = createRoute({
  method: 'get',
  path: '/offices',
  tags: ['areas'],
  summary: 'Immigration offices whose work area overlaps your scope, with their regencies within it',
  request: { query: z.object({ province: provinceCodeParam.optional().openapi({ description: 'Only offices of this province.', example: '19' }) }) },
  responses: {
    200: { description: 'Offices by province, then name.', content: { 'application/json': { schema: officeListResponseSchema } } },
    ...errorResponses,
  },
});

export function officeRoutes(_deps: AppDeps) {
  return createRouter().openapi(listRoute, async (c) => {
    const { province } = c.req.valid('query');
    const offices = await listOffices(dbOf(c), scopeOf(c), province);
    return c.json(
      {
        items: offices.map((o) => ({
          code: o.code,
          key: o.officeKey,
          name: o.name,
          officeClass: o.officeClass,
          provinceCode: o.provinceCode,
          regencyCodes: o.regencyCodes,
          bbox: o.bbox,
        })),
      },
      200,
    );
  });
}
