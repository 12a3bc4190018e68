// Planning candidates on the fixture: the real Lebong companies appear with their 2016 check, and
// Bangka Tengah's candidates come ranked with contributions that add up to the score.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };

interface Item {
  rank: number;
  id: string;
  kind: string;
  name: string;
  score: number;
  location: { lng: number; lat: number };
  areaCodes: { province: string | null; regency: string | null; district: string | null };
  raw: { lastCheckedOn: string | null; monthsSinceCheck: number | null; activeHolders: number; openReports: number; verifiedReports: number };
  factors: Record<string, number>;
  contributions: Record<string, number>;
  explanation: { id: string; en: string };
  links: { record: string; lastOperation: string | null; riskAreas: string[] };
}
interface Answer {
  asOf: string;
  weights: Record<string, number>;
  candidateCount: number;
  items: Item[];
}

describe.each(testBackends())('planning candidates on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let division: ReturnType<typeof as>;
  let bengkulu: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    division = as(app, await signedInAccount(t.database, 'division_head', '19'));
    bengkulu = as(app, await signedInAccount(t.database, 'division_head', '17'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('the Lebong company sites are candidates in Bengkulu, last checked on 2016-11-17', async () => {
    const response = await bengkulu.request('/api/v1/planning/candidates?area=17&kind=company_site&limit=200');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    const lebong = body.items.filter((i) => /Energy Sakti Sentosa|Bangun Tirta Lestari/i.test(i.name));
    expect(lebong.map((i) => i.name).sort()).toHaveLength(2);
    for (const site of lebong) {
      expect(site.areaCodes.regency).toBe('17.07');
      expect(site.raw.lastCheckedOn).toBe('2016-11-17');
      expect(site.explanation.en).toContain('last checked');
      expect(site.explanation.en).toContain('17 Nov 2016');
      expect(site.explanation.id).toContain('17 November 2016');
      expect(site.links.lastOperation).toMatch(/^\/api\/v1\/operations\/\d+$/);
      expect(site.links.record).toMatch(/^\/api\/v1\/companies\/\d+$/);
    }
  });

  test('Bangka Tengah on 2024-06-13: candidates ranked by score, contributions adding up to it', async () => {
    const response = await division.request('/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&limit=20');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    expect(body.asOf).toBe('2024-06-13');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.map((i) => i.rank)).toEqual(body.items.map((_, n) => n + 1));
    for (let n = 1; n < body.items.length; n++) expect(body.items[n - 1]!.score).toBeGreaterThanOrEqual(body.items[n]!.score);
    for (const item of body.items) {
      expect(Object.values(item.contributions).reduce((a, b) => a + b, 0)).toBeCloseTo(item.score, 9);
      expect(item.areaCodes.regency).toBe('19.04');
      expect(item.explanation.id.length).toBeGreaterThan(10);
      expect(Number.isFinite(item.location.lng) && Number.isFinite(item.location.lat)).toBe(true);
    }
    expect(body.items.some((i) => i.kind === 'district')).toBe(true);
    expect(body.items.some((i) => i.kind === 'company_site')).toBe(true);
  });

  test('a weight moves the ranking and is echoed; an unknown factor is refused', async () => {
    const path = '/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&limit=200';
    const base = (await (await division.request(path)).json()) as Answer;
    const onlyHolders = (await (
      await division.request(
        `${path}&w.holders=1&${['growth', 'expiring', 'findings', 'reports', 'risk', 'staleness', 'mix'].map((f) => `w.${f}=0`).join('&')}`,
      )
    ).json()) as Answer;
    expect(onlyHolders.weights.staleness).toBe(0);
    expect(onlyHolders.weights.holders).toBe(1);
    expect(base.weights.staleness).toBeGreaterThan(0);
    const holders = onlyHolders.items.map((i) => i.raw.activeHolders);
    expect(holders).toEqual([...holders].sort((a, b) => b - a));
    const refused = await division.request(`${path}&w.colour=2`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error.message).toContain('colour');
  });

  test('no personal data in the answer: no holder name or permit number', async () => {
    const text = await (await division.request('/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&limit=200')).text();
    const { queryRows, sql } = await import('@pantau/db');
    const permits = await queryRows<{ holder_name: string; permit_number: string }>(
      t.database.orm,
      sql`select holder_name, permit_number from permits where regency_code = '19.04' limit 200`,
    );
    expect(permits.length).toBeGreaterThan(0);
    for (const p of permits) {
      expect(text).not.toContain(p.holder_name);
      expect(text).not.toContain(p.permit_number);
    }
  });

  test('three reports within a few hundred metres become a report-cluster candidate that a plan can take', async () => {
    const { writeReports } = await import('@pantau/data');
    // Near a Bangka Tengah company site, in the 90 days before the plan's day.
    const sites = (await (await division.request('/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&kind=company_site&limit=1')).json()) as Answer;
    const at = sites.items[0]!.location;
    const report = (i: number, dLng: number, status: 'new' | 'verified') => ({
      key: `test:cluster:${i}`,
      receivedAt: `2024-05-${10 + i}T09:00:00+07:00`,
      channel: 'apoa' as const,
      category: 'illegal_work' as const,
      status,
      position: [at.lng + dLng, at.lat] as [number, number],
      summary: null,
      origin: 'demo',
    });
    await t.database.orm.transaction((tx) => writeReports(tx, [report(1, 0.001, 'new'), report(2, 0.002, 'verified'), report(3, 0.003, 'verified')]));
    const body = (await (await division.request('/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&kind=report_cluster&limit=200')).json()) as Answer;
    const near = body.items.filter((i) => Math.abs(i.location.lng - (at.lng + 0.002)) < 0.005 && Math.abs(i.location.lat - at.lat) < 0.005);
    expect(near).toHaveLength(1);
    const cluster = near[0]!;
    expect(cluster.kind).toBe('report_cluster');
    expect(cluster.id).toMatch(/^reports:\d+$/);
    expect(cluster.raw.openReports).toBeGreaterThanOrEqual(1);
    expect(cluster.raw.verifiedReports).toBeGreaterThanOrEqual(2);
    expect(cluster.explanation.en).toMatch(/report/);
    // Reports received on or after the plan's day do not count: the day before they arrived, no cluster there.
    const before = (await (await division.request('/api/v1/planning/candidates?area=19.04&asOf=2024-05-11&kind=report_cluster&limit=200')).json()) as Answer;
    expect(before.items.filter((i) => i.id === cluster.id)).toHaveLength(0);
    // A plan takes the cluster like any candidate; its targets file names the kind.
    const created = await division.request('/api/v1/planning/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ title: 'Laporan', date: '2024-06-13', areaCode: '19.04', targets: [{ candidateId: cluster.id }] }),
    });
    expect(created.status).toBe(201);
    const plan = (await created.json()) as { id: number; targets: Array<{ kind: string; candidateId: string }> };
    expect(plan.targets).toEqual([expect.objectContaining({ kind: 'report_cluster', candidateId: cluster.id })]);
    const csv = await (await division.request(`/api/v1/planning/plans/${plan.id}/targets.csv?lang=en`)).text();
    expect(csv).toContain('Report cluster');
  });

  test("an office's work area ranks its regencies together; an office outside the scope is not found", async () => {
    const office = 'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';
    const response = await division.request(`/api/v1/planning/candidates?area=${office}&asOf=2024-06-13&limit=200`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer & { area: { code: string; level: string; name: string } };
    expect(body.area).toMatchObject({ code: office, level: 'work_area' });
    expect(body.area.name).toMatch(/Pangkalpinang/);
    const regencies = new Set(body.items.map((i) => i.areaCodes.regency));
    expect([...regencies].every((code) => code === '19.04' || code === '19.71')).toBe(true);
    expect(regencies.has('19.04')).toBe(true);
    // The same as the regency alone, for Bangka Tengah's candidates.
    const alone = (await (await division.request('/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&limit=200')).json()) as Answer;
    expect(
      body.items
        .filter((i) => i.areaCodes.regency === '19.04')
        .map((i) => i.id)
        .sort(),
    ).toEqual(alone.items.map((i) => i.id).sort());
    const outside = await bengkulu.request(`/api/v1/planning/candidates?area=${office}&asOf=2024-06-13`);
    const missing = await bengkulu.request('/api/v1/planning/candidates?area=office:no-such-office&asOf=2024-06-13');
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    const [a, b] = [(await outside.json()) as { error: { code: string } }, (await missing.json()) as { error: { code: string } }];
    expect(a.error.code).toBe('area_not_found');
    expect(b.error.code).toBe('area_not_found');
  });

  test('an area outside the scope answers like a nonexistent one', async () => {
    const outside = await division.request('/api/v1/planning/candidates?area=17&asOf=2024-06-13');
    const missing = await division.request('/api/v1/planning/candidates?area=99&asOf=2024-06-13');
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    const [a, b] = [
      (await outside.json()) as { error: { code: string; message: string } },
      (await missing.json()) as { error: { code: string; message: string } },
    ];
    expect(a.error.code).toBe('area_not_found');
    expect(b.error.code).toBe('area_not_found');
  });
});
