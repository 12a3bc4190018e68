// Middleware of access control: who is asking (session cookie or bearer token), CSRF and body checks for writes, and
// the scoped read transaction behind row-level security. See docs/access-control.md.
import { actorOfService, authenticate, authenticateApiToken, writeAudit, type ServicePrincipal } from '@pantau/data';
import { DEFAULT_SESSION_POLICY, isApiTokenFormat, TOKEN_ROUTES, tokenCapabilityFor } from '@pantau/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { readsOf, type AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { clientAddress, throttleAddress } from './client-address.js';
import { readerOf } from './request-context.js';
import type { SessionCache } from './session-cache.js';
import type { TokenRateLimiter } from './token-rate-limit.js';

/**
 * The session cookie's name. Over HTTPS (directly or behind a trusted proxy) it carries the `__Host-`
 * prefix: the browser then only accepts it with Secure, Path=/ and no Domain, so neither a sibling
 * subdomain nor a plain-http page can plant or overwrite it. On plain http (http://localhost in
 * development and tests, the PDF renderer talking to the server directly) a `__Host-` cookie cannot be
 * set at all, since the prefix requires Secure, so the plain name is used there.
 */
export const SESSION_COOKIE = 'pantau_session';
export const SECURE_SESSION_COOKIE = '__Host-pantau_session';

export const servedOverHttps = (c: Context, trustProxy: boolean | number) => ownOrigin(c, trustProxy).startsWith('https:');

/** The cookie name that applies to this request; only that name is read, so http cannot shadow https. */
export const sessionCookieName = (c: Context, trustProxy: boolean | number) => (servedOverHttps(c, trustProxy) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths anyone may call: the health check and signing in (everything else needs a session). */
const PUBLIC_API_PATHS = new Set(['/api/v1/health', '/api/v1/auth/sign-in', '/api/v1/openapi.json']);

export const isPublicPath = (path: string) => PUBLIC_API_PATHS.has(path);

/** How a request authenticates: decided once, here, for both the CSRF guard and the session lookup. */
export type RequestCredentials = { kind: 'bearer'; token: string } | { kind: 'cookie'; token: string } | { kind: 'none' };

/** RFC 6750 b64token, which our base64url session tokens are a subset of. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Browsers send the cookie; GIS clients (QGIS, GDAL) send the same token as a bearer token. An
 * Authorization header that is present but not exactly `Bearer <token>` is refused (401) rather than
 * ignored: falling back to the cookie would let a page that adds a junk header skip the CSRF check.
 */
export function requestCredentials(c: Context, trustProxy: boolean | number): RequestCredentials {
  const cached = c.get('credentials' as never) as RequestCredentials | undefined;
  if (cached) return cached;
  const authorization = c.req.header('authorization');
  let credentials: RequestCredentials;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new AppError('unauthenticated', 'Malformed Authorization header: send "Bearer <token>" or no Authorization header.');
    credentials = { kind: 'bearer', token };
  } else {
    const token = getCookie(c, sessionCookieName(c, trustProxy));
    credentials = token ? { kind: 'cookie', token } : { kind: 'none' };
  }
  c.set('credentials' as never, credentials as never);
  return credentials;
}

/** The request's session token, however it came (for the PDF renderer, which opens pages as the caller). */
export function sessionTokenOf(c: Context, trustProxy: boolean | number): string | undefined {
  const credentials = requestCredentials(c, trustProxy);
  return credentials.kind === 'none' ? undefined : credentials.token;
}

/**
 * Writes that end or change sessions: sign-out (here and everywhere), a password change, and every
 * change to accounts (disable, role, scope, password reset). Signing in changes no other session.
 */
const changesSessions = (method: string, path: string) =>
  UNSAFE.has(method) && path !== '/api/v1/auth/sign-in' && (path.startsWith('/api/v1/auth/') || path === '/api/v1/users' || path.startsWith('/api/v1/users/'));

/**
 * Sets `principal` from the request's credentials; refuses protected paths without a valid session.
 * Checked sessions are kept a few seconds (session-cache.ts); after a write that may end or change
 * sessions the whole cache is dropped, so it takes effect on this instance with the next request.
 */
export function sessionMiddleware(deps: AppDeps, sessions: SessionCache, tokenLimits: TokenRateLimiter): MiddlewareHandler {
  return async (c, next) => {
    const credentials = requestCredentials(c, deps.config.trustProxy);
    // An API token (pt_<8 hex>_<secret>, longer than any session token) is a channel system, never a session: it is checked on its own path below.
    if (credentials.kind === 'bearer' && isApiTokenFormat(credentials.token)) {
      c.set('service' as never, (await checkApiToken(deps, c, credentials.token, tokenLimits)) as never);
      return next();
    }
    if (credentials.kind !== 'none') {
      const principal = await sessions.principalOf(credentials.token, () =>
        authenticate(deps.database.orm, credentials.token, deps.clock.now(), deps.config.session ?? DEFAULT_SESSION_POLICY),
      );
      if (principal) c.set('principal' as never, principal as never);
    }
    if (!c.get('principal' as never) && !isPublicPath(c.req.path))
      throw new AppError('unauthenticated', 'Sign in first: your session is missing or has expired.');
    try {
      await next();
    } finally {
      // Also when the write failed: it may have committed part of its work (a sign-out before its audit row).
      if (changesSessions(c.req.method, c.req.path)) sessions.clear();
    }
  };
}

