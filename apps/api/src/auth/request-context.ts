// What a handler knows about its request: who asks (principal), what they may see (scope) and the
// scoped transaction their reads run in. Set by the middleware in access.ts.
import type { Orm } from '@pantau/db';
import type { Principal } from '@pantau/data';
import type { Permissions, Scope } from '@pantau/domain';
import type { Context } from 'hono';
import { AppError } from '../errors.js';

export function principalOf(c: Context): Principal {
  const principal = c.get('principal' as never) as Principal | undefined;
  if (!principal) throw new AppError('unauthenticated', 'Sign in first.');
  return principal;
}

export const scopeOf = (c: Context): Scope => principalOf(c).scope;

/** The request's transaction (GET/HEAD: as `pantau_app` with the scope set for row-level security). */
export function dbOf(c: Context): Orm {
  const db = c.get('db' as never) as Orm | undefined;
  if (!db) throw new Error(`no scoped database on ${c.req.method} ${c.req.path}: writes open their own transaction`);
  return db;
}

/** Refuses the request unless the role may do this. */
export function requirePermission(c: Context, allowed: (permissions: Permissions) => boolean, what: string): Principal {
  const principal = principalOf(c);
  if (!allowed(principal.permissions)) throw new AppError('forbidden', `Your role (${principal.user.role}) may not ${what}.`);
  return principal;
}

/** For audit rows. */
export function actorOf(c: Context) {
  const principal = principalOf(c);
  return { userId: principal.user.id, actor: principal.user.email, requestId: c.get('requestId' as never) as string };
}
