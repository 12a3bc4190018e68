// GET /api/v1/areas/{code}/arrivals on each backend (issue 20, "Arrivals trend"): monthly arrivals of an
// area's people equal a direct count of the movements, the per entry point and per regency series add up
// to them, a scoped account sees its own area only, no person is named, and unknown parameters are refused.
import { queryRows, sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

interface Arrivals {
  code: string;
  asOf: string;
  months: Array<{ month: string; arrivals: number }>;
  entryPoints: Array<{ key: string | null; name: string | null; kind: string | null; total: number; arrivals: number[] }>;
  regencies: Array<{ code: string; name: string; total: number; arrivals: number[] }>;
  checkpoints: { months: number[]; entryPoints: Array<{ key: string; name: string; kind: string; total: number; arrivals: number[] }> };
}

const AS_OF = '2024-06-20';
const MONTHS = ['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

describe.each(testBackends())('arrivals on %s', (backend) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;
  let jakartaTimur: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = createApp({
      database: t.database,
      config: { trustProxy: false, logLevel: 'warn' },
      clock: { now: () => new Date('2024-06-20T03:00:00Z') },
      log: () => {},
    });
    admin = as(app, await signedInAccount(t.database, 'admin'));
    jakartaTimur = as(app, await signedInAccount(t.database, 'analyst', '31.75'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** Arrivals per month of the people whose area code starts with `code`, straight from the tables. */
  const directCount = async (code: string) => {
    const rows = await queryRows<{ month: string; n: number }>(
      t.database.orm,
      sql`
      select to_char(m.date, 'YYYY-MM') as month, count(*)::int as n from movements m, people x
      where x.id = m.person_id and m.direction = 'arrival' and m.date between '2023-07-01' and ${AS_OF}
        and (x.regency_code = ${code} or x.regency_code like ${`${code}.%`})
      group by 1`,
    );
    const counted = new Map(rows.map((r) => [r.month, Number(r.n)]));
    return MONTHS.map((month) => ({ month, arrivals: counted.get(month) ?? 0 }));
  };

  test('DKI Jakarta, the 12 months up to 2024-06-20: each month is the direct count of arrivals, and the entry points and regencies add up to it', async () => {
    const response = await admin.request(`/api/v1/areas/31/arrivals?asOf=${AS_OF}&months=12`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Arrivals;
    const expected = await directCount('31');
    expect(body.months).toEqual(expected);
    // The fixture is small, but a year of Jakarta has arrivals to count.
    expect(expected.reduce((s, m) => s + m.arrivals, 0)).toBeGreaterThan(10);
    const sumOf = (series: Array<{ arrivals: number[] }>) => MONTHS.map((_, i) => series.reduce((s, e) => s + e.arrivals[i]!, 0));
    expect(sumOf(body.entryPoints)).toEqual(expected.map((m) => m.arrivals));
    expect(sumOf(body.regencies)).toEqual(expected.map((m) => m.arrivals));
    expect(body.regencies.every((r) => r.code.startsWith('31.') && r.name.length > 0)).toBe(true);
    expect(body.entryPoints.filter((e) => e.key !== null).every((e) => e.name?.startsWith('TPI') || e.name?.startsWith('PLBN'))).toBe(true);
    for (const list of [body.entryPoints, body.regencies]) {
      for (const entry of list) expect(entry.total).toBe(entry.arrivals.reduce((a, b) => a + b, 0));
      expect(list.map((e) => e.total)).toEqual([...list.map((e) => e.total)].sort((a, b) => b - a));
    }
  });

  test('no person is named: neither the names nor the passports of the people counted appear', async () => {
    const body = JSON.stringify(await (await admin.request(`/api/v1/areas/31/arrivals?asOf=${AS_OF}`)).json());
    const counted = await queryRows<{ name: string; passport: string }>(
      t.database.orm,
      sql`
      select x.name, pp.passport_number as passport from movements m join people x on x.id = m.person_id join person_passports pp on pp.person_id = x.id
      where m.direction = 'arrival' and m.date between '2023-07-01' and ${AS_OF} and x.province_code = '31'`,
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const person of counted) {
      expect(body).not.toContain(person.name);
      expect(body).not.toContain(person.passport);
    }
  });

  test('an account scoped to Jakarta Timur gets its own arrivals, and the province above it answers 404', async () => {
    const own = await jakartaTimur.request(`/api/v1/areas/31.75/arrivals?asOf=${AS_OF}`);
    expect(own.status).toBe(200);
    const body = (await own.json()) as Arrivals;
    expect(body.months).toEqual(await directCount('31.75'));
    expect(body.regencies.map((r) => r.code)).toEqual(body.regencies.length ? ['31.75'] : []);
    const above = await jakartaTimur.request(`/api/v1/areas/31/arrivals?asOf=${AS_OF}`);
    expect(above.status).toBe(404);
    expect(((await above.json()) as { error: { code: string } }).error.code).toBe('area_not_found');
    expect((await jakartaTimur.request(`/api/v1/areas/51.03/arrivals?asOf=${AS_OF}`)).status).toBe(404);
  });

  test('the counts a checkpoint reported (a movements import of monthly counts) come as their own series, per entry point, within the scope', async () => {
    const [entry] = await queryRows<{ id: number; key: string; name: string; regency_code: string; province_code: string; district_code: string | null }>(
      t.database.orm,
      sql`
      select id, key, name, regency_code, province_code, district_code from entry_points where province_code = '31' and regency_code is not null order by key limit 1`,
    );
    expect(entry, 'an entry point in DKI Jakarta').toBeDefined();
    const add = (month: string, nationality: string, direction: string, count: number) =>
      t.database.orm.execute(sql`
      insert into movement_counts (entry_point_id, month, nationality, direction, count, district_code, regency_code, province_code, origin)
      values (${entry!.id}, ${month}::date, ${nationality}, ${direction}, ${count}, ${entry!.district_code}, ${entry!.regency_code}, ${entry!.province_code}, 'test')
      on conflict (entry_point_id, month, nationality, direction) do update set count = excluded.count`);
    await add('2024-05-01', 'CHN', 'arrival', 120);
    await add('2024-05-01', 'KOR', 'arrival', 30);
    await add('2024-06-01', 'CHN', 'arrival', 140);
    await add('2024-06-01', 'CHN', 'departure', 90);
    await add('2023-01-01', 'CHN', 'arrival', 999);
    const body = (await (await admin.request(`/api/v1/areas/31/arrivals?asOf=${AS_OF}&months=12`)).json()) as Arrivals;
    const series = body.checkpoints.entryPoints.find((e) => e.key === entry!.key);
    expect(series).toMatchObject({ name: entry!.name, total: 290 });
    expect(series!.arrivals).toEqual(MONTHS.map((m) => (m === '2024-05' ? 150 : m === '2024-06' ? 140 : 0)));
    expect(body.checkpoints.months.length).toBe(MONTHS.length);
    const sumOf = MONTHS.map((_, i) => body.checkpoints.entryPoints.reduce((s, e) => s + e.arrivals[i]!, 0));
    expect(body.checkpoints.months).toEqual(sumOf);
    // The people's series are unchanged: the checkpoint counts are not people of the register.
    expect(body.months).toEqual(await directCount('31'));
    // Another province's account does not see Jakarta's checkpoint in its own area.
    const other = as(
      createApp({
        database: t.database,
        config: { trustProxy: false, logLevel: 'warn' },
        clock: { now: () => new Date('2024-06-20T03:00:00Z') },
        log: () => {},
      }),
      await signedInAccount(t.database, 'analyst', '51'),
    );
    const bali = (await (await other.request(`/api/v1/areas/51/arrivals?asOf=${AS_OF}`)).json()) as Arrivals;
    expect(bali.checkpoints.entryPoints.some((e) => e.key === entry!.key)).toBe(false);
  });

  test('an unknown parameter is a 400 naming it; months outside 1–60 are refused', async () => {
    const unknown = await admin.request(`/api/v1/areas/31/arrivals?asOf=${AS_OF}&nationality=CHN`);
    expect(unknown.status).toBe(400);
    const error = ((await unknown.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('unknown_parameter');
    expect(error.message).toContain('nationality');
    for (const months of ['0', '61', 'x']) {
      const response = await admin.request(`/api/v1/areas/31/arrivals?asOf=${AS_OF}&months=${months}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_parameter');
    }
  });
});
