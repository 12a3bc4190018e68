// createApp(deps): the whole HTTP surface, built from injected dependencies; no globals, no listen.
import { languageDetector } from 'hono/language';
import { errorLogText } from './error-log.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { PasswordHashError } from '@pantau/data';
import { createLiveness, DatabaseBusyError, DatabaseInUseError, GeometryReadError, isStatementTimeout, WriteMismatchError } from '@pantau/db';
import { compress } from 'hono/compress';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { ownOrigin, readYourWrites, scopedReads, sessionMiddleware, writeGuard } from './auth/access.js';
import { auditReads, OGC_AUDITED } from './auth/audit-reads.js';
import { sessionCache } from './auth/session-cache.js';
import { tokenRateLimiter } from './auth/token-rate-limit.js';
import { requirePermission } from './auth/request-context.js';
import { CONTENT_SECURITY_POLICY, DEFAULT_TOKEN_RATE_LIMIT, EXPORT_KINDS } from '@pantau/domain';
import type { AppDeps } from './deps.js';
import { appLogger, requestLog } from './logger.js';
import { AppError, type ErrorBody } from './errors.js';
import { areaProfileRoutes } from './routes/area-profile.js';
import { authRoutes } from './routes/auth.js';
import { briefingRoutes } from './routes/briefings.js';
import { userRoutes } from './routes/users.js';
import { adminTokenRoutes } from './routes/admin-tokens.js';
import { areaRoutes } from './routes/areas.js';
import { exportRoutes } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { listRoutes } from './routes/lists.js';
import { meetingRoutes } from './routes/meetings.js';
import { metaRoutes } from './routes/meta.js';
import { overstayRoutes } from './routes/overstays.js';
import { officeRoutes } from './routes/offices.js';
import { planningRoutes } from './routes/planning.js';
import { planRoutes } from './routes/plans.js';
import { riskAreaRoutes } from './routes/risk-areas.js';
import { planningMapRoutes } from './routes/planning-maps.js';
import { planningSkillRoutes } from './routes/planning-skill.js';
import { planPdfRoutes } from './routes/plan-pdf.js';
import { reportRoutes } from './routes/reports.js';
import { peopleRoutes } from './routes/people.js';
import { searchRoutes } from './routes/search.js';
import { statsRoutes } from './routes/stats.js';
import { tileRoutes } from './tiles/tile-routes.js';
import { ogcRoutes } from './ogc/ogc-routes.js';
import { PdfUnavailableError } from './print/pdf-renderer.js';
import { onlyDeclaredParameters } from './routes/query-guard.js';
import { responseCache } from './response-cache.js';
import { DEFAULT_API_CACHE_MB } from './config.js';

export const API_PREFIX = '/api/v1';

/**
 * Browser features the app never uses are off, for its pages and anything embedded in them (the web
 * app uses no location: areas are chosen on the map). Fullscreen stays for the app itself: the
 * briefing's present mode uses it; so does clipboard writing (share links, generated passwords).
 */
const PERMISSIONS_POLICY = {
  camera: [],
  microphone: [],
  geolocation: [],
  payment: [],
  usb: [],
  serial: [],
  bluetooth: [],
  hid: [],
  midi: [],
  magnetometer: [],
  gyroscope: [],
  accelerometer: [],
  displayCapture: [],
  fullscreen: ['self'],
  clipboardWrite: ['self'],
};

