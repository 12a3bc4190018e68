// Request fuzzing over the whole HTTP surface (issue 18): requests generated from the app's own
// OpenAPI document (path and query parameters, JSON and multipart bodies from their schemas), plus
// the tile routes, bad cookies and headers, as every role and anonymously. Each request is sent with
// app.request() (no network); a finding is a 5xx (other than a deliberate 503) or a 4xx without the
// `{ error: { code, message } }` body. Used by apps/api/src/fuzz.int.test.ts (small, fixed seed) and
// `pnpm bench fuzz` (≥ 10,000 requests).
import { briefingFromTemplate, ROLES, type Role } from '@pantau/domain';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';

export type Who = Role | 'anonymous';
export const WHO: readonly Who[] = ['anonymous', ...ROLES];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  example?: unknown;
  const?: unknown;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One generated request, replayable from its description alone. */
export interface FuzzRequest {
  who: Who;
  /** Which generated route it exercises: `METHOD /path` of the document, or a tile route. */
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: { kind: 'text'; text: string } | { kind: 'multipart'; fields: Array<[string, string | { name: string; content: string }]> };
  /** How the session is presented: the role's own cookie, as a bearer token, or something broken. */
  credentials: 'cookie' | 'bearer' | 'none' | 'garbage';
}

/** Values the domain gives meaning to: the fixture's areas and records, and the edges of each type. */
const AREA_CODES = ['19', '19.04', '19.04.01', '19.71', '31', '31.71', '99.99', '00', '19.04.01.2001', '1904', '19.4', '١٩.٠٤', '19.04 ', ' 19'];
const DATES = [
  '2024-06-13',
  '2023-06-13',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '2024-06-31',
  '2000-01-01',
  '1900-01-01',
  '2100-12-31',
  '24-06-13',
  '2024-6-13',
  '2024-06-13T00:00:00Z',
  '',
];
const NUMBERS = [
  '0',
  '1',
  '-1',
  '2',
  '50',
  '500',
  '501',
  '1.5',
  '1e3',
  '0x10',
  ' 1',
  '2147483647',
  '2147483648',
  '9223372036854775807',
  '9223372036854775808',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '-0',
  '007',
];
const STRINGS = [
  '',
  ' ',
  'a',
  'bangka',
  'Bangka Tengah',
  '%',
  '_',
  '\\',
  "'",
  '"',
  "' or 1=1 --",
  '<script>',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'Ünïcödé',
  '日本語',
  '🇮🇩',
  '\u200b',
  'a'.repeat(101),
  'x'.repeat(5000),
  '%00',
  '\t',
  'CHN',
  'itas',
  'work',
  'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
  'office:',
  'site:1',
  'district:19.04.01',
  'reports:1',
];
const IDS = [
  '1',
  '2',
  '3',
  '10',
  '100',
  '0',
  '-1',
  '99999999',
  '2147483648',
  '99999999999999999999',
  'abc',
  '1.5',
  '00000000-0000-4000-8000-000000000000',
  'not-a-uuid',
  '%20',
  '1e5',
];

const LATIN1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const anyText = fc.oneof(
  fc.constantFrom(...STRINGS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  // Lone surrogates, NUL and control characters: what a JSON body can carry but a database text cannot.
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy'),
);

function resolve(schema: JsonSchema | undefined, doc: OpenApiDocument): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')], doc);
  if (schema.allOf?.length) return resolve(Object.assign({}, ...schema.allOf.map((s) => resolve(s, doc))), doc);
  return schema;
}

const types = (schema: JsonSchema) => [schema.type ?? []].flat();

