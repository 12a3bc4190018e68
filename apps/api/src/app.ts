// createApp(deps): the whole HTTP surface, built from injected dependencies; no globals, no listen.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { DatabaseInUseError, GeometryReadError, WriteMismatchError } from '@pantau/db';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { AppDeps } from './deps.js';
import { AppError, type ErrorBody } from './errors.js';
import { areaProfileRoutes } from './routes/area-profile.js';
import { areaRoutes } from './routes/areas.js';
import { exportRoutes } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { listRoutes } from './routes/lists.js';
import { metaRoutes } from './routes/meta.js';
import { searchRoutes } from './routes/search.js';
import { statsRoutes } from './routes/stats.js';
import { tileRoutes } from './tiles/tile-routes.js';

export const API_PREFIX = '/api/v1';

export function createApp(deps: AppDeps) {
  const log = deps.log ?? ((line: string) => console.error(line));
  const app = new OpenAPIHono();
  app.use('*', requestId());
  // Tiles gzip themselves (their ETag names the encoding); everything else is compressed here.
  app.use('*', async (c, next) => (c.req.path.startsWith('/tiles/') ? next() : compress()(c, next)));

  const api = new OpenAPIHono()
    .route('/', healthRoutes(deps))
    .route('/', metaRoutes(deps))
    .route('/', areaRoutes(deps))
    .route('/', areaProfileRoutes(deps))
    .route('/', statsRoutes(deps))
    .route('/', listRoutes(deps))
    .route('/', searchRoutes(deps))
    .route('/', importRoutes(deps))
    .route('/', exportRoutes(deps));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pantau API', version: '1.0.0',
      description: 'Aggregates and lists for monitoring foreign nationals (Timpora). Dates are ISO YYYY-MM-DD; area codes are official dotted text (19.04). Errors: {"error":{"code","message","details"?}}.',
    },
    servers: [{ url: API_PREFIX }],
  });
  api.notFound(() => { throw new AppError('not_found', 'No such endpoint. See /api/v1/openapi.json.'); });
  app.route(API_PREFIX, api);
  app.route('/tiles', tileRoutes(deps));

  app.onError((error, c) => {
    const requestIdValue = c.get('requestId');
    const body = (code: ErrorBody['error']['code'], message: string, details?: unknown): ErrorBody =>
      ({ error: { code, message, ...(details !== undefined ? { details } : {}), ...(code === 'internal_error' ? { requestId: requestIdValue } : {}) } });
    if (error instanceof AppError) return c.json(body(error.code, error.message, error.details), error.status);
    if (error instanceof DatabaseInUseError) return c.json(body('database_in_use', error.message), 503);
    if (isConnectionError(error)) return c.json(body('database_unavailable', 'The database does not answer; try again shortly.'), 503);
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 404 ? 'not_found' : error.status === 405 ? 'method_not_allowed' : error.status === 413 ? 'payload_too_large' : 'bad_request';
      return c.json(body(code, error.message || 'Bad request'), error.status as 400);
    }
    // The real error goes to the log with the request id; the client gets neither stack nor SQL.
    const kind = error instanceof WriteMismatchError || error instanceof GeometryReadError ? error.name : 'Unhandled';
    log(`[${requestIdValue}] ${kind} on ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? error.message}`);
    return c.json(body('internal_error', `Unexpected error. Quote request id ${requestIdValue} when reporting it.`), 500);
  });

  if (deps.webDist && existsSync(resolve(deps.webDist, 'index.html'))) {
    const root = deps.webDist;
    const indexHtml = readFileSync(resolve(root, 'index.html'), 'utf8');
    app.use('/assets/*', async (c, next) => { await next(); c.header('Cache-Control', 'public, max-age=31536000, immutable'); });
    app.use('*', serveStatic({ root }));
    // Client-side routes (/?region=…, /briefing/…) all get the app shell.
    app.get('*', (c) => (c.req.path.startsWith('/api/') || c.req.path.startsWith('/tiles/') ? c.notFound() : c.html(indexHtml)));
  }
  app.notFound((c) => c.json({ error: { code: 'not_found' as const, message: `No such resource: ${c.req.path}` } }, 404));
  return app;
}

/** postgres.js and node errors when the server is down or unreachable. */
function isConnectionError(error: unknown): boolean {
  // drizzle wraps driver errors; the connection error is somewhere down the `cause` chain.
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (CONNECTION_ERROR_CODES.includes((e as { code?: string }).code ?? '')) return true;
  }
  return false;
}

const CONNECTION_ERROR_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P03'];