export function createApp(appDeps: AppDeps) {
  const logger = appLogger(appDeps.log, appDeps.config.logLevel);
  // Routes log failures they cannot answer with (an export aborted, an import job failing) as text lines.
  const log = (line: string) => logger.error({}, line);
  const deps: AppDeps = { ...appDeps, log };
  const app = new OpenAPIHono();
  app.use('*', requestId());
  app.use('*', requestLog(logger));
  // A PostgreSQL server behind a silent link (blocked port, dead relay) answers 503 within seconds
  // instead of leaving requests waiting for TCP to give up; see liveness.ts. Not for PGlite: in-process.
  const probe = deps.database.probe;
  if (probe) {
    const liveness = createLiveness({ probe, ...LIVENESS, log: (line) => logger.warn({}, line) });
    for (const path of ['/api/*', '/tiles/*', '/ogc/*']) app.use(path, (c, next) => liveness.guard(next));
  }
  app.use(
    '*',
    secureHeaders({
      // The web app's policy (@pantau/domain http/csp), with frame-ancestors, which only a header carries.
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      // HSTS only means something over HTTPS; there it is set below for two years.
      strictTransportSecurity: false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: PERMISSIONS_POLICY,
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    if (ownOrigin(c, deps.config.trustProxy).startsWith('https:')) c.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  });
  // Uploads have their own limit (imports, report photos), enforced while they stream; every other body is a small JSON document.
  const ownLimit = (path: string) => path.startsWith('/api/v1/imports') || /^\/api\/v1\/reports\/[^/]+\/attachments$/.test(path);
  app.use('/api/*', async (c, next) =>
    ownLimit(c.req.path)
      ? next()
      : bodyLimit({
          maxSize: 1024 * 1024,
          onError: () => {
            throw new AppError('payload_too_large', 'Request body over 1 MB.');
          },
        })(c, next),
  );
  app.use('/api/*', writeGuard(deps));
  app.use('/api/*', refuseNulInJson);
  // One cache of checked sessions for the API and the tiles.
  const sessions = sessionCache(deps.clock);
  // And one count of each API token's requests (per instance, in memory).
  const tokenLimits = tokenRateLimiter(deps.config.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT, deps.clock);
  app.use('/api/*', sessionMiddleware(deps, sessions, tokenLimits));
  app.use('/api/*', readYourWrites(deps));
  // Outside the role checks and the read transaction, so refusals are seen and rows written after it ends.
  app.use('/api/*', auditReads(deps));
  // '/tiles/*' matches '/tiles' itself too: registering both would run it twice.
  app.use('/tiles/*', sessionMiddleware(deps, sessions, tokenLimits));
  // The OGC API for GIS clients; like '/tiles/*', '/ogc/*' matches '/ogc' itself too.
  app.use('/ogc/*', sessionMiddleware(deps, sessions, tokenLimits));
  app.use('/ogc/*', auditReads(deps, OGC_AUDITED));
  // Role checks for whole groups of paths; finer checks (layers, lists, users) live in the routes.
  // '/imports/*' also matches '/imports'.
  app.use('/api/v1/imports/*', async (c, next) => {
    requirePermission(c, (p) => p.import, 'import or roll back data');
    await next();
  });
  // Before validation, so a role that may not manage users learns nothing from a 400 about the body.
  app.use('/api/v1/users/*', async (c, next) => {
    requirePermission(c, (p) => p.manageUsers, 'manage users');
    await next();
  });
  app.use('/api/v1/admin/*', async (c, next) => {
    requirePermission(c, (p) => p.manageUsers, 'manage API tokens');
    await next();
  });
  app.use('/api/v1/audit', async (c, next) => {
    requirePermission(c, (p) => p.audit, 'read the audit trail');
    await next();
  });
  app.use('/api/v1/exports/:file', async (c, next) => {
    // An unknown file name is left to the route's validation (400 naming the parameter).
    const kind = /^([a-z-]+)\.(csv|xlsx|geojson)$/.exec(c.req.param('file'))?.[1];
    if (kind && (EXPORT_KINDS as readonly string[]).includes(kind)) requirePermission(c, (p) => p.exports.includes(kind), `export ${kind}`);
    await next();
  });
  // The language of bilingual record text: `lang`, else Accept-Language, else Indonesian; no cookie.
  const detectLanguage = languageDetector({
    supportedLanguages: ['id', 'en'],
    fallbackLanguage: 'id',
    order: ['querystring', 'header'],
    lookupQueryString: 'lang',
    caches: false,
  });
  app.use('/api/*', detectLanguage);
  // Tiles name bilingual records (risk areas) in the same language.
  app.use('/tiles/*', detectLanguage);
  app.use('/ogc/*', detectLanguage);
  // Answers of the read API kept by data version (response-cache.ts): a hit opens no read transaction.
  const answers = responseCache(deps, deps.config.apiCacheBytes ?? DEFAULT_API_CACHE_MB * 1024 * 1024);
  if (answers) app.use('/api/*', answers.middleware);
  app.use('/api/*', scopedReads(deps));
  // Tiles open their scoped read themselves, only when the tile cache misses (tiles/tile-routes.ts).
  // Tiles gzip themselves (their ETag names the encoding); everything else is compressed here.
  app.use('*', async (c, next) => (c.req.path.startsWith('/tiles/') ? next() : compress()(c, next)));

  const api = new OpenAPIHono()
    .route('/', healthRoutes(deps))
    .route('/', authRoutes(deps))
    .route('/', userRoutes(deps))
    .route('/', adminTokenRoutes(deps))
    .route('/', metaRoutes(deps))
    .route('/', areaRoutes(deps))
    .route('/', officeRoutes(deps))
    .route('/', areaProfileRoutes(deps))
    .route('/', overstayRoutes(deps))
    .route('/', statsRoutes(deps))
    .route('/', listRoutes(deps))
    .route('/', meetingRoutes(deps))
    .route('/', reportRoutes(deps))
    .route('/', riskAreaRoutes(deps))
    .route('/', peopleRoutes(deps))
    .route('/', searchRoutes(deps))
    .route('/', importRoutes(deps))
    .route('/', exportRoutes(deps))
    .route('/', planningRoutes(deps))
    .route('/', planRoutes(deps))
    .route('/', planningMapRoutes(deps))
    .route('/', planningSkillRoutes(deps))
    .route('/', planPdfRoutes(deps))
    .route('/', briefingRoutes(deps));
  // The document itself takes no parameters either (the routes above refuse undeclared ones: createRouter).
  api.use('/openapi.json', onlyDeclaredParameters([]));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pantau API',
      version: '1.0.0',
      description:
        'Aggregates and lists for monitoring foreign nationals (Timpora). Dates are ISO YYYY-MM-DD; area codes are official dotted text (19.04). Errors: {"error":{"code","message","details"?}}. A query parameter an endpoint does not list is refused: 400 unknown_parameter naming it.',
    },
    servers: [{ url: API_PREFIX }],
  });
  api.notFound(() => {
    throw new AppError('not_found', 'No such endpoint. See /api/v1/openapi.json.');
  });
  app.route(API_PREFIX, api);
  app.route('/tiles', tileRoutes(deps));
  app.route('/ogc', ogcRoutes(deps));

  app.onError((error, c) => {
    const requestIdValue = c.get('requestId');
    const body = (code: ErrorBody['error']['code'], message: string, details?: unknown): ErrorBody => ({
      error: { code, message, ...(details !== undefined ? { details } : {}), ...(code === 'internal_error' ? { requestId: requestIdValue } : {}) },
    });
    if (error instanceof AppError) {
      if (error.code === 'unauthenticated') c.header('Cache-Control', 'no-store');
      if (error.code === 'database_unavailable') c.header('Retry-After', String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS));
      return c.json(body(error.code, error.message, error.details), error.status);
    }
    if (error instanceof DatabaseInUseError) return c.json(body('database_in_use', error.message), 503);
    // Bounded requests (issue 18): refused while the embedded database is held too long, or stopped
    // by the server's statement timeout. Neither is the client's fault nor a bug: 503 with a retry hint.
    const busy = busyError(error);
    if (busy) {
      c.header('Retry-After', String(busy.retryAfterSeconds));
      return c.json(body('busy', busy.message), 503);
    }
    if (isStatementTimeout(error)) {
      c.header('Retry-After', String(STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS));
      return c.json(
        body('busy', 'The database stopped this request because it took too long. Narrow it (a smaller area or period) or try again in a moment.'),
        503,
      );
    }
    // A read replica cancels a query whose rows its replay must remove (SQLSTATE 40001, "conflict with
    // recovery"): the next try runs on a newer snapshot.
    if (sqlState(error) === '40001') {
      c.header('Retry-After', '1');
      return c.json(body('busy', 'The read was interrupted by newer data arriving; try again.'), 503);
    }
    if (error instanceof PdfUnavailableError) return c.json(body('pdf_unavailable', error.message), 503);
    if (isConnectionError(error)) {
      c.header('Retry-After', String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS));
      return c.json(body('database_unavailable', 'The database does not answer; try again shortly.'), 503);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 404 ? 'not_found' : error.status === 405 ? 'method_not_allowed' : error.status === 413 ? 'payload_too_large' : 'bad_request';
      return c.json(body(code, error.message || 'Bad request'), error.status as 400);
    }
    // The real error goes to the log with the request id; the client gets neither stack nor SQL.
    const kind = error instanceof WriteMismatchError || error instanceof GeometryReadError || error instanceof PasswordHashError ? error.name : 'Unhandled';
    logger.error(
      { requestId: requestIdValue, kind, method: c.req.method, path: new URL(c.req.url).pathname },
      `[${requestIdValue}] ${kind} on ${c.req.method} ${new URL(c.req.url).pathname}: ${errorLogText(error)}`,
    );
    return c.json(body('internal_error', `Unexpected error. Quote request id ${requestIdValue} when reporting it.`), 500);
  });

  if (deps.webDist && existsSync(resolve(deps.webDist, 'index.html'))) {
    const root = deps.webDist;
    const indexHtml = readFileSync(resolve(root, 'index.html'), 'utf8');
    app.use('/assets/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The service worker and the list of the app's files it goes with are checked on every load: a new build replaces them at once.
    for (const path of ['/sw.js', '/offline-shell.json'])
      app.use(path, async (c, next) => {
        await next();
        c.header('Cache-Control', 'no-cache');
      });
    app.use('*', serveStatic({ root }));
    // Client-side routes (/?region=…, /briefing/…) all get the app shell.
    app.get('*', (c) =>
      c.req.path.startsWith('/api/') || c.req.path.startsWith('/tiles/') || c.req.path.startsWith('/ogc/') ? c.notFound() : c.html(indexHtml),
    );
  }
  app.notFound((c) => c.json({ error: { code: 'not_found' as const, message: `No such resource: ${c.req.path}` } }, 404));
  return app;
}

