import type { Principal } from '@pantau/data';
import { describe, expect, test } from 'vitest';
import { SESSION_CACHE_TTL_MS, sessionCache } from './session-cache.js';

const principal = { user: { id: 1 }, scope: null, permissions: {}, sessionHash: 'h' } as unknown as Principal;

describe('the session cache', () => {
  test('asks the database once per TTL of the app clock, and again after it', async () => {
    let now = 0;
    const cache = sessionCache({ now: () => new Date(now) });
    let lookups = 0;
    const authenticate = async () => {
      lookups++;
      return principal;
    };
    expect(await cache.principalOf('token-a', authenticate)).toBe(principal);
    now += SESSION_CACHE_TTL_MS - 1;
    expect(await cache.principalOf('token-a', authenticate)).toBe(principal);
    expect(lookups).toBe(1);
    now += 1;
    await cache.principalOf('token-a', authenticate);
    expect(lookups).toBe(2);
    await cache.principalOf('token-b', authenticate);
    expect(lookups).toBe(3);
  });

  test('keeps no refusal, and forgets everything on clear', async () => {
    const cache = sessionCache({ now: () => new Date(0) });
    let lookups = 0;
    expect(
      await cache.principalOf('gone', async () => {
        lookups++;
        return null;
      }),
    ).toBeNull();
    await cache.principalOf('gone', async () => {
      lookups++;
      return null;
    });
    expect(lookups).toBe(2);
    await cache.principalOf('token', async () => principal);
    cache.clear();
    expect(await cache.principalOf('token', async () => null)).toBeNull();
  });

  test('a lookup that began before a clear does not store what it found', async () => {
    const cache = sessionCache({ now: () => new Date(0) });
    let release!: () => void;
    const slow = cache.principalOf(
      'token',
      () =>
        new Promise<Principal>((resolve) => {
          release = () => resolve(principal);
        }),
    );
    // A sign-out or disable commits and clears while the lookup is under way.
    cache.clear();
    release();
    expect(await slow).toBe(principal);
    expect(await cache.principalOf('token', async () => null)).toBeNull();
  });
});
