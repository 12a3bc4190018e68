// Whether the page shows live data or a stored copy: the browser's own online flag, and what the last
// API answers said — the service worker marks an answer from an offline copy with the copy's date,
// and a request that reached no server means the network is gone even when the flag says otherwise.
import { useSyncExternalStore } from 'react';
import { OFFLINE_COPY_HEADER } from './offline-names.js';

export interface Connectivity {
  /** The browser says it is online and the last API request reached the server. */
  online: boolean;
  /** When the offline copy the page last read from was stored (ISO), or `null` for live data. */
  storedCopyFrom: string | null;
}

let state: Connectivity = { online: typeof navigator === 'undefined' ? true : navigator.onLine, storedCopyFrom: null };
let lastRequestFailed = false;
const listeners = new Set<() => void>();

function update(next: Connectivity): void {
  if (next.online === state.online && next.storedCopyFrom === state.storedCopyFrom) return;
  state = next;
  for (const listener of [...listeners]) listener();
}

const browserOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

/** Called by the API client with every answer's headers. */
export function noteAnswer(headers: Pick<Headers, 'get'>): void {
  lastRequestFailed = false;
  const storedCopyFrom = headers.get(OFFLINE_COPY_HEADER);
  update({ online: browserOnline() && storedCopyFrom === null, storedCopyFrom: storedCopyFrom ?? null });
}

/** Called by the API client when a request reached no server. */
export function noteNetworkFailure(): void {
  lastRequestFailed = true;
  update({ online: false, storedCopyFrom: state.storedCopyFrom });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onChange = () => update({ online: browserOnline() && !lastRequestFailed && state.storedCopyFrom === null, storedCopyFrom: state.storedCopyFrom });
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  onChange();
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useConnectivity(): Connectivity {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}
