// The tile service on each backend: the HTTP contract, the two encoders agreeing, and tile contents
// checked against the boundary files with turf.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { serve } from '@hono/node-server';
import { findBoundariesDir, loadConfig } from '@pantau/data';
import { queryRows, sql } from '@pantau/db';
import { area, bboxPolygon, booleanIntersects, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount, type TestAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';
import { encodeWithJs } from './encode-js.js';
import { encodeWithPostgis } from './encode-postgis.js';
import { TILE_LAYERS, TILE_LAYER_BY_ID } from './layers.js';
import { tileBounds, type TileCoordinate } from './tile-path.js';
import { BUFFER, EXTENT } from './tile-sql.js';

const execFileAsync = promisify(execFile);
const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const context = { filter: { permit: { asOf: '2024-06-13' } }, scope: null };
/** The hot spots of a national scope are computed per area (issue 18): the samples name Banten, where the fixture has some. */
const HOT_SPOT_AREA = '36';
const contextOf = (layerId: string) => (layerId === 'hot_spots' ? { ...context, filter: { ...context.filter, area: HOT_SPOT_AREA } } : context);
const sampleQuery = (layerId: string) => (layerId === 'hot_spots' ? `?area=${HOT_SPOT_AREA}` : '');

/** Jakarta, Bangka, Morowali, Bali at several zooms, and open sea. */
const SAMPLE_TILES: Array<[string, number, number, number]> = [
  ['provinces', 4, 12, 8],
  ['provinces', 5, 25, 16],
  ['regencies', 5, 25, 16],
  ['regencies', 6, 51, 32],
  ['regencies', 8, 203, 132],
  ['regencies', 8, 199, 138],
  ['districts', 8, 203, 129],
  ['districts', 11, 1631, 1059],
  ['company_sites', 5, 26, 16],
  ['company_sites', 8, 203, 132],
  ['company_sites', 11, 1631, 1059],
  ['operation_targets', 5, 25, 16],
  ['operation_targets', 9, 406, 264],
  ['risk_areas', 6, 51, 32],
  ['risk_areas', 8, 203, 129],
  ['entry_points', 4, 12, 8],
  ['reports', 5, 26, 16],
  ['reports', 9, 406, 264],
  ['meetings', 5, 25, 16],
  ['meetings', 8, 203, 129],
  ['coverage_gaps', 8, 203, 129],
  ['coverage_gaps', 6, 51, 32],
  ['hot_spots', 5, 25, 16],
  ['hot_spots', 9, 406, 265],
];

function decode(bytes: Uint8Array, layer: string): VectorTileLayer | undefined {
  return bytes.length ? new VectorTile(new PbfReader(bytes)).layers[layer] : undefined;
}

/** Net area in tile units of a decoded polygon feature (exterior positive, holes negative). */
function tileArea(layer: VectorTileLayer, index: number): number {
  let total = 0;
  for (const ring of layer.feature(index).loadGeometry()) {
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]!.x * ring[i]!.y - ring[i]!.x * ring[j]!.y;
    total += sum / 2;
  }
  return total;
}

function featuresById(layer: VectorTileLayer | undefined) {
  const out = new Map<number, { properties: Record<string, unknown>; area: number; first: { x: number; y: number } }>();
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const f = layer!.feature(i);
    out.set(Number(f.id), { properties: f.properties, area: f.type === 3 ? tileArea(layer!, i) : 0, first: f.loadGeometry()[0]![0]! });
  }
  return out;
}

function expectSameTile(a: Uint8Array, b: Uint8Array, layerId: string) {
  const fa = featuresById(decode(a, layerId));
  const fb = featuresById(decode(b, layerId));
  expect([...fb.keys()].sort()).toEqual([...fa.keys()].sort());
  for (const [id, f] of fa) {
    const g = fb.get(id)!;
    expect(g.properties).toEqual(f.properties);
    // Within 1%, or a quarter of a screen pixel (64 tile units²) for slivers where rounding dominates.
    if (f.area !== 0 || g.area !== 0)
      expect(Math.abs(g.area - f.area), `${layerId} feature ${id}: ${f.area} vs ${g.area}`).toBeLessThanOrEqual(Math.max(0.01 * Math.abs(f.area), 64));
    else expect(Math.hypot(g.first.x - f.first.x, g.first.y - f.first.y)).toBeLessThanOrEqual(1.5);
  }
}

