import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { createRouter } from './router.js';

const PING_TIMEOUT_MS = 3000;

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Service and database status',
  responses: {
    200: {
      description: 'The database answers.',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), database: z.object({ status: z.literal('ok'), backend: z.enum(['pglite', 'postgres']) }) }),
        },
      },
    },
    503: {
      description: 'The database does not answer (code database_unavailable); recovers by itself when it does.',
      content: { 'application/json': { schema: errorBody } },
    },
  },
});

export function healthRoutes(deps: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    try {
      await withTimeout(deps.database.ping(), PING_TIMEOUT_MS);
    } catch {
      throw new AppError('database_unavailable', `The ${deps.database.kind === 'postgres' ? 'PostgreSQL server' : 'embedded database'} does not answer.`);
    }
    return c.json({ status: 'ok' as const, database: { status: 'ok' as const, backend: deps.database.kind } }, 200);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
