// The people register (issue 20): person search and a person's record for roles allowed personal data,
// and a sponsor's workers counted as people (names only for those roles). Scoped like every query; the
// reads are audited (auth/audit-reads.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { companyWorkers, personRecord, searchPeople } from '@pantau/db';
import { companyWorkersResponseSchema, personRecordResponseSchema, personSearchResponseSchema, todayInJakarta } from '@pantau/domain';
import type { Context } from 'hono';
import { dbOf, principalOf, requirePermission, scopeOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses, isoDateParam, recordIdParam, wholeNumberParam } from './params.js';
import { createRouter } from './router.js';

const idParams = (what: string) => z.object({ id: recordIdParam(what).openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const notFound = {
  404: {
    description: 'No such record in your scope (not_found): the same answer as a record that does not exist.',
    content: { 'application/json': { schema: errorBody } },
  },
};

const searchRoute = createRoute({
  method: 'get',
  path: '/people',
  tags: ['people'],
  summary: 'People by name (accent-, case- and spacing-insensitive), passport number (current or earlier) or permit number; personal-data roles only',
  request: {
    query: z.object({
      q: z.string().trim().min(2, 'at least 2 characters').max(100).openapi({ example: 'muller' }),
      limit: wholeNumberParam(1, 50).optional().openapi({ description: 'At most this many people (default 20).', example: '20' }),
    }),
  },
  responses: {
    200: {
      description: 'People in your scope, exact number matches first, then names equal to, starting with and containing the text.',
      content: {
        'application/json': {
          schema: personSearchResponseSchema,
        },
      },
    },
    ...errorResponses,
  },
});

const personRoute = createRoute({
  method: 'get',
  path: '/people/{id}',
  tags: ['people'],
  summary: 'One person with passports (earlier numbers too), applications, permits, arrivals and departures, lodgings and checks',
  request: { params: idParams('a person id') },
  responses: {
    200: {
      description: 'The person; each part limited to your scope (entry points outside it have no name).',
      content: {
        'application/json': {
          schema: personRecordResponseSchema,
        },
      },
    },
    ...notFound,
    ...errorResponses,
  },
});

const workersRoute = createRoute({
  method: 'get',
  path: '/companies/{id}/workers',
  tags: ['people'],
  summary: "A sponsor's sites, its workers on a day counted as people by permit status, and the checks at its sites or of its workers",
  request: {
    params: idParams('a company id'),
    query: z.object({ asOf: isoDateParam.optional().openapi({ description: 'The day (default today, WIB).' }) }),
  },
  responses: {
    200: {
      description: "Counts for every role that reads records; `workers` (names) and each check's `findings` only for roles allowed personal data.",
      content: {
        'application/json': {
          schema: companyWorkersResponseSchema,
        },
      },
    },
    ...notFound,
    ...errorResponses,
  },
});

const requirePersonalData = (c: Context) => requirePermission(c, (p) => p.personalData, 'read personal data (the people register)');

export function peopleRoutes(deps: AppDeps) {
  return (
    createRouter()
      .openapi(searchRoute, async (c) => {
        requirePersonalData(c);
        const { q, limit } = c.req.valid('query');
        return c.json({ items: await searchPeople(dbOf(c), q, limit ? Number(limit) : 20, scopeOf(c)) }, 200);
      })
      .openapi(personRoute, async (c) => {
        requirePersonalData(c);
        const person = await personRecord(dbOf(c), Number(c.req.valid('param').id), scopeOf(c));
        if (!person) throw new AppError('not_found', 'No such person.');
        return c.json(person, 200);
      })
      // Record lists (`/companies/*`) already refuse the aggregates-only role (routes/lists.ts).
      .openapi(workersRoute, async (c) => {
        const asOf = c.req.valid('query').asOf ?? todayInJakarta(deps.clock.now());
        const page = await companyWorkers(dbOf(c), Number(c.req.valid('param').id), asOf, scopeOf(c));
        if (!page) throw new AppError('not_found', 'No such company.');
        if (principalOf(c).permissions.personalData) return c.json(page, 200);
        const { workers: _names, checks, ...counts } = page;
        return c.json({ ...counts, checks: checks.map(({ findings: _findings, ...check }) => check) }, 200);
      })
  );
}
