// Coverage gaps and hot spots on the fixture, on each backend: the endpoints against the planning
// candidates and plain SQL counts, scopes, parameters, and the two tile layers decoded.
import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { planningCandidates, queryOne, sql } from '@pantau/db';
import { monthsBefore } from '@pantau/domain';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const ASOF = '2024-06-13';
/** The provinces of Java: most of the fixture's findings and reports (Jakarta's above all). */
const JAVA = ['31', '32', '33', '34', '35', '36'];

interface Gap {
  id: string;
  kind: 'company_site' | 'district';
  name: string;
  holders: number;
  lastCheckedOn: string | null;
  monthsSinceCheck: number | null;
  areaCodes: { province: string | null; regency: string | null; district: string | null };
  location: { lng: number; lat: number };
  links: { record: string; lastOperation: string | null };
}
interface Gaps {
  asOf: string;
  months: number;
  checkedSince: string;
  total: number;
  groups: Array<{ office: { id: number; name: string } | null; regencyCodes: string[]; count: number; items: Gap[] }>;
}
interface HotSpots {
  type: 'FeatureCollection';
  method: string;
  resolution: number;
  months: number;
  from: string;
  to: string;
  studyCells: number;
  findings: number;
  reports: number;
  features: Array<{
    id: string;
    geometry: { type: string; coordinates: number[][][] };
    properties: { h3: string; findings: number; reports: number; z: number; p: number; class: string };
  }>;
}

const items = (body: Gaps) => new Map(body.groups.flatMap((g) => g.items).map((i) => [i.id, i]));

function decode(bytes: Uint8Array, layer: string): VectorTileLayer | undefined {
  return bytes.length ? new VectorTile(new PbfReader(bytes)).layers[layer] : undefined;
}
const properties = (layer: VectorTileLayer | undefined) =>
  Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties as Record<string, string | number>);