/** Null when this database's PostGIS encodes MVT, else its error message. */
async function asMvtUnavailable(database: TestDatabase['database']): Promise<string | null> {
  try {
    await queryRows(
      database.orm,
      sql`select ST_AsMVT(t) as tile from (select 1 as id, ST_AsMVTGeom(ST_MakePoint(1, 1), ST_MakeEnvelope(0, 0, 10, 10)) as geom) as t`,
    );
    return null;
  } catch (error) {
    // drizzle's "Failed query: …" wraps the database's own reason.
    const reason = (error as Error).cause ?? error;
    return reason instanceof Error ? reason.message : String(reason);
  }
}

describe.each(testBackends())('tiles on %s', (backend) => {
  let t: TestDatabase;
  let server: ReturnType<typeof createApp>;
  let app: ReturnType<typeof as>;
  let admin: TestAccount;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    server = createApp({ database: t.database, config: { trustProxy: true, logLevel: 'warn' }, clock, log: () => {} });
    admin = await signedInAccount(t.database, 'admin');
    app = as(server, admin);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('GET /tiles lists every layer with its TileJSON URL', async () => {
    const body = (await (await app.request('http://pantau.test/tiles')).json()) as { layers: Array<{ id: string; tilejson: string }> };
    expect(body.layers.map((l) => l.id)).toEqual(TILE_LAYERS.map((l) => l.id));
    expect(body.layers[0]!.tilejson).toBe('http://pantau.test/tiles/provinces.json');
  });

  test('TileJSON 3.0 names the layer, its fields, zooms, bounds and an absolute tiles URL carrying the filters', async () => {
    // Behind an HTTPS proxy the browser holds the session in the `__Host-` cookie, the only name read there.
    const response = await server.request('http://pantau.test/tiles/districts.json?asOf=2024-06-13&nationality=CHN,JPN&sponsor=7', {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'maps.example.go.id', cookie: `__Host-${admin.cookie}` },
    });
    const tilejson = (await response.json()) as Record<string, any>;
    expect(tilejson).toMatchObject({ tilejson: '3.0.0', minzoom: 7, maxzoom: 14, scheme: 'xyz' });
    expect(tilejson.tiles).toEqual(['https://maps.example.go.id/tiles/districts/{z}/{x}/{y}.mvt?asOf=2024-06-13&nationality=CHN,JPN&sponsor=7']);
    expect(tilejson.bounds).toHaveLength(4);
    expect(tilejson.center).toHaveLength(3);
    expect(tilejson.attribution).toContain('MIT');
    expect(tilejson.vector_layers[0]).toMatchObject({
      id: 'districts',
      fields: { code: 'String', name: 'String', total: 'Number', itas: 'Number', itap: 'Number' },
    });
  });

  test('a tile is MVT, gzipped when accepted, with a strong ETag that answers 304, revalidated on every use', async () => {
    const url = '/tiles/regencies/8/203/132.mvt?asOf=2024-06-13';
    const gz = await app.request(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // Its ETag is the server cache's key (tile-cache.int.test.ts): revalidating costs no tile work.
    expect(gz.headers.get('cache-control')).toBe('private, no-cache');
    const etag = gz.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const raw = gunzipSync(new Uint8Array(await gz.arrayBuffer()));
    expect(decode(raw, 'regencies')!.length).toBeGreaterThan(0);
    expect((await app.request(url, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } })).status).toBe(304);
    const plain = await app.request(url);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(new Uint8Array(raw));
    // Without the server cache, the layer's own max-age applies.
    const uncached = as(createApp({ database: t.database, config: { trustProxy: true, logLevel: 'warn', tileCacheBytes: 0 }, clock, log: () => {} }), admin);
    expect((await uncached.request('/tiles/reports/9/406/264.mvt')).headers.get('cache-control')).toBe('private, max-age=60');
  });

  test('an empty tile answers 204; bad coordinates 400; an unknown layer 404', async () => {
    expect((await app.request('/tiles/regencies/8/199/138.mvt')).status).toBe(204);
    expect((await app.request('/tiles/districts/4/12/8.mvt')).status).toBe(204);
    for (const bad of [
      '/tiles/regencies/5/32/1.mvt',
      '/tiles/regencies/5/1/-1.mvt',
      '/tiles/regencies/a/1/1.mvt',
      '/tiles/regencies/23/1/1.mvt',
      '/tiles/regencies/5/1.5/1.mvt',
    ]) {
      const response = await app.request(bad);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_parameter');
    }
    const unknown = await app.request('/tiles/permits/5/25/16.mvt');
    expect(unknown.status).toBe(404);
    expect((await app.request('/tiles/permits.json')).status).toBe(404);
    expect((await app.request('/tiles/regencies/5/25/16.mvt?asOf=13-06-2024')).status).toBe(400);
  });

  test('the permit counts in the regency tile are those of the aggregates API for the same filters', async () => {
    const layer = decode(new Uint8Array(await (await app.request('/tiles/regencies/8/203/129.mvt?asOf=2024-06-13')).arrayBuffer()), 'regencies')!;
    const bangkaTengah = featuresById(layer).get(1904)!;
    expect(bangkaTengah.properties).toMatchObject({ code: '19.04', itas: 22, itap: 6 });
    const chinese = decode(
      new Uint8Array(await (await app.request('/tiles/regencies/8/203/129.mvt?asOf=2024-06-13&nationality=CHN')).arrayBuffer()),
      'regencies',
    )!;
    const stats = (await (await app.request('/api/v1/stats/permits?level=regency&parent=19&asOf=2024-06-13&nationality=CHN')).json()) as {
      areas: Array<{ code: string; total: number }>;
    };
    expect(featuresById(chinese).get(1904)!.properties.total).toBe(stats.areas.find((a) => a.code === '19.04')!.total);
  });

  test('no tile layer carries personal data', async () => {
    const personal = /holder|permit_number|passport|address|reporter|phone/i;
    for (const layer of TILE_LAYERS) for (const field of Object.keys(layer.fields)) expect(field).not.toMatch(personal);
    for (const [layerId, z, x, y] of SAMPLE_TILES) {
      const bytes = new Uint8Array(await (await app.request(`/tiles/${layerId}/${z}/${x}/${y}.mvt${sampleQuery(layerId)}`)).arrayBuffer());
      const layer = decode(bytes, layerId);
      for (let i = 0; i < (layer?.length ?? 0); i++) for (const key of Object.keys(layer!.feature(i).properties)) expect(key).not.toMatch(personal);
    }
  });

  test('the regency codes in a tile are exactly those whose polygons meet the buffered tile (turf on the source files)', async () => {
    const source = JSON.parse(readFileSync(resolve(findBoundariesDir(loadConfig({}).boundariesDir), 'regencies.geojson'), 'utf8')) as {
      features: Array<Feature<Polygon | MultiPolygon, { code: string }>>;
    };
    for (const tile of [
      { z: 6, x: 51, y: 32 },
      { z: 7, x: 101, y: 66 },
      { z: 7, x: 110, y: 66 },
    ] as TileCoordinate[]) {
      const [w, s, e, n] = tileBounds(tile);
      const pad = (BUFFER / EXTENT) * (e - w);
      // Every regency with at least a screen pixel of land in the tile is there (a smaller islet
      // vanishes when snapped to the tile grid, as it should), and none from beyond the buffer.
      const pixelM2 = (((e - w) / 256) * 111_320) ** 2;
      const tilePolygon = bboxPolygon([w, s, e, n]);
      const expected = new Set(
        source.features
          .filter((f) => {
            if (!booleanIntersects(f, tilePolygon)) return false;
            const part = intersect(featureCollection([f, tilePolygon]));
            return part !== null && area(part) >= pixelM2;
          })
          .map((f) => f.properties.code),
      );
      const outer = bboxPolygon([w - pad, s - pad, e + pad, n + pad]);
      const allowed = new Set(source.features.filter((f) => booleanIntersects(f, outer)).map((f) => f.properties.code));
      const bytes = new Uint8Array(await (await app.request(`/tiles/regencies/${tile.z}/${tile.x}/${tile.y}.mvt`)).arrayBuffer());
      const codes = new Set([...featuresById(decode(bytes, 'regencies')).values()].map((f) => String(f.properties.code)));
      for (const code of expected) expect(codes.has(code), `${code} in ${tile.z}/${tile.x}/${tile.y}`).toBe(true);
      for (const code of codes) expect(allowed.has(code), `${code} not near ${tile.z}/${tile.x}/${tile.y}`).toBe(true);
    }
  });

  test('a province drawn in a low-zoom tile covers its own land there, not the whole tile (Kalimantan Timur filled z3/6/3 from a clipped, simplified ring)', async () => {
    const source = JSON.parse(readFileSync(resolve(findBoundariesDir(loadConfig({}).boundariesDir), 'provinces.geojson'), 'utf8')) as {
      features: Array<Feature<Polygon | MultiPolygon, { code: string }>>;
    };
    for (const tile of [
      { z: 3, x: 6, y: 3 },
      { z: 3, x: 6, y: 4 },
      { z: 4, x: 12, y: 7 },
      { z: 4, x: 13, y: 7 },
      { z: 4, x: 13, y: 8 },
    ] as TileCoordinate[]) {
      // The tile with its buffer (polygons are clipped to it), as longitude/latitude.
      const world = EXTENT * 2 ** tile.z;
      const lngOf = (units: number) => ((tile.x * EXTENT + units) / world) * 360 - 180;
      const latOf = (units: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * (tile.y * EXTENT + units)) / world))) * 180) / Math.PI;
      const tilePolygon = bboxPolygon([lngOf(-BUFFER), latOf(EXTENT + BUFFER), lngOf(EXTENT + BUFFER), latOf(-BUFFER)]);
      // Longitude/latitude → tile units (Web Mercator), as the tile's grid is laid out.
      const toTile = ([lng, lat]: number[]) => [
        ((lng! + 180) / 360) * world - tile.x * EXTENT,
        ((1 - Math.log(Math.tan(Math.PI / 4 + (lat! * Math.PI) / 360)) / Math.PI) / 2) * world - tile.y * EXTENT,
      ];
      const mercatorArea = (geometry: Polygon | MultiPolygon) =>
        (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
          .flatMap((polygon) =>
            polygon.map((ring, i) => {
              const points = ring.map(toTile);
              let sum = 0;
              for (let k = 0, j = points.length - 1; k < points.length; j = k++) sum += points[j]![0]! * points[k]![1]! - points[k]![0]! * points[j]![1]!;
              return (i === 0 ? 1 : -1) * Math.abs(sum / 2);
            }),
          )
          .reduce((a, b) => a + b, 0);
      const drawn = featuresById(
        decode(new Uint8Array(await (await app.request(`/tiles/provinces/${tile.z}/${tile.x}/${tile.y}.mvt`)).arrayBuffer()), 'provinces'),
      );
      expect(drawn.size, `provinces in ${tile.z}/${tile.x}/${tile.y}`).toBeGreaterThan(0);
      for (const feature of drawn.values()) {
        const province = source.features.find((f) => f.properties.code === feature.properties.code)!;
        const part = intersect(featureCollection([province, tilePolygon]));
        const land = part ? mercatorArea(part.geometry) : 0;
        // Simplified to half a grid unit and snapped to it: within 5 %, or a few screen pixels for a sliver.
        expect(
          Math.abs(feature.area - land),
          `${feature.properties.code} in ${tile.z}/${tile.x}/${tile.y}: drawn ${Math.round(feature.area)}, land ${Math.round(land)} tile units²`,
        ).toBeLessThanOrEqual(Math.max(0.05 * land, 2000));
      }
    }
  });

  // GDAL (Debian's gdal-bin, installed by .ci/run) reads what other GIS tools read. Reported as skipped
  // on a machine without ogrinfo, never left out.
  test.skipIf(!existsSync('/usr/bin/ogrinfo'))("GDAL opens a tile and the TileJSON and lists the layer and its fields (needs gdal-bin's ogrinfo)", async () => {
    const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => http.once('listening', () => r()));
    const { port } = http.address() as { port: number };
    try {
      const base = `http://127.0.0.1:${port}`;
      // Asynchronously: the server answering GDAL runs in this process.
      // A GIS client signs its requests with the session token as a bearer token (docs/access-control.md, GIS clients; docs/tiles.md, QGIS and GDAL).
      const env = { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${admin.cookie.split('=')[1]}` };
      const run = async (args: string[]) => (await execFileAsync('ogrinfo', args, { encoding: 'utf8', timeout: 60_000, env })).stdout;
      const single = await run(['-ro', '-al', '-so', `MVT:${base}/tiles/regencies/8/203/129.mvt`]);
      expect(single).toContain('Layer name: regencies');
      expect(single).toMatch(/Pseudo-Mercator/);
      expect(single).toMatch(/code: String/);
      const tileset = await run([
        '-ro',
        '-al',
        '-so',
        `MVT:${base}/tiles/regencies/8`,
        '-oo',
        'TILE_EXTENSION=mvt',
        '-oo',
        `METADATA_FILE=${base}/tiles/regencies.json`,
      ]);
      expect(tileset).toContain('Layer name: regencies');
      expect(tileset).toMatch(/total: (Real|Integer)/);
    } finally {
      await new Promise<void>((r) => http.close(() => r()));
    }
  });

  // The server's PostGIS must have ST_AsMVT (the tiles use it there). PGlite's is built without
  // protobuf-c (GUIDE §6): there the test is reported as skipped with the database's own reason, and runs
  // by itself once pglite-postgis ships an encoder. Without DATABASE_URL the JS encoder is then compared
  // with ST_AsMVT nowhere: CI sets it ('tiles across backends' below compares PGlite with the server).
  test('ST_AsMVT and the JS encoder give the same features, properties and areas', async ({ skip }) => {
    const unavailable = await asMvtUnavailable(t.database);
    skip(backend === 'pglite' && unavailable !== null, `ST_AsMVT is not available on PGlite: ${unavailable}`);
    for (const [layerId, z, x, y] of SAMPLE_TILES) {
      const layer = TILE_LAYER_BY_ID.get(layerId)!;
      const server = await encodeWithPostgis(t.database.orm, layer, { z, x, y }, contextOf(layerId));
      const js = await encodeWithJs(t.database.orm, layer, { z, x, y }, contextOf(layerId));
      expectSameTile(server, js, layerId);
    }
  });
});

// Needs both backends (DATABASE_URL set): reported as skipped on PGlite alone.
describe.skipIf(testBackends().length < 2)('tiles across backends', () => {
  test('the embedded encoder on PGlite matches ST_AsMVT on the server, tile for tile', async () => {
    const [pglite, server] = [await openFixtureDatabase('pglite'), await openFixtureDatabase('postgres')];
    try {
      for (const [layerId, z, x, y] of SAMPLE_TILES) {
        const layer = TILE_LAYER_BY_ID.get(layerId)!;
        expectSameTile(
          await encodeWithPostgis(server.database.orm, layer, { z, x, y }, contextOf(layerId)),
          await encodeWithJs(pglite.database.orm, layer, { z, x, y }, contextOf(layerId)),
          layerId,
        );
      }
    } finally {
      await pglite.dispose();
      await server.dispose();
    }
  });
});
