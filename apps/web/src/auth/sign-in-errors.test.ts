import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-client.js';
import { normaliseEmail, secondsLeft, signInProblemOf, splitWait } from './sign-in-errors.js';

const now = 1_000_000;

describe('signInProblemOf', () => {
  test('a wrong password and a disabled account are named as the API names them', () => {
    expect(signInProblemOf(new ApiError('invalid_credentials', 'Wrong email or password.', 401), now)).toEqual({ kind: 'invalid_credentials' });
    expect(signInProblemOf(new ApiError('account_disabled', 'Disabled.', 403), now)).toEqual({ kind: 'account_disabled' });
  });

  test('a rate limit keeps the wait the server gave, counted from now', () => {
    expect(signInProblemOf(new ApiError('rate_limited', 'try again in 42 s', 429, 42), now)).toEqual({
      kind: 'rate_limited',
      retryAt: now + 42_000,
      seconds: 42,
    });
  });

  test('a rate limit without a wait still blocks for a while', () => {
    const problem = signInProblemOf(new ApiError('rate_limited', 'Too many attempts', 429), now);
    expect(problem.kind === 'rate_limited' && problem.seconds).toBeGreaterThan(0);
  });

  test('an unreachable server and anything else keep their own wording', () => {
    expect(signInProblemOf(new ApiError('network', 'fetch failed', null), now)).toEqual({ kind: 'network' });
    expect(signInProblemOf(new ApiError('internal_error', 'Unexpected error. Quote request id abc.', 500), now)).toEqual({
      kind: 'other',
      message: 'Unexpected error. Quote request id abc.',
    });
  });
});

describe('secondsLeft', () => {
  test('counts down in whole seconds, a started second counting as one, and stops at 0', () => {
    expect(secondsLeft(now + 42_000, now)).toBe(42);
    expect(secondsLeft(now + 41_001, now)).toBe(42);
    expect(secondsLeft(now + 1, now)).toBe(1);
    expect(secondsLeft(now, now)).toBe(0);
    expect(secondsLeft(now - 5_000, now)).toBe(0);
  });
});

test('an e-mail address loses the spaces a paste brings along', () => {
  expect(normaliseEmail('  kepala.kanim@example.go.id \n')).toBe('kepala.kanim@example.go.id');
});

test('a long wait reads as minutes and seconds, a short one as seconds', () => {
  expect(splitWait(899)).toEqual({ minutes: 14, seconds: 59 });
  expect(splitWait(60)).toEqual({ minutes: 1, seconds: 0 });
  expect(splitWait(42)).toEqual({ minutes: 0, seconds: 42 });
});