/**
 * A database that stopped answering (restarting, unreachable) is asked again after this: a PostgreSQL
 * server killed and restarted replays its log and serves again within seconds (docs/operations.md, Faults).
 */
const DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** A statement cancelled by its timeout is retried after this; the load that made it slow may have passed. */
const STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS = 5;

/**
 * A request waiting 2 s on the server makes the app probe it over a new connection; no answer in 2.5 s
 * means down, so a silent server is answered 503 within about 5 s; while down, a probe each second.
 */
const LIVENESS = { suspectAfterMs: 2000, probeTimeoutMs: 2500, retryEveryMs: 1000 } as const;

/** The gate's refusal, also when a driver or drizzle wrapped it. */
function busyError(error: unknown): DatabaseBusyError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseBusyError) return e;
  }
  return undefined;
}

/**
 * PostgreSQL's text and jsonb cannot hold U+0000: a JSON body carrying it anywhere (a briefing title,
 * a key) is a 400 here, before any handler, instead of a failed insert. Hono caches the parsed body, so
 * the route's validator reads the same parse; a body that does not parse is left to that validator.
 */
const refuseNulInJson: MiddlewareHandler = async (c, next) => {
  const json = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
  // Uploads (/imports) stream their multipart body themselves: never read it here.
  if (json && c.req.method !== 'GET' && c.req.method !== 'HEAD' && !c.req.path.startsWith('/api/v1/imports')) {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (holdsNul(body))
      throw new AppError('invalid_parameter', 'Invalid parameter: body. Text may not contain the NUL character (U+0000).', [
        { parameter: 'body', message: 'contains U+0000' },
      ]);
  }
  await next();
};

/** Walks the parsed body without recursion: a body of deeply nested arrays must not overflow the stack. */
function holdsNul(body: unknown): boolean {
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/** The SQLSTATE of a PostgreSQL error, wherever drizzle's `cause` chain put it. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** postgres.js and node errors when the server is down or unreachable. */
function isConnectionError(error: unknown): boolean {
  // drizzle wraps driver errors; the connection error is somewhere down the `cause` chain.
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (CONNECTION_ERROR_CODES.includes((e as { code?: string }).code ?? '')) return true;
  }
  return false;
}

const CONNECTION_ERROR_CODES = [
  'DATABASE_UNREACHABLE',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P03',
];
