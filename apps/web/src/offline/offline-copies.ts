// A briefing's offline copies in the browser's Cache Storage: listed with their size and date,
// removed, and cleared on sign-out or when another account signs in. Storing one is offline-save.ts;
// the service worker (sw/service-worker.ts) serves a copy only when the network fails.
import { COPY_META_PATH, isCopyExpired, OFFLINE_CACHE_PREFIX, parseCopyMeta, parseOfflineCacheName, type CopyMeta } from './offline-names.js';

export interface OfflineCopy extends CopyMeta {
  cacheName: string;
}

const cachesAvailable = () => typeof caches !== 'undefined';

export async function offlineCacheNames(): Promise<string[]> {
  return cachesAvailable() ? (await caches.keys()).filter((name) => name.startsWith(OFFLINE_CACHE_PREFIX)) : [];
}

export async function readMeta(cacheName: string): Promise<CopyMeta | null> {
  const cache = await caches.open(cacheName);
  const stored = await cache.match(COPY_META_PATH);
  return stored ? parseCopyMeta(await stored.json()) : null;
}

/** The complete copies that may still be used, newest first; expired ones are removed. */
export async function listOfflineCopies(now = Date.now()): Promise<OfflineCopy[]> {
  const copies: OfflineCopy[] = [];
  for (const cacheName of await offlineCacheNames()) {
    const parsed = parseOfflineCacheName(cacheName);
    if (!parsed || isCopyExpired(parsed.savedAtMs, now)) {
      await caches.delete(cacheName);
      continue;
    }
    const meta = await readMeta(cacheName);
    // No description: a copy still being written (or abandoned half-way); not listed.
    if (meta) copies.push({ ...meta, cacheName });
  }
  return copies.sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
}

/** The newest usable copy of a briefing, or `null`. */
export async function offlineCopyOf(briefingId: number): Promise<OfflineCopy | null> {
  return (await listOfflineCopies()).find((copy) => copy.briefingId === briefingId) ?? null;
}

/** Removes every copy of a briefing (complete or not). */
export async function removeOfflineCopy(briefingId: number): Promise<void> {
  for (const cacheName of await offlineCacheNames()) {
    if (parseOfflineCacheName(cacheName)?.briefingId === briefingId) await caches.delete(cacheName);
  }
}

/** Removes every offline copy: on sign-out, so the next person at this browser finds none. */
export async function clearOfflineCopies(): Promise<void> {
  for (const cacheName of await offlineCacheNames()) await caches.delete(cacheName);
}

/** Removes the copies another account stored (and unreadable ones): a new account never sees them. */
export async function forgetOtherAccountsCopies(userId: number): Promise<void> {
  for (const cacheName of await offlineCacheNames()) {
    const meta = await readMeta(cacheName);
    // A copy being written right now by this account has no description yet; it is kept only if it is recent.
    const parsed = parseOfflineCacheName(cacheName);
    const fresh = parsed !== null && Date.now() - parsed.savedAtMs < 10 * 60 * 1000;
    if (meta ? meta.userId !== userId : !fresh) await caches.delete(cacheName);
  }
}
