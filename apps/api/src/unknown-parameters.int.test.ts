// No parameter is ever silently ignored (issue 20): every route of the OpenAPI document, the document
// itself, every tile layer and every export kind answers a query parameter it does not take with 400
// `unknown_parameter` naming it, and the `sponsor` filter narrows stats, summary, trend, compare and
// area tiles to the permits the company sponsors (checked against a direct SQL count).
import { VectorTile } from '@mapbox/vector-tile';
import { queryRows, sql } from '@pantau/db';
import { EXPORT_PARAMETERS } from '@pantau/domain';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, signedInAccount } from '../../../test/sessions.js';
import { tileQuery } from '../../../test/tile-query.js';
import { createApp } from './app.js';
import { OGC_COLLECTIONS } from './ogc/collections.js';
import { TILE_LAYERS } from './tiles/layers.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const ASOF = '2024-06-13';
const UNKNOWN = 'zzUnknown';
const PATH_VALUES: Record<string, string> = { code: '19.04', id: '1', file: 'permits.csv' };

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
}
type ErrorAnswer = { error: { code: string; message: string; details?: Array<{ parameter: string; message: string }> } };

describe.each(testBackends())('unknown parameters and the sponsor filter on %s', (backend) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    admin = as(app, await signedInAccount(t.database, 'admin', undefined, clock.now()));
    doc = (await (await admin.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const expectUnknown = async (response: Response, names: readonly string[], label: string) => {
    const body = (await response.json()) as ErrorAnswer;
    expect({ status: response.status, code: body.error?.code }, label).toEqual({ status: 400, code: 'unknown_parameter' });
    for (const name of names) expect(body.error.message, label).toContain(name);
    expect(body.error.details, label).toEqual(names.map((parameter) => ({ parameter, message: 'unknown parameter' })));
  };

  /** Every operation of the document as [method, filled path, declared query names]. */
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: `/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? '1')}`,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  const init = (method: string): RequestInit =>
    method === 'GET' ? {} : { method, headers: { origin: 'http://localhost', 'content-type': 'application/json' }, body: '{}' };

  test('every route of the OpenAPI document answers an added unknown parameter with 400 naming it, before doing anything', async () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(40);
    for (const { method, path } of all) {
      // Writes are refused before their handler runs: nothing is created, deleted or signed out.
      await expectUnknown(await admin.request(`${path}?${UNKNOWN}=1`, init(method)), [UNKNOWN], `${method} ${path}`);
    }
    // The session survived the sign-out routes: they never ran.
    expect((await admin.request('/api/v1/auth/me')).status).toBe(200);
  });

  test('without the unknown parameter, no route says unknown_parameter: the 400 above came from it alone', async () => {
    for (const { path } of operations().filter((o) => o.method === 'GET')) {
      const response = await admin.request(path);
      if (response.status === 400) expect(((await response.json()) as ErrorAnswer).error.code, `GET ${path}`).not.toBe('unknown_parameter');
    }
  });

  test('a declared parameter beside unknown ones: only the unknown ones are named, all of them', async () => {
    await expectUnknown(
      await admin.request(`/api/v1/stats/permits?level=regency&asOf=${ASOF}&sponsorId=1&permit_type=itas`),
      ['sponsorId', 'permit_type'],
      'stats',
    );
    // Case matters: asof is not asOf.
    await expectUnknown(await admin.request(`/api/v1/areas/19.04/summary?asof=${ASOF}`), ['asof'], 'summary');
    // An unknown name wins over an invalid value of a known one: it is the likelier mistake.
    await expectUnknown(await admin.request('/api/v1/areas/19.04/trend?months=abc&month=12'), ['month'], 'trend');
  });

  test('the OpenAPI document and the tile list take no parameters', async () => {
    await expectUnknown(await admin.request(`/api/v1/openapi.json?${UNKNOWN}=1`), [UNKNOWN], 'openapi.json');
    await expectUnknown(await admin.request(`/tiles?${UNKNOWN}=1`), [UNKNOWN], '/tiles');
  });

  test('every path of the OGC API document, for every collection, refuses an unknown parameter and names it; its own parameters pass', async () => {
    const ogc = (await (await admin.request('/ogc/api')).json()) as OpenApiDocument;
    const paths = Object.keys(ogc.paths);
    expect(paths.length).toBeGreaterThanOrEqual(7);
    for (const collection of OGC_COLLECTIONS)
      for (const template of paths) {
        const path = `/ogc${template === '/' ? '' : template.replace('{collectionId}', collection.id).replace('{featureId}', collection.featureId === 'code' ? '19.04' : '1')}`;
        await expectUnknown(await admin.request(`${path}?${UNKNOWN}=1`), [UNKNOWN], path);
        // Declared names beside it: still only the unknown one is named.
        const declared = (ogc.paths[template]!.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const message = ((await (await admin.request(`${path}?${declared.map((n) => `${n}=x`).join('&')}&${UNKNOWN}=1`)).json()) as ErrorAnswer).error;
        expect(message.details, path).toEqual([{ parameter: UNKNOWN, message: 'unknown parameter' }]);
      }
  });

  test('every tile layer refuses, in its TileJSON and its tiles, each filter of another layer and an unknown one', async () => {
    const everyFilter = [...new Set(TILE_LAYERS.flatMap((l) => l.filters))];
    for (const layer of TILE_LAYERS) {
      const others = [...everyFilter.filter((name) => !(layer.filters as readonly string[]).includes(name)), UNKNOWN];
      // Its own filters pass (the hot spots of a national user need their area).
      const own = tileQuery(layer, { asOf: ASOF, area: '19.04' });
      const tileJson = await admin.request(`/tiles/${layer.id}.json${own}`);
      expect(tileJson.status, layer.id).toBe(200);
      for (const name of others) {
        const extra = `${own ? `${own}&` : '?'}${name}=1`;
        await expectUnknown(await admin.request(`/tiles/${layer.id}.json${extra}`), [name], `${layer.id}.json ${name}`);
        await expectUnknown(await admin.request(`/tiles/${layer.id}/9/407/259.mvt${extra}`), [name], `${layer.id} tile ${name}`);
      }
    }
  });

  test('every export kind refuses the parameters of the other kinds; its own are declared in the document', async () => {
    const declared = doc.paths['/exports/{file}']!.get!.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
    for (const [kind, own] of Object.entries(EXPORT_PARAMETERS)) {
      expect(declared, kind).toEqual(expect.arrayContaining([...own]));
      for (const name of declared.filter((d) => !(own as readonly string[]).includes(d))) {
        await expectUnknown(await admin.request(`/api/v1/exports/${kind}.csv?${name}=1`), [name], `${kind} ${name}`);
      }
    }
  });

  describe('the sponsor filter', () => {
    /**
     * People holding a valid permit on `day` sponsored by `company`, by their strongest type, in a regency:
     * counted here without the app's SQL (an unidentified permit is a person of its own).
     */
    const sqlCount = async (company: number, regency: string, day: string) => {
      const [row] = await queryRows<{ total: number; itas: number; itap: number }>(
        t.database.orm,
        sql`
        with held as (
          select coalesce('person ' || person_id, 'permit ' || id) as holder,
            bool_or(permit_type = 'itap') as itap, bool_or(permit_type = 'itas') as itas
          from permits where sponsor_company_id = ${company} and regency_code = ${regency}
            and issued_on <= ${day}::date and expires_on > ${day}::date and (cancelled_on is null or cancelled_on > ${day}::date)
          group by 1)
        select count(*)::int as total, count(*) filter (where itas and not itap)::int as itas, count(*) filter (where itap)::int as itap from held`,
      );
      return { total: Number(row!.total), itas: Number(row!.itas), itap: Number(row!.itap) };
    };
    /** The company sponsoring most valid permits in Bangka Tengah on the day. */
    const topSponsor = async () => {
      const [row] = await queryRows<{ id: number }>(
        t.database.orm,
        sql`
        select sponsor_company_id as id from permits
        where regency_code = '19.04' and sponsor_company_id is not null and issued_on <= ${ASOF}::date and expires_on > ${ASOF}::date
          and (cancelled_on is null or cancelled_on > ${ASOF}::date)
        group by 1 order by count(*) desc, 1 limit 1`,
      );
      return Number(row!.id);
    };

    test("GET /stats/permits counts only the company's permits, as a direct SQL count does, in every regency of the province", async () => {
      const company = await topSponsor();
      const body = (await (await admin.request(`/api/v1/stats/permits?level=regency&parent=19&asOf=${ASOF}&sponsor=${company}`)).json()) as {
        areas: Array<{ code: string; total: number; itas: number; itap: number }>;
      };
      const all = (await (await admin.request(`/api/v1/stats/permits?level=regency&parent=19&asOf=${ASOF}`)).json()) as typeof body;
      expect(body.areas.length).toBeGreaterThan(1);
      for (const area of body.areas)
        expect({ code: area.code, total: area.total, itas: area.itas, itap: area.itap }).toEqual({
          code: area.code,
          ...(await sqlCount(company, area.code, ASOF)),
        });
      const bangka = body.areas.find((a) => a.code === '19.04')!;
      expect(bangka.total).toBeGreaterThan(0);
      // Not ignored: fewer than everyone's.
      expect(bangka.total).toBeLessThan(all.areas.find((a) => a.code === '19.04')!.total);
      // A company sponsoring nothing counts nobody.
      const none = (await (await admin.request(`/api/v1/stats/permits?level=regency&parent=19&asOf=${ASOF}&sponsor=2147483647`)).json()) as typeof body;
      expect(none.areas.every((a) => a.total === 0)).toBe(true);
    });

    test("summary, trend and compare of Bangka Tengah count the company's permits", async () => {
      const company = await topSponsor();
      const expected = await sqlCount(company, '19.04', ASOF);
      const yearBefore = await sqlCount(company, '19.04', '2023-06-13');
      const summary = (await (await admin.request(`/api/v1/areas/19.04/summary?asOf=${ASOF}&sponsor=${company}`)).json()) as {
        holders: { total: number; itas: number; itap: number };
        topSponsors: Array<{ id: number }>;
      };
      expect(summary.holders).toMatchObject(expected);
      expect(summary.topSponsors.map((s) => s.id)).toEqual([company]);
      const trend = (await (await admin.request(`/api/v1/areas/19.04/trend?asOf=${ASOF}&months=13&sponsor=${company}`)).json()) as {
        months: Array<{ month: string; total: number; itas: number; itap: number }>;
      };
      expect(trend.months.at(-1)).toEqual({ month: '2024-06', ...expected });
      const compare = (await (await admin.request(`/api/v1/areas/19.04/compare?a=2023-06-13&b=${ASOF}&sponsor=${company}`)).json()) as {
        a: { total: number };
        b: { total: number };
        change: { total: number };
      };
      expect([compare.a.total, compare.b.total, compare.change.total]).toEqual([yearBefore.total, expected.total, expected.total - yearBefore.total]);
    });

    test("area tiles count the company's permits, and their TileJSON carries the sponsor into the tiles URL", async () => {
      const company = await topSponsor();
      const tileJson = (await (await admin.request(`/tiles/regencies.json?asOf=${ASOF}&sponsor=${company}`)).json()) as { tiles: string[] };
      expect(tileJson.tiles[0]).toMatch(new RegExp(`/tiles/regencies/\\{z\\}/\\{x\\}/\\{y\\}\\.mvt\\?asOf=${ASOF}&sponsor=${company}$`));
      // z9 over Bangka Tengah.
      const response = await admin.request(`/tiles/regencies/9/407/259.mvt?asOf=${ASOF}&sponsor=${company}`, { headers: { 'accept-encoding': 'identity' } });
      expect(response.status).toBe(200);
      const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers.regencies!;
      const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
      const bangka = features.find((p) => p.code === '19.04')!;
      const expected = await sqlCount(company, '19.04', ASOF);
      expect({ total: bangka.total, itas: bangka.itas, itap: bangka.itap }).toEqual(expected);
    });

    test('a sponsor that is not a company id is a 400 naming it', async () => {
      const response = await admin.request(`/api/v1/stats/permits?level=regency&sponsor=PT%20Timah`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_parameter', message: expect.stringContaining('sponsor') } });
    });
  });
});
