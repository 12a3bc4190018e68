// Sessions checked without a database round trip on most requests (issue 25): who a token belongs to is
// kept a few seconds in memory. A sign-out, disable or role change made through this instance clears it
// at once (sessionMiddleware); one made elsewhere (another instance, the CLI) is seen when the entry
// expires, within SESSION_CACHE_TTL_MS.
import { createHash } from 'node:crypto';
import type { Principal } from '@pantau/data';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../deps.js';

/** How long a checked session is trusted without asking the database again (the issue allows 5 s). */
export const SESSION_CACHE_TTL_MS = 4_000;

/** More signed-in browsers than any office has; beyond it the least recently seen are checked again. */
const MAX_SESSIONS = 10_000;

export interface SessionCache {
  /** The principal of `token`, or the one `authenticate` finds (kept when found). */
  principalOf(token: string, authenticate: () => Promise<Principal | null>): Promise<Principal | null>;
  /** Forgets every session: after a change to accounts or sessions. */
  clear(): void;
}

export function sessionCache(clock: Clock, ttlMs = SESSION_CACHE_TTL_MS): SessionCache {
  // Measured on the app's clock (not lru-cache's own timer), so tests can move time.
  const cache = new LRUCache<string, { principal: Principal; until: number }>({ max: MAX_SESSIONS });
  // Bumped by clear(): a lookup that began before a sign-out or disable must not store what it found after it.
  let generation = 0;
  return {
    async principalOf(token, authenticate) {
      // Keyed by a hash: the token itself stays out of the heap's long-lived objects.
      const key = createHash('sha256').update(token).digest('base64url');
      const held = cache.get(key);
      if (held && clock.now().getTime() < held.until) return held.principal;
      if (held) cache.delete(key);
      const started = generation;
      const principal = await authenticate();
      if (principal && started === generation) cache.set(key, { principal, until: clock.now().getTime() + ttlMs });
      return principal;
    },
    clear() {
      generation++;
      cache.clear();
    },
  };
}
