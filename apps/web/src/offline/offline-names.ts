// Names shared by the page (which stores a briefing for offline use) and the service worker (which
// serves it when the network fails): cache names, the keys of the entries every copy holds, the
// header that marks a stored answer, and how long a copy may be used. Pure and free of DOM types, so
// it compiles for the page and for the worker alike.

/** Every offline copy's cache name starts so; the number changes when the layout of a copy does. */
export const OFFLINE_CACHE_PREFIX = 'pantau-offline-v1:';

/** Hashed files of the app (`/assets/*`) the worker keeps as they are fetched; one per build. */
export const ASSET_CACHE_PREFIX = 'pantau-assets-';

/** The app shell's key in a copy: navigations fall back to it when the network fails. */
export const SHELL_PATH = '/index.html';

/** The build's list of the app's files and their sizes, written next to `sw.js`. */
export const SHELL_MANIFEST_PATH = '/offline-shell.json';

/** A copy's own description (who stored it, when, how big), stored inside the copy. */
export const COPY_META_PATH = '/__pantau-offline/copy.json';

/** Set on every answer the worker serves from an offline copy; the value is when it was stored (ISO). */
export const OFFLINE_COPY_HEADER = 'X-Pantau-Offline-Copy';

/**
 * A copy is not served after this long: a session cannot outlive its 7-day absolute limit on the
 * server, and a stored copy, used without asking the server, does not either.
 */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface CopyMeta {
  briefingId: number;
  title: string;
  /** The account that stored it: copies of another account are removed when someone else signs in. */
  userId: number;
  /** ISO instant. */
  savedAt: string;
  bytes: number;
  files: number;
}

/** The cache of one stored copy of a briefing; `savedAt` makes an update a new cache beside the old one. */
export function offlineCacheName(briefingId: number, savedAt: Date): string {
  return `${OFFLINE_CACHE_PREFIX}briefing:${briefingId}:${savedAt.getTime()}`;
}

/** The briefing and the moment of an offline copy's cache name; `null` for any other cache. */
export function parseOfflineCacheName(name: string): { briefingId: number; savedAtMs: number } | null {
  if (!name.startsWith(OFFLINE_CACHE_PREFIX)) return null;
  const match = /^briefing:([1-9]\d{0,15}):(\d{1,15})$/.exec(name.slice(OFFLINE_CACHE_PREFIX.length));
  if (!match) return null;
  return { briefingId: Number(match[1]), savedAtMs: Number(match[2]) };
}

export function assetCacheName(version: string): string {
  return `${ASSET_CACHE_PREFIX}${version}`;
}

/** True once a copy stored at `savedAtMs` may no longer be served at `nowMs` (or when the clock says it is from the future). */
export function isCopyExpired(savedAtMs: number, nowMs: number): boolean {
  return nowMs - savedAtMs > OFFLINE_MAX_AGE_MS || savedAtMs - nowMs > 5 * 60 * 1000;
}

/** A copy's description as stored, or `null` when it is not one. */
export function parseCopyMeta(value: unknown): CopyMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const { briefingId, title, userId, savedAt, bytes, files } = value as Record<string, unknown>;
  if (typeof briefingId !== 'number' || typeof title !== 'string' || typeof userId !== 'number' || typeof savedAt !== 'string') return null;
  if (typeof bytes !== 'number' || typeof files !== 'number' || !Number.isFinite(Date.parse(savedAt))) return null;
  return { briefingId, title, userId, savedAt, bytes, files };
}
