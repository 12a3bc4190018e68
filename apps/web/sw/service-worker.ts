/// <reference lib="webworker" />
// Pantau's service worker, served at /sw.js (root scope) and built by `vite build` (see
// build/service-worker.ts). It stores nothing about a user by itself: the page stores a briefing's
// offline copy explicitly (src/offline/offline-store.ts) and this worker only reads those copies
// when the network fails. It keeps the build's hashed assets as they are fetched, which are the same
// for everyone.
//
// Hand-written on the Cache API rather than Workbox: what it does beyond "cache first" and "network
// first" — fall back across per-briefing copies, skip expired ones, mark what it serves from them —
// would be custom code in Workbox too, and the whole worker stays this one short file.
import {
  ASSET_CACHE_PREFIX,
  assetCacheName,
  COPY_META_PATH,
  isCopyExpired,
  OFFLINE_CACHE_PREFIX,
  OFFLINE_COPY_HEADER,
  parseCopyMeta,
  parseOfflineCacheName,
  SHELL_PATH,
} from '../src/offline/offline-names.js';
import { isUnreachableStatus, mayKeepAsset, routeOf } from '../src/offline/sw-routes.js';

declare const self: ServiceWorkerGlobalScope;
/** Replaced at build time by a hash of this worker and the build's files: a new build is a new worker. */
declare const __PANTAU_SW_VERSION__: string;

const VERSION = __PANTAU_SW_VERSION__;
const ASSET_CACHE = assetCacheName(VERSION);

self.addEventListener('install', (event) => {
  // A new build replaces the old worker at once; its asset cache starts empty and fills as pages load.
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Assets of earlier builds go; offline copies stay (each holds the app files it needs).
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(ASSET_CACHE_PREFIX) && name !== ASSET_CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  switch (routeOf(request, self.location.origin)) {
    case 'navigation':
      event.respondWith(networkFirst(request, () => fromOfflineCopies(new Request(new URL(SHELL_PATH, self.location.origin)))));
      return;
    case 'asset':
      event.respondWith(cacheFirst(request));
      return;
    case 'data':
      event.respondWith(networkFirst(request, () => fromOfflineCopies(request)));
      return;
    case 'network':
      return;
  }
});

/** The network's answer; the stored one when the network fails (or a proxy says the server is unreachable). */
async function networkFirst(request: Request, stored: () => Promise<Response | null>): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const copy = await stored();
    if (copy) return copy;
    throw error;
  }
  if (isUnreachableStatus(response.status)) return (await stored()) ?? response;
  return response;
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (mayKeepAsset(response.status, response.headers.get('cache-control'))) {
    const copy = response.clone();
    // Kept in the background: the page gets its file without waiting for the write.
    void caches
      .open(ASSET_CACHE)
      .then((cache) => cache.put(request, copy))
      .catch(() => undefined);
  }
  return response;
}

/**
 * The answer stored for this URL by an offline copy that may still be used, newest copy first,
 * marked with the copy's date. Expired copies are removed on the way.
 */
async function fromOfflineCopies(request: Request): Promise<Response | null> {
  const copies = (await caches.keys())
    .map((name) => ({ name, parsed: parseOfflineCacheName(name) }))
    .filter((copy) => copy.name.startsWith(OFFLINE_CACHE_PREFIX) && copy.parsed !== null)
    .sort((a, b) => (b.parsed?.savedAtMs ?? 0) - (a.parsed?.savedAtMs ?? 0));
  for (const { name, parsed } of copies) {
    if (!parsed) continue;
    if (isCopyExpired(parsed.savedAtMs, Date.now())) {
      await caches.delete(name);
      continue;
    }
    const cache = await caches.open(name);
    // A copy still being written has no description yet: it is not served.
    const meta = await cache.match(COPY_META_PATH);
    if (!meta || !parseCopyMeta(await meta.json())) continue;
    const stored = await cache.match(request, { ignoreVary: true });
    if (stored) return marked(stored, new Date(parsed.savedAtMs).toISOString());
  }
  return null;
}

function marked(response: Response, savedAt: string): Response {
  const headers = new Headers(response.headers);
  headers.set(OFFLINE_COPY_HEADER, savedAt);
  // A 204 (an empty tile) has no body to pass on.
  return new Response(response.status === 204 ? null : response.body, { status: response.status, statusText: response.statusText, headers });
}
