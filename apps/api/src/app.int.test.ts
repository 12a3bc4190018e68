// The API on each backend, through app.request(): no network.
import { sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, signedInAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';

const fixedClock = { now: () => new Date('2024-06-13T03:00:00Z') };

describe.each(testBackends())('API on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof as>;
  const logged: string[] = [];
  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = as(
      createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock: fixedClock, log: (l) => logged.push(l) }),
      await signedInAccount(t.database, 'admin'),
    );
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('health answers 200 with the backend', async () => {
    expect(await get('/api/v1/health')).toEqual({ status: 200, body: { status: 'ok', database: { status: 'ok', backend } } });
  });

  test('Bangka Tengah shows 22 ITAS and 6 ITAP holders on 2024-06-13', async () => {
    const { status, body } = await get('/api/v1/stats/permits?level=regency&parent=19&asOf=2024-06-13');
    expect(status).toBe(200);
    const bangkaTengah = body.areas.find((a: { code: string }) => a.code === '19.04');
    // People, not permits (issue 20): 22 people with a valid ITAS, 6 with a valid ITAP, each holding one permit.
    expect(bangkaTengah).toMatchObject({ code: '19.04', name: 'Kabupaten Bangka Tengah', total: 28, itas: 22, itap: 6, permits: 28 });
    expect(body.areas).toHaveLength(7);
    expect(bangkaTengah.topNationalities.reduce((s: number, n: { count: number }) => s + n.count, 0)).toBeLessThanOrEqual(bangkaTengah.total);
  });

  test('asOf defaults to today in WIB, and filters narrow the counts', async () => {
    const byDefault = await get('/api/v1/stats/permits?level=regency&parent=19');
    expect(byDefault.body.asOf).toBe('2024-06-13');
    const itasOnly = await get('/api/v1/stats/permits?level=regency&parent=19&permitType=itas');
    expect(itasOnly.body.areas.find((a: { code: string }) => a.code === '19.04')).toMatchObject({ total: 22, itas: 22, itap: 0 });
    const national = await get('/api/v1/stats/permits?level=province&asOf=2024-06-13&nationality=CHN');
    const chinese = national.body.areas.reduce((s: number, a: { total: number }) => s + a.total, 0);
    const all = (await get('/api/v1/stats/permits?level=province&asOf=2024-06-13')).body.areas.reduce((s: number, a: { total: number }) => s + a.total, 0);
    expect(chinese).toBeGreaterThan(0);
    expect(chinese).toBeLessThan(all);
  });

  test('Lebong on 2016-11-17: the 11 workers waiting for their KITAS count as pending, not as holders', async () => {
    const { body } = await get('/api/v1/stats/permits?level=regency&parent=17&asOf=2016-11-17');
    const lebong = body.areas.find((a: { code: string }) => a.code === '17.07');
    expect(lebong.pending).toBe(11);
    const later = (await get('/api/v1/stats/permits?level=regency&parent=17&asOf=2016-12-31')).body.areas.find((a: { code: string }) => a.code === '17.07');
    expect(later.pending).toBe(0);
    expect(later.itas).toBeGreaterThanOrEqual(11);
    const summary = await get('/api/v1/areas/17.07/summary?asOf=2016-11-17');
    expect(summary.body.holders.pending).toBe(11);
  });

  test('the Lebong operation of 2016-11-17: Hotel Asri, 11 Chinese workers of two companies, no violation', async () => {
    const { status, body } = await get('/api/v1/operations?area=17.07&from=2016-11-17&to=2016-11-17');
    expect(status).toBe(200);
    const lebong = body.items.find((o: { origin: string }) => o.origin === 'reference');
    expect(lebong).toMatchObject({ date: '2016-11-17', regencyCode: '17.07', team: 'Timpora Kabupaten Lebong', office: 'Kantor Imigrasi Kelas I Bengkulu' });
    expect(lebong.targets).toHaveLength(1);
    expect(lebong.targets[0]).toMatchObject({
      place: 'Hotel Asri, Kabupaten Lebong',
      foreignersChecked: 11,
      violations: 0,
      outcome: 'no_violation',
      actions: [],
    });
    expect(lebong.targets[0].findings).toContain('PT. Energy Sakti Sentosa');
    expect(lebong.targets[0].findings).toContain('PT. Bangun Tirta Lestari');
  });

  test('an area answers with its parent chain, bbox and centroid', async () => {
    const { status, body } = await get('/api/v1/areas/19.04.01');
    expect(status).toBe(200);
    expect(body.parents.map((p: { code: string }) => p.code)).toEqual(['19', '19.04']);
    const [minX, minY, maxX, maxY] = body.bbox;
    expect(body.centroid[0]).toBeGreaterThan(minX);
    expect(body.centroid[0]).toBeLessThan(maxX);
    expect(body.centroid[1]).toBeGreaterThan(minY);
    expect(body.centroid[1]).toBeLessThan(maxY);
  });

  test('lists page with a cursor and never repeat a row', async () => {
    const first = await get('/api/v1/companies?area=72&limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toBe(first.body.items[2].id);
    const second = await get(`/api/v1/companies?area=72&limit=3&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((c: { id: number }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const company of second.body.items) expect(company.sites.every((s: { regencyCode: string }) => s.regencyCode.startsWith('72.'))).toBe(true);
  });

  test.each([
    ['/api/v1/risk-areas?area=19.04', 'reference'],
    ['/api/v1/meetings?area=19.04&from=2024-06-13&to=2024-06-13', 'reference'],
    ['/api/v1/entry-points?bbox=95,-11,141,6', 'demo'],
    ['/api/v1/reports?limit=5&status=new,verified', 'demo'],
  ])('%s lists rows', async (path, origin) => {
    const { status, body } = await get(path);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.map((i: { origin: string }) => i.origin)).toContain(origin);
  });

  test.each([
    ['/api/v1/stats/permits?level=county', 'level'],
    ['/api/v1/stats/permits?level=regency&asOf=2024-02-30', 'asOf'],
    ['/api/v1/stats/permits?level=regency&nationality=china', 'nationality'],
    ['/api/v1/stats/permits?level=province&parent=19.04', 'parent'],
    ['/api/v1/companies?limit=0', 'limit'],
    ['/api/v1/reports?bbox=10,10,5,5', 'bbox'],
  ])('%s answers 400 naming %s', async (path, parameter) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message).toContain(parameter);
  });

  test('unknown areas and endpoints answer 404 in the error shape', async () => {
    expect(await get('/api/v1/areas/99.99')).toEqual({ status: 404, body: { error: { code: 'area_not_found', message: 'No area with code 99.99.' } } });
    expect((await get('/api/v1/stats/permits?level=district&parent=99.99')).status).toBe(404);
    expect((await get('/api/v1/no-such-thing')).body.error.code).toBe('not_found');
  });

  test('the OpenAPI 3.1 document describes every endpoint', async () => {
    const { status, body } = await get('/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/admin/tokens',
      '/admin/tokens/{id}/revoke',
      '/areas',
      '/areas/geometry',
      '/areas/{code}',
      '/areas/{code}/arrivals',
      '/areas/{code}/compare',
      '/areas/{code}/expiring',
      '/areas/{code}/overstays',
      '/areas/{code}/summary',
      '/areas/{code}/trend',
      '/audit',
      '/audit/verify',
      '/auth/change-password',
      '/auth/me',
      '/auth/sign-in',
      '/auth/sign-out',
      '/auth/sign-out-everywhere',
      '/briefings',
      '/briefings/{id}',
      '/briefings/{id}/briefing.pdf',
      '/companies',
      '/companies/{id}',
      '/companies/{id}/workers',
      '/entry-points',
      '/entry-points/{id}',
      '/exports/{file}',
      '/follow-ups/overdue',
      '/follow-ups/{id}',
      '/health',
      '/imports',
      '/imports/preview',
      '/imports/{id}',
      '/imports/{id}/rerun',
      '/imports/{id}/rollback',
      '/meetings',
      '/meetings/{id}',
      '/meetings/{id}/follow-ups',
      '/meta',
      '/offices',
      '/operations',
      '/operations/{id}',
      '/people',
      '/people/{id}',
      '/planning/candidates',
      '/planning/coverage-gaps',
      '/planning/hot-spots',
      '/planning/plans',
      '/planning/plans/{id}',
      '/planning/plans/{id}/outcome',
      '/planning/plans/{id}/plan.pdf',
      '/planning/plans/{id}/targets.csv',
      '/planning/plans/{id}/targets.xlsx',
      '/planning/skill',
      '/reports',
      '/reports/{id}',
      '/reports/{id}/attachments',
      '/reports/{id}/attachments/{attachmentId}',
      '/reports/{id}/history',
      '/risk-areas',
      '/risk-areas/{id}',
      '/risk-areas/{id}/versions',
      '/search',
      '/stats/permits',
      '/users',
      '/users/{id}',
      '/users/{id}/reset-password',
    ]);
  });

  test('the area summary of Bangka Tengah on 2024-06-13: 22 ITAS, 6 ITAP, the emigration risk its meeting named, and its sources', async () => {
    const { status, body } = await get('/api/v1/areas/19.04/summary?asOf=2024-06-13');
    expect(status).toBe(200);
    expect(body.holders).toMatchObject({ total: 28, itas: 22, itap: 6, visit: 0 });
    expect(body.holders.byNationality.reduce((s: number, n: { count: number }) => s + n.count, 0)).toBe(28);
    expect(body.riskAreas.some((r: { category: string; origin: string }) => r.category === 'illegal_emigration_route' && r.origin === 'reference')).toBe(true);
    expect(body.lastMeeting).toMatchObject({ date: '2024-06-13', venue: 'Soll Marina Hotel dan Conference Center Bangka', origin: 'reference' });
    expect(body.sources.map((s: { origin: string }) => s.origin)).toContain('demo');
    expect(body.topSponsors.length).toBeGreaterThan(0);
  });

  test('the monthly trend ends on the summary figure, and compare reports both dates and the change', async () => {
    const trend = (await get('/api/v1/areas/19.04/trend?asOf=2024-06-13&months=60&permitType=itas,itap')).body;
    expect(trend.months).toHaveLength(60);
    expect(trend.months.at(-1)).toEqual({ month: '2024-06', total: 28, itas: 22, itap: 6 });
    const compare = (await get('/api/v1/areas/19.04/compare?a=2023-06-13&b=2024-06-13')).body;
    expect(compare.b).toMatchObject({ date: '2024-06-13', itas: 22, itap: 6 });
    expect(compare.change.total).toBe(compare.b.total - compare.a.total);
    expect(compare.change.byNationality.reduce((s: number, n: { change: number }) => s + n.change, 0)).toBe(compare.change.total);
  });

  test('search finds areas by Indonesian or English name, misspelt, and places by name', async () => {
    expect((await get('/api/v1/search?q=bangka%20tenga')).body.areas[0]).toMatchObject({ code: '19.04', name: 'Kabupaten Bangka Tengah' });
    expect((await get('/api/v1/search?q=West%20Java')).body.areas[0]).toMatchObject({ code: '32', nameEn: 'West Java' });
    expect((await get('/api/v1/search?q=Hotel%20Asri')).body.places[0]).toMatchObject({ kind: 'operation_target', name: 'Hotel Asri, Kabupaten Lebong' });
    expect((await get('/api/v1/search?q=a')).status).toBe(400);
  });

  test('a record answers by id, and a missing one 404', async () => {
    const page = (await get('/api/v1/operations?area=17.07&from=2016-11-17&to=2016-11-17')).body;
    const lebong = page.items.find((o: { origin: string }) => o.origin === 'reference');
    expect((await get(`/api/v1/operations/${lebong.id}`)).body).toEqual(lebong);
    expect((await get('/api/v1/reports/987654321')).status).toBe(404);
    expect((await get('/api/v1/areas/99.99/summary')).status).toBe(404);
  });

  test('an unexpected failure answers 500 with a request id and no stack, SQL or path', async () => {
    // A real failure: the table the endpoint reads is gone (this test's own copy of the fixture).
    await t.database.orm.execute(sql`alter table meetings rename to meetings_gone`);
    try {
      const response = await app.request('/api/v1/meetings');
      const text = await response.text();
      expect(response.status).toBe(500);
      const body = JSON.parse(text);
      expect(body.error.code).toBe('internal_error');
      expect(body.error.requestId).toMatch(/\S+/);
      expect(text).not.toMatch(/meetings_gone|select|\.ts:|at .*\(/i);
      expect(logged.some((l) => l.includes(body.error.requestId))).toBe(true);
    } finally {
      await t.database.orm.execute(sql`alter table meetings_gone rename to meetings`);
    }
  });
});
