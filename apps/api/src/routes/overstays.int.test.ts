// Overstays and expiring permits (issue 20) on each backend: a hand-made history of people in Bangka
// Tengah (19.04) sponsored by a company of the test's own, so the lists with `sponsor=` hold exactly
// them; the whole fixture's lists against the brute-force rules of @pantau/domain; who gets names,
// who gets counts, what is audited, the exports and the map layer.
import { VectorTile } from '@mapbox/vector-tile';
import { queryOne, queryRows, sql } from '@pantau/db';
import { daysBetween, expiringWithin, lastPermitOn, overstayDays, renewedOn, type HistoryPermit, type StayHistory } from '@pantau/domain';
import ExcelJS from 'exceljs';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../../../../test/apps.js';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, PERSONAL_DATA_ACCOUNTS, signInEach, type TestAccount } from '../../../../test/sessions.js';

const DAY = '2024-06-13';
type Client = ReturnType<typeof as>;
type AuditRow = { action: string; area_code: string | null; target: string | null; details: Record<string, unknown> };

interface OverstayBody {
  area: { code: string };
  asOf: string;
  minDays: number;
  counts: {
    total: number;
    itas: number;
    itap: number;
    visit: number;
    byDistrict: Array<{ code: string | null; count: number }>;
    byNationality: Array<{ code: string; count: number }>;
  };
  items?: Array<{
    personId: number;
    name: string;
    nationality: string;
    passportNumber: string | null;
    permit: { type: string; number: string; expiresOn: string };
    daysOver: number;
    sponsor: { id: number; name: string } | null;
    districtCode: string | null;
    regencyCode: string;
    regencyName: string | null;
  }>;
  nextCursor?: number | null;
}
interface ExpiringBody {
  counts: {
    permits: number;
    people: number;
    notRenewed: number;
    notRenewedPeople: number;
    bySponsor?: Array<{ id: number | null; permits: number; notRenewed: number }>;
  };
  items?: Array<{ permitId: number; permitNumber: string; name: string; daysLeft: number; renewed: boolean; personId: number | null }>;
  nextCursor?: number | null;
}

/** Tile x/y of a point at zoom z (Web Mercator). */
function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

