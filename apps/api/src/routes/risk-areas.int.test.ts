// Risk areas drawn and edited in the app (issue 22), on the fixture: an analyst of Bangka Tengah draws
// around Koba and the planning candidates there move; a regency-wide emigration route does not move
// them by default; every edit keeps the area as it was; each refusal is a 422 (or 403/404) with its own
// code and writes nothing.
import { readAudit } from '@pantau/data';
import { queryOne, sql } from '@pantau/db';
import type { PlanningCandidatesResponse, RiskAreaAnswer, RiskAreaVersionsAnswer } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount, jsonWrite } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const write = jsonWrite;
type Client = ReturnType<typeof as>;
interface ErrorAnswer {
  error: { code: string; message: string };
}
type Ring = Array<[number, number]>;

const box = (w: number, s: number, e: number, n: number): Ring => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const polygon = (ring: Ring) => ({ type: 'Polygon' as const, coordinates: [ring] });
/** Around Koba town (Bangka Tengah, 19.04.01). */
const KOBA: [number, number, number, number] = [106.36, -2.56, 106.47, -2.4];
const inBox = ([w, s, e, n]: readonly number[], p: { lng: number; lat: number }) => p.lng > w! && p.lng < e! && p.lat > s! && p.lat < n!;
const kobaArea = (extra: Record<string, unknown> = {}) => ({
  name: 'Rawan TKA Koba',
  category: 'illegal_work',
  severity: 'high',
  source: 'Rakor Timpora 13 Juni 2024',
  description: 'Laporan warga tentang pekerja asing',
  validFrom: '2024-01-01',
  geometry: polygon(box(...KOBA)),
  ...extra,
});

