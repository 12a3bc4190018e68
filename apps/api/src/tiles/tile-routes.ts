// GET /tiles, /tiles/{layer}.json (TileJSON 3.0) and /tiles/{layer}/{z}/{x}/{y}.mvt.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { z } from '@hono/zod-openapi';
import { COVERAGE_MONTHS, HOT_SPOT_PARAMS, INDONESIA_BBOX, REPORT_CATEGORIES, REPORT_STATUSES, RISK_CATEGORIES, todayInJakarta } from '@pantau/domain';
import { Hono, type Context } from 'hono';
import { dataVersions } from '@pantau/db';
import { principalOf, readerOf, scopeOf } from '../auth/request-context.js';
import { DEFAULT_TILE_CACHE_MB } from '../config.js';
import { readsOf, type AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { refuseUnknownParameters } from '../routes/query-guard.js';
import { csvList, isoDateParam, langParam, permitFilterParams, planningAreaParam, textLangOf, toPermitFilter, wholeNumberParam } from '../routes/params.js';
import { encodeWithJs } from './encode-js.js';
import { encodeWithPostgis } from './encode-postgis.js';
import { TILE_LAYER_BY_ID, TILE_LAYERS, type FilterName, type TileFilter, type TileLayer, type TileMemo } from './layers.js';
import { tileCache, tileKey, type CachedTile } from './tile-cache.js';
import { singleFlight } from '../single-flight.js';
import { tileMemo } from './tile-memo.js';
import { parseTileCoordinate } from './tile-path.js';

const ATTRIBUTION = 'Batas wilayah © Cahya DSN, cahyadsn/wilayah_boundaries (MIT) · Pantau';
const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

const categories = [...new Set([...RISK_CATEGORIES, ...REPORT_CATEGORIES])];
const tileQuery = z.object({
  ...permitFilterParams,
  from: isoDateParam.optional(),
  to: isoDateParam.optional(),
  category: z
    .string()
    .refine((s) => s.split(',').every((v) => categories.includes(v.trim() as never)), `comma-separated values among ${categories.join(', ')}`)
    .optional(),
  status: z
    .string()
    .refine((s) => s.split(',').every((v) => REPORT_STATUSES.includes(v.trim() as never)), `comma-separated values among ${REPORT_STATUSES.join(', ')}`)
    .optional(),
  months: wholeNumberParam(COVERAGE_MONTHS.min, COVERAGE_MONTHS.max).optional(),
  resolution: wholeNumberParam(HOT_SPOT_PARAMS.resolution.min, HOT_SPOT_PARAMS.resolution.max).optional(),
  area: planningAreaParam.optional(),
  lang: langParam,
});
type TileQuery = z.infer<typeof tileQuery>;

/** The layer's filters, validated; a parameter the layer does not take is a 400 naming it (issue 20). */
function parseQuery(c: Context, layer: TileLayer): TileQuery {
  refuseUnknownParameters(c, layer.filters, `the ${layer.id} layer`);
  const result = tileQuery.safeParse(c.req.query());
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
    throw new AppError('invalid_parameter', `Invalid parameter: ${issues.map((i) => `${i.parameter}: ${i.message}`).join('; ')}`, issues);
  }
  return result.data;
}

function layerOf(id: string): TileLayer {
  const layer = TILE_LAYER_BY_ID.get(id);
  if (!layer) throw new AppError('not_found', `No tile layer "${id}". Layers: ${TILE_LAYERS.map((l) => l.id).join(', ')}.`);
  return layer;
}

/** The public origin of the request: behind a proxy (PANTAU_TRUST_PROXY) from X-Forwarded-*. */
function publicOrigin(c: Context, trustProxy: boolean | number): string {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto && /^https?$/.test(proto)) url.protocol = `${proto}:`;
    if (host && /^[\w.-]+(:\d+)?$/.test(host)) url.host = host;
  }
  return url.origin;
}

