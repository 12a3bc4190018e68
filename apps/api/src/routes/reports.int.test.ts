// Public reports recorded and triaged in the app (issue 22), on the fixture: an analyst records a
// WhatsApp report in Bangka Tengah, verifies it days later, and planning ranks each day with the status
// the report had then; the triage's rules, scope, field rules and audit; history reconstructed for every
// imported or generated report.
import { readAudit, writeOperations } from '@pantau/data';
import { planningCandidates, queryOne, queryRows, sql } from '@pantau/db';
import type { ReportAttachmentAnswer, ReportAttachmentsAnswer, ReportDetailAnswer, ReportHistoryAnswer } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { onePixelPng } from '../../../../test/images.js';
import { as, signedInAccount, jsonWrite } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

let now = new Date('2024-06-12T02:00:00Z');
const clock = { now: () => now };
const write = jsonWrite;
type Client = ReturnType<typeof as>;
interface ErrorAnswer {
  error: { code: string; message: string; details?: unknown };
}

describe.each(testBackends())('public reports on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let analyst: Client;
  let analystEmail: string;
  let member: Client;
  let viewer: Client;
  let elsewhere: Client;
  /** A district of Bangka Tengah (19.04) and a point inside it. */
  let district: { code: string; lng: number; lat: number };
  /** Operation targets in that district: one checked before the test report came in, one after. */
  let targetBefore: number;
  let targetAfter: number;
  let reportId: number;

  /** The district's report counts among the planning candidates of `day` (0 when it is not a candidate). */
  const districtReports = async (day: string) => {
    const candidates = await planningCandidates(t.database.orm, district.code, day, null);
    const candidate = candidates.find((c) => c.kind === 'district' && c.areaCodes.district === district.code);
    return { open: candidate?.raw.openReports ?? 0, verified: candidate?.raw.verifiedReports ?? 0 };
  };

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    const account = await signedInAccount(t.database, 'analyst', '19');
    analystEmail = account.email;
    analyst = as(app, account);
    member = as(app, await signedInAccount(t.database, 'agency_member', '19.04'));
    viewer = as(app, await signedInAccount(t.database, 'viewer', '19.04'));
    elsewhere = as(app, await signedInAccount(t.database, 'office_head', '17.07'));
    const row = await queryOne<{ code: string; lng: number; lat: number }>(
      t.database.orm,
      sql`
      select code, ST_X(ST_PointOnSurface(geom)) as lng, ST_Y(ST_PointOnSurface(geom)) as lat from areas
      where level = 'district' and code like '19.04.%' and name ilike '%koba%' order by code limit 1`,
    );
    district = { code: row!.code, lng: Number(row!.lng), lat: Number(row!.lat) };
    await t.database.orm.transaction(async (tx) => {
      await writeOperations(
        tx,
        ['2024-06-01', '2024-06-20'].map((date) => ({
          key: `test:reports:operation:${date}`,
          date,
          officeKey: null,
          team: 'Timpora Uji',
          regencyCode: '19.04',
          notes: null,
          targets: [
            {
              place: `Pabrik Uji ${date}`,
              kind: 'company_site' as const,
              position: [district.lng, district.lat] as [number, number],
              siteKey: null,
              foreignersChecked: 3,
              violations: 0,
              outcome: 'no_violation' as const,
              findings: null,
              actions: [],
            },
          ],
          origin: 'demo',
        })),
      );
    });
    const target = async (date: string) =>
      Number(
        (await queryOne<{ id: number }>(
          t.database.orm,
          sql`
      select t.id from operation_targets t join operations o on o.id = t.operation_id where o.key = ${`test:reports:operation:${date}`}`,
        ))!.id,
      );
    targetBefore = await target('2024-06-01');
    targetAfter = await target('2024-06-20');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a report received before the ranked day but verified after it counts as new that day, and as verified once verified', async () => {
    const before14 = await districtReports('2024-06-14');
    const before18 = await districtReports('2024-06-18');
    const before19 = await districtReports('2024-06-19');
    now = new Date('2024-06-12T02:00:00Z');
    const created = await analyst.request(
      '/api/v1/reports',
      write('POST', {
        channel: 'whatsapp',
        category: 'illegal_work',
        summary: 'Warga melaporkan WNA bekerja di pabrik kolang-kaling',
        receivedAt: '2024-06-12T08:30:00+07:00',
        lat: district.lat,
        lng: district.lng,
        reporterContact: '0812-0000-0000',
      }),
    );
    expect(created.status).toBe(201);
    const report = (await created.json()) as ReportDetailAnswer;
    reportId = report.id;
    expect(report).toMatchObject({
      status: 'new',
      channel: 'whatsapp',
      category: 'illegal_work',
      districtCode: district.code,
      regencyCode: '19.04',
      provinceCode: '19',
      receivedAt: '2024-06-12T01:30:00Z',
      reporterContact: '0812-0000-0000',
      origin: 'app',
    });

    now = new Date('2024-06-18T03:00:00Z');
    const verified = await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'verified', reason: 'Dicek ke lokasi oleh Disnaker' }));
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as ReportDetailAnswer).status).toBe('verified');

    // 14 June: received, not yet verified. 18 June, verified at 10:00 WIB: the day ranks with what was known when it began. 19 June: verified.
    expect(await districtReports('2024-06-14')).toEqual({ open: before14.open + 1, verified: before14.verified });
    expect(await districtReports('2024-06-18')).toEqual({ open: before18.open + 1, verified: before18.verified });
    expect(await districtReports('2024-06-19')).toEqual({ open: before19.open, verified: before19.verified + 1 });
  });

  test('the history says who changed the status, when and why; the last change is the current status', async () => {
    const history = (await (await analyst.request(`/api/v1/reports/${reportId}/history`)).json()) as ReportHistoryAnswer;
    expect(history.reportId).toBe(reportId);
    expect(history.status).toBe('verified');
    expect(history.items.map((i) => [i.status, i.changedAt, i.changedBy, i.reason])).toEqual([
      ['new', '2024-06-12T01:30:00Z', analystEmail, null],
      ['verified', '2024-06-18T03:00:00Z', analystEmail, 'Dicek ke lokasi oleh Disnaker'],
    ]);
  });

  test('the triage refuses what it does not allow, with a clear code, and writes nothing', async () => {
    const code = async (response: Response) => ({ status: response.status, code: ((await response.json()) as ErrorAnswer).error.code });
    expect(await code(await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'verified' })))).toEqual({
      status: 409,
      code: 'invalid_transition',
    });
    expect(await code(await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'dismissed' })))).toEqual({
      status: 422,
      code: 'reason_required',
    });
    expect(await code(await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'acted' })))).toEqual({
      status: 422,
      code: 'target_required',
    });
    // The check of 1 June came before the report: it did not follow it.
    expect(await code(await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'acted', targetId: targetBefore })))).toEqual({
      status: 422,
      code: 'target_not_found',
    });
    expect(await code(await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'new' })))).toEqual({
      status: 400,
      code: 'invalid_parameter',
    });
    const history = (await (await analyst.request(`/api/v1/reports/${reportId}/history`)).json()) as ReportHistoryAnswer;
    expect(history.items).toHaveLength(2);
    expect(history.status).toBe('verified');
  });

  test('acting on a verified report links the operation target that followed; an acted-on report is final', async () => {
    now = new Date('2024-06-20T09:00:00Z');
    const acted = await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'acted', targetId: targetAfter }));
    expect(acted.status).toBe(200);
    const history = (await (await analyst.request(`/api/v1/reports/${reportId}/history`)).json()) as ReportHistoryAnswer;
    expect(history.items.at(-1)).toMatchObject({ status: 'acted', operationTargetId: targetAfter, changedAt: '2024-06-20T09:00:00Z' });
    const dismissed = await analyst.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'dismissed', reason: 'salah input' }));
    expect(dismissed.status).toBe(409);
    expect(((await dismissed.json()) as ErrorAnswer).error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'acted', to: 'dismissed', allowed: [] },
    });
    const audit = await readAudit(t.database.orm, { action: 'report.status', limit: 10 });
    expect(audit.filter((a) => a.target === `report:${reportId}`).map((a) => a.details.to)).toEqual(['acted', 'verified']);
  });

  test("an area's open reports are those open at the end of the day asked for, not today's", async () => {
    interface Summary {
      openReports: { count: number; items: { id: number; status: string }[] };
    }
    const openOn = async (to: string) => {
      const summary = (await (await analyst.request(`/api/v1/areas/${district.code}/summary?from=2024-06-12&to=${to}&asOf=${to}`)).json()) as Summary;
      return { count: summary.openReports.count, ours: summary.openReports.items.find((i) => i.id === reportId)?.status ?? null };
    };
    const [before, whenVerified, whenActed] = [await openOn('2024-06-17'), await openOn('2024-06-18'), await openOn('2024-06-20')];
    // Received 12 June (new), verified 18 June, acted on 20 June: open until the end of 19 June, then no longer.
    expect(before.ours).toBe('new');
    expect(whenVerified.ours).toBe('verified');
    expect(whenActed.ours).toBeNull();
    expect(before.count).toBeGreaterThanOrEqual(1);
  });

  test('an agency member sees the category and place, not the text, the address or the reporter; a viewer gets no report; another office none of ours', async () => {
    const seen = (await (await member.request(`/api/v1/reports/${reportId}`)).json()) as Record<string, unknown>;
    expect(seen).toMatchObject({ id: reportId, category: 'illegal_work', districtCode: district.code });
    for (const field of ['summary', 'address', 'reporterContact']) expect(seen).not.toHaveProperty(field);
    const history = (await (await member.request(`/api/v1/reports/${reportId}/history`)).json()) as ReportHistoryAnswer;
    expect(history.items.map((i) => i.status)).toEqual(['new', 'verified', 'acted']);
    for (const item of history.items) expect(item).not.toHaveProperty('reason');
    expect((await member.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'dismissed', reason: 'x' }))).status).toBe(403);
    expect(
      (await member.request('/api/v1/reports', write('POST', { channel: 'phone', category: 'other', summary: 'x', districtCode: district.code }))).status,
    ).toBe(403);
    expect((await viewer.request(`/api/v1/reports/${reportId}`)).status).toBe(403);
    expect((await viewer.request(`/api/v1/reports/${reportId}/history`)).status).toBe(403);
    const outside = await elsewhere.request(`/api/v1/reports/${reportId}`);
    const missing = await elsewhere.request('/api/v1/reports/2147483647');
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual(await missing.json());
    expect((await elsewhere.request(`/api/v1/reports/${reportId}/history`)).status).toBe(404);
    expect((await elsewhere.request(`/api/v1/reports/${reportId}`, write('PATCH', { status: 'dismissed', reason: 'x' }))).status).toBe(404);
  });

  test('a photo goes with the report: typed by its content, kept once, served only to roles allowed personal data, each read audited', async () => {
    const photo = (bytes: Uint8Array, name = 'lokasi.png') => {
      const form = new FormData();
      form.set('file', new File([bytes], name, { type: 'image/png' }));
      return { method: 'POST', headers: { origin: 'http://localhost' }, body: form } satisfies RequestInit;
    };
    const path = `/api/v1/reports/${reportId}/attachments`;
    const added = await analyst.request(path, photo(onePixelPng(), '../../etc/Foto pabrik.png'));
    expect(added.status).toBe(201);
    const attachment = (await added.json()) as ReportAttachmentAnswer;
    expect(attachment).toMatchObject({ reportId, fileName: 'Foto pabrik.png', contentType: 'image/png', bytes: onePixelPng().length, addedBy: analystEmail });
    // The same photo again is the one kept.
    const again = await analyst.request(path, photo(onePixelPng(), 'lagi.png'));
    expect([again.status, ((await again.json()) as ReportAttachmentAnswer).id]).toEqual([200, attachment.id]);
    // A text file named like a photo, an empty part, a form without the file: refused, nothing written.
    const code = async (response: Response) => [response.status, ((await response.json()) as ErrorAnswer).error.code];
    expect(await code(await analyst.request(path, photo(new TextEncoder().encode('<svg onload=alert(1)>'), 'x.png')))).toEqual([415, 'unsupported_media_type']);
    expect(await code(await analyst.request(path, photo(new Uint8Array(), 'kosong.png')))).toEqual([400, 'invalid_parameter']);
    const noFile = new FormData();
    noFile.set('catatan', 'tanpa foto');
    expect(await code(await analyst.request(path, { method: 'POST', headers: { origin: 'http://localhost' }, body: noFile }))).toEqual([
      400,
      'invalid_parameter',
    ]);
    // Over the configured limit: 413 while the upload streams.
    const small = as(createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn', attachmentMaxBytes: 200 }, clock, log: () => {} }), {
      ...(await signedInAccount(t.database, 'analyst', '19')),
    });
    const big = new Uint8Array(400);
    big.set(onePixelPng());
    expect(await code(await small.request(path, photo(big, 'besar.png')))).toEqual([413, 'payload_too_large']);

    const list = (await (await analyst.request(path)).json()) as ReportAttachmentsAnswer;
    expect(list.items.map((i) => i.id)).toEqual([attachment.id]);
    const served = await analyst.request(`${path}/${attachment.id}`);
    expect(served.status).toBe(200);
    expect([served.headers.get('content-type'), served.headers.get('x-content-type-options')]).toEqual(['image/png', 'nosniff']);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(onePixelPng());
    expect((await analyst.request(`${path}/99999999`)).status).toBe(404);
    // Photos may show people: an agency member and a viewer get 403; another office's scope sees no such report.
    expect((await member.request(path)).status).toBe(403);
    expect((await member.request(`${path}/${attachment.id}`)).status).toBe(403);
    expect((await viewer.request(`${path}/${attachment.id}`)).status).toBe(403);
    expect((await elsewhere.request(`${path}/${attachment.id}`)).status).toBe(404);
    expect((await elsewhere.request(path, photo(onePixelPng()))).status).toBe(404);
    const audit = await readAudit(t.database.orm, { limit: 50 });
    expect(audit.filter((a) => a.action === 'report.attachment' && a.target === `report:${reportId}`)).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'read.report_attachment' && a.target === `report:${reportId}`).length).toBeGreaterThanOrEqual(1);
  });

  test('a report holds at most ten photos', async () => {
    const path = `/api/v1/reports/${reportId}/attachments`;
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const form = new FormData();
      form.set('file', new File([new Uint8Array([...onePixelPng(), i])], `foto-${i}.png`, { type: 'image/png' }));
      const response = await analyst.request(path, { method: 'POST', headers: { origin: 'http://localhost' }, body: form });
      statuses.push(response.status);
      if (response.status === 409) expect(((await response.json()) as ErrorAnswer).error.code).toBe('too_many_attachments');
    }
    // One was attached by the test before: nine more fit, the tenth is refused.
    expect(statuses).toEqual([...Array(9).fill(201), 409]);
    expect(((await (await analyst.request(path)).json()) as ReportAttachmentsAnswer).items).toHaveLength(10);
  });

  test("a report typed as a district stands at the district's point on its surface; the same external id is the same report", async () => {
    now = new Date('2024-06-25T02:00:00Z');
    const body = {
      channel: 'apoa',
      category: 'overstay',
      summary: 'Laporan APOA',
      districtCode: district.code,
      address: 'Jl. Raya Koba',
      externalId: 'apoa-2024-000123',
    };
    const first = await analyst.request('/api/v1/reports', write('POST', body));
    expect(first.status).toBe(201);
    const report = (await first.json()) as ReportDetailAnswer;
    expect(report).toMatchObject({
      districtCode: district.code,
      regencyCode: '19.04',
      externalId: 'apoa-2024-000123',
      address: 'Jl. Raya Koba',
      receivedAt: '2024-06-25T02:00:00Z',
    });
    expect(report.lng).toBeCloseTo(district.lng, 5);
    expect(report.lat).toBeCloseTo(district.lat, 5);
    const again = await analyst.request('/api/v1/reports', write('POST', { ...body, summary: 'Laporan APOA (dikirim ulang)' }));
    expect(again.status).toBe(200);
    expect((await again.json()) as ReportDetailAnswer).toMatchObject({ id: report.id, summary: 'Laporan APOA' });
    const count = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from reports where external_id = 'apoa-2024-000123'`);
    expect(Number(count!.n)).toBe(1);
  });

  test("a point outside Indonesia or outside the caller's areas, or a report from the future, is refused and nothing is written", async () => {
    const before = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from reports`);
    const post = async (place: Record<string, unknown>) => {
      const response = await analyst.request('/api/v1/reports', write('POST', { channel: 'phone', category: 'other', summary: 'x', ...place }));
      return { status: response.status, code: ((await response.json()) as ErrorAnswer).error.code };
    };
    expect(await post({ lat: 0, lng: 0 })).toEqual({ status: 422, code: 'outside_indonesia' });
    // Lebong (17.07): Indonesia, not the analyst's province.
    const lebong = await queryOne<{ lng: number; lat: number }>(
      t.database.orm,
      sql`select ST_X(ST_PointOnSurface(geom)) as lng, ST_Y(ST_PointOnSurface(geom)) as lat from areas where code = '17.07'`,
    );
    expect(await post({ lat: Number(lebong!.lat), lng: Number(lebong!.lng) })).toEqual({ status: 422, code: 'outside_scope' });
    expect(await post({ districtCode: '17.07.01' })).toEqual({ status: 404, code: 'area_not_found' });
    expect(await post({ districtCode: district.code, receivedAt: '2024-07-01T00:00:00Z' })).toEqual({ status: 400, code: 'invalid_parameter' });
    expect(await post({ lat: district.lat })).toEqual({ status: 400, code: 'invalid_parameter' });
    expect(await post({})).toEqual({ status: 400, code: 'invalid_parameter' });
    const after = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from reports`);
    expect(after!.n).toBe(before!.n);
  });

  test('the queue lists the reports waiting in the scope, oldest received first, page after page', async () => {
    const all: Array<{ id: number; receivedAt: string; status: string }> = [];
    let cursor: number | null = null;
    // New and verified (waiting to be acted on): enough of them in the fixture's province for several pages.
    do {
      const page = (await (
        await analyst.request(`/api/v1/reports?status=new,verified&sort=received&limit=3${cursor === null ? '' : `&cursor=${cursor}`}`)
      ).json()) as { items: typeof all; nextCursor: number | null };
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((r) => r.status === 'new' || r.status === 'verified')).toBe(true);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const times = all.map((r) => r.receivedAt);
    expect(times).toEqual([...times].sort());
    const direct = await queryOne<{ n: number }>(
      t.database.orm,
      sql`select count(*)::int as n from reports where status in ('new', 'verified') and regency_code like '19.%'`,
    );
    expect(all.length).toBe(Number(direct!.n));
    const queue = (await (await analyst.request('/api/v1/reports?area=19.04&status=new&sort=received')).json()) as { items: typeof all };
    expect(queue.items.every((r) => r.status === 'new')).toBe(true);
  });

  test('every imported or generated report has a history: new when received, then changes in order, the last one its status', async () => {
    const broken = await queryRows<{ id: number }>(
      t.database.orm,
      sql`
      select r.id from reports r
      where (select c.status from report_status_changes c where c.report_id = r.id order by c.changed_at, c.id limit 1) is distinct from 'new'
        or (select c.changed_at from report_status_changes c where c.report_id = r.id order by c.changed_at, c.id limit 1) is distinct from r.received_at
        or (select c.status from report_status_changes c where c.report_id = r.id order by c.changed_at desc, c.id desc limit 1) is distinct from r.status
      limit 5`,
    );
    expect(broken).toEqual([]);
    const statuses = await queryRows<{ status: string; n: number }>(
      t.database.orm,
      sql`select status, count(*)::int as n from reports where origin = 'demo' group by 1 order by 1`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['acted', 'dismissed', 'new', 'verified']);
    // An acted-on demo report names the operation target that followed it, checked on or after its day.
    const acted = await queryOne<{ linked: number; later: number }>(
      t.database.orm,
      sql`
      select count(c.operation_target_id)::int as linked, count(*) filter (where o.date >= (r.received_at at time zone 'Asia/Jakarta')::date)::int as later
      from report_status_changes c join reports r on r.id = c.report_id left join operation_targets t on t.id = c.operation_target_id left join operations o on o.id = t.operation_id
      where c.status = 'acted' and r.origin = 'demo'`,
    );
    expect(acted!.linked).toBeGreaterThan(0);
    expect(acted!.later).toBe(acted!.linked);
  });
});
