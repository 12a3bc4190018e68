// Person search, the person page and the company page (issue 20) on the fixture, with a few people made
// here whose names carry accents and odd spacing, an earlier passport and a permit number.
import { nameKey, queryOne, queryRows, sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../../../../test/apps.js';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, PERSONAL_DATA_ACCOUNTS, signInEach, type TestAccount } from '../../../../test/sessions.js';

type Client = ReturnType<typeof as>;
type Hit = { id: number; name: string; matchedBy: string; passportNumber: string | null };
type AuditRow = { action: string; target: string | null; details: { query?: Record<string, string>; status?: number; code?: string } };

describe.each(testBackends())('people register on %s', (backend) => {
  let t: TestDatabase;
  const accounts: Record<string, TestAccount> = {};
  const client: Record<string, Client> = {};
  let muller: number;
  let lina: number;
  let hans: number;
  let companyId: number;
  let targetId: number;

  const person = async (name: string, nationality: string, regency: string, passports: Array<[string, string]>) => {
    const row = await queryOne<{ id: number }>(
      t.database.orm,
      sql`
      insert into people (name, sex, birth_date, nationality, regency_code, province_code, origin)
      values (${name}, 'male', '1980-02-03', ${nationality}, ${regency}, ${regency.slice(0, 2)}, 'test') returning id`,
    );
    for (const [number, validFrom] of passports) {
      await t.database.orm.execute(
        sql`insert into person_passports (person_id, passport_number, nationality, valid_from, origin) values (${row!.id}, ${number}, ${nationality}, ${validFrom}, 'test')`,
      );
    }
    return Number(row!.id);
  };

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = testApp(t.database);
    await signInEach(app, t.database, PERSONAL_DATA_ACCOUNTS, accounts, client);
    const db = t.database.orm;
    companyId = Number(
      (await queryOne<{ id: number }>(db, sql`select company_id as id from company_sites where regency_code = '19.04' order by id limit 1`))!.id,
    );
    targetId = Number((await queryOne<{ id: number }>(db, sql`select id from operation_targets where regency_code = '19.04' order by id limit 1`))!.id);
    const entryPoint = await queryOne<{ id: number }>(db, sql`select id from entry_points where regency_code like '19.%' order by id limit 1`);
    // An old passport replaced in 2021: both numbers find him.
    muller = await person('Jurgen MULLER', 'DEU', '19.04', [
      ['C01X00001', '2012-05-01'],
      ['C4J9XY123', '2021-08-01'],
    ]);
    lina = await person('LI  NA', 'CHN', '19.04', [['EK7001234', '2019-01-01']]);
    // Outside the analyst's scope (Bengkulu), accented as typed at the source.
    hans = await person('Hans Müller', 'DEU', '17.07', [['C77000001', '2018-01-01']]);
    await db.execute(sql`
      insert into permits (permit_number, permit_type, purpose, nationality, sex, holder_name, person_id, passport_number, sponsor_company_id, issued_on, expires_on, regency_code, province_code, origin)
      values ('2C21ZT0019001', 'itas', 'work', 'DEU', 'male', 'Jurgen MULLER', ${muller}, 'C4J9XY123', ${companyId}, '2024-01-10', '2024-07-20', '19.04', '19', 'test')`);
    await db.execute(sql`
      insert into permit_applications (person_id, permit_type, status, applied_on, decided_on, sponsor_company_id, purpose, nationality, regency_code, province_code, origin)
      values (${muller}, 'itas', 'issued', '2023-12-20', '2024-01-10', ${companyId}, 'work', 'DEU', '19.04', '19', 'test')`);
    await db.execute(
      sql`insert into movements (person_id, direction, date, entry_point_id, origin) values (${muller}, 'arrival', '2023-12-01', ${entryPoint?.id ?? null}, 'test')`,
    );
    await db.execute(
      sql`insert into lodgings (person_id, place, from_on, to_on, regency_code, province_code, origin) values (${muller}, 'Mess Karyawan Koba', '2023-12-02', null, '19.04', '19', 'test')`,
    );
    await db.execute(sql`insert into operation_target_people (target_id, person_id, checked, origin) values (${targetId}, ${muller}, true, 'test')`);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const search = async (who: string, q: string) => {
    const response = await client[who]!.request(`/api/v1/people?q=${encodeURIComponent(q)}`);
    expect(response.status, `${who} searching "${q}"`).toBe(200);
    return ((await response.json()) as { items: Hit[] }).items;
  };
  const auditRows = (who: string, action: string) =>
    queryRows<AuditRow>(
      t.database.orm,
      sql`
    select action, target, details from audit_log where actor = ${accounts[who]!.email} and action = ${action} order by id`,
    );

  test('a name is found without its accents, in any case and spacing, and only inside the scope', async () => {
    // The demo names some Western holders MÜLLER too (one lives in Bangka Belitung since generator v9): the
    // test's Jurgen is among the hits, and every hit is a Müller.
    const mullers = await search('analyst', 'Müller');
    expect(mullers.map((h) => h.id)).toContain(muller);
    expect(mullers.filter((h) => !/M[UÜ]LLER/i.test(h.name)).map((h) => h.name)).toEqual([]);
    expect((await search('analyst', 'jürgen  muller')).map((h) => h.id)).toEqual([muller]);
    expect((await search('analyst', 'li na')).map((h) => h.id)).toContain(lina);
    expect((await search('analyst', 'lina')).map((h) => h.id)).toContain(lina);
    // Hans Müller lives in Lebong: the analyst of Bangka Belitung does not find him, Bengkulu's division head does, typed without the accent.
    expect(await search('analyst', 'hans muller')).toEqual([]);
    expect((await search('elsewhere', 'hans muller')).map((h) => h.id)).toEqual([hans]);
    expect((await search('elsewhere', 'muller')).map((h) => h.id)).not.toContain(muller);
  });

  test('the name search folds names in SQL exactly as nameKey does in code, and a trigram index answers it', async () => {
    const samples = ['Jürgen  MÜLLER', 'ŁUKASZ Żółć', 'Nguyễn Văn Anh', 'ÇAĞLAR ŞAHİN', 'li\tna', "O'Brien-Smith", 'ÅSA Øberg'];
    for (const name of samples) {
      const folded = await queryOne<{ key: string }>(t.database.orm, sql`select pantau_name_key(${name}) as key`);
      expect(folded!.key, name).toBe(nameKey(name));
    }
    // With sequential scans priced out, the planner reaches for the index: it exists and matches the query's expression.
    const plan = await t.database.orm.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<Record<string, string>>(tx, sql`explain select id from people where pantau_name_key(name) like ${'%mull%'}`);
    });
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('people_name_key_trgm');
  });

  test('an earlier passport number finds the person, who is shown with the passport in use', async () => {
    const [hit, ...rest] = await search('analyst', 'c01x 00001');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ id: muller, matchedBy: 'passport', passportNumber: 'C4J9XY123' });
    expect((await search('analyst', 'C4J9XY123')).map((h) => h.id)).toEqual([muller]);
  });

  test('a permit number finds its holder', async () => {
    expect(await search('analyst', '2c21zt0019001')).toEqual([expect.objectContaining({ id: muller, matchedBy: 'permit', name: 'Jurgen MULLER' })]);
  });

  test('every search and every person page read is in the audit trail, with what was searched', async () => {
    await search('admin', 'li na');
    expect((await client.admin!.request(`/api/v1/people/${lina}`)).status).toBe(200);
    expect((await auditRows('admin', 'read.people_search')).map((r) => r.details.query)).toEqual([{ q: 'li na' }]);
    expect((await auditRows('admin', 'read.person')).map((r) => r.target)).toEqual([`person:${lina}`]);
  });

  test('the person page holds passports, application, permit, arrival, lodging and the check', async () => {
    const response = await client.analyst!.request(`/api/v1/people/${muller}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Record<string, unknown> & { passports: unknown[]; checks: Array<{ targetId: number }> };
    expect(page).toMatchObject({ id: muller, name: 'Jurgen MULLER', sex: 'male', birthDate: '1980-02-03', nationality: 'DEU' });
    expect(page.passports).toEqual([
      { passportNumber: 'C4J9XY123', nationality: 'DEU', validFrom: '2021-08-01', current: true },
      { passportNumber: 'C01X00001', nationality: 'DEU', validFrom: '2012-05-01', current: false },
    ]);
    expect(page.applications).toEqual([
      expect.objectContaining({
        permitType: 'itas',
        status: 'issued',
        appliedOn: '2023-12-20',
        decidedOn: '2024-01-10',
        sponsor: expect.objectContaining({ id: companyId }),
      }),
    ]);
    expect(page.permits).toEqual([
      expect.objectContaining({
        permitNumber: '2C21ZT0019001',
        issuedOn: '2024-01-10',
        expiresOn: '2024-07-20',
        cancelledOn: null,
        sponsor: expect.objectContaining({ id: companyId }),
      }),
    ]);
    expect(page.movements).toEqual([expect.objectContaining({ direction: 'arrival', date: '2023-12-01' })]);
    expect(page.lodgings).toEqual([expect.objectContaining({ place: 'Mess Karyawan Koba', fromOn: '2023-12-02', toOn: null })]);
    expect(page.checks).toEqual([expect.objectContaining({ targetId, checked: true })]);
  });

  test('agency members and viewers are refused search and person pages (403, audited); the company page gives members counts without names', async () => {
    for (const who of ['member', 'viewer']) {
      for (const path of ['/api/v1/people?q=li%20na', `/api/v1/people/${muller}`]) {
        const response = await client[who]!.request(path);
        expect(response.status, `${who} ${path}`).toBe(403);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('forbidden');
        expect(body.error.message).toMatch(/personal data/);
      }
      expect((await auditRows(who, 'access.refused')).map((r) => [r.target, r.details.status])).toEqual([
        ['GET /people', 403],
        [`GET /people/${muller}`, 403],
      ]);
      expect(await auditRows(who, 'read.people_search')).toEqual([]);
    }
    const member = await client.member!.request(`/api/v1/companies/${companyId}/workers?asOf=2024-06-13`);
    expect(member.status).toBe(200);
    const body = (await member.json()) as Record<string, unknown> & { checks: Array<Record<string, unknown>>; counts: { validTotal: number } };
    expect(body.workers).toBeUndefined();
    expect(body.checks.every((c) => !('findings' in c))).toBe(true);
    expect(body.counts.validTotal).toBeGreaterThan(0);
    expect((await client.viewer!.request(`/api/v1/companies/${companyId}/workers`)).status).toBe(403);
  });

  test('a person who lives elsewhere but holds a permit in the scope is found and shown, with only the permits inside the scope', async () => {
    // Lives in Lebong (Bengkulu), worked in Bangka Tengah in 2022, then in Lebong.
    const mover = await person('Rahim ABDULLAH', 'MYS', '17.07', [['A90000001', '2019-01-01']]);
    await t.database.orm.execute(sql`
      insert into permits (permit_number, permit_type, purpose, nationality, sex, holder_name, person_id, passport_number, issued_on, expires_on, regency_code, province_code, origin)
      values ('2C21ZT0019777', 'itas', 'work', 'MYS', 'male', 'Rahim ABDULLAH', ${mover}, 'A90000001', '2022-01-10', '2023-01-10', '19.04', '19', 'test'),
             ('2C21ZT0017777', 'itas', 'work', 'MYS', 'male', 'Rahim ABDULLAH', ${mover}, 'A90000001', '2023-02-01', '2024-02-01', '17.07', '17', 'test')`);
    const seen = await client.analyst!.request(`/api/v1/people/${mover}`);
    expect(seen.status).toBe(200);
    const record = (await seen.json()) as { name: string; permits: Array<{ permitNumber: string }> };
    expect(record.name).toBe('Rahim ABDULLAH');
    expect(record.permits.map((p) => p.permitNumber)).toEqual(['2C21ZT0019777']);
    expect((await search('analyst', 'rahim abdullah')).map((hit) => hit.id)).toContain(mover);
    // Bengkulu's division head sees the person through their own area, with Bengkulu's permit only.
    const there = await client.elsewhere!.request(`/api/v1/people/${mover}`);
    expect(there.status).toBe(200);
    expect(((await there.json()) as { permits: Array<{ permitNumber: string }> }).permits.map((p) => p.permitNumber)).toEqual(['2C21ZT0017777']);
  });

  test('a person outside the scope is answered exactly like one that does not exist', async () => {
    const outside = await client.analyst!.request(`/api/v1/people/${hans}`);
    const missing = await client.analyst!.request('/api/v1/people/99999999');
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (body: { error: { code: string; message: string } }) => body.error;
    expect(strip((await outside.json()) as never)).toEqual(strip((await missing.json()) as never));
    expect((await client.elsewhere!.request(`/api/v1/people/${muller}`)).status).toBe(404);
    expect((await auditRows('analyst', 'access.refused')).map((r) => r.target)).toEqual([`GET /people/${hans}`, 'GET /people/99999999']);
  });

  test('the company page counts its workers as people by permit status and lists them by name for personal-data roles', async () => {
    const response = await client.analyst!.request(`/api/v1/companies/${companyId}/workers?asOf=2024-06-13`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      counts: { itas: number; itap: number; visit: number; validTotal: number; permits: number; expiringSoon: number; pending: number };
      workers: Array<{ personId: number | null; status: string; until: string | null; expiringSoon: boolean }>;
      sites: unknown[];
    };
    expect(page.sites.length).toBeGreaterThan(0);
    // Jurgen's ITAS ends on 2024-07-20, 37 days after the day asked.
    expect(page.workers).toContainEqual(expect.objectContaining({ personId: muller, status: 'itas', until: '2024-07-20', expiringSoon: true }));
    const valid = page.workers.filter((w) => ['itas', 'itap', 'visit'].includes(w.status));
    expect(page.counts.validTotal).toBe(valid.length);
    expect(page.counts.itas + page.counts.itap + page.counts.visit).toBe(page.counts.validTotal);
    expect(page.counts.permits).toBeGreaterThanOrEqual(page.counts.validTotal);
    expect(page.counts.expiringSoon).toBe(page.workers.filter((w) => w.expiringSoon).length);
    // The same people as /stats/permits counts for this sponsor (one definition).
    const stats = (await (await client.analyst!.request(`/api/v1/stats/permits?level=province&asOf=2024-06-13&sponsor=${companyId}`)).json()) as {
      areas: Array<{ code: string; total: number; permits: number; pending: number }>;
    };
    expect(stats.areas.map((a) => a.code)).toEqual(['19']);
    expect(page.counts).toMatchObject({ validTotal: stats.areas[0]!.total, permits: stats.areas[0]!.permits, pending: stats.areas[0]!.pending });
  });

  test("Lebong on 2016-11-17: the two employers' 11 workers wait for their KITAS, and the Hotel Asri check is on both pages", async () => {
    const companies = await queryRows<{ id: number }>(
      t.database.orm,
      sql`select id from companies where name ilike '%Energy Sakti Sentosa%' or name ilike '%Bangun Tirta Lestari%' order by id`,
    );
    expect(companies).toHaveLength(2);
    let pending = 0;
    for (const { id } of companies) {
      const response = await client.elsewhere!.request(`/api/v1/companies/${id}/workers?asOf=2016-11-17`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        counts: { pending: number };
        workers: Array<{ status: string }>;
        checks: Array<{ date: string; via: string; workersChecked: number }>;
      };
      expect(page.workers.filter((w) => w.status === 'pending')).toHaveLength(page.counts.pending);
      expect(page.checks).toContainEqual(expect.objectContaining({ date: '2016-11-17', via: 'workers', workersChecked: page.counts.pending }));
      pending += page.counts.pending;
    }
    expect(pending).toBe(11);
    // Bangka Belitung's analyst does not see Bengkulu's companies.
    expect((await client.analyst!.request(`/api/v1/companies/${companies[0]!.id}/workers?asOf=2016-11-17`)).status).toBe(404);
  });

  test('an unknown parameter is refused with its name', async () => {
    const response = await client.analyst!.request('/api/v1/people?q=li&nama=x');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'unknown_parameter',
      message: expect.stringContaining('nama'),
    });
  });
});
