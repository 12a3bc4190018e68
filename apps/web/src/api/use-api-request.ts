import { useEffect, useState } from 'react';

export type RequestState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown };

/**
 * Runs `load` whenever `key` changes (nothing while it is `null`) and keeps only the latest answer:
 * a slow answer for an old key is dropped, and its request aborted, instead of overwriting a newer one.
 */
export function useApiRequest<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): RequestState<T> {
  const [state, setState] = useState<{ key: string | null; result: RequestState<T> }>({ key: null, result: { status: 'idle' } });

  useEffect(() => {
    if (key === null) {
      setState({ key, result: { status: 'idle' } });
      return;
    }
    const controller = new AbortController();
    setState({ key, result: { status: 'loading' } });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, result: { status: 'ok', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, result: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` is a new closure on every render; `key` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is a new closure on every render; `key` names what it loads
  }, [key]);

  // Until the effect has run for a new key, the previous key's answer must not pass for the new one.
  if (state.key !== key) return key === null ? { status: 'idle' } : { status: 'loading' };
  return state.result;
}

export function dataOf<T>(state: RequestState<T>): T | null {
  return state.status === 'ok' ? state.data : null;
}
