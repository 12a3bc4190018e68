// Every date a request carries, on each backend: query parameters of every route (enumerated from the
// OpenAPI document, where they are `format: date`), the tile routes' filters and the dates in plan and
// briefing bodies. Outside 1900-01-01 … 2100-12-31, or not a calendar day, is a 400 naming the
// parameter; the two edges themselves are answered without a server error (issue 18).
import { briefingFromTemplate } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';
import { TILE_LAYERS } from '../tiles/layers.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const REFUSED = ['0001-01-01', '9999-12-31', '1899-12-31', '2101-01-01', '2024-02-30'];
const EDGES = ['1900-01-01', '2100-12-31'];

interface OpenApiParameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  schema?: { format?: string; example?: unknown };
  example?: unknown;
}
interface DateParameterCase {
  method: string;
  path: string;
  parameter: string;
  url: (value: string) => string;
}

/** A value that passes validation for the parameters a date route also needs. */
const PATH_VALUES: Record<string, string> = { code: '19.04', id: '1', file: 'permits.csv' };
const QUERY_VALUES: Record<string, string> = { area: '19.04', level: 'regency', q: 'hotel' };

function dateCases(doc: { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> }): DateParameterCase[] {
  const cases: DateParameterCase[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      for (const date of parameters.filter((p) => p.in === 'query' && p.schema?.format === 'date')) {
        cases.push({
          method,
          path,
          parameter: date.name,
          url: (value) => {
            const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? '1');
            const query = new URLSearchParams();
            for (const p of parameters.filter((q) => q.in === 'query')) {
              if (p === date) query.set(p.name, value);
              else if (p.schema?.format === 'date' && p.required) query.set(p.name, '2024-06-13');
              else if (QUERY_VALUES[p.name] !== undefined) query.set(p.name, QUERY_VALUES[p.name]!);
            }
            return `/api/v1${filled}?${query}`;
          },
        });
      }
    }
  }
  return cases;
}

/** The tile of `z` that holds Bangka Tengah (106.2 E, 2.3 S). */
function bangkaTile(z: number): string {
  const n = 2 ** z;
  const x = Math.floor(((106.2 + 180) / 360) * n);
  const lat = (-2.3 * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}`;
}

// The admin's hot spots name their area (a national scope must), so the dates reach the analysis.
const tileCases: DateParameterCase[] = TILE_LAYERS.flatMap((layer) =>
  (['asOf', 'from', 'to'] as const)
    .filter((name) => (layer.filters as readonly string[]).includes(name))
    .flatMap((name) => [
      { method: 'get', path: `/tiles/${layer.id}.json`, parameter: name, url: (value: string) => `/tiles/${layer.id}.json?${name}=${value}` },
      {
        method: 'get',
        path: `/tiles/${layer.id}/{z}/{x}/{y}.mvt`,
        parameter: name,
        url: (value: string) =>
          `/tiles/${layer.id}/${bangkaTile(Math.min(Math.max(layer.minzoom, 8), layer.maxzoom))}.mvt?${name}=${value}${layer.id === 'hot_spots' ? '&area=19' : ''}`,
      },
    ]),
);

const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', origin: 'http://localhost' },
  body: JSON.stringify(body),
});
const briefing = () =>
  briefingFromTemplate('enforcement', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id', venue: 'Hotel Santika Bangka' });
const withSlideView = (field: 'asOf' | 'from' | 'to', value: string) => {
  const content = briefing();
  return { ...content, slides: content.slides.map((s, i) => (i === 0 ? { ...s, view: { ...s.view, [field]: value } } : s)) };
};

interface BodyCase {
  path: string;
  parameter: string;
  body: (value: string) => unknown;
}
const bodyCases: BodyCase[] = [
  { path: '/api/v1/planning/plans', parameter: 'date', body: (date) => ({ title: 'Operasi', date, areaCode: '19.04', targets: [{ candidateId: 'site:1' }] }) },
  { path: '/api/v1/briefings', parameter: 'date', body: (date) => ({ ...briefing(), date }) },
  ...(['asOf', 'from', 'to'] as const).map((field) => ({
    path: '/api/v1/briefings',
    parameter: `slides.0.view.${field}`,
    body: (value: string) => withSlideView(field, value),
  })),
];

describe.each(testBackends())('dates in requests on %s', (backend) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;
  let cases: DateParameterCase[];

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    admin = as(app, await signedInAccount(t.database, 'admin'));
    cases = [...dateCases((await (await app.request('/api/v1/openapi.json')).json()) as never), ...tileCases];
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('the OpenAPI document marks the date parameters of every route that takes one', () => {
    const paths = new Set(cases.map((c) => c.path));
    for (const path of [
      '/planning/candidates',
      '/planning/coverage-gaps',
      '/planning/hot-spots',
      '/audit',
      '/areas/{code}/compare',
      '/exports/{file}',
      '/companies',
      '/stats/permits',
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(cases.find((c) => c.path === '/areas/{code}/compare' && c.parameter === 'b')).toBeDefined();
  });

  test('a date outside 1900-01-01 … 2100-12-31, or no calendar day, is a 400 naming the parameter on every route', async () => {
    const wrong: string[] = [];
    for (const c of cases) {
      for (const value of REFUSED) {
        const response = await admin.request(c.url(value));
        const body = await response.text();
        if (response.status !== 400 || !body.includes(c.parameter))
          wrong.push(`${c.method} ${c.path} ${c.parameter}=${value}: ${response.status} ${body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the first and the last day of the range are answered without a server error on every route', async () => {
    const wrong: string[] = [];
    for (const c of cases) {
      for (const value of EDGES) {
        const response = await admin.request(c.url(value));
        const body = await response.text(); // an export streams after the handler: read it to the end
        if (response.status >= 500) wrong.push(`${c.method} ${c.path} ${c.parameter}=${value}: ${response.status} ${body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('dates in plan and briefing bodies follow the same range', async () => {
    const wrong: string[] = [];
    for (const c of bodyCases) {
      for (const value of REFUSED) {
        const response = await admin.request(c.path, send('POST', c.body(value)));
        const body = await response.text();
        if (response.status !== 400 || !body.includes(c.parameter))
          wrong.push(`POST ${c.path} ${c.parameter}=${value}: ${response.status} ${body.slice(0, 160)}`);
      }
      for (const value of EDGES) {
        const response = await admin.request(c.path, send('POST', c.body(value)));
        const body = await response.text();
        if (response.status >= 500) wrong.push(`POST ${c.path} ${c.parameter}=${value}: ${response.status} ${body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
