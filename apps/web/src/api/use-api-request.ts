// Server state through TanStack Query: one cache for every page (the map, panels, planning, briefings
// and the rest ask for `meta` or an area once, not once per page), requests aborted when nobody waits
// for them any more, network and server failures retried, and answers invalidated after writes. The
// pages keep the small `useApiRequest(key, load)` interface: the key is a colon-separated name whose
// first part names what is loaded (`meetings:list:19`), so a write invalidates by that prefix.
import { QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError } from './api-client.js';

export type RequestState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown };

/**
 * Failures worth another try: the network or a server error. A 4xx answer will not change, and a 429
 * says how long to wait (the page shows it) — trying again at once would only be refused again.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === 'network' || (error.status !== null && error.status >= 500);
}

/**
 * The one cache. No React provider: the hook names the client itself, so the library loads with the
 * first screen that asks for data and no component tree has to be wrapped.
 */
export const apiQueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Shown at once when a page comes back to an answer it had; asked again behind it (data can change by imports).
      staleTime: 0,
      gcTime: 5 * 60_000,
      retry: (failures, error) => failures < 2 && isRetryable(error),
      // Meeting-room laptops switch windows all the time: a refetch on focus would only flicker.
      refetchOnWindowFocus: false,
      // Back online after a dropped connection: what is on screen is refreshed.
      refetchOnReconnect: true,
    },
  },
});

const queryKeyOf = (key: string) => key.split(':');

/**
 * Runs `load` for `key` (nothing while it is `null`) and keeps only the latest key's answer: an answer
 * for an old key never passes for the new one, and a request nobody waits for is aborted.
 */
export function useApiRequest<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): RequestState<T> {
  const query = useQuery<T>(
    {
      queryKey: key === null ? ['idle'] : queryKeyOf(key),
      queryFn: ({ signal }) => load(signal),
      enabled: key !== null,
    },
    apiQueryClient,
  );
  if (key === null) return { status: 'idle' };
  if (query.data !== undefined) return { status: 'ok', data: query.data };
  if (query.status === 'error') return { status: 'error', error: query.error };
  return { status: 'loading' };
}

/** After a write: every answer whose key starts with `prefix` (`meetings`, `admin-users`) is asked again. */
export function invalidateApiAnswers(prefix: string): Promise<void> {
  return apiQueryClient.invalidateQueries({ queryKey: queryKeyOf(prefix) });
}

/** After a write that can change any figure (an import, a rollback): every answer is asked again when shown. */
export function invalidateEveryApiAnswer(): Promise<void> {
  return apiQueryClient.invalidateQueries();
}

/** On sign-out, an ended session or another user: nothing one account read may be shown to the next. */
export function forgetApiAnswers(): void {
  apiQueryClient.clear();
}

export function dataOf<T>(state: RequestState<T>): T | null {
  return state.status === 'ok' ? state.data : null;
}
