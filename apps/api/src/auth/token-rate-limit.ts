// Requests per API token (issue 22): a sliding window of the last minute, kept in this instance's memory.
// Several API instances each count on their own, so the limit applies per instance (docs/access-control.md);
// a channel system is one client with one token, which is what the limit is about.
import { TOKEN_RATE_WINDOW_MS } from '@pantau/domain';
import type { Clock } from '../deps.js';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface TokenRateLimiter {
  /** Counts one request of this token, or refuses it (uncounted) with the seconds until one more fits. */
  take(tokenId: number): RateDecision;
}

export function tokenRateLimiter(limit: number, clock: Clock, windowMs = TOKEN_RATE_WINDOW_MS): TokenRateLimiter {
  // The times of each token's requests in the window, oldest first; never more than `limit` of them.
  const recent = new Map<number, number[]>();
  return {
    take(tokenId) {
      const now = clock.now().getTime();
      const times = (recent.get(tokenId) ?? []).filter((at) => at > now - windowMs);
      if (times.length >= limit) {
        recent.set(tokenId, times);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000)) };
      }
      times.push(now);
      recent.set(tokenId, times);
      return { ok: true };
    },
  };
}
