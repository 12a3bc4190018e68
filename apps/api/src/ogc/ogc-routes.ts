// GET /ogc…: OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) over the map's point and
// polygon layers, for GIS clients (QGIS, GDAL's OAPIF driver). Signed in like the rest of the API
// (session cookie or bearer token); every read in the caller's scoped transaction.
import type { Orm } from '@pantau/db';
import { INDONESIA_BBOX, todayInJakarta, type Scope } from '@pantau/domain';
import { Hono, type Context } from 'hono';
import { ownOrigin } from '../auth/access.js';
import { principalOf, readerOf } from '../auth/request-context.js';
import { readsOf, type AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { refuseUnknownParameters } from '../routes/query-guard.js';
import { MAX_RECORD_ID, textLangOf } from '../routes/params.js';
import { OGC_COLLECTION_BY_ID, OGC_COLLECTIONS, type OgcCollection } from './collections.js';
import { featurePage, oneFeature, type FeatureRequest } from './features.js';
import { collectionsPage, conformancePage, featuresPage, linksPage, type Link } from './html.js';
import { ogcOpenApi } from './openapi.js';
import { MAX_LIMIT, negotiateFormat, parseBBox, parseDatetime, parseLimit, parseOffset, single, type Format, type Period } from './params.js';

export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
] as const;

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const JSON_TYPE = 'application/json';
const GEOJSON_TYPE = 'application/geo+json';
const HTML_TYPE = 'text/html';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/** Parameters every OGC page takes: the format and the language of bilingual names. */
const COMMON = ['f', 'lang'];
const ITEMS_PARAMETERS = [...COMMON, 'bbox', 'datetime', 'limit', 'offset'];

const AREA_CODE = /^\d{2}(\.\d{2}){0,2}$/;

/** The collection, when it exists and the caller's role may read its layer (else 404, or 403 naming the role). */
function collectionOf(c: Context, id: string): OgcCollection {
  const collection = OGC_COLLECTION_BY_ID.get(id);
  if (!collection) throw new AppError('not_found', `No collection "${id}". Collections: ${OGC_COLLECTIONS.map((o) => o.id).join(', ')}.`);
  const principal = principalOf(c);
  if (!principal.permissions.layers.includes(collection.layer.id))
    throw new AppError('forbidden', `Your role (${principal.user.role}) may not read the ${collection.id} collection.`);
  return collection;
}

/** The URL of `path` under /ogc with `params`, absolute (behind a proxy, as the client sees it). */
function urlOf(base: string, path: string, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  const query = search.toString().replace(/%2C/g, ',');
  return `${base}${path}${query ? `?${query}` : ''}`;
}

/** self and alternate links of a page offered in JSON (`jsonType`) and HTML. */
function selfLinks(base: string, path: string, format: Format, jsonType: string, params: Record<string, string | undefined> = {}): Link[] {
  const json: Link = { href: urlOf(base, path, { ...params, f: 'json' }), type: jsonType, rel: 'self', title: 'JSON' };
  const htmlLink: Link = { href: urlOf(base, path, { ...params, f: 'html' }), type: HTML_TYPE, rel: 'self', title: 'HTML' };
  return format === 'json' ? [json, { ...htmlLink, rel: 'alternate' }] : [htmlLink, { ...json, rel: 'alternate' }];
}