describe.each(testBackends())('overstays and expiring permits on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  const accounts: Record<string, TestAccount> = {};
  const client: Record<string, Client> = {};
  let sponsor: number;
  let district: string;
  let elsewhere: string;
  const person: Record<string, number> = {};

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = testApp(t.database);
    await signInEach(app, t.database, PERSONAL_DATA_ACCOUNTS, accounts, client);
    const db = t.database.orm;
    district = (await queryOne<{ code: string }>(db, sql`select code from areas where parent_code = '19.04' order by code limit 1`))!.code;
    elsewhere = (await queryOne<{ code: string }>(db, sql`select code from areas where parent_code = '31.71' order by code limit 1`))!.code;
    sponsor = (await queryOne<{ id: number }>(
      db,
      sql`insert into companies (key, name, origin) values ('test:overstay-sponsor', 'PT Uji Izin Tinggal', 'demo') returning id`,
    ))!.id;

    const addPerson = async (key: string, name: string, nationality = 'CHN') => {
      person[key] = Number(
        (await queryOne<{ id: number }>(
          db,
          sql`insert into people (key, name, sex, nationality, district_code, regency_code, province_code, origin)
        values (${`test:${key}`}, ${name}, 'M', ${nationality}, ${district}, '19.04', '19', 'demo') returning id`,
        ))!.id,
      );
      return person[key]!;
    };
    const addPermit = async (who: number, number: string, issued: string, expires: string, cancelled: string | null = null, area = district) => {
      await db.execute(sql`insert into permits (permit_number, permit_type, purpose, nationality, sex, holder_name, person_id, passport_number, sponsor_company_id,
          issued_on, expires_on, cancelled_on, district_code, regency_code, province_code, origin)
        select ${number}, 'itas', 'work', p.nationality, 'M', p.name, p.id, ${`P-${number}`}, ${sponsor}, ${issued}::date, ${expires}::date, ${cancelled}::date,
          ${area}, ${area.slice(0, 5)}, ${area.slice(0, 2)}, 'demo' from people p where p.id = ${who}`);
    };
    const addMovement = (who: number, direction: string, date: string) =>
      db.execute(sql`insert into movements (person_id, direction, date, origin) values (${who}, ${direction}, ${date}::date, 'demo')`);
    const addApplication = (who: number, applied: string, decided: string | null) =>
      db.execute(sql`insert into permit_applications
      (person_id, permit_type, status, applied_on, decided_on, sponsor_company_id, purpose, nationality, district_code, regency_code, province_code, origin)
      values (${who}, 'itas', ${decided ? 'issued' : 'applied'}, ${applied}::date, ${decided}::date, ${sponsor}, 'work', 'CHN', ${district}, '19.04', '19', 'demo')`);

    // Over since 2024-03-01, with a passport replaced in 2024 (the current one is shown).
    const over = await addPerson('over', 'WANG OVERSTAY');
    await addPermit(over, 'T-OVER-1', '2023-03-01', '2024-03-01');
    await addMovement(over, 'arrival', '2023-02-25');
    await db.execute(sql`insert into person_passports (person_id, passport_number, nationality, valid_from, origin) values
      (${over}, 'E-OLD-1', 'CHN', '2019-01-01', 'demo'), (${over}, 'E-NEW-2', 'CHN', '2024-01-15', 'demo')`);
    // Over by one day; a name that a spreadsheet would run as a formula.
    const recent = await addPerson('recent', '=HYPERLINK("http://example.com","LI")', 'JPN');
    await addPermit(recent, 'T-RECENT-1', '2023-06-12', '2024-06-12');
    // Left on 2024-03-05, after the permit ended: gone, not listed.
    const departed = await addPerson('departed', 'ZHAO DEPARTED');
    await addPermit(departed, 'T-DEPARTED-1', '2023-03-01', '2024-03-01');
    await addMovement(departed, 'departure', '2024-03-05');
    // Renewed the day the permit ended.
    const renewed = await addPerson('renewed', 'LIU RENEWED');
    await addPermit(renewed, 'T-RENEWED-1', '2023-03-01', '2024-03-01');
    await addPermit(renewed, 'T-RENEWED-2', '2024-03-01', '2025-03-01');
    // Waiting for a new KITAS since before the end: pending, not over.
    const waiting = await addPerson('waiting', 'CHEN WAITING');
    await addPermit(waiting, 'T-WAITING-1', '2023-03-01', '2024-03-01');
    await addApplication(waiting, '2024-02-20', null);
    // Cancelled on departure before its end.
    const cancelled = await addPerson('cancelled', 'SUN CANCELLED');
    await addPermit(cancelled, 'T-CANCELLED-1', '2023-03-01', '2024-03-01', '2023-12-01');
    // Moved to Jakarta: over there, not in Bangka Tengah.
    const moved = await addPerson('moved', 'HU MOVED');
    await addPermit(moved, 'T-MOVED-1', '2022-06-01', '2023-06-01');
    await addPermit(moved, 'T-MOVED-2', '2023-06-01', '2024-03-01', null, elsewhere);
    // Ending on 2024-07-01: one with nothing next (not renewed), one with an open application.
    const ending = await addPerson('ending', 'XU ENDING');
    await addPermit(ending, 'T-ENDING-1', '2023-07-01', '2024-07-01');
    const applied = await addPerson('applied', 'MA APPLIED');
    await addPermit(applied, 'T-APPLIED-1', '2023-07-01', '2024-07-01');
    await addApplication(applied, '2024-06-01', null);
    // Ending on 2024-08-01: within 60 days, not 30.
    const later = await addPerson('later', 'LIN LATER');
    await addPermit(later, 'T-LATER-1', '2023-08-01', '2024-08-01');
  }, 240_000);
  afterAll(async () => {
    await t?.dispose();
  });

  const get = async <T>(who: string, path: string, status = 200): Promise<T> => {
    const response = await client[who]!.request(path);
    expect(response.status, `${who} ${path}: ${response.status === status ? '' : await response.clone().text()}`).toBe(status);
    return response.json() as Promise<T>;
  };
  const auditRows = (who: string, action: string) =>
    queryRows<AuditRow>(
      t.database.orm,
      sql`
    select action, area_code, target, details from audit_log where actor = ${accounts[who]!.email} and action = ${action} order by id`,
    );
  const ours = `asOf=${DAY}`;

  test('the hand-made overstayers are listed with their last permit, days over, sponsor and current passport; the departed, renewed, waiting, cancelled and moved are not', async () => {
    // A national user sees every permit of a person, so the one who moved to Jakarta is not listed here.
    const body = await get<OverstayBody>('admin', `/api/v1/areas/19.04/overstays?${ours}&sponsor=${sponsor}`);
    expect(body.items!.map((i) => i.personId)).toEqual([person.over, person.recent]);
    expect(body.items![0]).toMatchObject({
      name: 'WANG OVERSTAY',
      nationality: 'CHN',
      passportNumber: 'E-NEW-2',
      permit: { type: 'itas', number: 'T-OVER-1', expiresOn: '2024-03-01' },
      daysOver: daysBetween('2024-03-01', DAY),
      sponsor: { id: sponsor, name: 'PT Uji Izin Tinggal' },
      districtCode: district,
      regencyCode: '19.04',
      regencyName: expect.stringContaining('Bangka Tengah'),
    });
    expect(body.items![1]).toMatchObject({ nationality: 'JPN', daysOver: 1, passportNumber: 'P-T-RECENT-1' });
    expect(body.counts).toMatchObject({ total: 2, itas: 2, itap: 0, visit: 0, byDistrict: [{ code: district, count: 2 }] });
    expect(body.counts.byNationality).toEqual([
      { code: 'CHN', count: 1 },
      { code: 'JPN', count: 1 },
    ]);

    // minDays and the permit filters narrow it; the moved person is over in Jakarta instead.
    expect((await get<OverstayBody>('admin', `/api/v1/areas/19.04/overstays?${ours}&sponsor=${sponsor}&minDays=2`)).items!.map((i) => i.personId)).toEqual([
      person.over,
    ]);
    // Known limit of row-level security: a province-scoped user cannot see the Jakarta permit, so for them the
    // person's last permit is the Bangka Tengah one and they are listed there (docs/api.md, Overstays).
    expect((await get<OverstayBody>('analyst', `/api/v1/areas/19.04/overstays?${ours}&sponsor=${sponsor}`)).items!.map((i) => i.personId)).toEqual([
      person.moved,
      person.over,
      person.recent,
    ]);
    expect(
      (await get<OverstayBody>('analyst', `/api/v1/areas/19.04/overstays?${ours}&sponsor=${sponsor}&nationality=JPN`)).items!.map((i) => i.personId),
    ).toEqual([person.recent]);
    expect((await get<OverstayBody>('analyst', `/api/v1/areas/19.04/overstays?${ours}&sponsor=${sponsor}&permitType=itap`)).counts.total).toBe(0);
    expect((await get<OverstayBody>('admin', `/api/v1/areas/31.71/overstays?${ours}&sponsor=${sponsor}`)).items!.map((i) => i.personId)).toEqual([
      person.moved,
    ]);
    // Before the renewal gap and the departure: on 2024-03-03 the departed person was still here, the renewed one never over.
    const earlier = await get<OverstayBody>('admin', `/api/v1/areas/19.04/overstays?asOf=2024-03-03&sponsor=${sponsor}`);
    expect(earlier.items!.map((i) => i.personId).sort()).toEqual([person.over, person.departed].sort());
  });

  test('permits ending within 30 days are flagged when nothing follows them; 60 days reaches further; counts per sponsor', async () => {
    const body = await get<ExpiringBody>('analyst', `/api/v1/areas/19.04/expiring?${ours}&sponsor=${sponsor}&within=30`);
    expect(body.items!.map((i) => [i.permitNumber, i.daysLeft, i.renewed])).toEqual([
      ['T-ENDING-1', 18, false],
      ['T-APPLIED-1', 18, true],
    ]);
    expect(body.counts).toMatchObject({ permits: 2, people: 2, notRenewed: 1, notRenewedPeople: 1, bySponsor: [{ id: sponsor, permits: 2, notRenewed: 1 }] });
    const wider = await get<ExpiringBody>('analyst', `/api/v1/areas/19.04/expiring?${ours}&sponsor=${sponsor}&within=60`);
    expect(wider.items!.map((i) => i.permitNumber)).toEqual(['T-ENDING-1', 'T-APPLIED-1', 'T-LATER-1']);
    await get('analyst', `/api/v1/areas/19.04/expiring?${ours}&within=45`, 400);
  });

  test('over the whole fixture, both lists are what the brute-force rules of @pantau/domain say, page after page', async () => {
    const db = t.database.orm;
    const permits = await queryRows<{
      id: number;
      person_id: number | null;
      permit_type: 'itas' | 'itap' | 'visit';
      issued_on: string;
      expires_on: string;
      cancelled_on: string | null;
      regency_code: string;
    }>(
      db,
      sql`
      select id::int as id, person_id::int as person_id, permit_type, issued_on::text as issued_on, expires_on::text as expires_on, cancelled_on::text as cancelled_on, regency_code from permits`,
    );
    const applications = await queryRows<{ person_id: number; applied_on: string; decided_on: string | null }>(
      db,
      sql`
      select person_id::int as person_id, applied_on::text as applied_on, decided_on::text as decided_on from permit_applications`,
    );
    const movements = await queryRows<{ person_id: number; direction: 'arrival' | 'departure'; date: string }>(
      db,
      sql`select person_id::int as person_id, direction, date::text as date from movements`,
    );
    const histories = new Map<number, StayHistory & { permits: Array<HistoryPermit & { regency: string }> }>();
    const historyOf = (id: number) => histories.get(id) ?? histories.set(id, { permits: [], applications: [], movements: [] }).get(id)!;
    for (const p of permits)
      if (p.person_id !== null)
        historyOf(p.person_id).permits.push({
          id: p.id,
          permitType: p.permit_type,
          issuedOn: p.issued_on,
          expiresOn: p.expires_on,
          cancelledOn: p.cancelled_on,
          regency: p.regency_code,
        });
    for (const a of applications) (historyOf(a.person_id).applications as unknown[]).push({ appliedOn: a.applied_on, decidedOn: a.decided_on });
    for (const m of movements) (historyOf(m.person_id).movements as unknown[]).push({ direction: m.direction, date: m.date });

    const expectedOver = [...histories]
      .flatMap(([id, history]) => {
        const days = overstayDays(history, DAY);
        const last = lastPermitOn(history.permits, DAY) as (HistoryPermit & { regency: string }) | undefined;
        return days !== null && days >= 1 && last?.regency.startsWith('19.') ? [`${id}:${days}`] : [];
      })
      .sort();
    const over: string[] = [];
    for (let cursor: number | null | undefined = 0; cursor !== null && cursor !== undefined;) {
      const page: OverstayBody = await get<OverstayBody>('admin', `/api/v1/areas/19/overstays?${ours}&limit=7&cursor=${cursor}`);
      over.push(...page.items!.map((i) => `${i.personId}:${i.daysOver}`));
      cursor = page.nextCursor;
    }
    expect(over.sort()).toEqual(expectedOver);
    // The hand-made two at least, so the comparison is never between two empty lists.
    expect(expectedOver.length).toBeGreaterThanOrEqual(2);

    const expectedExpiring = permits
      .filter(
        (p) => p.regency_code.startsWith('19.') && expiringWithin({ issuedOn: p.issued_on, expiresOn: p.expires_on, cancelledOn: p.cancelled_on }, DAY, 90),
      )
      .map((p) => {
        const history = p.person_id === null ? null : histories.get(p.person_id)!;
        return `${p.id}:${
          history
            ? renewedOn(
                history.permits.find((q) => q.id === p.id)!,
                history,
                DAY,
              )
            : false
        }`;
      })
      .sort();
    const expiring: string[] = [];
    for (let cursor: number | null | undefined = 0; cursor !== null && cursor !== undefined;) {
      const page: ExpiringBody = await get<ExpiringBody>('admin', `/api/v1/areas/19/expiring?${ours}&within=90&limit=500&cursor=${cursor}`);
      expiring.push(...page.items!.map((i) => `${i.permitId}:${i.renewed}`));
      cursor = page.nextCursor;
    }
    expect(expiring.sort()).toEqual(expectedExpiring);
    expect(expectedExpiring.some((e) => e.endsWith(':true')) && expectedExpiring.some((e) => e.endsWith(':false'))).toBe(true);
  });

  test('an agency member and a viewer get the counts without names; the viewer not the sponsors either; only the personal-data read is audited', async () => {
    const member = await get<OverstayBody>('member', `/api/v1/areas/19.04/overstays?${ours}&sponsor=${sponsor}&nationality=JPN`);
    expect(member.counts.total).toBe(1);
    expect(member).not.toHaveProperty('items');
    expect(JSON.stringify(member)).not.toContain('HYPERLINK');
    const viewer = await get<ExpiringBody>('viewer', `/api/v1/areas/19.04/expiring?${ours}&sponsor=${sponsor}`);
    expect(viewer.counts).toEqual({ permits: 2, people: 2, notRenewed: 1, notRenewedPeople: 1 });
    expect(viewer).not.toHaveProperty('items');
    expect((await get<ExpiringBody>('member', `/api/v1/areas/19.04/expiring?${ours}&sponsor=${sponsor}`)).counts.bySponsor).toHaveLength(1);
    expect(await auditRows('member', 'read.overstays')).toEqual([]);
    expect(await auditRows('viewer', 'read.expiring')).toEqual([]);

    await get('analyst', `/api/v1/areas/${district}/overstays?${ours}&minDays=5`);
    expect((await auditRows('analyst', 'read.overstays')).at(-1)).toMatchObject({
      area_code: district,
      target: `area:${district}`,
      details: { query: { asOf: DAY, minDays: '5' } },
    });
    await get('analyst', `/api/v1/areas/19.04/expiring?${ours}`);
    expect((await auditRows('analyst', 'read.expiring')).at(-1)).toMatchObject({ area_code: '19.04', target: 'area:19.04' });
  });

  test('another province, an area outside the scope and an unknown parameter are refused', async () => {
    const outside = await get<{ error: { code: string } }>('elsewhere', `/api/v1/areas/19.04/overstays?${ours}`, 404);
    const none = await get<{ error: { code: string; message: string } }>('elsewhere', `/api/v1/areas/99.99/overstays?${ours}`, 404);
    expect(outside).toEqual({ error: { ...none.error, message: none.error.message.replace('99.99', '19.04') } });
    await get('member', '/api/v1/areas/31.71/expiring', 404);
    expect((await auditRows('elsewhere', 'access.refused')).map((r) => r.target)).toContain('GET /areas/19.04/overstays');
    // Their own province has none of these people.
    expect((await get<OverstayBody>('elsewhere', `/api/v1/areas/17/overstays?${ours}&sponsor=${sponsor}`)).counts.total).toBe(0);

    for (const path of [
      `/api/v1/areas/19.04/overstays?${ours}&within=30`,
      `/api/v1/areas/19.04/expiring?${ours}&minDays=3`,
      '/api/v1/areas/19.04/overstays?foo=1',
    ]) {
      const body = await get<{ error: { code: string; message: string } }>('analyst', path, 400);
      expect(body.error.code).toBe('unknown_parameter');
    }
    expect((await get<{ error: { code: string } }>('analyst', '/api/v1/areas/19.04/overstays?minDays=-1', 400)).error.code).toBe('invalid_parameter');
  });

  test('the exports hold the same people in the language asked for, formula-safe and audited; roles without personal data may not export them', async () => {
    const csv = await client.admin!.request(`/api/v1/exports/overstays.csv?area=19.04&${ours}&sponsor=${sponsor}&lang=id`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(DAY);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'nama,kewarganegaraan,no_paspor,jenis_izin_terakhir,no_izin_terakhir,izin_berakhir,hari_melebihi,penjamin,kode_kecamatan,kecamatan,kode_kabupaten_kota,kabupaten_kota',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^WANG OVERSTAY,CHN,E-NEW-2,itas,T-OVER-1,2024-03-01,104,PT Uji Izin Tinggal,/);
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/example.com"",""LI""\)",JPN,/);
    expect((await auditRows('admin', 'export.overstays')).at(-1)).toMatchObject({ area_code: '19.04', target: 'overstays.csv' });

    const xlsx = await client.analyst!.request(`/api/v1/exports/expiring.xlsx?area=19.04&${ours}&sponsor=${sponsor}&within=60&lang=en`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const rows = workbook.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      'name',
      'nationality',
      'passport_no',
      'permit_type',
      'permit_no',
      'expires',
      'days_left',
      'renewed',
      'sponsor',
      'district_code',
      'district',
      'regency_code',
      'regency',
    ]);
    expect(rows.slice(1).map((r) => [r[4], r[6], r[7]])).toEqual([
      ['T-ENDING-1', 18, 'no'],
      ['T-APPLIED-1', 18, 'yes'],
      ['T-LATER-1', 49, 'no'],
    ]);
    expect((await auditRows('analyst', 'export.expiring')).at(-1)).toMatchObject({ target: 'expiring.xlsx' });

    expect((await client.member!.request(`/api/v1/exports/overstays.csv?area=19.04&${ours}`)).status).toBe(403);
    expect((await client.viewer!.request(`/api/v1/exports/expiring.csv?area=19.04&${ours}`)).status).toBe(403);
    expect((await auditRows('member', 'access.refused')).map((r) => r.target)).toContain('GET /exports/overstays.csv');
    expect((await client.analyst!.request(`/api/v1/exports/overstays.csv?area=19.04&${ours}&within=30`)).status).toBe(400);
    expect((await client.elsewhere!.request(`/api/v1/exports/overstays.csv?area=19.04&${ours}`)).status).toBe(404);
  });

  test('the overstays layer counts people per district with no name, listed in /tiles for every role', async () => {
    const layers = await get<{ layers: Array<{ id: string }> }>('viewer', '/tiles');
    expect(layers.layers.map((l) => l.id)).toContain('overstays');
    const tileJson = await get<{ tiles: string[]; vector_layers: Array<{ fields: Record<string, string> }> }>(
      'viewer',
      `/tiles/overstays.json?${ours}&sponsor=${sponsor}`,
    );
    expect(tileJson.tiles[0]).toContain(`/tiles/overstays/{z}/{x}/{y}.mvt?asOf=${DAY}&sponsor=${sponsor}`);
    expect(Object.keys(tileJson.vector_layers[0]!.fields).sort()).toEqual(['code', 'name', 'overstays']);

    const label = (await queryOne<{ lng: number; lat: number }>(
      t.database.orm,
      sql`select ST_X(label) as lng, ST_Y(label) as lat from areas where code = ${district}`,
    ))!;
    const z = 9;
    const [x, y] = tileOf(Number(label.lng), Number(label.lat), z);
    const tileFor = async (who: string) => {
      const response = await client[who]!.request(`/tiles/overstays/${z}/${x}/${y}.mvt?${ours}&nationality=JPN&sponsor=${sponsor}`);
      if (response.status === 204) return [];
      expect(response.status).toBe(200);
      const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers.overstays;
      return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties);
    };
    expect(await tileFor('viewer')).toEqual([{ code: district, name: expect.any(String), overstays: 1 }]);
    // Another province's user sees no district of Bangka Tengah.
    expect(await tileFor('elsewhere')).toEqual([]);
  });
});