describe.each(testBackends())('coverage gaps and hot spots on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: ReturnType<typeof as>;
  let division: ReturnType<typeof as>;
  let analyst: ReturnType<typeof as>;
  let viewer: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    admin = as(app, await signedInAccount(t.database, 'admin'));
    division = as(app, await signedInAccount(t.database, 'division_head', '19'));
    analyst = as(app, await signedInAccount(t.database, 'analyst', '19.04'));
    viewer = as(app, await signedInAccount(t.database, 'viewer', '19.04'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const gaps = async (who: ReturnType<typeof as>, query: string) => {
    const response = await who.request(`/api/v1/planning/coverage-gaps?${query}`);
    expect(response.status, query).toBe(200);
    return (await response.json()) as Gaps;
  };

  test('Bangka Tengah: never-checked sites with holders are gaps, under the office whose work area covers 19.04', async () => {
    const body = await gaps(division, `area=19.04&asOf=${ASOF}`);
    expect(body).toMatchObject({ asOf: ASOF, months: 12, checkedSince: '2023-06-13' });
    const candidates = await planningCandidates(t.database.orm, '19.04', ASOF, { areaCodes: ['19'] });
    const never = candidates.filter((c) => c.kind === 'company_site' && c.raw.activeHolders > 0 && c.raw.lastCheckedOn === null);
    expect(never.length).toBeGreaterThan(0);
    const found = items(body);
    for (const c of never)
      expect(found.get(c.id), c.name).toMatchObject({
        kind: 'company_site',
        holders: c.raw.activeHolders,
        lastCheckedOn: null,
        monthsSinceCheck: null,
        links: { lastOperation: null },
      });
    // Every gap has holders and no check since the cutoff; every candidate that is one is listed.
    for (const item of found.values()) {
      expect(item.holders).toBeGreaterThan(0);
      if (item.lastCheckedOn !== null) expect(item.lastCheckedOn < body.checkedSince).toBe(true);
    }
    expect(found.size).toBe(candidates.filter((c) => c.raw.activeHolders > 0 && (c.raw.lastCheckedOn ?? '') < '2023-06-13').length);
    expect(body.total).toBe(found.size);
    const group = body.groups.find((g) => g.office !== null)!;
    expect(group.office!.name).toMatch(/Pangkalpinang/);
    expect(group.regencyCodes).toContain('19.04');
    // Never checked first.
    expect(group.items[0]!.lastCheckedOn).toBeNull();
  });

  test('a site checked within the months is no gap; the months parameter moves the result', async () => {
    const candidates = await planningCandidates(t.database.orm, null, ASOF, null, ['company_site']);
    const recent = candidates.find((c) => c.raw.activeHolders > 0 && c.raw.lastCheckedOn !== null && c.raw.lastCheckedOn >= monthsBefore(ASOF, 12));
    expect(recent, 'a site with holders checked in the last 12 months').toBeDefined();
    const regency = recent!.areaCodes.regency!;
    expect(items(await gaps(admin, `area=${regency}&asOf=${ASOF}`)).has(recent!.id)).toBe(false);
    // …and it is one when 1 month is the limit, if its check is older than a month.
    const old = candidates.find(
      (c) =>
        c.raw.activeHolders > 0 &&
        c.raw.lastCheckedOn !== null &&
        c.raw.lastCheckedOn < monthsBefore(ASOF, 12) &&
        c.raw.lastCheckedOn >= monthsBefore(ASOF, 120),
    );
    expect(old, 'a site with holders last checked 1–10 years ago').toBeDefined();
    const area = old!.areaCodes.regency!;
    const at12 = items(await gaps(admin, `area=${area}&asOf=${ASOF}&months=12`));
    const at120 = items(await gaps(admin, `area=${area}&asOf=${ASOF}&months=120`));
    expect(at12.get(old!.id)).toMatchObject({ lastCheckedOn: old!.raw.lastCheckedOn, monthsSinceCheck: old!.raw.monthsSinceCheck });
    expect(at120.has(old!.id)).toBe(false);
    expect(at120.size).toBeLessThan(at12.size);
  });

  test('scoped users see only their areas; out of scope answers as nonexistent; the viewer may not; bad parameters are 400', async () => {
    const own = await gaps(analyst, `asOf=${ASOF}`);
    expect(own.total).toBeGreaterThan(0);
    for (const group of own.groups) {
      for (const item of group.items) expect(item.areaCodes.regency).toBe('19.04');
      for (const code of group.regencyCodes) expect(code.startsWith('19.04')).toBe(true);
    }
    const outside = await analyst.request(`/api/v1/planning/coverage-gaps?area=19.71&asOf=${ASOF}`);
    const nowhere = await analyst.request(`/api/v1/planning/coverage-gaps?area=99.99&asOf=${ASOF}`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { code: string } }).error.code).toBe(((await nowhere.json()) as { error: { code: string } }).error.code);
    expect((await viewer.request(`/api/v1/planning/coverage-gaps?asOf=${ASOF}`)).status).toBe(403);
    expect((await viewer.request(`/api/v1/planning/hot-spots?asOf=${ASOF}`)).status).toBe(403);
    for (const bad of ['months=0', 'months=121', 'months=x', 'asOf=2024-02-30', 'area=19-04']) {
      const response = await analyst.request(`/api/v1/planning/coverage-gaps?${bad}`);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_parameter');
    }
    for (const bad of ['resolution=3', 'resolution=9', 'months=0']) expect((await analyst.request(`/api/v1/planning/hot-spots?${bad}`)).status, bad).toBe(400);
  });

  test('hot spots: every finding and verified report of the window is counted in a hexagon, with Gi* classes and the method named', async () => {
    // A scope of several provinces (Java) without an area: a national scope must name one (issue 18).
    const java = as(app, await signedInAccount(t.database, 'analyst', JAVA.join(',')));
    const response = await java.request(`/api/v1/planning/hot-spots?asOf=${ASOF}&months=24&resolution=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const body = (await response.json()) as HotSpots;
    expect(body).toMatchObject({
      type: 'FeatureCollection',
      method: 'Getis-Ord Gi* (H3 res 5, k=1, 24 months)',
      resolution: 5,
      months: 24,
      from: '2022-06-13',
      to: ASOF,
    });
    const counts = await queryOne<{ findings: number; reports: number }>(
      t.database.orm,
      sql`
      select (select count(*) from operation_targets t join operations o on o.id = t.operation_id
                where t.violations > 0 and t.geom is not null and o.date >= '2022-06-13' and o.date < '2024-06-13' and left(t.regency_code, 2) in ${JAVA})::int as findings,
             (select count(*) from reports where status in ('verified', 'acted') and left(regency_code, 2) in ${JAVA}
                and received_at >= '2022-06-13'::timestamp at time zone 'Asia/Jakarta' and received_at < '2024-06-13'::timestamp at time zone 'Asia/Jakarta')::int as reports`,
    );
    expect({ findings: body.findings, reports: body.reports }).toEqual(counts);
    expect(body.findings + body.reports).toBeGreaterThan(0);
    const sum = (k: 'findings' | 'reports') => body.features.reduce((s, f) => s + f.properties[k], 0);
    expect({ findings: sum('findings'), reports: sum('reports') }).toEqual(counts);
    for (const f of body.features) {
      expect(f.geometry.type).toBe('Polygon');
      // Six corners and the closing point; a hexagon crossing an icosahedron edge has a few more.
      const ring = f.geometry.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(7);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      expect(f.properties.findings + f.properties.reports > 0 || f.properties.class !== 'not_significant').toBe(true);
      if (f.properties.class.startsWith('hot')) expect(f.properties.z).toBeGreaterThan(0);
    }
    expect(body.features[0]!.properties.class).toBe('hot_99');
    // A shorter window holds no more events.
    const short = (await (await java.request(`/api/v1/planning/hot-spots?asOf=${ASOF}&months=3&resolution=5`)).json()) as HotSpots;
    expect(short.findings + short.reports).toBeLessThanOrEqual(body.findings + body.reports);
    // The study area is the scope: the province's grid, its events only.
    const province = (await (await division.request(`/api/v1/planning/hot-spots?asOf=${ASOF}&resolution=5`)).json()) as HotSpots;
    expect(province.studyCells).toBeLessThan(body.studyCells);
    for (const f of province.features)
      for (const [lng, lat] of f.geometry.coordinates[0]!) expect(lng! > 104 && lng! < 109.5 && lat! > -4.5 && lat! < -0.5).toBe(true);
    // A grid too fine for the area (Central Kalimantan, 150,000 km²) is refused, naming the parameter.
    const fine = await admin.request(`/api/v1/planning/hot-spots?area=62&asOf=${ASOF}&resolution=8`);
    expect(fine.status).toBe(400);
    expect(((await fine.json()) as { error: { message: string } }).error.message).toMatch(/resolution/);
  });

  test('the coverage_gaps tile holds the district gaps of the endpoint, with months since the check; months moves it', async () => {
    const tile = async (query: string) =>
      decode(new Uint8Array(await (await division.request(`/tiles/coverage_gaps/8/203/129.mvt?${query}`)).arrayBuffer()), 'coverage_gaps');
    const layer = await tile(`asOf=${ASOF}`);
    const features = properties(layer).filter((p) => String(p.code).startsWith('19.04.'));
    const districts = [...items(await gaps(division, `area=19.04&asOf=${ASOF}`)).values()].filter((i) => i.kind === 'district');
    expect(districts.length).toBeGreaterThan(0);
    expect(features.map((p) => p.code).sort()).toEqual(districts.map((d) => d.areaCodes.district).sort());
    for (const d of districts) {
      const p = features.find((f) => f.code === d.areaCodes.district)!;
      expect(p.active_permits).toBe(d.holders);
      expect(p.last_checked).toBe(d.lastCheckedOn ?? undefined);
      expect(p.months_since).toBe(d.monthsSinceCheck ?? undefined);
    }
    expect(layer!.feature(0).type).toBe(3);
    // A longer threshold leaves fewer gaps (only places unchecked for 10 years), a shorter one more.
    const wide = properties(await tile(`asOf=${ASOF}&months=120`));
    const narrow = properties(await tile(`asOf=${ASOF}&months=1`));
    expect(wide.length).toBeLessThan(narrow.length);
    expect(wide.length).toBeLessThanOrEqual(properties(layer).length);
    expect(properties(layer).length).toBeLessThanOrEqual(narrow.length);
    expect(wide.every((p) => p.last_checked === undefined || String(p.last_checked) < monthsBefore(ASOF, 120))).toBe(true);
    expect(narrow.every((p) => p.last_checked === undefined || String(p.last_checked) < monthsBefore(ASOF, 1))).toBe(true);
    const json = (await (await division.request('/tiles/coverage_gaps.json?asOf=2024-06-13&months=24')).json()) as {
      tiles: string[];
      vector_layers: Array<{ fields: Record<string, string> }>;
    };
    expect(json.tiles[0]).toMatch(/\/tiles\/coverage_gaps\/\{z\}\/\{x\}\/\{y\}\.mvt\?asOf=2024-06-13&months=24$/);
    expect(json.vector_layers[0]!.fields).toMatchObject({ code: 'String', active_permits: 'Number', months_since: 'Number', last_checked: 'String' });
    expect((await division.request('/tiles/coverage_gaps/8/203/129.mvt?months=0')).status).toBe(400);
    // The hot spots' resolution is no filter of this layer: refused, naming it, rather than dropped.
    const refused = await division.request('/tiles/coverage_gaps.json?asOf=2024-06-13&months=24&resolution=6');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'unknown_parameter', message: expect.stringContaining('resolution') } });
  });

  test('the hot_spots tile holds the hexagons of the endpoint for the scope, with z, p and class', async () => {
    const geojson = (await (await division.request(`/api/v1/planning/hot-spots?asOf=${ASOF}&resolution=6`)).json()) as HotSpots;
    const layer = decode(new Uint8Array(await (await division.request(`/tiles/hot_spots/5/25/16.mvt?asOf=${ASOF}&resolution=6`)).arrayBuffer()), 'hot_spots');
    const byH3 = new Map(geojson.features.map((f) => [f.id, f.properties]));
    const tileCells = properties(layer);
    expect(tileCells.length).toBe(geojson.features.length);
    for (const p of tileCells) {
      const expected = byH3.get(String(p.h3))!;
      expect(p).toMatchObject({ class: expected.class, findings: expected.findings, reports: expected.reports, resolution: 6 });
      expect(Number(p.z)).toBeCloseTo(expected.z, 3);
    }
    const json = (await (await division.request('/tiles/hot_spots.json?asOf=2024-06-13&months=24&resolution=6')).json()) as { tiles: string[] };
    expect(json.tiles[0]).toMatch(/\/tiles\/hot_spots\/\{z\}\/\{x\}\/\{y\}\.mvt\?asOf=2024-06-13&months=24&resolution=6$/);
    const refused = await division.request('/tiles/hot_spots.json?asOf=2024-06-13&months=24&resolution=6&nationality=CHN');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'unknown_parameter', message: expect.stringContaining('nationality') } });
    expect((await viewer.request('/tiles/hot_spots/5/25/16.mvt')).status).toBe(403);
  });
});
