// Operation plans end to end on the fixture: a division head plans three Bangka Tengah sites for
// 2024-06-14, approves the plan, records the outcome, and the next ranking sees the check.
import { readAudit } from '@pantau/data';
import { planningCandidates, queryOne, queryRows, sql } from '@pantau/db';
import type { Plan, Scope } from '@pantau/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { planRowsSeen } from '../../../../test/plans.js';
import { as, jsonWrite, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
type Client = ReturnType<typeof as>;
interface ErrorAnswer {
  error: { code: string; message: string; details?: Array<{ parameter: string }> };
}

describe.each(testBackends())('operation plans on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let division: Client;
  let analyst: Client;
  let member: Client;
  let viewer: Client;
  let elsewhere: Client;
  let candidates: Array<{ id: string; name: string; raw: { activeHolders: number } }>;
  let plan: Plan;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    division = as(app, await signedInAccount(t.database, 'division_head', '19'));
    analyst = as(app, await signedInAccount(t.database, 'analyst', '19'));
    member = as(app, await signedInAccount(t.database, 'agency_member', '19.04'));
    viewer = as(app, await signedInAccount(t.database, 'viewer', '19.04'));
    elsewhere = as(app, await signedInAccount(t.database, 'office_head', '17.07'));
    const response = await division.request('/api/v1/planning/candidates?area=19.04&asOf=2024-06-14&kind=company_site&limit=3&w.staleness=2');
    candidates = ((await response.json()) as { items: typeof candidates }).items;
    expect(candidates).toHaveLength(3);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a division head plans three Bangka Tengah sites: 201 with route order, legs, totals and the weights used', async () => {
    const response = await division.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', {
        title: 'Operasi gabungan Juni',
        date: '2024-06-14',
        areaCode: '19.04',
        weights: { staleness: 2 },
        notes: 'Rakor 13 Juni',
        teams: [{ key: 'a', name: 'Tim A', agencies: ['imigrasi', 'polri', 'disnaker'] }],
        targets: candidates.map((c, i) => ({ candidateId: c.id, teamKey: 'a', notes: i === 1 ? '=HYPERLINK("http://x")' : null })),
      }),
    );
    expect(response.status).toBe(201);
    plan = (await response.json()) as Plan;
    expect(plan).toMatchObject({
      title: 'Operasi gabungan Juni',
      date: '2024-06-14',
      areaCode: '19.04',
      areaName: expect.stringMatching(/bangka tengah/i),
      status: 'draft',
      operationId: null,
    });
    expect(plan.weights).toMatchObject({ staleness: 2, holders: 1, mix: 0.5 });
    expect(plan.targets.map((x) => x.order)).toEqual([1, 2, 3]);
    expect(plan.targets.map((x) => x.candidateId).sort()).toEqual(candidates.map((c) => c.id).sort());
    expect(plan.targets[0]!.legKm).toBeNull();
    for (const x of plan.targets.slice(1)) expect(x.legKm).toBeGreaterThan(0);
    expect(plan.route.totalKm).toBeCloseTo(
      plan.targets.reduce((s, x) => s + (x.legKm ?? 0), 0),
      2,
    );
    expect(plan.totals).toEqual({ targets: 3, expectedForeigners: candidates.reduce((s, c) => s + c.raw.activeHolders, 0) });
    for (const x of plan.targets) {
      expect(x.kind).toBe('company_site');
      expect(x.areaCodes.regency).toBe('19.04');
      expect(x.teamKey).toBe('a');
      expect(Object.values(x.contributions).reduce((a, b) => a + b, 0)).toBeCloseTo(x.score, 9);
      expect(x.explanation.id.length).toBeGreaterThan(10);
      expect(x.links.record).toMatch(/^\/api\/v1\/companies\/\d+$/);
      expect(x.outcome).toBeNull();
    }
    const audit = await readAudit(t.database.orm, { action: 'plan.create' });
    expect(audit.find((a) => a.target === `plan:${plan.id}`)).toMatchObject({ areaCode: '19.04', details: { targets: 3 } });
  });

  // Issue 20: a plan's expected foreigners are people, each counted once. A district and a company site
  // inside it share people (the company's workers live there), so the total is not the targets' sum.
  test('a plan of a district and a site inside it counts the people they share once, as a brute-force count does', async () => {
    type Candidate = { id: string; areaCodes: { district: string | null; regency: string | null }; raw: { activeHolders: number } };
    const list = async (kind: string) =>
      ((await (await division.request(`/api/v1/planning/candidates?area=19.04&asOf=2024-06-14&kind=${kind}&limit=200`)).json()) as { items: Candidate[] })
        .items;
    const [sites, districts] = await Promise.all([list('company_site'), list('district')]);
    // The permits valid on the plan's day in Bangka Tengah, with what each target counts them by.
    const permits = await queryRows<{ holder: number; company: number | null; district: string | null }>(
      t.database.orm,
      sql`
      select coalesce(p.person_id, -p.id)::int as holder, p.sponsor_company_id as company, p.district_code as district from permits p
      where p.regency_code = '19.04' and p.issued_on <= '2024-06-14' and p.expires_on > '2024-06-14' and (p.cancelled_on is null or p.cancelled_on > '2024-06-14')`,
    );
    const siteCompany = new Map(
      (await queryRows<{ id: number; company_id: number }>(t.database.orm, sql`select id, company_id from company_sites where regency_code = '19.04'`)).map(
        (r) => [`site:${r.id}`, Number(r.company_id)],
      ),
    );
    const peopleOf = (candidateId: string) =>
      new Set(
        permits
          .filter((r) =>
            candidateId.startsWith('district:') ? r.district === candidateId.slice('district:'.length) : Number(r.company) === siteCompany.get(candidateId),
          )
          .map((r) => Number(r.holder)),
      );
    // A site whose company's people partly live in the site's own district.
    const pair = sites
      .flatMap((site) => districts.filter((d) => d.id === `district:${site.areaCodes.district}`).map((district) => ({ site, district })))
      .find(({ site, district }) => [...peopleOf(site.id)].some((h) => peopleOf(district.id).has(h)));
    expect(pair, 'a Bangka Tengah site sharing people with its district').toBeDefined();
    const union = new Set([...peopleOf(pair!.site.id), ...peopleOf(pair!.district.id)]);
    const response = await division.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', {
        title: 'Kecamatan dan lokasi',
        date: '2024-06-14',
        areaCode: '19.04',
        targets: [{ candidateId: pair!.district.id }, { candidateId: pair!.site.id }],
      }),
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as Plan;
    expect(created.totals.expectedForeigners).toBe(union.size);
    expect(created.targets.reduce((sum, x) => sum + x.expectedForeigners, 0)).toBeGreaterThan(union.size);
    // The list says the same.
    const listed = (
      (await (await division.request('/api/v1/planning/plans?area=19.04')).json()) as { items: Array<{ id: number; expectedForeigners: number }> }
    ).items;
    expect(listed.find((item) => item.id === created.id)?.expectedForeigners).toBe(union.size);
    expect((await division.request(`/api/v1/planning/plans/${created.id}`, { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(204);
  });

  // Issue 19 item 7: the office head's planning page listed only `office:<key>` plans and said "no plans
  // yet" while this Bangka Tengah plan (inside Kanim Pangkalpinang's work area) existed.
  test("the office's work-area listing includes the plan of Bangka Tengah, a regency inside the work area", async () => {
    const officeArea = 'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';
    const officeHead = as(app, await signedInAccount(t.database, 'office_head', officeArea));
    const listed = async (client: ReturnType<typeof as>, area: string) => {
      const response = await client.request(`/api/v1/planning/plans?area=${encodeURIComponent(area)}`);
      expect(response.status, area).toBe(200);
      return ((await response.json()) as { items: Array<{ id: number; areaCode: string }> }).items.map((i) => i.id);
    };
    expect(await listed(officeHead, officeArea)).toContain(plan.id);
    expect(await listed(division, officeArea)).toContain(plan.id);
    // Another office's work area (Kanim Bengkulu's, say) does not list it.
    const otherOffices = (
      (await (await division.request('/api/v1/offices')).json()) as { items: Array<{ code: string; regencyCodes: string[] }> }
    ).items.filter((o) => !o.regencyCodes.includes('19.04'));
    for (const other of otherOffices) expect(await listed(division, other.code), other.code).not.toContain(plan.id);
  });

  test("read and list in scope; another area's office head gets 404 like a missing plan; a viewer 403", async () => {
    expect((await member.request(`/api/v1/planning/plans/${plan.id}`)).status).toBe(200);
    const list = (await (await division.request('/api/v1/planning/plans?area=19.04&status=draft')).json()) as {
      items: Array<{ id: number; targetCount: number }>;
    };
    expect(list.items.find((i) => i.id === plan.id)).toMatchObject({ targetCount: 3 });
    const outside = await elsewhere.request(`/api/v1/planning/plans/${plan.id}`);
    const missing = await elsewhere.request('/api/v1/planning/plans/99999999');
    expect([outside.status, missing.status]).toEqual([404, 404]);
    expect(((await outside.json()) as ErrorAnswer).error.code).toBe('plan_not_found');
    expect(((await (await elsewhere.request('/api/v1/planning/plans')).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await viewer.request(`/api/v1/planning/plans/${plan.id}`)).status).toBe(403);
  });

  test('an agency member reads but may not write; bad bodies are 400 naming the field', async () => {
    const member403 = await member.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'x', date: '2024-06-14', areaCode: '19.04', targets: [{ candidateId: candidates[0]!.id }] }),
    );
    expect(member403.status).toBe(403);
    expect((await member.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { notes: 'x' }))).status).toBe(403);
    const bad = await division.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'x', date: '2024-06-31', areaCode: '19.04', targets: [{ candidateId: candidates[0]!.id }] }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorAnswer).error.message).toContain('date');
    const unknown = await division.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'x', date: '2024-06-14', areaCode: '19.04', targets: [{ candidateId: 'site:999999999' }] }),
    );
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as ErrorAnswer;
    expect(body.error.details?.map((d) => d.parameter)).toEqual(['targets.0.candidateId']);
    expect(body.error.message).toContain('site:999999999');
    const team = await division.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { teams: [{ key: 'b', name: 'Tim B', agencies: ['kodim'] }] }));
    expect(team.status).toBe(400);
    expect(((await team.json()) as ErrorAnswer).error.message).toContain('teams.0.agencies.0');
  });

  test('the targets CSV has the three targets in route order and escapes a formula-like note; the XLSX likewise', async () => {
    const response = await analyst.request(`/api/v1/planning/plans/${plan.id}/targets.csv?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Pantau-rencana-${plan.id}-sasaran-Kabupaten-Bangka-Tengah-19.04-2024-06-14.csv"`,
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Order,Name,Kind,District,Regency,Score,Reasons,Team,Expected foreigners,Leg (km),Notes');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
    expect(lines.join('\n')).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(lines.join('\n')).toContain('Tim A');
    const xlsx = await analyst.request(`/api/v1/planning/plans/${plan.id}/targets.xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Urutan');
    expect(sheet.rowCount).toBe(4);
    const notes = [2, 3, 4].map((r) => sheet.getRow(r).getCell(11).value);
    expect(notes).toContain('\'=HYPERLINK("http://x")');
  });

  test('an agency member gets the targets file without the notes column (free text that may name people)', async () => {
    const lines = (await (await member.request(`/api/v1/planning/plans/${plan.id}/targets.csv?lang=en`)).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Order,Name,Kind,District,Regency,Score,Reasons,Team,Expected foreigners,Leg (km)');
    expect(lines.join('\n')).not.toContain('HYPERLINK');
  });

  test('approval: an analyst may not approve; a head does; then content is frozen and the plan is not deleted', async () => {
    expect((await analyst.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { status: 'approved' }))).status).toBe(403);
    const approved = await division.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { status: 'approved' }));
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', approvedBy: expect.stringContaining('division_head'), approvedAt: expect.any(String) });
    const frozen = await division.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { title: 'Lain' }));
    expect(frozen.status).toBe(409);
    expect(((await frozen.json()) as ErrorAnswer).error.code).toBe('plan_not_draft');
    expect((await division.request(`/api/v1/planning/plans/${plan.id}`, { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(409);
  });

  test('an invalid outcome writes nothing', async () => {
    const [a] = plan.targets;
    const zodBad = await division.request(
      `/api/v1/planning/plans/${plan.id}/outcome`,
      jsonWrite('POST', { targets: [{ planTargetId: a!.id, foreignersChecked: 3, violations: 0, outcome: 'violation', actions: [] }] }),
    );
    expect(zodBad.status).toBe(400);
    expect(((await zodBad.json()) as ErrorAnswer).error.message).toContain('targets.0.violations');
    const foreign = await division.request(
      `/api/v1/planning/plans/${plan.id}/outcome`,
      jsonWrite('POST', {
        targets: [
          { planTargetId: a!.id, foreignersChecked: 3, violations: 0, outcome: 'no_violation', actions: [] },
          { planTargetId: 99999999, foreignersChecked: 1, violations: 0, outcome: 'no_violation', actions: [] },
        ],
      }),
    );
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as ErrorAnswer).error.details?.map((d) => d.parameter)).toEqual(['targets.1.planTargetId']);
    const ops = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from operations where origin = ${`plan:${plan.id}`}`);
    expect(ops?.n).toBe(0);
    expect(await (await division.request(`/api/v1/planning/plans/${plan.id}`)).json()).toMatchObject({ status: 'approved', operationId: null });
  });

  test('the outcome becomes an operation with three targets and the TAK; the plan is done; the next ranking sees the check', async () => {
    const [a, b, c] = plan.targets;
    // Reports that came in before the operation: a verified one 100 m from the second site, a new one beside it, a verified one in another regency.
    const report = async (body: Record<string, unknown>, verify: boolean) => {
      const created = await analyst.request(
        '/api/v1/reports',
        jsonWrite('POST', { channel: 'whatsapp', category: 'illegal_work', summary: 'Ada TKA bekerja', receivedAt: '2024-06-12T09:00:00+07:00', ...body }),
      );
      expect(created.status).toBe(201);
      const id = ((await created.json()) as { id: number }).id;
      if (verify) expect((await analyst.request(`/api/v1/reports/${id}`, jsonWrite('PATCH', { status: 'verified' }))).status).toBe(200);
      return id;
    };
    const elsewhereDistrict = await queryOne<{ code: string }>(
      t.database.orm,
      sql`select code from areas where level = 'district' and code like '19.01.%' order by code limit 1`,
    );
    const nearVerified = await report({ lat: b!.location.lat + 0.0009, lng: b!.location.lng }, true);
    const nearNew = await report({ lat: b!.location.lat, lng: b!.location.lng + 0.0009 }, false);
    const farVerified = await report({ districtCode: elsewhereDistrict!.code }, true);
    const response = await division.request(
      `/api/v1/planning/plans/${plan.id}/outcome`,
      jsonWrite('POST', {
        targets: [
          { planTargetId: a!.id, foreignersChecked: 12, violations: 0, outcome: 'no_violation', actions: [] },
          {
            planTargetId: b!.id,
            foreignersChecked: 9,
            violations: 2,
            outcome: 'violation',
            findings: 'Dua TKA tanpa ITAS kerja',
            actions: [{ kind: 'deportation', count: 2, nationality: 'CHN' }],
          },
          { planTargetId: c!.id, foreignersChecked: 0, violations: 0, outcome: 'not_found', actions: [] },
        ],
      }),
    );
    expect(response.status).toBe(200);
    const done = (await response.json()) as Plan;
    expect(done.status).toBe('done');
    expect(done.operationId).toEqual(expect.any(Number));
    expect(done.targets.map((x) => x.outcome?.outcome)).toEqual(['no_violation', 'violation', 'not_found']);

    const op = await queryOne<{ key: string; date: string; team: string; regency_code: string; origin: string }>(
      t.database.orm,
      sql`select key, date::text as date, team, regency_code, origin from operations where id = ${done.operationId}`,
    );
    expect(op).toEqual({ key: `plan:${plan.id}`, date: '2024-06-14', team: 'Tim A', regency_code: '19.04', origin: `plan:${plan.id}` });
    const targets = await queryRows<{ id: number; company_site_id: number; district_code: string; violations: number; on_site: boolean }>(
      t.database.orm,
      sql`
      select t.id, t.company_site_id, t.district_code, t.violations, ST_Equals(t.geom, s.geom) as on_site
      from operation_targets t join company_sites s on s.id = t.company_site_id where t.operation_id = ${done.operationId} order by t.id`,
    );
    expect(targets.map((x) => `site:${x.company_site_id}`)).toEqual(plan.targets.map((x) => x.candidateId));
    for (const x of targets) expect([x.on_site, x.district_code.startsWith('19.04.')]).toEqual([true, true]);
    const actions = await queryRows<{ kind: string; count: number; nationality: string }>(
      t.database.orm,
      sql`select a.kind, a.count, a.nationality from enforcement_actions a join operation_targets t on t.id = a.target_id where t.operation_id = ${done.operationId}`,
    );
    expect(actions.map((x) => ({ ...x, count: Number(x.count) }))).toEqual([{ kind: 'deportation', count: 2, nationality: 'CHN' }]);

    const later = await planningCandidates(t.database.orm, '19.04', '2024-06-15', null, ['company_site']);
    for (const x of plan.targets) {
      const candidate = later.find((k) => k.id === x.candidateId)!;
      expect(candidate.raw.lastCheckedOn).toBe('2024-06-14');
      expect(candidate.lastOperationId).toBe(done.operationId);
    }
    expect(later.find((k) => k.id === b!.candidateId)!.raw.pastViolations).toBeGreaterThanOrEqual(2);

    // The verified report near a checked site was acted on by this operation, and names the nearest target; the others are untouched.
    const statusOf = async (id: number) => {
      const history = (await (await analyst.request(`/api/v1/reports/${id}/history`)).json()) as {
        status: string;
        items: Array<{ status: string; operationTargetId: number | null; reason: string | null }>;
      };
      return { status: history.status, last: history.items.at(-1) };
    };
    const acted = await statusOf(nearVerified);
    expect(acted.status).toBe('acted');
    expect(acted.last).toMatchObject({ status: 'acted', operationTargetId: Number(targets[1]!.id), reason: `Operasi gabungan Juni (rencana #${plan.id})` });
    expect((await statusOf(nearNew)).status).toBe('new');
    expect((await statusOf(farVerified)).status).toBe('verified');
    const outcomeAudit = (await readAudit(t.database.orm, { action: 'plan.outcome', limit: 5 })).find((x) => x.target === `plan:${plan.id}`);
    expect(outcomeAudit?.details.reportsActed).toEqual(expect.arrayContaining([nearVerified]));

    const audit = (await readAudit(t.database.orm, { limit: 50 })).filter((x) => x.target === `plan:${plan.id}`).map((x) => x.action);
    expect(audit).toEqual(expect.arrayContaining(['plan.create', 'plan.approve', 'plan.outcome']));
    expect(audit.filter((x) => x === 'plan.outcome')).toHaveLength(1);
    // Done is final: no second outcome, no edits, no deletion.
    expect(
      (
        await division.request(
          `/api/v1/planning/plans/${plan.id}/outcome`,
          jsonWrite('POST', { targets: [{ planTargetId: a!.id, foreignersChecked: 1, violations: 0, outcome: 'no_violation', actions: [] }] }),
        )
      ).status,
    ).toBe(409);
    expect((await division.request(`/api/v1/planning/plans/${plan.id}`, jsonWrite('PATCH', { status: 'draft' }))).status).toBe(409);
  });

  test('a draft is changed, re-ordered from a start, and deleted', async () => {
    const created = (await (
      await analyst.request(
        '/api/v1/planning/plans',
        jsonWrite('POST', {
          title: 'Draf',
          date: '2024-06-20',
          areaCode: '19.04',
          targets: candidates.slice(0, 2).map((c) => ({ candidateId: c.id })),
        }),
      )
    ).json()) as Plan;
    const changed = await analyst.request(
      `/api/v1/planning/plans/${created.id}`,
      jsonWrite('PATCH', { targets: candidates.map((c) => ({ candidateId: c.id })), start: { lng: 106.11, lat: -2.13 } }),
    );
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as Plan;
    expect(body.targets).toHaveLength(3);
    expect(body.route.start).toEqual({ lng: 106.11, lat: -2.13 });
    expect(body.targets[0]!.legKm).toBeGreaterThan(0);
    expect((await analyst.request(`/api/v1/planning/plans/${created.id}`, { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(204);
    expect((await analyst.request(`/api/v1/planning/plans/${created.id}`)).status).toBe(404);
    expect((await readAudit(t.database.orm, { action: 'plan.delete' })).some((x) => x.target === `plan:${created.id}`)).toBe(true);
  });

  test('a province-wide plan spanning two regencies records one operation per regency', async () => {
    const pick = async (area: string) =>
      (
        (await (await division.request(`/api/v1/planning/candidates?area=${area}&asOf=2024-06-20&kind=company_site&limit=1`)).json()) as {
          items: Array<{ id: string }>;
        }
      ).items[0]!.id;
    const chosen = [await pick('19.04'), await pick('19.71')];
    const created = await division.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'Operasi provinsi', date: '2024-06-20', areaCode: '19', targets: chosen.map((candidateId) => ({ candidateId })) }),
    );
    expect(created.status).toBe(201);
    const p = (await created.json()) as Plan;
    expect(p.targets.map((x) => x.areaCodes.regency).sort()).toEqual(['19.04', '19.71']);
    // An office head of Bangka Tengah does not see a province-wide plan.
    const office = as(app, await signedInAccount(t.database, 'office_head', '19.04'));
    expect((await office.request(`/api/v1/planning/plans/${p.id}`)).status).toBe(404);
    expect((await division.request(`/api/v1/planning/plans/${p.id}`, jsonWrite('PATCH', { status: 'approved' }))).status).toBe(200);
    const done = await division.request(
      `/api/v1/planning/plans/${p.id}/outcome`,
      jsonWrite('POST', {
        date: '2024-06-21',
        targets: p.targets.map((x) => ({ planTargetId: x.id, foreignersChecked: 4, violations: 0, outcome: 'no_violation', actions: [] })),
      }),
    );
    expect(done.status).toBe(200);
    const ops = await queryRows<{ key: string; regency_code: string; date: string; n: number }>(
      t.database.orm,
      sql`
      select o.key, o.regency_code, o.date::text as date, (select count(*) from operation_targets t where t.operation_id = o.id)::int as n
      from operations o where o.origin = ${`plan:${p.id}`} order by o.key`,
    );
    expect(ops.map((o) => ({ ...o, n: Number(o.n) }))).toEqual([
      { key: `plan:${p.id}:19.04`, regency_code: '19.04', date: '2024-06-21', n: 1 },
      { key: `plan:${p.id}:19.71`, regency_code: '19.71', date: '2024-06-21', n: 1 },
    ]);
    const body = (await done.json()) as Plan;
    expect(body.targets.every((x) => x.outcome?.outcome === 'no_violation')).toBe(true);
  });

  test('row-level security: the application role sees a plan and its targets only with a scope holding its area', async () => {
    const count = (scope: Scope | undefined) => planRowsSeen(t.database, plan.id, scope);
    expect(await count(undefined)).toEqual({ plans: 0, targets: 0 });
    expect(await count({ areaCodes: ['19.71'] })).toEqual({ plans: 0, targets: 0 });
    expect(await count({ areaCodes: ['19.04'] })).toEqual({ plans: 1, targets: 3 });
    expect(await count({ areaCodes: ['19'] })).toEqual({ plans: 1, targets: 3 });
  });
});
