// Middleware of access control: who is asking (session cookie), CSRF and body checks for writes, and
// the scoped read transaction behind row-level security. See docs/access-control.md.
import { authenticate } from '@pantau/data';
import { withScope } from '@pantau/db';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { clientAddress } from './client-address.js';

export const SESSION_COOKIE = 'pantau_session';

/** Paths anyone may call: the health check and signing in (everything else needs a session). */
const PUBLIC_API_PATHS = new Set(['/api/v1/health', '/api/v1/auth/sign-in', '/api/v1/openapi.json']);

export const isPublicPath = (path: string) => PUBLIC_API_PATHS.has(path);

/** The request's session token: browsers send the cookie; GIS clients (QGIS, GDAL) the same token as a bearer token. */
export function sessionTokenOf(c: Context): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? getCookie(c, SESSION_COOKIE);
}

/** Sets `principal` from the session cookie; refuses protected paths without one. */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const token = sessionTokenOf(c);
    if (token) {
      const principal = await authenticate(deps.database.orm, token, deps.clock.now());
      if (principal) c.set('principal' as never, principal as never);
    }
    if (!c.get('principal' as never) && !isPublicPath(c.req.path)) throw new AppError('unauthenticated', 'Sign in first: your session is missing or has expired.');
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie-authenticated writes must come from the app's own pages: the Origin (or, failing that,
 * Sec-Fetch-Site) must be this site, and bodies are JSON or a multipart upload, never a plain form.
 */
export function writeGuard(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    // A bearer token is never sent by a browser on its own, so only cookie requests need the origin check.
    const cookieAuthenticated = !/^Bearer\s/i.test(c.req.header('authorization') ?? '');
    if (UNSAFE.has(c.req.method) && cookieAuthenticated) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const own = ownOrigin(c, deps.config.trustProxy);
      if (origin ? origin !== own : site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw new AppError('forbidden', 'Cross-site request refused: write requests must come from Pantau\'s own pages.');
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

export function ownOrigin(c: Context, trustProxy: boolean): string {
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
 * accounts and audit as the owner, imports' jobs, exports that stream after the handler returns):
 * on PGlite, one connection, they would wait for this transaction forever.
 */
const OWN_CONNECTION_PATHS = ['/api/v1/health', '/api/v1/auth/', '/api/v1/users', '/api/v1/audit', '/api/v1/imports', '/api/v1/exports/', '/api/v1/openapi.json'];
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
 */
export function scopedReads(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.get('principal' as never) as { scope: import('@pantau/domain').Scope } | undefined;
    const read = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!principal || !read || !needsScopedReads(c.req.path)) return next();
    try {
      await withScope(deps.database.orm, principal.scope, async (tx) => {
        c.set('db' as never, tx as never);
        await next();
        if (c.error) throw new HandlerFailed();
      });
    } catch (error) {
      if (!(error instanceof HandlerFailed)) throw error;
    }
  };
}

export { clientAddress };
