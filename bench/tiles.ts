// Issue 4: tile latency over HTTP (server backend) against the bare ST_AsMVT query in the same
// process, the JS encoder against ST_AsMVT on the same rows, and the largest tile. Issue 25: over HTTP
// both cold (every request misses the tile cache: data versions, scoped read, gzip) and warm (hits).
// Layers with a `prepare` step (hot spots: an analysis of a whole study area, which a national scope
// must name) are left out: their cost is the analysis, shared by a view's tiles, not the tile query.
import { createApp, startHttpServer } from '@pantau/api';
import { benchSessionCookie } from './session.js';
import { encodeWithJs, encodeWithPostgis, TILE_LAYERS, type TileCoordinate } from '@pantau/api/tiles';
import type { Database } from '@pantau/db';
import { compare, ms, ratio } from './measure.js';
import { recordFigure } from './results.js';

const DENSE_PLACES: Array<[string, number, number]> = [
  ['Jakarta', 106.82, -6.2],
  ['Morowali', 122.17, -2.83],
  ['Batam', 104.03, 1.1],
  ['Badung', 115.17, -8.65],
  ['Bekasi', 107.15, -6.3],
];

function tileAt(lng: number, lat: number, z: number): TileCoordinate {
  const n = 2 ** z;
  const φ = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(φ) + 1 / Math.cos(φ)) / Math.PI) / 2) * n) };
}

export async function benchTiles(database: Database, rounds: number): Promise<void> {
  if (database.kind !== 'postgres') {
    console.log('tiles: skipped — the tile ratios need the server backend (set DATABASE_URL)');
    return;
  }
  const context = { filter: { permit: { asOf: '2024-06-13' } }, scope: null };
  const appWith = (tileCacheBytes: number) =>
    createApp({
      database,
      config: { trustProxy: false, logLevel: 'warn', tileCacheBytes },
      clock: { now: () => new Date('2024-06-13T03:00:00Z') },
      log: () => {},
    });
  const cookie = await benchSessionCookie(database);
  // Cold: a one-byte cache keeps no tile, so every request pays what a miss pays. Warm: the default cache.
  const { server, port } = await startHttpServer(appWith(1).fetch, { port: 0, hostname: '127.0.0.1' });
  const { server: warmServer, port: warmPort } = await startHttpServer(appWith(64 * 1024 * 1024).fetch, { port: 0, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const warmBase = `http://127.0.0.1:${warmPort}`;
  try {
    for (const z of [5, 8, 11]) {
      const tiles = [...new Map(DENSE_PLACES.map(([, lng, lat]) => tileAt(lng, lat, z)).map((t) => [`${t.x}/${t.y}`, t])).values()];
      const jobs = TILE_LAYERS.filter((l) => z >= l.minzoom && !l.prepare).flatMap((layer) => tiles.map((tile) => ({ layer, tile })));
      let largest = { bytes: 0, name: '' };
      for (const { layer, tile } of jobs) {
        const bytes = (await encodeWithPostgis(database.orm, layer, tile, context)).length;
        if (bytes > largest.bytes) largest = { bytes, name: `${layer.id}/${tile.z}/${tile.x}/${tile.y}` };
      }
      const overHttpAt = (origin: string, expected: 'hit' | 'miss') => async (i: number) => {
        const { layer, tile } = jobs[i % jobs.length]!;
        const response = await fetch(
          `${origin}/tiles/${layer.id}/${tile.z}/${tile.x}/${tile.y}.mvt${layer.filters.includes('asOf') ? '?asOf=2024-06-13' : ''}`,
          { headers: { 'Accept-Encoding': 'identity', cookie } },
        );
        if (response.status !== 200 && response.status !== 204) throw new Error(`tile answered ${response.status}`);
        // The warm-up (the first pass over the jobs) fills the cache; after it, anything else would measure something else.
        if (expected === 'miss' && response.headers.get('x-pantau-cache') !== 'miss')
          throw new Error(`cold tile answered from the cache (${response.headers.get('x-pantau-cache')})`);
        await response.arrayBuffer();
      };
      const overHttp = overHttpAt(base, 'miss');
      const warmHttp = overHttpAt(warmBase, 'hit');
      const bare = async (i: number) => {
        const { layer, tile } = jobs[i % jobs.length]!;
        await encodeWithPostgis(database.orm, layer, tile, context);
      };
      const js = async (i: number) => {
        const { layer, tile } = jobs[i % jobs.length]!;
        await encodeWithJs(database.orm, layer, tile, context);
      };
      const n = rounds * jobs.length;
      const http = await compare(n, jobs.length, overHttp, bare);
      const warm = await compare(n, jobs.length, warmHttp, bare);
      const encoder = await compare(n, jobs.length, js, bare);
      console.log(`tiles z${z}: ${jobs.length} tiles (${tiles.length} dense places × ${jobs.length / tiles.length} layers), ${n} requests each`);
      console.log(`  bare ST_AsMVT query     p50 ${ms(http.baseline.p50)}  p95 ${ms(http.baseline.p95)}`);
      console.log(
        `  GET /tiles/… cold       p50 ${ms(http.candidate.p50)}  p95 ${ms(http.candidate.p95)}  ratio p50 ${ratio(http.candidate.p50, http.baseline.p50)} p95 ${ratio(http.candidate.p95, http.baseline.p95)} (target ≤ 1.15×)`,
      );
      console.log(
        `  GET /tiles/… warm (hit) p50 ${ms(warm.candidate.p50)}  p95 ${ms(warm.candidate.p95)}  ratio p50 ${ratio(warm.candidate.p50, warm.baseline.p50)} (target ≤ 0.1×)`,
      );
      const round = (v: number) => Math.round(v * 100) / 100;
      const figures: Array<[name: string, ratio: number, max: number]> = [
        [`z${z} cold tile over HTTP p50 / bare ST_AsMVT p50`, http.candidate.p50 / http.baseline.p50, 1.15],
        [`z${z} cold tile over HTTP p95 / bare ST_AsMVT p95`, http.candidate.p95 / http.baseline.p95, 1.15],
        [`z${z} warm tile over HTTP p50 / bare ST_AsMVT p50`, warm.candidate.p50 / warm.baseline.p50, 0.1],
      ];
      for (const [name, value, max] of figures) recordFigure({ bench: 'tiles', name, value: round(value), unit: '×', target: { max } });
      console.log(
        `  JS encoder (PGlite path) p50 ${ms(encoder.candidate.p50)}  p95 ${ms(encoder.candidate.p95)}  ratio p50 ${ratio(encoder.candidate.p50, encoder.baseline.p50)} p95 ${ratio(encoder.candidate.p95, encoder.baseline.p95)} (target ≤ 2×)`,
      );
      console.log(`  largest tile ${(largest.bytes / 1024).toFixed(1)} KB (${largest.name}; limit 500 KB)`);
    }
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise<void>((r) => warmServer.close(() => r()));
  }
}