/** A value the schema accepts, as far as generation from JSON Schema can tell. */
function validValue(schema: JsonSchema, doc: OpenApiDocument, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validValue(a, doc, depth)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const t = types(s).filter((x) => x !== 'null');
  const maybeNull = <T>(a: fc.Arbitrary<T>) => (types(s).includes('null') ? fc.oneof(a, fc.constant(null)) : a);
  const example = s.example !== undefined ? [fc.constant(s.example)] : [];
  switch (t[0]) {
    case 'object': {
      if (depth > 4 || !s.properties) return maybeNull(fc.constant({}));
      const required = new Set(s.required ?? []);
      const entries = Object.entries(s.properties).map(([key, value]) => [key, validValue(value, doc, depth + 1)] as const);
      return maybeNull(fc.record(Object.fromEntries(entries), { requiredKeys: [...required].filter((k) => k in s.properties!) }));
    }
    case 'array': {
      if (depth > 4) return maybeNull(fc.constant([]));
      const item = validValue(s.items ?? {}, doc, depth + 1);
      return maybeNull(fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) }));
    }
    case 'integer':
      return maybeNull(fc.oneof(...example, fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 })));
    case 'number':
      return maybeNull(fc.oneof(...example, fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true })));
    case 'boolean':
      return maybeNull(fc.boolean());
    case 'string':
      return maybeNull(fc.oneof(...example, stringFor(s)));
    default:
      return fc.oneof(fc.constant('x'), fc.integer(), fc.constant(null));
  }
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  const options: Array<fc.Arbitrary<string>> = [];
  if (s.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(s.pattern)));
    } catch {
      /* a pattern JS cannot read: the other generators still run */
    }
  }
  if (s.format === 'email') options.push(fc.emailAddress());
  if (s.format === 'uuid') options.push(fc.uuid());
  options.push(fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 20) }));
  return fc.oneof(...options);
}

/** A value the schema should refuse (or that sits at its very edge): wrong types, huge, odd text. */
function wrongValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    anyText,
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 63, [], {}, [1, 2], { a: 1 }, 'x'.repeat(200_000)),
    fc.constantFrom(...DATES, ...AREA_CODES, ...NUMBERS),
  );
}

function anyValue(schema: JsonSchema, doc: OpenApiDocument, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > 4) return validValue(s, doc, depth);
  const t = types(s);
  // Objects keep their shape but may lose required keys, gain unknown ones or have values swapped.
  if (t.includes('object') && s.properties) {
    const entries = Object.entries(s.properties).map(([key, value]) => [key, anyValue(value, doc, depth + 1)] as const);
    const base = fc.record(Object.fromEntries(entries), { requiredKeys: [] });
    return fc.oneof(
      { arbitrary: validValue(s, doc, depth), weight: 3 },
      {
        arbitrary: fc
          .tuple(base, fc.dictionary(fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'scope', 'role'), wrongValue(), { maxKeys: 2 }))
          .map(([a, b]) => ({ ...b, ...a })),
        weight: 3,
      },
      { arbitrary: wrongValue(), weight: 1 },
    );
  }
  if (t.includes('array')) {
    return fc.oneof(
      { arbitrary: validValue(s, doc, depth), weight: 3 },
      { arbitrary: fc.array(anyValue(s.items ?? {}, doc, depth + 1), { maxLength: 5 }), weight: 2 },
      { arbitrary: fc.array(fc.constant(1), { minLength: 61, maxLength: 200 }), weight: 1 },
      { arbitrary: wrongValue(), weight: 1 },
    );
  }
  return fc.oneof({ arbitrary: validValue(s, doc, depth), weight: 3 }, { arbitrary: wrongValue(), weight: 2 });
}

/** A query or path parameter's text: valid per its schema, an interesting domain value, or garbage. */
function paramText(parameter: Parameter, doc: OpenApiDocument): fc.Arbitrary<string> {
  const s = resolve(parameter.schema, doc);
  const name = parameter.name.toLowerCase();
  const domain = /code|area|parent|province/.test(name)
    ? AREA_CODES
    : /date|asof|from|to|since|^a$|^b$/.test(name)
      ? DATES
      : /id$|cursor|limit|months|resolution|sponsor|^w\./.test(name)
        ? [...NUMBERS, ...IDS]
        : STRINGS;
  return fc.oneof(
    { arbitrary: validValue(s, doc, 0).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))), weight: 4 },
    { arbitrary: fc.constantFrom(...domain), weight: 3 },
    { arbitrary: fc.array(fc.constantFrom(...domain), { minLength: 2, maxLength: 4 }).map((v) => v.join(',')), weight: 1 },
    { arbitrary: anyText, weight: 2 },
    { arbitrary: fc.constant('x'.repeat(20_000)), weight: 1 },
  );
}

