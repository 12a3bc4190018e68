// GET /ogc/api: the OpenAPI 3.0 document of the OGC API (its service-desc; the conformance class
// oas30). Parameters are written inline, not as $ref: GDAL's OAPIF driver reads `limit`'s maximum
// from the items path to size its pages.
import { OGC_COLLECTIONS } from './collections.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params.js';

const error = { $ref: '#/components/schemas/error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const ERRORS = {
  '400': errorResponse('A parameter is invalid (invalid_parameter) or not one this path takes (unknown_parameter); the message names it.'),
  '401': errorResponse('No valid session: sign in, or send Authorization: Bearer <session token> (unauthenticated).'),
  '403': errorResponse("Your role may not read this collection's layer (forbidden)."),
  '404': errorResponse('No such collection, or no such feature in your scope (not_found).'),
};
const json = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: { type: 'object' } }, 'text/html': {} } });

const f = {
  name: 'f',
  in: 'query',
  required: false,
  description: 'The format: json (default) or html. Without it, Accept chooses (text/html when preferred to JSON).',
  schema: { type: 'string', enum: ['json', 'html'] },
};
const lang = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'Language of bilingual names (risk areas): id or en (default: Accept-Language, then id).',
  schema: { type: 'string', enum: ['id', 'en'] },
};
const collectionId = {
  name: 'collectionId',
  in: 'path',
  required: true,
  description: 'The collection.',
  schema: { type: 'string', enum: OGC_COLLECTIONS.map((c) => c.id) },
};
const featureId = {
  name: 'featureId',
  in: 'path',
  required: true,
  description: 'An area code (19.04) in provinces, regencies and districts; a record id elsewhere.',
  schema: { type: 'string' },
};
const datetime = {
  name: 'datetime',
  in: 'query',
  required: false,
  description:
    'An instant (2024-06-13 or 2024-06-13T10:00:00Z, taken as its day in WIB) or an interval (2024-01-01/2024-06-13, ../2024-06-13, 2024-01-01/..). Areas and company sites: the day of their counts, an instant only (default today). Operation targets, reports, meetings: their date; risk areas: their validity (default all). Entry points have no time.',
  schema: { type: 'string' },
  style: 'form',
  explode: false,
};
const ITEMS_PARAMETERS = [
  collectionId,
  {
    name: 'limit',
    in: 'query',
    required: false,
    description: `Features per page, from 1; at most ${MAX_LIMIT} are served (a larger limit gets ${MAX_LIMIT}).`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    style: 'form',
    explode: false,
  },
  {
    name: 'bbox',
    in: 'query',
    required: false,
    description: 'west,south,east,north in CRS84 (longitude first); west > east crosses the antimeridian. Six numbers (with heights) are refused.',
    schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
    style: 'form',
    explode: false,
  },
  datetime,
  {
    name: 'offset',
    in: 'query',
    required: false,
    description: 'Matching features to skip (the next and prev links carry it).',
    schema: { type: 'integer', minimum: 0, default: 0 },
    style: 'form',
    explode: false,
  },
  f,
  lang,
];

export function ogcOpenApi(base: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Pantau OGC API – Features',
      version: '1.0.0',
      description:
        'The map layers of Pantau for GIS clients, within the caller’s scope. Sign in with the session cookie or send Authorization: Bearer <session token>. Errors: {"error":{"code","message"}}. A query parameter a path does not list is refused (400 unknown_parameter).',
    },
    servers: [{ url: base }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pantau_session' }, bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths: {
      '/': {
        get: {
          summary: 'Landing page',
          operationId: 'getLandingPage',
          parameters: [f],
          responses: { '200': json('Links to the API, conformance and collections.'), ...ERRORS },
        },
      },
      '/conformance': {
        get: {
          summary: 'Conformance classes',
          operationId: 'getConformance',
          parameters: [f],
          responses: { '200': json('The classes this API conforms to.'), ...ERRORS },
        },
      },
      '/api': {
        get: {
          summary: 'This document',
          operationId: 'getApi',
          parameters: [{ ...f, schema: { type: 'string', enum: ['json'] } }],
          responses: {
            '200': { description: 'OpenAPI 3.0', content: { 'application/vnd.oai.openapi+json;version=3.0': { schema: { type: 'object' } } } },
            ...ERRORS,
          },
        },
      },
      '/collections': {
        get: {
          summary: 'The collections your role may read',
          operationId: 'getCollections',
          parameters: [f, lang],
          responses: { '200': json('Collections.'), ...ERRORS },
        },
      },
      '/collections/{collectionId}': {
        get: {
          summary: 'One collection',
          operationId: 'describeCollection',
          parameters: [collectionId, f, lang],
          responses: { '200': json('The collection.'), ...ERRORS },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features of a collection, a page at a time',
          operationId: 'getFeatures',
          parameters: ITEMS_PARAMETERS,
          responses: {
            '200': json('A GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp and next/prev links.', 'application/geo+json'),
            ...ERRORS,
          },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          operationId: 'getFeature',
          parameters: [
            collectionId,
            featureId,
            { ...datetime, description: 'Areas and company sites only: the day of their counts (default today).' },
            f,
            lang,
          ],
          responses: { '200': json('A GeoJSON Feature.', 'application/geo+json'), ...ERRORS },
        },
      },
    },
  };
}
