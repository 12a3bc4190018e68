// How the service worker treats a request (pure, so it is tested without a worker):
// - `navigation`: network first; when the network fails, the app shell of an offline copy.
// - `asset`: the build's hashed files never change under a name: cache first, kept as fetched.
// - `data`: API reads and tiles: network first, so online users always see live data; when the
//   network fails, the answer an offline copy stored for exactly that URL.
// - `network`: everything else (writes, the worker itself, other hosts) is left to the browser.

export type SwRoute = 'navigation' | 'asset' | 'data' | 'network';

export interface RequestFacts {
  method: string;
  /** `navigate` for a page load. */
  mode: string;
  url: string;
}

export function routeOf(request: RequestFacts, scopeOrigin: string): SwRoute {
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  if (url.origin !== scopeOrigin) return 'network';
  if (request.mode === 'navigate') return 'navigation';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/tiles/')) return 'data';
  return 'network';
}

/**
 * Answers that mean the server could not be reached through a proxy or could not answer at all: the
 * stored copy is better than an error page. Other answers (401, 404, …) are the server's word and
 * go to the page as they are.
 */
export function isUnreachableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/** Whether the worker may keep a fetched asset: a complete, successful answer the server lets be stored. */
export function mayKeepAsset(status: number, cacheControl: string | null): boolean {
  return status === 200 && !/(^|,)\s*no-store\s*(,|$)/i.test(cacheControl ?? '');
}
