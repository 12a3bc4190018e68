// The server-state cache's rules: what is tried again, what a write invalidates, what a sign-out forgets.
import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from './api-client.js';
import { apiQueryClient, forgetApiAnswers, invalidateApiAnswers, invalidateEveryApiAnswer, isRetryable } from './use-api-request.js';

afterEach(() => forgetApiAnswers());

/** Runs a query the way useApiRequest does (same client, same defaults) and resolves with its settled result. */
function settle<T>(key: string[], load: () => Promise<T>) {
  const observer = new QueryObserver<T>(apiQueryClient, { queryKey: key, queryFn: load, retryDelay: 0 });
  return new Promise<{ data: T | undefined; error: unknown }>((resolve) => {
    const stop = observer.subscribe((result) => {
      if (result.status === 'pending' || result.fetchStatus === 'fetching') return;
      stop();
      resolve({ data: result.data, error: result.error });
    });
  });
}

describe('useApiRequest cache rules', () => {
  test('network failures and server errors are tried again; 4xx answers and 429 are not', () => {
    expect(isRetryable(new ApiError('network', 'offline', null))).toBe(true);
    expect(isRetryable(new ApiError('http', 'bad gateway', 502))).toBe(true);
    expect(isRetryable(new ApiError('forbidden', 'no', 403))).toBe(false);
    expect(isRetryable(new ApiError('not_found', 'no', 404))).toBe(false);
    expect(isRetryable(new ApiError('rate_limited', 'wait', 429, 30))).toBe(false);
    expect(isRetryable(new ApiError('bad_response', 'unexpected answer', null))).toBe(false);
    expect(isRetryable(new Error('a bug'))).toBe(false);
  });

  test('a dropped connection is retried and the answer arrives; a 403 is reported after one try', async () => {
    let calls = 0;
    const flaky = await settle(['flaky'], async () => {
      calls++;
      if (calls < 3) throw new ApiError('network', 'offline', null);
      return 'answer';
    });
    expect(flaky).toEqual({ data: 'answer', error: null });
    expect(calls).toBe(3);

    let refusals = 0;
    const refused = await settle(['refused'], async () => {
      refusals++;
      throw new ApiError('forbidden', 'no', 403);
    });
    expect(refused.data).toBeUndefined();
    expect(refused.error).toBeInstanceOf(ApiError);
    expect(refusals).toBe(1);
  });

  test('a write invalidates the answers under its prefix only, an import all of them; a sign-out forgets every answer', async () => {
    apiQueryClient.setQueryData(['meetings', 'list', '19'], ['m1']);
    apiQueryClient.setQueryData(['meetings', 'overdue', '19'], ['f1']);
    apiQueryClient.setQueryData(['meta'], { today: '2026-12-07' });
    await invalidateApiAnswers('meetings');
    expect(apiQueryClient.getQueryState(['meetings', 'list', '19'])?.isInvalidated).toBe(true);
    expect(apiQueryClient.getQueryState(['meetings', 'overdue', '19'])?.isInvalidated).toBe(true);
    expect(apiQueryClient.getQueryState(['meta'])?.isInvalidated).toBe(false);
    // An import or a rollback can change any figure: everything is invalidated.
    await invalidateEveryApiAnswer();
    expect(apiQueryClient.getQueryState(['meta'])?.isInvalidated).toBe(true);
    forgetApiAnswers();
    expect(apiQueryClient.getQueryData(['meta'])).toBeUndefined();
    expect(apiQueryClient.getQueryCache().getAll()).toEqual([]);
  });
});
