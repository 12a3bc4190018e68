// Issue 4: tile latency over HTTP (server backend) against the bare ST_AsMVT query in the same
// process, the JS encoder against ST_AsMVT on the same rows, and the largest tile.
import { createApp, startHttpServer } from '@pantau/api';
import { benchSessionCookie } from './session.js';
import { encodeWithJs, encodeWithPostgis, TILE_LAYERS, type TileCoordinate } from '@pantau/api/tiles';
import type { Database } from '@pantau/db';
import { compare, ms, ratio } from './measure.js';

const DENSE_PLACES: Array<[string, number, number]> = [
  ['Jakarta', 106.82, -6.2], ['Morowali', 122.17, -2.83], ['Batam', 104.03, 1.1], ['Badung', 115.17, -8.65], ['Bekasi', 107.15, -6.3],
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
  const app = createApp({ database, config: { trustProxy: false, logLevel: 'warn' }, clock: { now: () => new Date('2024-06-13T03:00:00Z') }, log: () => {} });
  const cookie = await benchSessionCookie(database);
  const { server, port } = await startHttpServer(app.fetch, { port: 0, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (const z of [5, 8, 11]) {
      const tiles = [...new Map(DENSE_PLACES.map(([, lng, lat]) => tileAt(lng, lat, z)).map((t) => [`${t.x}/${t.y}`, t])).values()];
      const jobs = TILE_LAYERS.filter((l) => z >= l.minzoom).flatMap((layer) => tiles.map((tile) => ({ layer, tile })));
      let largest = { bytes: 0, name: '' };
      for (const { layer, tile } of jobs) {
        const bytes = (await encodeWithPostgis(database.orm, layer, tile, context)).length;
        if (bytes > largest.bytes) largest = { bytes, name: `${layer.id}/${tile.z}/${tile.x}/${tile.y}` };
      }
      const overHttp = async (i: number) => {
        const { layer, tile } = jobs[i % jobs.length]!;
        const response = await fetch(`${base}/tiles/${layer.id}/${tile.z}/${tile.x}/${tile.y}.mvt${layer.filters.includes('asOf') ? '?asOf=2024-06-13' : ''}`, { headers: { 'Accept-Encoding': 'identity', cookie } });
        if (response.status !== 200 && response.status !== 204) throw new Error(`tile answered ${response.status}`);
        await response.arrayBuffer();
      };
      const bare = async (i: number) => { const { layer, tile } = jobs[i % jobs.length]!; await encodeWithPostgis(database.orm, layer, tile, context); };
      const js = async (i: number) => { const { layer, tile } = jobs[i % jobs.length]!; await encodeWithJs(database.orm, layer, tile, context); };
      const n = rounds * jobs.length;
      const http = await compare(n, jobs.length, overHttp, bare);
      const encoder = await compare(n, jobs.length, js, bare);
      console.log(`tiles z${z}: ${jobs.length} tiles (${tiles.length} dense places × ${jobs.length / tiles.length} layers), ${n} requests each`);
      console.log(`  bare ST_AsMVT query     p50 ${ms(http.baseline.p50)}  p95 ${ms(http.baseline.p95)}`);
      console.log(`  GET /tiles/… over HTTP  p50 ${ms(http.candidate.p50)}  p95 ${ms(http.candidate.p95)}  ratio p50 ${ratio(http.candidate.p50, http.baseline.p50)} p95 ${ratio(http.candidate.p95, http.baseline.p95)} (target ≤ 1.15×)`);
      console.log(`  JS encoder (PGlite path) p50 ${ms(encoder.candidate.p50)}  p95 ${ms(encoder.candidate.p95)}  ratio p50 ${ratio(encoder.candidate.p50, encoder.baseline.p50)} p95 ${ratio(encoder.candidate.p95, encoder.baseline.p95)} (target ≤ 2×)`);
      console.log(`  largest tile ${(largest.bytes / 1024).toFixed(1)} KB (${largest.name}; limit 500 KB)`);
    }
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}
