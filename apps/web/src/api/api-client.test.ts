import { describe, expect, test } from 'vitest';
import { ApiError, isNotPermitted, retryAfterSeconds } from './api-client.js';

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-11-23T05:00:00Z');

  test('reads the seconds of a Retry-After header', () => {
    expect(retryAfterSeconds('42', 'rate limited', now)).toBe(42);
  });

  test('reads an HTTP date in a Retry-After header as the seconds until then', () => {
    expect(retryAfterSeconds('Mon, 23 Nov 2026 05:01:30 GMT', '', now)).toBe(90);
  });

  test('without a header, reads "try again in N s" from the message', () => {
    expect(retryAfterSeconds(null, 'Too many sign-in attempts; try again in 17 s.', now)).toBe(17);
    expect(retryAfterSeconds('', 'try again in 300 seconds', now)).toBe(300);
  });

  test('says nothing when neither names a wait', () => {
    expect(retryAfterSeconds(null, 'Too many attempts.', now)).toBeNull();
  });
});

describe('isNotPermitted', () => {
  test('403 and 404 are what a role gets for what it may not read', () => {
    expect(isNotPermitted(new ApiError('forbidden', 'no', 403))).toBe(true);
    expect(isNotPermitted(new ApiError('not_found', 'no', 404))).toBe(true);
  });

  test('other failures stay errors', () => {
    expect(isNotPermitted(new ApiError('internal_error', 'boom', 500))).toBe(false);
    expect(isNotPermitted(new ApiError('network', 'offline', null))).toBe(false);
    expect(isNotPermitted(new Error('plain'))).toBe(false);
  });
});
