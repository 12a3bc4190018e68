// The app's memo of tile preparations (the hot spots' analysis): shared by the tiles of a view.
import { LRUCache } from 'lru-cache';
import type { TileMemo } from './layers.js';

/**
 * The app's memo of tile preparations (hot spots): a view's 20 tiles share one analysis, and tiles
 * asked while it runs wait for it rather than start their own. Kept a minute (tiles are cached five),
 * at most 32 analyses; a failed one is not kept.
 */
export function tileMemo(options: { max?: number; ttlMs?: number } = {}): TileMemo {
  const cache = new LRUCache<string, Promise<unknown>>({ max: options.max ?? 32, ttl: options.ttlMs ?? 60_000 });
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const held = cache.get(key);
    if (held) return held as Promise<T>;
    const running = compute();
    cache.set(key, running);
    running.catch(() => {
      if (cache.get(key) === running) cache.delete(key);
    });
    return running;
  };
}
