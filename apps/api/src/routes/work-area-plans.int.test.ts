// Plans for an office's work area (wilayah kerja) on the fixture: the head of Kanim Pangkalpinang plans
// targets in Bangka Tengah (19.04) and Kota Pangkalpinang (19.71) together. Listed for the office and
// for each regency; someone who sees only Bangka Tengah sees the plan with its Bangka Tengah targets
// and may not change it; another province gets 404; row-level security agrees.
import { planningCandidates, queryOne, queryRows, sql } from '@pantau/db';
import type { Plan, Scope } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { planRowsSeen } from '../../../../test/plans.js';
import { as, jsonWrite, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const OFFICE_KEY = 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';
const OFFICE_AREA = `office:${OFFICE_KEY}`;
const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
type Client = ReturnType<typeof as>;
interface ErrorAnswer {
  error: { code: string; message: string; details?: Array<{ parameter: string }> };
}
interface Candidate {
  id: string;
  name: string;
  areaCodes: { regency: string | null };
}
interface OfficeItem {
  code: string;
  key: string;
  name: string;
  provinceCode: string;
  regencyCodes: string[];
  bbox: number[];
}

describe.each(testBackends())('work-area plans on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let officeHead: Client;
  let division: Client;
  let member: Client;
  let analyst: Client;
  let elsewhere: Client;
  let chosen: Candidate[];
  let plan: Plan;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    officeHead = as(app, await signedInAccount(t.database, 'office_head', OFFICE_AREA));
    division = as(app, await signedInAccount(t.database, 'division_head', '19'));
    member = as(app, await signedInAccount(t.database, 'agency_member', '19.04'));
    analyst = as(app, await signedInAccount(t.database, 'analyst', '19.04'));
    elsewhere = as(app, await signedInAccount(t.database, 'office_head', '17.07'));
    const response = await officeHead.request(`/api/v1/planning/candidates?area=${OFFICE_AREA}&asOf=2024-06-14&kind=company_site&limit=200`);
    expect(response.status).toBe(200);
    const items = ((await response.json()) as { items: Candidate[] }).items;
    chosen = ['19.04', '19.71'].map((regency) => items.find((c) => c.areaCodes.regency === regency)!);
    expect(chosen.every(Boolean), 'a company site candidate in each regency of the work area').toBe(true);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('the offices list names each office with its regencies within the scope and their bounding box', async () => {
    const list = async (client: Client) => ((await (await client.request('/api/v1/offices')).json()) as { items: OfficeItem[] }).items;
    const own = (await list(officeHead)).find((o) => o.key === OFFICE_KEY);
    expect(own).toMatchObject({ code: OFFICE_AREA, name: expect.stringMatching(/pangkalpinang/i), provinceCode: '19', regencyCodes: ['19.04', '19.71'] });
    expect(own!.bbox).toHaveLength(4);
    expect(own!.bbox[0]).toBeLessThan(own!.bbox[2]!);
    expect(own!.bbox[1]).toBeLessThan(own!.bbox[3]!);
    expect((await list(officeHead)).every((o) => o.regencyCodes.every((code) => ['19.04', '19.71'].includes(code)))).toBe(true);
    expect((await list(member)).find((o) => o.key === OFFICE_KEY)?.regencyCodes).toEqual(['19.04']);
    const province = await list(division);
    expect(province.length).toBeGreaterThanOrEqual(1);
    expect(province.every((o) => o.regencyCodes.every((code) => code.startsWith('19.')))).toBe(true);
    expect((await list(elsewhere)).some((o) => o.key === OFFICE_KEY)).toBe(false);
    const bad = await officeHead.request('/api/v1/offices?province=1');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorAnswer).error.code).toBe('invalid_parameter');
  });

  test('coverage gaps and hot spots take the work area: its regencies within the scope', async () => {
    const gaps = await member.request(`/api/v1/planning/coverage-gaps?area=${OFFICE_AREA}&asOf=2024-06-14`);
    expect(gaps.status).toBe(200);
    const body = (await gaps.json()) as {
      area: { code: string; level: string };
      total: number;
      groups: Array<{ items: Array<{ areaCodes: { regency: string } }> }>;
    };
    expect(body.area).toMatchObject({ code: OFFICE_AREA, level: 'work_area' });
    expect(body.total).toBeGreaterThan(0);
    expect(new Set(body.groups.flatMap((g) => g.items.map((i) => i.areaCodes.regency)))).toEqual(new Set(['19.04']));
    const both = (await (await officeHead.request(`/api/v1/planning/coverage-gaps?area=${OFFICE_AREA}&asOf=2024-06-14`)).json()) as typeof body;
    expect(both.total).toBeGreaterThan(body.total);
    expect(both.groups.flatMap((g) => g.items.map((i) => i.areaCodes.regency)).every((r) => r === '19.04' || r === '19.71')).toBe(true);
    const spots = await officeHead.request(`/api/v1/planning/hot-spots?area=${OFFICE_AREA}&asOf=2024-06-14`);
    expect(spots.status).toBe(200);
    expect(await spots.json()).toMatchObject({ type: 'FeatureCollection', area: { code: OFFICE_AREA, level: 'work_area' } });
    expect((await elsewhere.request(`/api/v1/planning/coverage-gaps?area=${OFFICE_AREA}&asOf=2024-06-14`)).status).toBe(404);
  });

  test("the office head plans one target in each regency of the work area: the plan is the office's", async () => {
    const response = await officeHead.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', {
        title: 'Operasi wilayah kerja',
        date: '2024-06-14',
        areaCode: OFFICE_AREA,
        targets: chosen.map((c) => ({ candidateId: c.id })),
      }),
    );
    expect(response.status).toBe(201);
    plan = (await response.json()) as Plan;
    expect(plan).toMatchObject({ areaCode: OFFICE_AREA, areaName: expect.stringMatching(/pangkalpinang/i), status: 'draft' });
    expect(plan.targets.map((x) => x.areaCodes.regency).sort()).toEqual(['19.04', '19.71']);
    expect(plan.route.totalKm).toBeGreaterThan(0);
    const row = await queryOne<{ province_code: string; regency_code: string | null; district_code: string | null; codes: string }>(
      t.database.orm,
      sql`
      select province_code, regency_code, district_code, array_to_string(work_area_codes, ',') as codes from plans where id = ${plan.id}`,
    );
    expect(row).toEqual({ province_code: '19', regency_code: null, district_code: null, codes: '19.04,19.71' });
  });

  test("a candidate outside the work area, an unknown office and another province's office head are refused", async () => {
    const outside = (await planningCandidates(t.database.orm, '19', '2024-06-14', null)).find((c) => !['19.04', '19.71'].includes(c.areaCodes.regency ?? ''));
    expect(outside, 'a candidate in Bangka Belitung outside the work area').toBeTruthy();
    const wrong = await officeHead.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'x', date: '2024-06-14', areaCode: OFFICE_AREA, targets: [{ candidateId: outside!.id }] }),
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as ErrorAnswer).error.details?.map((d) => d.parameter)).toEqual(['targets.0.candidateId']);
    const unknown = await division.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'x', date: '2024-06-14', areaCode: 'office:ref:office:none', targets: [{ candidateId: chosen[0]!.id }] }),
    );
    const foreign = await elsewhere.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'x', date: '2024-06-14', areaCode: OFFICE_AREA, targets: [{ candidateId: chosen[0]!.id }] }),
    );
    expect([unknown.status, foreign.status]).toEqual([404, 404]);
    expect(((await foreign.json()) as ErrorAnswer).error.code).toBe('area_not_found');
    const malformed = await officeHead.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'x', date: '2024-06-14', areaCode: 'office:', targets: [{ candidateId: chosen[0]!.id }] }),
    );
    expect(malformed.status).toBe(400);
  });

  test('listed for the office, for Pangkalpinang, for Bangka Tengah and for the province; not for another regency', async () => {
    const ids = async (client: Client, area: string) => {
      const response = await client.request(`/api/v1/planning/plans?area=${area}`);
      expect(response.status, area).toBe(200);
      return ((await response.json()) as { items: Array<{ id: number; areaName: string; targetCount: number }> }).items.filter((i) => i.id === plan.id);
    };
    expect(await ids(officeHead, OFFICE_AREA)).toEqual([expect.objectContaining({ areaName: plan.areaName, targetCount: 2 })]);
    expect(await ids(officeHead, '19.71')).toHaveLength(1);
    expect(await ids(division, '19.04')).toHaveLength(1);
    expect(await ids(division, '19')).toHaveLength(1);
    expect(await ids(division, '19.03')).toEqual([]);
    expect(await ids(member, OFFICE_AREA)).toEqual([expect.objectContaining({ targetCount: 1 })]);
  });

  test('someone who sees only Bangka Tengah reads the plan with its Bangka Tengah target only, and may not change it; another province gets 404', async () => {
    const seen = await member.request(`/api/v1/planning/plans/${plan.id}`);
    expect(seen.status).toBe(200);
    const body = (await seen.json()) as Plan;
    expect(body.targets.map((x) => x.areaCodes.regency)).toEqual(['19.04']);
    expect(body.totals.targets).toBe(1);
    const csv = await (await member.request(`/api/v1/planning/plans/${plan.id}/targets.csv?lang=en`)).text();
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
    ).toHaveLength(2);
    const change = await analyst.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { notes: 'dari Bangka Tengah' }));
    expect(change.status).toBe(403);
    expect(((await change.json()) as ErrorAnswer).error.code).toBe('forbidden');
    expect((await analyst.request(`/api/v1/planning/plans/${plan.id}`, { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(403);
    const outside = await elsewhere.request(`/api/v1/planning/plans/${plan.id}`);
    const missing = await elsewhere.request('/api/v1/planning/plans/99999999');
    expect([outside.status, missing.status]).toEqual([404, 404]);
    expect(await outside.json()).toEqual(await missing.json());
    expect(((await (await elsewhere.request(`/api/v1/planning/plans?area=${OFFICE_AREA}`)).json()) as { items: unknown[] }).items).toEqual([]);
  });

  test('row-level security: the application role sees the plan with a scope holding either regency, and only the targets in it', async () => {
    const count = (scope: Scope | undefined) => planRowsSeen(t.database, plan.id, scope);
    expect(await count(undefined)).toEqual({ plans: 0, targets: 0 });
    expect(await count({ areaCodes: ['19.04'] })).toEqual({ plans: 1, targets: 1 });
    expect(await count({ areaCodes: ['19.71'] })).toEqual({ plans: 1, targets: 1 });
    expect(await count({ areaCodes: ['19.04', '19.71'] })).toEqual({ plans: 1, targets: 2 });
    expect(await count({ areaCodes: ['19'] })).toEqual({ plans: 1, targets: 2 });
    expect(await count({ areaCodes: ['19.03'] })).toEqual({ plans: 0, targets: 0 });
    expect(await count({ areaCodes: ['17.07'] })).toEqual({ plans: 0, targets: 0 });
  });

  test('the office head changes, approves and records the outcome: one operation per regency, under the office', async () => {
    const changed = await officeHead.request(
      `/api/v1/planning/plans/${plan.id}`,
      jsonWrite('PATCH', { targets: [...chosen].reverse().map((c) => ({ candidateId: c.id })), start: { lng: 106.11, lat: -2.13 } }),
    );
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as Plan).targets).toHaveLength(2);
    expect((await officeHead.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { status: 'approved' }))).status).toBe(200);
    const targets = ((await (await officeHead.request(`/api/v1/planning/plans/${plan.id}`)).json()) as Plan).targets;
    const done = await officeHead.request(
      `/api/v1/planning/plans/${plan.id}/outcome`,
      jsonWrite('POST', {
        targets: targets.map((x) => ({ planTargetId: x.id, foreignersChecked: 2, violations: 0, outcome: 'no_violation', actions: [] })),
      }),
    );
    expect(done.status).toBe(200);
    const body = (await done.json()) as Plan;
    expect(body.status).toBe('done');
    expect(body.targets.every((x) => x.outcome?.outcome === 'no_violation')).toBe(true);
    const ops = await queryRows<{ key: string; regency_code: string; office: string | null }>(
      t.database.orm,
      sql`
      select o.key, o.regency_code, f.key as office from operations o left join offices f on f.id = o.office_id where o.origin = ${`plan:${plan.id}`} order by o.key`,
    );
    expect(ops).toEqual([
      { key: `plan:${plan.id}:19.04`, regency_code: '19.04', office: OFFICE_KEY },
      { key: `plan:${plan.id}:19.71`, regency_code: '19.71', office: OFFICE_KEY },
    ]);
    const main = await queryOne<{ key: string }>(
      t.database.orm,
      sql`select o.key from plans p join operations o on o.id = p.operation_id where p.id = ${plan.id}`,
    );
    expect(main?.key.startsWith(`plan:${plan.id}:`)).toBe(true);
  });
});
