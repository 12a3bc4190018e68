// What a handler knows about its request: who asks (principal: a signed-in user; or an API token's
// channel system, on the few routes a token's capabilities open), what they may see (scope) and the
// scoped transaction their reads run in. Set by the middleware in access.ts.
import { tokenReader, userReader, type Orm } from '@pantau/db';
import { actorOfService, type Actor, type Principal, type ServicePrincipal } from '@pantau/data';
import type { Permissions, Scope } from '@pantau/domain';
import type { Context } from 'hono';
import { AppError } from '../errors.js';

export function principalOf(c: Context): Principal {
  const principal = c.get('principal' as never) as Principal | undefined;
  if (!principal) throw new AppError('unauthenticated', 'Sign in first.');
  return principal;
}

/** The channel system of an API token, when the request came with one (only on routes its capabilities open). */
export const serviceOf = (c: Context): ServicePrincipal | undefined => c.get('service' as never) as ServicePrincipal | undefined;

/** Who asks, for routes open to users and API tokens alike: what they may see and do, and how the audit trail names them. */
export interface Caller {
  scope: Scope;
  permissions: Permissions;
  actor: Actor;
}

export function callerOf(c: Context): Caller {
  const service = serviceOf(c);
  if (service) return { scope: service.scope, permissions: service.permissions, actor: actorOfService(service, c.get('requestId' as never) as string) };
  const principal = principalOf(c);
  return { scope: principal.scope, permissions: principal.permissions, actor: actorOf(c) };
}

export const scopeOf = (c: Context): Scope => callerOf(c).scope;

/** The request's transaction (GET/HEAD: as `pantau_app` with the scope set for row-level security). */
export function dbOf(c: Context): Orm {
  const db = c.get('db' as never) as Orm | undefined;
  if (!db) throw new Error(`no scoped database on ${c.req.method} ${c.req.path}: writes open their own transaction`);
  return db;
}

/** Whose writes this request's reads must see (read-your-writes with a replica): the user, or the API token; null when signed out. */
export function readerOf(c: Context): string | null {
  const service = serviceOf(c);
  if (service) return tokenReader(service.token.id);
  const principal = c.get('principal' as never) as Principal | undefined;
  return principal ? userReader(principal.user.id) : null;
}

/** Refuses the request unless the role (or the API token) may do this; for routes open to tokens (see TOKEN_ROUTES). */
export function requireCallerPermission(c: Context, allowed: (permissions: Permissions) => boolean, what: string): Caller {
  const caller = callerOf(c);
  if (!allowed(caller.permissions)) {
    const who = serviceOf(c) ? `This API token (${caller.actor.actor})` : `Your role (${principalOf(c).user.role})`;
    throw new AppError('forbidden', `${who} may not ${what}.`);
  }
  return caller;
}

/** Refuses the request unless the role may do this. */
export function requirePermission(c: Context, allowed: (permissions: Permissions) => boolean, what: string): Principal {
  const principal = principalOf(c);
  if (!allowed(principal.permissions)) throw new AppError('forbidden', `Your role (${principal.user.role}) may not ${what}.`);
  return principal;
}

/** For audit rows: a user by their email, an API token by its name. */
export function actorOf(c: Context): Actor & { requestId: string } {
  const service = serviceOf(c);
  if (service) return { ...actorOfService(service), requestId: c.get('requestId' as never) as string };
  const principal = principalOf(c);
  return { userId: principal.user.id, actor: principal.user.email, requestId: c.get('requestId' as never) as string };
}