/**
 * The channel system behind an API token, checked in this order: a known, active token (else 401), within
 * its rate limit (else 429 with Retry-After), calling a route one of its capabilities opens (else 403,
 * audited under the token's name: a token probing other routes is worth knowing about). No cache: a
 * revoked token is refused at its next request, on every instance.
 */
async function checkApiToken(deps: AppDeps, c: Context, token: string, tokenLimits: TokenRateLimiter): Promise<ServicePrincipal> {
  const service = await authenticateApiToken(deps.database.orm, token, deps.clock.now());
  if (!service) throw new AppError('unauthenticated', 'Unknown or revoked API token.');
  const rate = tokenLimits.take(service.token.id);
  if (!rate.ok) {
    c.header('Retry-After', String(rate.retryAfterSeconds));
    throw new AppError('rate_limited', `Too many requests with this token. Try again in ${rate.retryAfterSeconds} s.`, {
      retryAfterSeconds: rate.retryAfterSeconds,
    });
  }
  const needed = tokenCapabilityFor(c.req.method, c.req.path);
  if (!needed || !service.token.capabilities.includes(needed)) {
    await writeAudit(
      deps.database.orm,
      {
        ...actorOfService(service, c.get('requestId' as never) as string),
        action: 'token.refused',
        target: `${c.req.method} ${c.req.path}`,
        details: { prefix: service.token.prefix },
      },
      deps.clock.now(),
    );
    const open = service.token.capabilities.flatMap((capability) => TOKEN_ROUTES[capability].map((route) => `${route.method} /api/v1${route.path}`));
    throw new AppError('forbidden', `This API token may not call ${c.req.method} ${c.req.path}; it may call only ${open.join(', ') || 'nothing'}.`);
  }
  return service;
}

/**
 * Cookie-authenticated writes must come from the app's own pages: the Origin (or, failing that,
 * Sec-Fetch-Site) must be this site, and bodies are JSON or a multipart upload, never a plain form.
 */
export function writeGuard(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    // A bearer token is never sent by a browser on its own, so only requests that are not bearer-authenticated need the origin check.
    if (UNSAFE.has(c.req.method) && requestCredentials(c, deps.config.trustProxy).kind !== 'bearer') {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const own = ownOrigin(c, deps.config.trustProxy);
      if (origin ? origin !== own : site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw new AppError('forbidden', "Cross-site request refused: write requests must come from Pantau's own pages.");
      }
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
      if (hasBody && type !== 'application/json' && type !== 'multipart/form-data') {
        throw new AppError('unsupported_media_type', 'Send JSON (application/json) or a multipart/form-data upload.');
      }
    }
    await next();
  };
}

export function ownOrigin(c: Context, trustProxy: boolean | number): string {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`;
  }
  return url.origin;
}

/**
 * Paths whose handlers read through dbOf(c). The others use their own connections (health pings,
 * accounts, API tokens and audit as the owner, imports' jobs, exports that stream after the handler returns):
 * on PGlite, one connection, they would wait for this transaction forever.
 */
const OWN_CONNECTION_PATHS = [
  '/api/v1/health',
  '/api/v1/auth/',
  '/api/v1/users',
  '/api/v1/admin/',
  '/api/v1/audit',
  '/api/v1/imports',
  '/api/v1/exports/',
  '/api/v1/openapi.json',
];
// A PDF is printed from app pages whose own requests need the database: holding a read transaction
// open around the print would deadlock the embedded database (one connection). PDF routes check
// the record in their own short scoped transaction before printing.
const needsScopedReads = (path: string) => !OWN_CONNECTION_PATHS.some((prefix) => path.startsWith(prefix)) && !path.endsWith('.pdf');

/** Rolls the read transaction back when the handler failed (its error response is already made). */
class HandlerFailed extends Error {}

/**
 * Reads run in one transaction as the non-owner role with the caller's scope set, so row-level
 * security hides what the scope excludes even where a query forgot it. Writes open their own
 * transactions (with their audit rows); exports stream after the handler returns and open theirs.
 * With a read replica this transaction runs there, unless the caller's own last write is not replayed yet.
 */
export function scopedReads(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const principal = (c.get('principal' as never) ?? c.get('service' as never)) as { scope: import('@pantau/domain').Scope } | undefined;
    const read = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!principal || !read || !needsScopedReads(c.req.path)) return next();
    const reads = readsOf(deps);
    const source = await reads.sourceFor(readerOf(c));
    try {
      await reads.scoped(source, principal.scope, async (tx) => {
        c.set('db' as never, tx as never);
        await next();
        if (c.error) throw new HandlerFailed();
      });
    } catch (error) {
      if (!(error instanceof HandlerFailed)) throw error;
    }
  };
}

/**
 * After a write request (whatever its answer: a failed one may have committed part of its work), the
 * caller's reads are fenced to the primary until the replica has replayed it (read-replica.ts). Before
 * the answer leaves, so the caller's next read, on any instance, already sees the fence. No-op without a replica.
 */
export function readYourWrites(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const reads = readsOf(deps);
    if (!reads.hasReplica || !UNSAFE.has(c.req.method)) return next();
    try {
      await next();
    } finally {
      const reader = readerOf(c);
      if (reader) await reads.afterWrite(reader);
    }
  };
}

export { clientAddress, throttleAddress };