/** Builds `path?query` from the template, the path values and the query pairs. */
const encode = (v: string) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'));

interface Endpoint {
  route: string;
  method: string;
  path: string;
  operation: Operation;
}

/** A tile layer as the fuzz sees it: its id and the query parameters it takes (the tile routes refuse others). */
export interface FuzzTileLayer {
  id: string;
  filters: readonly string[];
}

/** Every operation of the document, and the tile routes (not in the document). */
export function endpointsOf(doc: OpenApiDocument, tileLayers: readonly FuzzTileLayer[]): Endpoint[] {
  const endpoints: Endpoint[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path: `/api/v1${path}`,
      operation,
    })),
  );
  const tileFilters: Parameter[] = ['asOf', 'from', 'to']
    .map((name): Parameter => ({ name, in: 'query', schema: { type: 'string', example: '2024-06-13' } }))
    .concat([
      { name: 'permitType', in: 'query', schema: { type: 'string', enum: ['itas', 'itap', 'visit', 'itas,itap'] } },
      { name: 'nationality', in: 'query', schema: { type: 'string', enum: ['CHN', 'CHN,JPN', 'chn'] } },
      { name: 'purpose', in: 'query', schema: { type: 'string', enum: ['work', 'family'] } },
      { name: 'sponsor', in: 'query', schema: { type: 'string', enum: ['1', '42', '2147483648', 'PT X'] } },
      { name: 'area', in: 'query', schema: { type: 'string', enum: ['19', '19.04', '31.71', 'office:'] } },
      { name: 'category', in: 'query', schema: { type: 'string', enum: ['illegal_work', 'overstay'] } },
      { name: 'status', in: 'query', schema: { type: 'string', enum: ['new', 'closed'] } },
      { name: 'months', in: 'query', schema: { type: 'string', pattern: '^\\d{1,3}$' } },
      { name: 'resolution', in: 'query', schema: { type: 'string', pattern: '^\\d{1,2}$' } },
    ]);
  const layer: Parameter = { name: 'layer', in: 'path', required: true, schema: { type: 'string', enum: tileLayers.map((l) => l.id) } };
  endpoints.push(
    { route: 'GET /tiles', method: 'GET', path: '/tiles', operation: {} },
    { route: 'GET /tiles/{layer}.json', method: 'GET', path: '/tiles/{layer}.json', operation: { parameters: [layer, ...tileFilters] } },
    {
      route: 'GET /tiles/{layer}/{z}/{x}/{y}.mvt',
      method: 'GET',
      path: '/tiles/{layer}/{z}/{x}/{y}.mvt',
      operation: {
        parameters: [
          layer,
          ...(['z', 'x', 'y'] as const).map((name): Parameter => ({ name, in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{1,2}$' } })),
          ...tileFilters,
        ],
      },
    },
  );
  return endpoints;
}

/** Tiles that hold something in the fixture (Bangka Tengah, Pangkalpinang, Jakarta) and the edges of the grid. */
const TILE_COORDINATES = [
  '9/407/259',
  '9/407/264',
  '6/50/32',
  '5/25/16',
  '10/815/519',
  '0/0/0',
  '22/0/0',
  '3/8/8',
  '4/-1/0',
  '23/0/0',
  '1/2/0',
  '12/3262/2078',
];

function requestFor(endpoint: Endpoint, doc: OpenApiDocument, who: Who, tileLayers: readonly FuzzTileLayer[]): fc.Arbitrary<FuzzRequest> {
  const parameters = endpoint.operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const pathValues = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [p.name, fc.oneof({ arbitrary: paramText(p, doc), weight: 4 }, { arbitrary: fc.constantFrom(...IDS, ...AREA_CODES), weight: 2 })]),
    ),
  );
  const tileCoordinate = fc.option(fc.constantFrom(...TILE_COORDINATES), { nil: undefined, freq: 2 });
  // Each query parameter: left out, given once (valid or not), or given twice.
  const queryValues = fc.tuple(
    ...queryParams.map((p) =>
      fc.oneof(
        { arbitrary: fc.constant<string[]>([]), weight: p.required ? 1 : 3 },
        { arbitrary: paramText(p, doc).map((v) => [v]), weight: 4 },
        { arbitrary: fc.tuple(paramText(p, doc), paramText(p, doc)).map(([a, b]) => [a, b]), weight: 1 },
      ),
    ),
  );
  // Parameters the route may not take: most requests carry none, so that they get past the check of unknown names (400 unknown_parameter).
  const extras = fc.oneof(
    { arbitrary: fc.constant<Array<[string, string]>>([]), weight: 3 },
    {
      arbitrary: fc.array(fc.tuple(fc.constantFrom('extra', 'limit', 'cursor', 'area', 'scope', '__proto__', 'q[]', 'a'.repeat(300), ''), anyText), {
        minLength: 1,
        maxLength: 2,
      }),
      weight: 1,
    },
  );
  const content = endpoint.operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const multipart = content['multipart/form-data']?.schema;
  const body = jsonSchema
    ? jsonBody(endpoint, jsonSchema, doc)
    : multipart
      ? multipartBody(multipart, doc)
      : fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 4 },
          { arbitrary: fc.constantFrom<FuzzRequest['body']>({ kind: 'text', text: '{}' }, { kind: 'text', text: 'garbage' }), weight: 1 },
        );
  const unsafe = endpoint.method !== 'GET';
  const headers = fc.record({
    origin: unsafe
      ? fc.oneof(
          { arbitrary: fc.constant('http://localhost'), weight: 6 },
          { arbitrary: fc.constantFrom('https://evil.example', 'null', 'http://localhost:80', 'http://LOCALHOST', ''), weight: 1 },
          { arbitrary: fc.constant(undefined), weight: 1 },
        )
      : fc.constant(undefined),
    contentType: fc.oneof(
      { arbitrary: fc.constant('default'), weight: 8 },
      {
        arbitrary: fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/json; charset=utf-16',
          'application/JSON',
          'application/json, text/plain',
          '*/*',
          '',
        ),
        weight: 1,
      },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
    accept: fc.constantFrom(undefined, undefined, 'application/json', '*/*', 'text/html'),
    acceptEncoding: fc.constantFrom(undefined, 'gzip', 'br', 'gzip;q=0, identity'),
    ifNoneMatch: fc.constantFrom(undefined, undefined, undefined, '*', '"abc"', 'W/"x", "y"'),
    junk: fc.option(
      fc.tuple(
        fc.constantFrom('x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-request-id', 'sec-fetch-site', 'range', 'content-length'),
        LATIN1,
      ),
      { nil: undefined },
    ),
  });
  const credentials: fc.Arbitrary<FuzzRequest['credentials']> =
    who === 'anonymous'
      ? fc.constantFrom('none', 'garbage')
      : fc.oneof(
          { arbitrary: fc.constant('cookie' as const), weight: 8 },
          { arbitrary: fc.constant('bearer' as const), weight: 2 },
          { arbitrary: fc.constant('garbage' as const), weight: 1 },
        );
  const garbage = fc.oneof(
    fc.constantFrom(
      'pantau_session=',
      'pantau_session=x',
      'pantau_session="',
      'pantau_session=%',
      'pantau_session=%E0%A4%A',
      '=;=;',
      'a=b; pantau_session',
      `pantau_session=${'A'.repeat(8000)}`,
    ),
    LATIN1.map((s) => `pantau_session=${s}`),
    LATIN1.map((s) => `Bearer ${s}`),
    fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer  x y', 'Token abc'),
  );
  return fc
    .record({
      pathValues,
      tileCoordinate,
      queryValues,
      extras,
      body,
      headers,
      credentials,
      garbage,
      method: fc.oneof(
        { arbitrary: fc.constant(endpoint.method), weight: 30 },
        { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'), weight: 1 },
      ),
    })
    .map(({ pathValues, tileCoordinate, queryValues, extras, body, headers, credentials, garbage, method }) => {
      let path = endpoint.path;
      if (tileCoordinate && path.includes('{z}')) path = path.replace('{z}/{x}/{y}', tileCoordinate);
      for (const [name, value] of Object.entries(pathValues)) path = path.replace(`{${name}}`, encode(value as string));
      // A tile layer gets the filters it takes; the others reach it only as extras.
      const tileLayer = endpoint.path.startsWith('/tiles/{layer}') ? tileLayers.find((l) => l.id === pathValues.layer) : undefined;
      const pairs = queryParams.flatMap((p, i) =>
        tileLayer && !tileLayer.filters.includes(p.name) ? [] : queryValues[i]!.map((v) => `${encode(p.name)}=${encode(v)}`),
      );
      pairs.push(...extras.map(([k, v]) => `${encode(k)}=${encode(v)}`));
      const h: Record<string, string> = {};
      if (headers.origin !== undefined) h.origin = headers.origin;
      const defaultType = body?.kind === 'text' ? 'application/json' : undefined;
      if (headers.contentType === 'default') {
        if (defaultType) h['content-type'] = defaultType;
      } else if (headers.contentType !== undefined && body) h['content-type'] = headers.contentType;
      if (headers.accept) h.accept = headers.accept;
      if (headers.acceptEncoding) h['accept-encoding'] = headers.acceptEncoding;
      if (headers.ifNoneMatch) h['if-none-match'] = headers.ifNoneMatch;
      if (headers.junk) h[headers.junk[0]] = headers.junk[1];
      if (credentials === 'garbage') {
        if (garbage.startsWith('Bearer') || garbage.startsWith('Basic') || garbage.startsWith('bearer') || garbage.startsWith('Token'))
          h.authorization = garbage;
        else h.cookie = garbage;
      }
      return {
        who,
        route: endpoint.route,
        method,
        path: pairs.length ? `${path}?${pairs.join('&')}` : path,
        headers: h,
        ...(body && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
        credentials,
      } satisfies FuzzRequest;
    });
}

/** Valid documents the generic generator would rarely hit: a whole briefing, a user, a sign-in. */
function seedBodies(route: string): unknown[] {
  const briefing = briefingFromTemplate('concentration', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id' });
  switch (route) {
    case 'POST /briefings':
    case 'PUT /briefings/{id}':
      return [
        briefing,
        { ...briefing, areaCode: '31.71' },
        { ...briefing, areaCode: null },
        { ...briefing, date: '9999-12-31' },
        { ...briefing, slides: [] },
        { ...briefing, title: 'x'.repeat(10_000) },
      ];
    case 'POST /users':
      return [
        { email: 'fuzz@example.org', role: 'analyst', scope: ['19.04'] },
        { email: 'fuzz2@example.org', role: 'office_head', office: 'ref:office:nope' },
        { email: 'x@example.org', role: 'viewer', scope: ['99.99'] },
      ];
    case 'POST /auth/sign-in':
      return [
        { email: 'nobody@example.org', password: 'wrong-password' },
        { email: 'a'.repeat(1000), password: 'b'.repeat(100_000) },
      ];
    case 'POST /planning/plans':
      return [
        { title: 'Fuzz', date: '2024-06-14', areaCode: '19.04', targets: [{ candidateId: 'district:19.04.01' }] },
        { title: 'Fuzz', date: '2024-06-14', areaCode: 'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang', targets: [{ candidateId: 'site:1' }] },
      ];
    default:
      return [];
  }
}

function jsonBody(endpoint: Endpoint, schema: JsonSchema, doc: OpenApiDocument): fc.Arbitrary<FuzzRequest['body']> {
  const seeds = seedBodies(endpoint.route);
  const value = seeds.length
    ? fc.oneof(
        anyValue(schema, doc, 0),
        fc.constantFrom(...seeds),
        fc
          .tuple(fc.constantFrom(...seeds), fc.constantFrom('title', 'date', 'areaCode', 'slides', 'email', 'role', 'scope', 'password'), wrongValue())
          .map(([seed, key, v]) => ({ ...(seed as object), [key]: v })),
      )
    : anyValue(schema, doc, 0);
  return fc.oneof(
    { arbitrary: value.map((v) => ({ kind: 'text' as const, text: JSON.stringify(v) ?? 'null' })), weight: 8 },
    {
      arbitrary: fc
        .constantFrom(
          '',
          '{',
          'null',
          '[]',
          '"x"',
          '1',
          '{"a":',
          'x'.repeat(100),
          '{"__proto__":{"admin":true}}',
          `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
          `{"a":"${'x'.repeat(1_100_000)}"}`,
        )
        .map((text) => ({ kind: 'text' as const, text })),
      weight: 1,
    },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

function multipartBody(schema: JsonSchema, doc: OpenApiDocument): fc.Arbitrary<FuzzRequest['body']> {
  const s = resolve(schema, doc);
  const kinds = (resolve(s.properties?.kind, doc).enum ?? ['permits']) as string[];
  const file = fc.record({
    name: fc.constantFrom('permits.csv', 'data.xlsx', 'areas.geojson', 'notes.txt', '../../etc/passwd', 'a'.repeat(300), 'Ünï.csv', '.csv', ''),
    content: fc.oneof(
      fc.constantFrom(
        '',
        'a,b\n1,2\n',
        'passport_number,nationality,permit_type\nX1,CHN,itas\n',
        '{"type":"FeatureCollection","features":[]}',
        '{"type":"Feature"}',
        'PK\u0003\u0004garbage',
        '\ufeffa;b\r\n1;2',
        'x'.repeat(10_000),
      ),
      anyText,
    ),
  });
  const field = fc.oneof(
    fc.tuple(fc.constant('kind'), fc.oneof(fc.constantFrom(...kinds), anyText)),
    fc.tuple(fc.constant('file'), fc.oneof(file, anyText)),
    fc.tuple(fc.constant('sheet'), anyText),
    fc.tuple(fc.constant('mapping'), fc.oneof(fc.constantFrom('{}', '{"a":"b"}', '[]', '{"a":1}', '{', 'null'), anyText)),
    // Imports started by the fuzz are dry runs more often than not; the rest write to this copy of the fixture.
    fc.tuple(fc.constant('dryRun'), fc.constantFrom('true', 'true', 'false', 'yes')),
  );
  return fc.oneof(
    {
      arbitrary: fc
        .array(field, { maxLength: 6 })
        .map((fields) => ({ kind: 'multipart' as const, fields: fields as Array<[string, string | { name: string; content: string }]> })),
      weight: 8,
    },
    { arbitrary: fc.constant({ kind: 'text' as const, text: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\npermits\r\n--x--' }), weight: 1 },
  );
}

/** Requests over every endpoint, as each `who`: uniform over endpoints, then over the parameters. */
export function fuzzRequests(doc: OpenApiDocument, tileLayers: readonly FuzzTileLayer[], who: readonly Who[] = WHO): fc.Arbitrary<FuzzRequest> {
  const endpoints = endpointsOf(doc, tileLayers);
  return fc.constantFrom(...who).chain((w) => fc.constantFrom(...endpoints).chain((endpoint) => requestFor(endpoint, doc, w, tileLayers)));
}

interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** The Request init of a generated request, with the role's session where it uses one. */
export function requestInit(request: FuzzRequest, token: string | undefined): RequestInit {
  const headers = new Headers(request.headers);
  if (token && request.credentials === 'cookie') headers.set('cookie', `pantau_session=${token}`);
  if (token && request.credentials === 'bearer') headers.set('authorization', `Bearer ${token}`);
  let body: RequestInit['body'];
  if (request.body?.kind === 'text') body = request.body.text;
  if (request.body?.kind === 'multipart') {
    const form = new FormData();
    for (const [name, value] of request.body.fields) form.append(name, typeof value === 'string' ? value : new File([value.content], value.name));
    body = form;
    // FormData sets its own boundary; a generated content type would replace it.
    headers.delete('content-type');
  }
  return { method: request.method, headers, body };
}

export interface FuzzFinding {
  index: number;
  request: FuzzRequest;
  status: number;
  body: string;
}

/** Deliberate 503s: no PDF renderer in tests, the database busy or gone (each says when to retry). */
const DELIBERATE_503 = new Set(['pdf_unavailable', 'busy', 'database_unavailable', 'database_in_use']);

/** What is wrong with an answer, or null: a 5xx, or a 4xx without the error body. */
export function problemWith(status: number, contentType: string, text: string): string | null {
  if (status >= 500) {
    if (status === 503) {
      try {
        const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        if (code && DELIBERATE_503.has(code)) return null;
      } catch {
        /* not JSON: a problem below */
      }
    }
    return `${status}`;
  }
  if (status >= 400) {
    if (!contentType.includes('json')) return `${status} without a JSON body (${contentType || 'no content type'})`;
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') return `${status} without { error: { code, message } }`;
    } catch {
      return `${status} with a body that is not JSON`;
    }
  }
  return null;
}

/** The body as text, undoing the compression the request's Accept-Encoding asked for. */
function bodyText(encoding: string | null, bytes: Uint8Array): string {
  const raw = encoding === 'gzip' ? gunzipSync(bytes) : encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'deflate' ? inflateSync(bytes) : bytes;
  return new TextDecoder().decode(raw);
}

export interface FuzzRun {
  sent: number;
  statuses: Map<number, number>;
  findings: FuzzFinding[];
}

/**
 * Sends `count` requests generated from `seed`. `tokens(who)` gives each role's current session token;
 * `afterWrite` is called after a request that may have ended sessions (sign-out, user changes), so
 * the caller can sign in again and keep the rest of the run authenticated.
 */
export async function runFuzz(options: {
  app: Requester;
  doc: OpenApiDocument;
  tileLayers: readonly FuzzTileLayer[];
  seed: number;
  count: number;
  tokens(who: Who): string | undefined;
  afterWrite?(request: FuzzRequest, status: number): Promise<void>;
  onProgress?(sent: number): void;
}): Promise<FuzzRun> {
  const requests = fc.sample(fuzzRequests(options.doc, options.tileLayers), { seed: options.seed, numRuns: options.count });
  const run: FuzzRun = { sent: 0, statuses: new Map(), findings: [] };
  for (const [index, request] of requests.entries()) {
    const response = await options.app.request(request.path, requestInit(request, options.tokens(request.who)));
    // Read every body: an export streams from its own transaction, which ends only when it is read.
    let text = '';
    let undecodable: string | null = null;
    try {
      text = request.method === 'HEAD' ? '' : bodyText(response.headers.get('content-encoding'), new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      // A body that does not match its Content-Encoding is a finding of its own, reported with its request.
      undecodable = `body does not decode as ${response.headers.get('content-encoding')}: ${(error as Error).message}`;
    }
    run.sent++;
    run.statuses.set(response.status, (run.statuses.get(response.status) ?? 0) + 1);
    // A HEAD answer has the headers of the GET but never a body.
    const problem =
      undecodable ??
      (request.method === 'HEAD' && response.status < 500 ? null : problemWith(response.status, response.headers.get('content-type') ?? '', text));
    if (undecodable) text = undecodable;
    if (problem) run.findings.push({ index, request, status: response.status, body: text.slice(0, 300) });
    if (options.afterWrite && request.method !== 'GET' && response.status < 300) await options.afterWrite(request, response.status);
    options.onProgress?.(run.sent);
  }
  return run;
}

/** A finding as one line a person can replay: seed, index, who, method, path, headers and body. */
export function describeFinding(seed: number, finding: FuzzFinding): string {
  const { request } = finding;
  const body =
    request.body?.kind === 'text'
      ? ` body=${JSON.stringify(request.body.text.slice(0, 200))}`
      : request.body?.kind === 'multipart'
        ? ` multipart=${JSON.stringify(request.body.fields.map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 60) : `file:${v.name}`]))}`
        : '';
  return `seed ${seed} #${finding.index} ${finding.status} as ${request.who} (${request.credentials}) ${request.method} ${request.path.slice(0, 300)} headers=${JSON.stringify(request.headers).slice(0, 200)}${body} → ${finding.body.slice(0, 200)}`;
}