export function ogcRoutes(deps: AppDeps) {
  const app = new Hono();
  // Features are read like the app's lists: on the read replica when there is one (read-replica.ts).
  const reads = readsOf(deps);
  const scopedRead = async <T>(c: Context, scope: Scope, work: (tx: Orm) => Promise<T>) => reads.scoped(await reads.sourceFor(readerOf(c)), scope, work);
  // What the caller's scope may see, in the format and language asked for: never shared, revalidated on each use.
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept, Accept-Encoding, Accept-Language, Cookie, Authorization');
  });
  const base = (c: Context) => `${ownOrigin(c, deps.config.trustProxy)}/ogc`;
  /** Signed in (401 otherwise), only declared parameters, and the format asked for. */
  const begin = (c: Context, allowed: readonly string[], what: string): Format => {
    principalOf(c);
    refuseUnknownParameters(c, allowed, what);
    return negotiateFormat(single(c.req.queries(), 'f'), c.req.header('accept'));
  };
  const lang = (c: Context) => {
    const value = single(c.req.queries(), 'lang');
    if (value !== undefined && value !== 'id' && value !== 'en')
      throw new AppError('invalid_parameter', 'Invalid parameter: lang. id or en.', [{ parameter: 'lang', message: 'id or en' }]);
    return textLangOf(c);
  };

  const collectionJson = (c: Context, collection: OgcCollection) => {
    const path = `/collections/${collection.id}`;
    return {
      id: collection.id,
      title: collection.title,
      description: `${collection.layer.description}. ${collection.temporalNote} At most ${MAX_LIMIT} features a page (a larger limit is served as ${MAX_LIMIT}).`,
      links: [
        ...selfLinks(base(c), path, 'json', JSON_TYPE),
        { href: urlOf(base(c), `${path}/items`, { f: 'json' }), rel: 'items', type: GEOJSON_TYPE, title: 'GeoJSON' },
        { href: urlOf(base(c), `${path}/items`, { f: 'html' }), rel: 'items', type: HTML_TYPE, title: 'HTML' },
      ],
      extent: {
        spatial: { bbox: [[...INDONESIA_BBOX]], crs: CRS84 },
        ...(collection.temporal === 'none' ? {} : { temporal: { interval: [[null, null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } }),
      },
      itemType: 'feature',
      crs: [CRS84],
    };
  };

  app.get('/', (c) => {
    const format = begin(c, COMMON, 'GET /ogc');
    const links: Link[] = [
      ...selfLinks(base(c), '', format, JSON_TYPE),
      { href: `${base(c)}/api`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'OpenAPI 3.0' },
      { href: urlOf(base(c), '/conformance', { f: 'json' }), rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
      { href: urlOf(base(c), '/collections', { f: 'json' }), rel: 'data', type: JSON_TYPE, title: 'Collections' },
    ];
    const title = 'Pantau — OGC API Features';
    const description =
      'Lapisan peta Pantau untuk aplikasi GIS (QGIS, GDAL) / The map layers of Pantau for GIS clients: areas with permit holder counts, company sites, operation targets, risk areas, entry points, reports and meetings, within your scope.';
    if (format === 'html') return c.html(linksPage(title, links, description));
    return c.json({ title, description, links });
  });

  app.get('/conformance', (c) => {
    const format = begin(c, COMMON, 'GET /ogc/conformance');
    const links = selfLinks(base(c), '/conformance', format, JSON_TYPE);
    if (format === 'html') return c.html(conformancePage(CONFORMANCE_CLASSES, links));
    return c.json({ conformsTo: CONFORMANCE_CLASSES, links });
  });

  app.get('/api', (c) => {
    principalOf(c);
    refuseUnknownParameters(c, ['f'], 'GET /ogc/api');
    const f = single(c.req.queries(), 'f');
    if (f !== undefined && f !== 'json')
      throw new AppError('invalid_parameter', 'Invalid parameter: f. The OpenAPI document is JSON only: f=json.', [{ parameter: 'f', message: 'json' }]);
    c.header('Content-Type', OPENAPI_TYPE);
    return c.body(JSON.stringify(ogcOpenApi(base(c))));
  });

  app.get('/collections', (c) => {
    const format = begin(c, COMMON, 'GET /ogc/collections');
    lang(c);
    const allowed = principalOf(c).permissions.layers;
    const collections = OGC_COLLECTIONS.filter((o) => allowed.includes(o.layer.id)).map((o) => collectionJson(c, o));
    const links = selfLinks(base(c), '/collections', format, JSON_TYPE);
    if (format === 'html')
      return c.html(
        collectionsPage(
          collections.map((o) => ({
            ...o,
            href: urlOf(base(c), `/collections/${o.id}`, { f: 'html' }),
            itemsHref: urlOf(base(c), `/collections/${o.id}/items`, { f: 'html' }),
          })),
          links,
        ),
      );
    return c.json({ links, collections });
  });

  app.get('/collections/:id', (c) => {
    const format = begin(c, COMMON, 'GET /ogc/collections/{collectionId}');
    const collection = collectionOf(c, c.req.param('id'));
    lang(c);
    const body = collectionJson(c, collection);
    if (format === 'json') return c.json(body);
    const links = selfLinks(base(c), `/collections/${collection.id}`, format, JSON_TYPE);
    return c.html(linksPage(collection.title, [...links, ...body.links.filter((l) => l.rel === 'items')], body.description));
  });

  /** The request's features context: scope, role, day, language, and datetime checked against the collection. */
  const featureRequest = (c: Context, collection: OgcCollection, period: Period | undefined): FeatureRequest => {
    if (period?.kind === 'interval' && collection.temporal === 'day')
      throw new AppError(
        'invalid_parameter',
        `Invalid parameter: datetime. The ${collection.id} collection counts on one day: give an instant (2024-06-13), not an interval.`,
        [{ parameter: 'datetime', message: 'an instant for this collection' }],
      );
    const principal = principalOf(c);
    return { collection, period, today: todayInJakarta(deps.clock.now()), lang: lang(c), scope: principal.scope, permissions: principal.permissions };
  };

  app.get('/collections/:id/items', async (c) => {
    const format = begin(c, ITEMS_PARAMETERS, 'GET /ogc/collections/{collectionId}/items');
    const collection = collectionOf(c, c.req.param('id'));
    const queries = c.req.queries();
    const bboxText = single(queries, 'bbox');
    const datetimeText = single(queries, 'datetime');
    const limit = parseLimit(single(queries, 'limit'));
    const offset = parseOffset(single(queries, 'offset'));
    const request = featureRequest(c, collection, datetimeText === undefined ? undefined : parseDatetime(datetimeText));
    request.bbox = bboxText === undefined ? undefined : parseBBox(bboxText);
    const { features, numberMatched } = await scopedRead(c, request.scope, (tx) => featurePage(tx, request, limit, offset));

    // Every link carries the request's other parameters; the limit as served (a clamped one as its maximum).
    const kept = { bbox: bboxText, datetime: datetimeText, lang: single(queries, 'lang'), limit: String(limit) };
    const path = `/collections/${collection.id}/items`;
    const pageLink = (rel: string, pageOffset: number): Link => ({
      href: urlOf(base(c), path, { ...kept, offset: String(pageOffset), f: format }),
      rel,
      type: format === 'json' ? GEOJSON_TYPE : HTML_TYPE,
      title: rel === 'next' ? 'Halaman berikutnya / Next page' : 'Halaman sebelumnya / Previous page',
    });
    const links: Link[] = [
      ...selfLinks(base(c), path, format, GEOJSON_TYPE, { ...kept, offset: offset ? String(offset) : undefined }),
      { href: urlOf(base(c), `/collections/${collection.id}`, { f: 'json' }), rel: 'collection', type: JSON_TYPE, title: collection.title },
      ...(offset + features.length < numberMatched ? [pageLink('next', offset + limit)] : []),
      ...(offset > 0 ? [pageLink('prev', Math.max(0, offset - limit))] : []),
    ];
    const timeStamp = deps.clock.now().toISOString();
    if (format === 'html') {
      const summary = `${features.length} dari ${numberMatched} fitur / ${features.length} of ${numberMatched} features (offset ${offset}).`;
      return c.html(featuresPage(collection.title, features, links, summary));
    }
    c.header('Content-Type', GEOJSON_TYPE);
    return c.body(JSON.stringify({ type: 'FeatureCollection', features, links, numberMatched, numberReturned: features.length, timeStamp }));
  });

  app.get('/collections/:id/items/:featureId', async (c) => {
    const format = begin(c, [...COMMON, 'datetime'], 'GET /ogc/collections/{collectionId}/items/{featureId}');
    const collection = collectionOf(c, c.req.param('id'));
    const featureId = c.req.param('featureId');
    const datetimeText = single(c.req.queries(), 'datetime');
    if (datetimeText !== undefined && collection.temporal !== 'day')
      throw new AppError(
        'invalid_parameter',
        `Invalid parameter: datetime. One feature of ${collection.id} takes none; it chooses the day of area counts and active permits only.`,
        [{ parameter: 'datetime', message: 'only for collections with counts on a day' }],
      );
    const request = featureRequest(c, collection, datetimeText === undefined ? undefined : parseDatetime(datetimeText));
    // A malformed id names nothing: the same 404 as an id out of the caller's scope, or one that does not exist.
    const wellFormed = collection.featureId === 'code' ? AREA_CODE.test(featureId) : /^\d{1,10}$/.test(featureId) && Number(featureId) <= MAX_RECORD_ID;
    const feature = wellFormed ? await scopedRead(c, request.scope, (tx) => oneFeature(tx, request, featureId)) : undefined;
    if (!feature) throw new AppError('not_found', `No such feature in the ${collection.id} collection.`);
    const path = `/collections/${collection.id}/items/${encodeURIComponent(featureId)}`;
    const kept = { datetime: datetimeText, lang: single(c.req.queries(), 'lang') };
    const links: Link[] = [
      ...selfLinks(base(c), path, format, GEOJSON_TYPE, kept),
      { href: urlOf(base(c), `/collections/${collection.id}`, { f: 'json' }), rel: 'collection', type: JSON_TYPE, title: collection.title },
    ];
    if (format === 'html') return c.html(featuresPage(`${collection.title}: ${String(feature.id)}`, [feature], links, ''));
    c.header('Content-Type', GEOJSON_TYPE);
    return c.body(JSON.stringify({ ...feature, links }));
  });

  app.notFound(() => {
    throw new AppError('not_found', 'No such OGC API resource. Start at /ogc.');
  });
  return app;
}
