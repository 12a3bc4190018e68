import { describe, expect, test } from 'vitest';
import { tokenRateLimiter } from './token-rate-limit.js';

describe('the per-token rate limit', () => {
  test('allows the limit within a minute, refuses the next with the seconds until the oldest request leaves the window', () => {
    let now = new Date('2024-06-13T01:00:00Z');
    const limiter = tokenRateLimiter(3, { now: () => now });
    expect(limiter.take(1)).toEqual({ ok: true });
    now = new Date('2024-06-13T01:00:20Z');
    expect(limiter.take(1)).toEqual({ ok: true });
    expect(limiter.take(1)).toEqual({ ok: true });
    expect(limiter.take(1)).toEqual({ ok: false, retryAfterSeconds: 40 });
    // Another token has its own window.
    expect(limiter.take(2)).toEqual({ ok: true });
    // The first request leaves the window after a minute: one more fits, then none until the next leaves.
    now = new Date('2024-06-13T01:01:00.001Z');
    expect(limiter.take(1)).toEqual({ ok: true });
    expect(limiter.take(1)).toEqual({ ok: false, retryAfterSeconds: 20 });
  });

  test('refused requests do not count: a client retrying after Retry-After gets through', () => {
    let now = new Date('2024-06-13T01:00:00Z');
    const limiter = tokenRateLimiter(1, { now: () => now });
    expect(limiter.take(7).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect(limiter.take(7).ok).toBe(false);
    now = new Date('2024-06-13T01:01:00.001Z');
    expect(limiter.take(7).ok).toBe(true);
  });
});