describe.each(testBackends())('risk areas drawn in the app on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let analyst: Client;
  let member: Client;
  let viewer: Client;
  let koba: RiskAreaAnswer;

  const counts = async () => {
    const row = await queryOne<{ areas: number; versions: number; audit: number }>(
      t.database.orm,
      sql`
      select (select count(*) from risk_areas)::int as areas, (select count(*) from risk_area_versions)::int as versions,
        (select count(*) from audit_log where action like 'risk_area.%')::int as audit`,
    );
    return { areas: Number(row!.areas), versions: Number(row!.versions), audit: Number(row!.audit) };
  };
  const candidates = async (query = '') => {
    const response = await analyst.request(`/api/v1/planning/candidates?area=19.04&asOf=2024-06-14&limit=200${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as PlanningCandidatesResponse;
    expect(body.candidateCount).toBeLessThanOrEqual(200);
    return new Map(body.items.map((item) => [item.id, item]));
  };

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    analyst = as(app, await signedInAccount(t.database, 'analyst', '19.04'));
    member = as(app, await signedInAccount(t.database, 'agency_member', '19.04'));
    viewer = as(app, await signedInAccount(t.database, 'viewer', '19.04'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a regency-wide emigration-route risk area does not lift the candidates by default; weighed with riskNotForeigners=1 it does', async () => {
    const before = await candidates();
    // Weighed, the fixture's own emigration routes (the reference event of Bangka Tengah) count too.
    const beforeWeighed = await candidates('&w.riskNotForeigners=1');
    const response = await analyst.request(
      '/api/v1/risk-areas',
      write('POST', {
        name: 'Jalur PMI nonprosedural Bangka Tengah',
        category: 'illegal_emigration_route',
        severity: 'high',
        source: 'Rakor Timpora',
        validFrom: '2024-01-01',
        geometry: polygon(box(105.75, -2.72, 107.08, -2.15)),
      }),
    );
    expect(response.status).toBe(201);
    const route = (await response.json()) as RiskAreaAnswer;
    expect(route.regencyCode).toBe('19.04');
    const after = await candidates();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    let inside = 0;
    for (const [id, item] of after) {
      if (item.links.riskAreas.includes(`/api/v1/risk-areas/${route.id}`)) inside += 1;
      expect(item.score, id).toBe(before.get(id)!.score);
    }
    expect(inside).toBeGreaterThan(0);
    const weighed = await candidates('&w.riskNotForeigners=1');
    const lifted = [...weighed.values()].filter((item) => item.score > beforeWeighed.get(item.id)!.score);
    expect(lifted.length).toBeGreaterThan(0);
    // Retired again (validTo before the ranked day), so the rest of this file ranks without it.
    expect((await analyst.request(`/api/v1/risk-areas/${route.id}`, write('PATCH', { validTo: '2024-01-02' }))).status).toBe(200);
    const retired = await candidates('&w.riskNotForeigners=1');
    for (const [id, item] of retired) expect(item.score, id).toBe(beforeWeighed.get(id)!.score);
  });

  test('a risk area drawn around Koba (19.04) lifts the candidates it covers, and only those', async () => {
    const before = await candidates();
    const response = await analyst.request('/api/v1/risk-areas', write('POST', kobaArea()));
    expect(response.status).toBe(201);
    koba = (await response.json()) as RiskAreaAnswer;
    expect(koba).toMatchObject({
      name: 'Rawan TKA Koba',
      category: 'illegal_work',
      severity: 'high',
      regencyCode: '19.04',
      origin: 'app',
      version: 1,
      validTo: null,
    });
    expect(koba.geometry?.type).toBe('MultiPolygon');
    const after = await candidates();
    const link = `/api/v1/risk-areas/${koba.id}`;
    const covered = [...after.values()].filter((item) => item.links.riskAreas.includes(link));
    const others = [...after.values()].filter((item) => !item.links.riskAreas.includes(link));
    // The Koba district itself, and every company site inside the drawn box.
    expect(covered.map((item) => item.id)).toContain('district:19.04.01');
    for (const item of after.values()) if (item.kind === 'company_site' && inBox(KOBA, item.location)) expect(covered).toContain(item);
    expect(others.length).toBeGreaterThan(0);
    for (const item of covered) {
      const was = before.get(item.id)!;
      expect(item.factors.risk, item.id).toBeGreaterThan(was.factors.risk);
      expect(item.score, item.id).toBeGreaterThan(was.score);
      expect(item.explanation.id).toMatch(/rawan TKA ilegal/);
    }
    for (const item of others) expect(item.score, item.id).toBe(before.get(item.id)!.score);
    const audit = await readAudit(t.database.orm, { action: 'risk_area.create' });
    expect(audit.find((row) => row.target === `risk_area:${koba.id}`)).toMatchObject({ areaCode: '19.04' });
  });

  test('an edit of the geometry keeps the old one as a version; an edit of attributes keeps the old attributes', async () => {
    const moved = polygon(box(106.38, -2.55, 106.46, -2.42));
    const response = await analyst.request(`/api/v1/risk-areas/${koba.id}`, write('PATCH', { geometry: moved }));
    expect(response.status).toBe(200);
    const edited = (await response.json()) as RiskAreaAnswer;
    expect(edited.version).toBe(2);
    expect(edited.bbox).toEqual([106.38, -2.55, 106.46, -2.42]);
    const renamed = (await (
      await analyst.request(`/api/v1/risk-areas/${koba.id}`, write('PATCH', { name: 'Rawan TKA Koba (diperbarui)', severity: 'medium' }))
    ).json()) as RiskAreaAnswer;
    expect(renamed).toMatchObject({ version: 3, name: 'Rawan TKA Koba (diperbarui)', severity: 'medium', bbox: [106.38, -2.55, 106.46, -2.42] });

    const history = (await (await analyst.request(`/api/v1/risk-areas/${koba.id}/versions`)).json()) as RiskAreaVersionsAnswer;
    expect(history.currentVersion).toBe(3);
    expect(history.items.map((v) => [v.version, v.action])).toEqual([
      [3, 'update'],
      [2, 'update'],
      [1, 'create'],
    ]);
    const [third, second, first] = history.items;
    expect(first).toMatchObject({ geometryBefore: null, before: null, changedBy: expect.stringContaining('@') });
    expect(second!.geometryBefore).toEqual({ type: 'MultiPolygon', coordinates: [[box(...KOBA)]] });
    expect(second!.before).toMatchObject({
      name: 'Rawan TKA Koba',
      severity: 'high',
      regencyCode: '19.04',
      description: 'Laporan warga tentang pekerja asing',
    });
    expect(third!.geometryBefore).toEqual({ type: 'MultiPolygon', coordinates: [[box(106.38, -2.55, 106.46, -2.42)]] });
    expect(third!.before).toMatchObject({ name: 'Rawan TKA Koba', severity: 'high' });
    // An agency member reads the history without the free text.
    const seen = (await (await member.request(`/api/v1/risk-areas/${koba.id}/versions`)).json()) as RiskAreaVersionsAnswer;
    expect(seen.items[1]!.before).not.toHaveProperty('description');
    expect(seen.items[1]!.before).toMatchObject({ name: 'Rawan TKA Koba' });
  });

  test('ending the validity by today retires the area (a version of its own)', async () => {
    const response = await analyst.request(`/api/v1/risk-areas/${koba.id}`, write('PATCH', { validTo: '2024-06-13' }));
    expect(response.status).toBe(200);
    const history = (await (await analyst.request(`/api/v1/risk-areas/${koba.id}/versions`)).json()) as RiskAreaVersionsAnswer;
    expect(history.items[0]).toMatchObject({ version: 4, action: 'retire', before: { validTo: null } });
    expect((await readAudit(t.database.orm, { action: 'risk_area.retire' })).some((row) => row.target === `risk_area:${koba.id}`)).toBe(true);
  });

  const refusals: Array<[string, Record<string, unknown>, string, RegExp]> = [
    [
      'a self-intersecting outline',
      {
        geometry: polygon([
          [106.4, -2.52],
          [106.46, -2.46],
          [106.46, -2.52],
          [106.4, -2.46],
          [106.4, -2.52],
        ]),
      },
      'invalid_geometry',
      /self-intersection/i,
    ],
    [
      'a ring that is not closed',
      {
        geometry: polygon([
          [106.4, -2.52],
          [106.46, -2.52],
          [106.46, -2.46],
          [106.4, -2.46],
        ]),
      },
      'invalid_geometry',
      /not closed/,
    ],
    ['an area outside Indonesia (Indian Ocean)', { geometry: polygon(box(90, -20, 90.1, -19.9)) }, 'outside_indonesia', /outside Indonesia/i],
    ['an area of about 50 m × 50 m', { geometry: polygon(box(106.4, -2.5, 106.4005, -2.4995)) }, 'geometry_too_small', /0\.01 km²/],
    [
      'an outline of 10,001 vertices',
      {
        geometry: polygon([
          ...Array.from({ length: 10_001 }, (_, i): [number, number] => [
            106.41 + 0.03 * Math.cos((2 * Math.PI * i) / 10_001),
            -2.49 + 0.03 * Math.sin((2 * Math.PI * i) / 10_001),
          ]),
          [106.44, -2.49],
        ]),
      },
      'too_many_vertices',
      /at most 10000/,
    ],
    ['valid_to before valid_from', { validFrom: '2024-06-01', validTo: '2024-05-31' }, 'invalid_period', /before validFrom/],
  ];
  test.each(refusals)('creating %s is refused with 422 and its code, and nothing is written', async (_what, change, code, message) => {
    const was = await counts();
    const response = await analyst.request('/api/v1/risk-areas', write('POST', kobaArea(change)));
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    expect(await counts()).toEqual(was);
  });

  test('an edit with a self-intersecting geometry is refused and the area keeps its geometry and version', async () => {
    const was = await counts();
    const response = await analyst.request(`/api/v1/risk-areas/${koba.id}`, write('PATCH', { geometry: refusals[0]![1].geometry, name: 'tidak tersimpan' }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorAnswer).error.message).toMatch(/self-intersection/i);
    expect(await counts()).toEqual(was);
    const area = (await (await analyst.request(`/api/v1/risk-areas/${koba.id}`)).json()) as RiskAreaAnswer;
    expect(area).toMatchObject({ version: 4, name: 'Rawan TKA Koba (diperbarui)', bbox: [106.38, -2.55, 106.46, -2.42] });
  });

  test('outside the scope: drawing in Jakarta is 403, editing a Jakarta area is 404 like a missing one; nothing is written', async () => {
    const was = await counts();
    const drawn = await analyst.request('/api/v1/risk-areas', write('POST', kobaArea({ geometry: polygon(box(106.8, -6.22, 106.84, -6.18)) })));
    expect(drawn.status).toBe(403);
    expect(((await drawn.json()) as ErrorAnswer).error.code).toBe('forbidden');
    const jakarta = await queryOne<{ id: number }>(t.database.orm, sql`select id from risk_areas where regency_code like '31.%' order by id limit 1`);
    const edited = await analyst.request(`/api/v1/risk-areas/${jakarta!.id}`, write('PATCH', { name: 'x' }));
    const missing = await analyst.request('/api/v1/risk-areas/99999999', write('PATCH', { name: 'x' }));
    expect(edited.status).toBe(404);
    expect(await edited.json()).toEqual(await missing.json());
    expect(await counts()).toEqual(was);
  });

  test('an agency member and a viewer may not draw (403); a bad body is 400 naming the field', async () => {
    expect((await member.request('/api/v1/risk-areas', write('POST', kobaArea()))).status).toBe(403);
    expect((await viewer.request('/api/v1/risk-areas', write('POST', kobaArea()))).status).toBe(403);
    expect((await member.request(`/api/v1/risk-areas/${koba.id}`, write('PATCH', { name: 'x' }))).status).toBe(403);
    const bad = await analyst.request('/api/v1/risk-areas', write('POST', kobaArea({ category: 'weather' })));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/category/);
    const empty = await analyst.request(`/api/v1/risk-areas/${koba.id}`, write('PATCH', {}));
    expect(empty.status).toBe(400);
  });
});
