import { describe, expect, test } from 'vitest';
import { isUnreachableStatus, mayKeepAsset, routeOf } from './sw-routes.js';

const ORIGIN = 'http://127.0.0.1:8787';
const get = (path: string, mode = 'cors') => ({ method: 'GET', mode, url: `${ORIGIN}${path}` });

describe('routeOf', () => {
  test('page loads are navigations, whatever the path', () => {
    expect(routeOf(get('/?page=briefing&briefing=4', 'navigate'), ORIGIN)).toBe('navigation');
    expect(routeOf(get('/api/v1/briefings/4/briefing.pdf', 'navigate'), ORIGIN)).toBe('navigation');
  });

  test('hashed files are assets; API reads and tiles are data', () => {
    expect(routeOf(get('/assets/index-N2llgBxN.js'), ORIGIN)).toBe('asset');
    expect(routeOf(get('/api/v1/auth/me'), ORIGIN)).toBe('data');
    expect(routeOf(get('/tiles/regencies.json?asOf=2024-06-13'), ORIGIN)).toBe('data');
    expect(routeOf(get('/tiles/regencies/9/407/259.mvt?asOf=2024-06-13'), ORIGIN)).toBe('data');
  });

  test('writes, other hosts and everything else go to the network untouched', () => {
    expect(routeOf({ method: 'POST', mode: 'cors', url: `${ORIGIN}/api/v1/auth/sign-out` }, ORIGIN)).toBe('network');
    expect(routeOf({ method: 'PUT', mode: 'cors', url: `${ORIGIN}/api/v1/briefings/4` }, ORIGIN)).toBe('network');
    expect(routeOf({ method: 'GET', mode: 'cors', url: 'http://example.org/api/v1/meta' }, ORIGIN)).toBe('network');
    expect(routeOf(get('/sw.js'), ORIGIN)).toBe('network');
    expect(routeOf(get('/offline-shell.json'), ORIGIN)).toBe('network');
  });
});

describe('what the worker keeps and when it falls back', () => {
  test('keeps only complete successful answers not marked no-store', () => {
    expect(mayKeepAsset(200, 'public, max-age=31536000, immutable')).toBe(true);
    expect(mayKeepAsset(200, null)).toBe(true);
    expect(mayKeepAsset(404, null)).toBe(false);
    expect(mayKeepAsset(206, null)).toBe(false);
    expect(mayKeepAsset(200, 'no-store')).toBe(false);
    expect(mayKeepAsset(200, 'private, No-Store')).toBe(false);
  });

  test('falls back to a stored copy only when the server cannot be reached', () => {
    expect([502, 503, 504].every(isUnreachableStatus)).toBe(true);
    expect([200, 204, 401, 403, 404, 500].some(isUnreachableStatus)).toBe(false);
  });
});