/** The query string of the filters that change this layer, in a stable order. */
function layerQueryString(layer: TileLayer, query: TileQuery): string {
  const params = new URLSearchParams();
  for (const name of layer.filters) {
    const value = query[name as FilterName];
    if (value) params.set(name, value);
  }
  const s = params.toString();
  return s ? `?${s.replace(/%2C/g, ',')}` : '';
}

export function tileJson(layer: TileLayer, origin: string, query: TileQuery) {
  const [west, south, east, north] = INDONESIA_BBOX;
  return {
    tilejson: '3.0.0',
    name: `Pantau ${layer.id}`,
    description: layer.description,
    version: '1.0.0',
    attribution: ATTRIBUTION,
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${layer.id}/{z}/{x}/{y}.mvt${layerQueryString(layer, query)}`],
    minzoom: layer.minzoom,
    maxzoom: layer.maxzoom,
    bounds: [west, south, east, north],
    center: [118, -2.5, Math.max(4, layer.minzoom)],
    // `fields` values are the types (GDAL, QGIS and tippecanoe read them so); the meanings follow
    // in `field_descriptions`, an extension clients may ignore.
    vector_layers: [
      {
        id: layer.id,
        description: layer.description,
        minzoom: layer.minzoom,
        maxzoom: layer.maxzoom,
        fields: Object.fromEntries(Object.entries(layer.fields).map(([name, [type]]) => [name, type])),
        field_descriptions: Object.fromEntries(Object.entries(layer.fields).map(([name, [, description]]) => [name, description])),
      },
    ],
  };
}

/** A layer the caller's role may read; another answers 403 naming the role. */
function permittedLayer(c: Context, id: string) {
  const layer = layerOf(id);
  if (!principalOf(c).permissions.layers.includes(layer.id))
    throw new AppError('forbidden', `Your role (${principalOf(c).user.role}) may not read the ${layer.id} layer.`);
  return layer;
}

export function tileRoutes(deps: AppDeps) {
  const encode = deps.database.kind === 'postgres' ? encodeWithPostgis : encodeWithJs;
  const memo = tileMemo();
  const cache = tileCache(deps.config.tileCacheBytes ?? DEFAULT_TILE_CACHE_MB * 1024 * 1024);
  const flights = singleFlight<CachedTile>();
  const app = new Hono();

  app.get('/', (c) => {
    refuseUnknownParameters(c, [], 'GET /tiles');
    const origin = publicOrigin(c, deps.config.trustProxy);
    const allowed = principalOf(c).permissions.layers;
    return c.json({
      layers: TILE_LAYERS.filter((l) => allowed.includes(l.id)).map((l) => ({
        id: l.id,
        description: l.description,
        minzoom: l.minzoom,
        maxzoom: l.maxzoom,
        tilejson: `${origin}/tiles/${l.id}.json`,
      })),
    });
  });

  app.get('/:file{[^/]+\\.json}', (c) => {
    const layer = permittedLayer(c, c.req.param('file').replace(/\.json$/, ''));
    const query = parseQuery(c, layer);
    c.header('Cache-Control', 'private, max-age=300');
    return c.json(tileJson(layer, publicOrigin(c, deps.config.trustProxy), query));
  });

  app.get('/:layer/:z/:x/:tile', async (c) => {
    const layer = permittedLayer(c, c.req.param('layer'));
    const tileName = c.req.param('tile');
    if (!tileName.endsWith('.mvt')) throw new AppError('not_found', 'Tiles end in .mvt: /tiles/{layer}/{z}/{x}/{y}.mvt');
    const coordinate = parseTileCoordinate(c.req.param('z'), c.req.param('x'), tileName.slice(0, -4));
    if (!coordinate)
      throw new AppError('invalid_parameter', 'Invalid tile coordinate: z, x and y must be whole numbers with 0 ≤ z ≤ 22 and 0 ≤ x, y < 2^z.', [
        { parameter: 'z/x/y', message: 'out of range or not integers' },
      ]);
    const query = parseQuery(c, layer);
    // Private: a tile holds what this user's scope may see. With the cache, the browser revalidates
    // every time (its ETag is the cache key, so that costs one read of the data versions and shows a
    // write at once); without it, revalidating means making the tile, so the layer's max-age applies.
    c.header('Cache-Control', cache ? 'private, no-cache' : `private, max-age=${layer.maxAgeSeconds}`);
    c.header('Vary', 'Accept-Encoding, Accept-Language, Cookie, Authorization');
    if (coordinate.z < layer.minzoom || coordinate.z > layer.maxzoom) return c.body(null, 204);
    const filter: TileFilter = {
      permit: toPermitFilter(query, todayInJakarta(deps.clock.now())),
      from: query.from,
      to: query.to,
      category: csvList(query.category),
      status: csvList(query.status),
      months: query.months === undefined ? undefined : Number(query.months),
      resolution: query.resolution === undefined ? undefined : Number(query.resolution),
      area: query.area,
      lang: textLangOf(c),
    };
    const scope = scopeOf(c);
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const notModified = (etag: string) =>
      c.req
        .header('if-none-match')
        ?.split(',')
        .map((t) => t.trim())
        .includes(etag) ?? false;
    // One server for the data versions and the tile (a replica, or the primary after the caller's own
    // write): versions from the primary over a tile from a stale replica would cache old content under a new key.
    const reads = readsOf(deps);
    const source = await reads.sourceFor(readerOf(c));
    // Only this tile's read runs in the scoped transaction (row-level security as the caller's scope); a hit opens none.
    const make = (tileMemoOf: TileMemo) => reads.scoped(source, scope, (tx) => encode(tx, layer, coordinate, { filter, scope, memo: tileMemoOf }));
    const send = (raw: Uint8Array, zipped: () => Uint8Array) => {
      if (raw.length === 0) return c.body(null, 204);
      c.header('Content-Type', MVT_TYPE);
      if (gzip) c.header('Content-Encoding', 'gzip');
      return c.body((gzip ? zipped() : raw) as Uint8Array<ArrayBuffer>, 200);
    };

    if (!cache) {
      c.header('X-Pantau-Cache', 'bypass');
      const raw = await make(memo);
      if (raw.length === 0) return c.body(null, 204);
      const etag = `"${createHash('sha1').update(raw).digest('base64url')}${gzip ? '-gz' : ''}"`;
      c.header('ETag', etag);
      if (notModified(etag)) return c.body(null, 304);
      return send(raw, () => gzipSync(raw));
    }

    // Read on every request, not kept: a write committed on another instance must change the next key.
    const versions = await reads.plain(source, dataVersions);
    const key = tileKey({ layer, coordinate, filter, scope, versions });
    const etag = `"${key}${gzip ? '-gz' : ''}"`;
    let tile = cache.get(key);
    let how = tile || notModified(etag) ? 'hit' : 'miss';
    // Only a 200 carries an ETag, so a matching one names a tile with content: the same key, the same bytes.
    if (notModified(etag)) {
      c.header('X-Pantau-Cache', how);
      c.header('ETag', etag);
      return c.body(null, 304);
    }
    if (!tile) {
      // The memo of hot spot analyses is keyed by the same versions: a write never leaves an old analysis behind a new key.
      const versionTag = layer.reads.map((table) => versions.get(table)).join('.');
      // Requests for this tile arriving while it is made wait for it (single-flight.ts).
      const made = await flights.run(key, async () => {
        const raw = await make((memoKey, compute) => memo(`${versionTag}|${memoKey}`, compute));
        const fresh = { raw, gzip: raw.length === 0 ? raw : gzipSync(raw) };
        cache.set(key, fresh);
        return fresh;
      });
      tile = made.value;
      if (made.shared) how = 'shared';
    }
    c.header('X-Pantau-Cache', how);
    if (tile.raw.length > 0) c.header('ETag', etag);
    const cached = tile;
    return send(cached.raw, () => cached.gzip);
  });
  return app;
}
