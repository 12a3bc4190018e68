// The server's tile cache (issue 25): encoded tiles kept in memory, bounded in bytes, least recently
// used first out, keyed by everything a tile's bytes depend on.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Scope } from '@pantau/domain';
import type { TileFilter, TileLayer } from './layers.js';
import type { TileCoordinate } from './tile-path.js';

/** A tile as sent: its bytes, and gzipped (most clients accept gzip; the gzip is paid once). Empty = 204. */
export interface CachedTile {
  raw: Uint8Array;
  gzip: Uint8Array;
}

/**
 * Bumped when the encoding of tiles changes (a new layer field, another simplification): keys and so
 * ETags then change, and no browser keeps a tile of the previous build as still valid.
 */
const TILE_FORMAT = 1;

/** What a cached entry costs besides its bytes (key, object, map slot): counted so that tiny tiles are bounded too. */
const ENTRY_OVERHEAD_BYTES = 200;

export interface TileKeyParts {
  layer: TileLayer;
  coordinate: TileCoordinate;
  filter: TileFilter;
  scope: Scope;
  /** Data versions of the tables (dataVersions of @pantau/db). */
  versions: ReadonlyMap<string, string>;
}

/**
 * The key of a tile: a hash of the layer, z/x/y, the resolved filters (asOf already made a date), the
 * scope's area set (not the user: users with the same scope share entries, a narrower scope never gets a
 * wider one's tile), the language when the layer names things in it, and the versions of the tables the
 * layer reads. Also the tile's ETag, so a browser's revalidation needs only the versions.
 */
export function tileKey({ layer, coordinate, filter, scope, versions }: TileKeyParts): string {
  const { lang, ...rest } = filter;
  const parts = {
    format: TILE_FORMAT,
    layer: layer.id,
    // A string: arrays of plain values are sorted below.
    tile: `${coordinate.z}/${coordinate.x}/${coordinate.y}`,
    filter: { ...rest, ...(layer.filters.includes('lang') ? { lang: lang ?? 'id' } : {}) },
    scope: scope === null ? '*' : [...new Set(scope.areaCodes)].sort(),
    versions: layer.reads.map((table) => {
      const version = versions.get(table);
      // A table without a counter would make a key that no write ever changes: refuse rather than serve stale tiles.
      if (version === undefined) throw new Error(`No data version for table ${table} (migration 0019)`);
      return `${table}:${version}`;
    }),
  };
  return createHash('sha256').update(canonicalJson(parts)).digest('base64url');
}

/**
 * JSON with object keys sorted, absent values dropped and arrays of plain values sorted: every list in a
 * tile filter is a set (nationalities, permit types, categories, statuses), so `CHN,JPN` and `JPN,CHN`
 * share an entry. Anything whose order matters goes in as a string.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map(canonicalJson);
    if (value.every((v) => v === null || typeof v !== 'object')) items.sort();
    return `[${items.join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface TileCache {
  get(key: string): CachedTile | undefined;
  set(key: string, tile: CachedTile): void;
  /** Bytes held, as counted against the bound. */
  readonly bytes: number;
  readonly size: number;
}

/** A cache of at most `maxBytes`; null when 0 (PANTAU_TILE_CACHE_MB=0: every tile is made per request). */
export function tileCache(maxBytes: number): TileCache | null {
  if (maxBytes <= 0) return null;
  const cache = new LRUCache<string, CachedTile>({
    maxSize: maxBytes,
    // A single tile larger than an eighth of the cache would push out many others for one view: not kept.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
    sizeCalculation: (tile, key) => tile.raw.byteLength + tile.gzip.byteLength + key.length + ENTRY_OVERHEAD_BYTES,
  });
  return {
    get: (key) => cache.get(key),
    set: (key, tile) => {
      cache.set(key, tile);
    },
    get bytes() {
      return cache.calculatedSize;
    },
    get size() {
      return cache.size;
    },
  };
}
