// API tokens of channel systems (issue 22): an APOA-like app posts public reports with a bearer token.
// The token records reports in its scope and nothing else: every other route of the OpenAPI document, the
// tiles and the public paths answer 403; unknown or revoked tokens 401; the 61st request in a minute 429.
// Only the token's hash is stored (the CLI: data/src/cli/token-command.int.test.ts).
import { createHash } from 'node:crypto';
import { addApiToken, listApiTokens, readAudit, revokeApiToken } from '@pantau/data';
import { queryOne, queryRows, sql, withScope } from '@pantau/db';
import type { ApiTokenAnswer, ApiTokenCreatedAnswer, ReportAttachmentAnswer, ReportDetailAnswer } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { onePixelPng } from '../../../test/images.js';
import { as, signedInAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';

let now = new Date('2024-06-13T03:00:00Z');
const clock = { now: () => now };
interface ErrorAnswer {
  error: { code: string; message: string; details?: unknown };
}
const CLI = { userId: null, actor: 'cli:test' };

describe.each(testBackends())('API tokens on %s', (backend) => {
  let t: TestDatabase;
  /** Tokens limited well above what a test sends, but for the one about the limit. */
  let app: ReturnType<typeof createApp>;
  let apoa: string;
  /** A district of Bangka Tengah (19.04), in the token's scope (19), and a point inside it. */
  let district: { code: string; lng: number; lat: number };
  /** A point in Lebong (17.07): Indonesia, outside the token's scope. */
  let lebong: { lng: number; lat: number };

  const post = (token: string, body: unknown, path = '/api/v1/reports') =>
    app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const report = (extra: Record<string, unknown> = {}) => ({
    channel: 'apoa',
    category: 'illegal_work',
    summary: 'Ada orang asing bekerja di pabrik kolang-kaling',
    lng: district.lng,
    lat: district.lat,
    ...extra,
  });

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn', tokenRateLimit: 10_000 }, clock, log: () => {} });
    apoa = (await addApiToken(t.database.orm, { name: 'apoa', scope: ['19'], capabilities: ['report:create'] }, CLI, now)).secret;
    const row = await queryOne<{ code: string; lng: number; lat: number }>(
      t.database.orm,
      sql`
      select code, ST_X(ST_PointOnSurface(geom)) as lng, ST_Y(ST_PointOnSurface(geom)) as lat from areas
      where level = 'district' and code like '19.04.%' and name ilike '%koba%' order by code limit 1`,
    );
    district = { code: row!.code, lng: Number(row!.lng), lat: Number(row!.lat) };
    const outside = await queryOne<{ lng: number; lat: number }>(
      t.database.orm,
      sql`select ST_X(ST_PointOnSurface(geom)) as lng, ST_Y(ST_PointOnSurface(geom)) as lat from areas where code = '17.07'`,
    );
    lebong = { lng: Number(outside!.lng), lat: Number(outside!.lat) };
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a token records a report in its scope (201) under its own name, without a cookie, and is marked used', async () => {
    const response = await post(apoa, report({ reporterContact: '0812-0000-0000', externalId: 'apoa-2024-000777' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toBeNull();
    const created = (await response.json()) as ReportDetailAnswer;
    expect(created).toMatchObject({ status: 'new', districtCode: district.code, regencyCode: '19.04', externalId: 'apoa-2024-000777' });
    // The channel system has no personal data: the text is not sent back, the reporter's contact not kept.
    expect(created.summary).toBeUndefined();
    const stored = await queryOne<{ summary: string; reporter_contact: string | null; origin: string }>(
      t.database.orm,
      sql`select summary, reporter_contact, origin from reports where id = ${created.id}`,
    );
    expect(stored).toMatchObject({ summary: 'Ada orang asing bekerja di pabrik kolang-kaling', reporter_contact: null, origin: 'app' });
    const history = await queryRows<{ actor: string; changed_by: number | null }>(
      t.database.orm,
      sql`select actor, changed_by from report_status_changes where report_id = ${created.id}`,
    );
    expect(history).toEqual([{ actor: 'apoa', changed_by: null }]);
    const audit = (await readAudit(t.database.orm, { action: 'report.create', limit: 20 })).find((row) => row.target === `report:${created.id}`);
    expect(audit).toMatchObject({ actor: 'apoa', areaCode: district.code });
    const [listed] = (await listApiTokens(t.database.orm)).filter((token) => token.name === 'apoa');
    expect(listed!.lastUsedAt).toBe(now.toISOString());
  });

  test('the same externalId on the same channel answers the report posted first (200), and nothing new is written', async () => {
    const first = await post(apoa, report({ externalId: 'apoa-2024-000888' }));
    expect(first.status).toBe(201);
    const id = ((await first.json()) as ReportDetailAnswer).id;
    const again = await post(apoa, report({ externalId: 'apoa-2024-000888', summary: 'dikirim ulang' }));
    expect(again.status).toBe(200);
    expect(((await again.json()) as ReportDetailAnswer).id).toBe(id);
    const count = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from reports where external_id = 'apoa-2024-000888'`);
    expect(Number(count!.n)).toBe(1);
  });

  test('a place outside the scope or outside Indonesia is refused (422) and nothing is written', async () => {
    const before = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from reports`);
    const refused = async (body: unknown) => {
      const response = await post(apoa, body);
      return { status: response.status, code: ((await response.json()) as ErrorAnswer).error.code };
    };
    expect(await refused(report({ lng: lebong.lng, lat: lebong.lat }))).toEqual({ status: 422, code: 'outside_scope' });
    expect(await refused(report({ lng: 0, lat: 0 }))).toEqual({ status: 422, code: 'outside_indonesia' });
    const after = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from reports`);
    expect(after!.n).toBe(before!.n);
  });

  describe('report:attach: a token posts the photo of a report it posted', () => {
    let photos: string;
    const attach = (token: string, reportId: number, bytes = onePixelPng(), name = 'pabrik.png') => {
      const form = new FormData();
      form.set('file', new File([bytes], name, { type: 'image/png' }));
      return app.request(`/api/v1/reports/${reportId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    };
    const attachmentsOf = async (reportId: number) =>
      Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from report_attachments where report_id = ${reportId}`))!.n);
    const posted = async (token: string, extra: Record<string, unknown> = {}) => ((await (await post(token, report(extra))).json()) as ReportDetailAnswer).id;

    beforeAll(async () => {
      photos = (await addApiToken(t.database.orm, { name: 'apoa-photos', scope: ['19'], capabilities: ['report:create', 'report:attach'] }, CLI, now)).secret;
    });

    test('to its own report: 201 with the photo described and no personal data, the same photo again 200, written under its name', async () => {
      const id = await posted(photos, { reporterContact: '0812-1111-2222', address: 'Jl. Koba 1' });
      const added = await attach(photos, id);
      expect(added.status).toBe(201);
      const attachment = (await added.json()) as ReportAttachmentAnswer & Record<string, unknown>;
      expect(Object.keys(attachment).sort()).toEqual(['addedAt', 'addedBy', 'bytes', 'contentType', 'fileName', 'id', 'reportId', 'sha256']);
      expect(attachment).toMatchObject({ reportId: id, fileName: 'pabrik.png', contentType: 'image/png', bytes: onePixelPng().length, addedBy: 'apoa-photos' });
      expect(JSON.stringify(attachment)).not.toMatch(/kolang-kaling|0812|Jl\. Koba/);
      const again = await attach(photos, id, onePixelPng(), 'lagi.png');
      expect([again.status, ((await again.json()) as ReportAttachmentAnswer).id]).toEqual([200, attachment.id]);
      expect(await attachmentsOf(id)).toBe(1);
      const stored = await queryOne<{ actor: string; added_by: number | null }>(
        t.database.orm,
        sql`select actor, added_by from report_attachments where report_id = ${id}`,
      );
      expect(stored).toEqual({ actor: 'apoa-photos', added_by: null });
      const audit = (await readAudit(t.database.orm, { action: 'report.attachment', limit: 50 })).find((row) => row.target === `report:${id}`);
      expect(audit).toMatchObject({ actor: 'apoa-photos', areaCode: district.code });
    });

    test("to a report it did not post: an officer's, another token's, or one of a revoked token of the same name, 404 and nothing written", async () => {
      const account = await signedInAccount(t.database, 'analyst', '19', now);
      const officers = await as(app, account).request('/api/v1/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify(report()),
      });
      const officersReport = ((await officers.json()) as ReportDetailAnswer).id;
      const other = (await addApiToken(t.database.orm, { name: 'wa-photos', scope: ['19'], capabilities: ['report:create', 'report:attach'] }, CLI, now))
        .secret;
      const othersReport = await posted(other);
      // A revoked token's name given again: the new token is another channel system's, not the old one's.
      const old = (await addApiToken(t.database.orm, { name: 'sms-photos', scope: ['19'], capabilities: ['report:create', 'report:attach'] }, CLI, now)).secret;
      const oldReport = await posted(old);
      await revokeApiToken(t.database.orm, 'sms-photos', CLI, now);
      const renamed = (await addApiToken(t.database.orm, { name: 'sms-photos', scope: ['19'], capabilities: ['report:create', 'report:attach'] }, CLI, now))
        .secret;
      const missing = (await queryOne<{ id: number }>(t.database.orm, sql`select coalesce(max(id), 0) + 1000 as id from reports`))!.id;
      for (const [token, id] of [
        [photos, officersReport],
        [photos, othersReport],
        [renamed, oldReport],
        [photos, Number(missing)],
      ] as const) {
        const response = await attach(token, id);
        expect([id, response.status, ((await response.json()) as ErrorAnswer).error.code]).toEqual([id, 404, 'not_found']);
      }
      for (const id of [officersReport, othersReport, oldReport]) expect(await attachmentsOf(id)).toBe(0);
      // Its own report, as a control: the refusals above are about whose report it is.
      expect((await attach(other, othersReport)).status).toBe(201);
    });

    test('a token without report:attach is refused (403) even on the report it posted; the photos are never read by a token', async () => {
      const id = await posted(apoa);
      const refused = await attach(apoa, id);
      expect([refused.status, ((await refused.json()) as ErrorAnswer).error.code]).toEqual([403, 'forbidden']);
      expect(await attachmentsOf(id)).toBe(0);
      const own = await posted(photos);
      const attachment = (await (await attach(photos, own)).json()) as ReportAttachmentAnswer;
      for (const path of [`/api/v1/reports/${own}/attachments`, `/api/v1/reports/${own}/attachments/${attachment.id}`]) {
        const response = await app.request(path, { headers: { authorization: `Bearer ${photos}` } });
        expect([path, response.status]).toEqual([path, 403]);
      }
    });
  });

  describe('administration over the API: /admin/tokens, for admins, through the same path as the CLI', () => {
    const send = (cookie: string, method: string, path: string, body?: unknown) =>
      as(app, { cookie }).request(`/api/v1/admin/tokens${path}`, {
        method,
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    let admin: Awaited<ReturnType<typeof signedInAccount>>;
    beforeAll(async () => {
      admin = await signedInAccount(t.database, 'admin', undefined, now);
    });

    test('an admin makes a token (its secret once, no-store), sees it listed without the secret, revokes it: 401 from then on; each step audited under the admin', async () => {
      const made = await send(admin.cookie, 'POST', '', { name: 'apoa-admin', scope: ['19.04'], capabilities: ['report:create', 'report:attach'] });
      expect(made.status).toBe(201);
      expect(made.headers.get('cache-control')).toBe('no-store');
      const { token, secret } = (await made.json()) as ApiTokenCreatedAnswer;
      expect(secret).toMatch(/^pt_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
      expect(token).toMatchObject({
        name: 'apoa-admin',
        prefix: secret.slice(0, 11),
        scope: ['19.04'],
        capabilities: ['report:create', 'report:attach'],
        createdBy: admin.email,
        lastUsedAt: null,
        revokedAt: null,
      });
      // The secret works as the token it is, with the capabilities given.
      const id = ((await (await post(secret, report())).json()) as ReportDetailAnswer).id;
      const form = new FormData();
      form.set('file', new File([onePixelPng()], 'foto.png', { type: 'image/png' }));
      expect(
        (await app.request(`/api/v1/reports/${id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${secret}` }, body: form })).status,
      ).toBe(201);
      const list = await send(admin.cookie, 'GET', '');
      expect(list.status).toBe(200);
      const listed = ((await list.json()) as { items: ApiTokenAnswer[] }).items;
      expect(listed.find((item) => item.id === token.id)).toMatchObject({ name: 'apoa-admin', lastUsedAt: now.toISOString(), revokedAt: null });
      expect(JSON.stringify(listed)).not.toContain(secret.slice(12));
      expect(listed.map((item) => item.name)).toEqual(expect.arrayContaining(['apoa', 'apoa-admin']));
      const revoked = await send(admin.cookie, 'POST', `/${token.id}/revoke`);
      expect(revoked.status).toBe(200);
      expect(((await revoked.json()) as { token: ApiTokenAnswer }).token).toMatchObject({ id: token.id, revokedAt: now.toISOString() });
      expect((await post(secret, report())).status).toBe(401);
      // Revoked once: a second revocation finds no active token.
      const again = await send(admin.cookie, 'POST', `/${token.id}/revoke`);
      expect([again.status, ((await again.json()) as ErrorAnswer).error.code]).toEqual([404, 'not_found']);
      const audit = await readAudit(t.database.orm, { limit: 1000 });
      const rows = audit.filter((row) => row.target === 'token:apoa-admin' && row.details.prefix === token.prefix).map((row) => [row.action, row.actor]);
      expect(rows.sort()).toEqual([
        ['token.add', admin.email],
        ['token.revoke', admin.email],
      ]);
    });

    test('bad input is refused naming the field (400), a name an active token has 409, and nothing is written', async () => {
      const before = (await listApiTokens(t.database.orm)).length;
      const refused = async (body: unknown) => {
        const response = await send(admin.cookie, 'POST', '', body);
        const answer = (await response.json()) as ErrorAnswer;
        return [response.status, answer.error.code, (answer.error.details as Array<{ parameter: string }> | undefined)?.[0]?.parameter];
      };
      expect(await refused({ name: 'APOA', scope: ['19'], capabilities: ['report:create'] })).toEqual([400, 'invalid_parameter', 'name']);
      expect(await refused({ name: 'x', scope: ['19.04.01'], capabilities: ['report:create'] })).toEqual([400, 'invalid_parameter', 'scope']);
      expect(await refused({ name: 'x', scope: ['19.99'], capabilities: ['report:create'] })).toEqual([400, 'invalid_parameter', 'scope']);
      expect(await refused({ name: 'x', scope: ['19'], capabilities: ['report:attach'] })).toEqual([400, 'invalid_parameter', 'capabilities']);
      expect(await refused({ name: 'x', scope: ['19'], capabilities: ['users:manage'] })).toEqual([400, 'invalid_parameter', 'capabilities.0']);
      expect(await refused({ name: 'apoa', scope: ['19'], capabilities: ['report:create'] })).toEqual([409, 'conflict', 'name']);
      expect((await listApiTokens(t.database.orm)).length).toBe(before);
    });

    test('roles other than admin, and API tokens, are refused (403) and the tokens unchanged', async () => {
      const head = await signedInAccount(t.database, 'division_head', '19', now);
      const [apoaToken] = (await listApiTokens(t.database.orm)).filter((token) => token.name === 'apoa' && token.revokedAt === null);
      for (const [method, path] of [
        ['GET', ''],
        ['POST', ''],
        ['POST', `/${apoaToken!.id}/revoke`],
      ] as const) {
        const response = await send(
          head.cookie,
          method,
          path,
          method === 'POST' ? { name: 'dari-kadiv', scope: ['19'], capabilities: ['report:create'] } : undefined,
        );
        expect([method, path, response.status]).toEqual([method, path, 403]);
      }
      const byToken = await app.request(`/api/v1/admin/tokens/${apoaToken!.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${apoa}` } });
      expect(byToken.status).toBe(403);
      expect((await listApiTokens(t.database.orm)).find((token) => token.id === apoaToken!.id)!.revokedAt).toBeNull();
      expect((await listApiTokens(t.database.orm)).some((token) => token.name === 'dari-kadiv')).toBe(false);
    });
  });

  test('every other route of the API document, the tiles and the public paths answer 403 to a token, and the refusals are audited', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const calls: Array<[string, string]> = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        if (method === 'post' && path === '/reports') continue;
        calls.push([method.toUpperCase(), `/api/v1${path.replace(/\{[^}]+\}/g, '1')}`]);
      }
    }
    // The document lists the routes of every resource: reads, writes and user data among them.
    expect(calls.length).toBeGreaterThan(40);
    expect(calls).toEqual(
      expect.arrayContaining([
        ['GET', '/api/v1/users'],
        ['GET', '/api/v1/reports/1'],
        ['PATCH', '/api/v1/reports/1'],
        ['GET', '/api/v1/auth/me'],
      ]),
    );
    calls.push(['GET', '/api/v1/openapi.json'], ['GET', '/tiles/provinces.json'], ['GET', '/tiles/reports/10/813/525.pbf'], ['GET', '/api/v1/no-such-route']);
    const statuses: Record<string, string> = {};
    for (const [method, path] of calls) {
      const response = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${apoa}`, 'content-type': 'application/json' },
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }),
      });
      expect(response.headers.get('set-cookie')).toBeNull();
      statuses[`${method} ${path}`] = `${response.status} ${((await response.json()) as ErrorAnswer).error.code}`;
    }
    expect(Object.entries(statuses).filter(([, status]) => status !== '403 forbidden')).toEqual([]);
    const refusals = await readAudit(t.database.orm, { action: 'token.refused', limit: 1000 });
    expect(refusals.find((row) => row.target === 'GET /api/v1/users')).toMatchObject({ actor: 'apoa' });
  });

  test("a token reads no user data: not the report it posted, not its history, not the accounts, not the caller's session", async () => {
    const created = (await (await post(apoa, report())).json()) as ReportDetailAnswer;
    for (const path of [`/api/v1/reports/${created.id}`, `/api/v1/reports/${created.id}/history`, '/api/v1/users', '/api/v1/auth/me', '/api/v1/reports']) {
      const response = await app.request(path, { headers: { authorization: `Bearer ${apoa}` } });
      expect([path, response.status]).toEqual([path, 403]);
    }
    // Nor may it triage what it posted.
    const triage = await app.request(`/api/v1/reports/${created.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${apoa}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'verified' }),
    });
    expect(triage.status).toBe(403);
    const status = await queryOne<{ status: string }>(t.database.orm, sql`select status from reports where id = ${created.id}`);
    expect(status!.status).toBe('new');
  });

  test('an unknown, revoked or malformed token is refused with 401, and a revoked name may be given to a new token', async () => {
    const { secret } = await addApiToken(t.database.orm, { name: 'wa-gateway', scope: ['19.04'], capabilities: ['report:create'] }, CLI, now);
    expect((await post(secret, report())).status).toBe(201);
    await revokeApiToken(t.database.orm, 'wa-gateway', CLI, now);
    const revoked = await post(secret, report());
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as ErrorAnswer).error.code).toBe('unauthenticated');
    // Well-formed but never issued: another id part, or the right id part with another secret.
    const forged = `${secret.slice(0, 12)}${'A'.repeat(43)}`;
    for (const token of ['pt_0badc0de_' + 'x'.repeat(43), forged, 'pt_short']) expect([token, (await post(token, report())).status]).toEqual([token, 401]);
    const again = await addApiToken(t.database.orm, { name: 'wa-gateway', scope: ['19.04'], capabilities: ['report:create'] }, CLI, now);
    expect((await post(again.secret, report())).status).toBe(201);
  });

  test('the 61st request of a token within a minute answers 429 with Retry-After; other tokens and the next minute go on', async () => {
    // The real limiter with its default (PANTAU_TOKEN_RATE_LIMIT unset: 60 a minute).
    const limited = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    const { secret } = await addApiToken(t.database.orm, { name: 'apoa-burst', scope: ['19'], capabilities: ['report:create'] }, CLI, now);
    const send = (token: string) =>
      limited.request('/api/v1/reports', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(report({ externalId: 'apoa-burst-1' })),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await send(secret)).status);
      now = new Date(now.getTime() + 500);
    }
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1).every((status) => status === 200)).toBe(true);
    const over = await send(secret);
    expect(over.status).toBe(429);
    expect(((await over.json()) as ErrorAnswer).error.code).toBe('rate_limited');
    // The first request leaves the window 60 s after it was made; 30 s of the minute have passed.
    expect(over.headers.get('retry-after')).toBe('30');
    expect((await send(apoa)).status).toBe(200);
    now = new Date(now.getTime() + 30_000);
    expect((await send(secret)).status).toBe(200);
  });

  test('only the hash of a token is stored: the table, the audit trail and the list never hold the secret', async () => {
    const { secret, token } = await addApiToken(t.database.orm, { name: 'hash-check', scope: ['19.04', '19.71'], capabilities: ['report:create'] }, CLI, now);
    expect(secret).toMatch(/^pt_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(token.prefix).toBe(secret.slice(0, 11));
    const row = await queryOne<Record<string, unknown>>(t.database.orm, sql`select * from api_tokens where name = 'hash-check'`);
    expect(row!.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const secretPart = secret.slice(12);
    expect(JSON.stringify(row)).not.toContain(secretPart);
    const everything = await queryOne<{ text: string }>(
      t.database.orm,
      sql`select (select coalesce(string_agg(a::text, ' '), '') from api_tokens a) || (select coalesce(string_agg(l::text, ' '), '') from audit_log l) as text`,
    );
    expect(everything!.text).not.toContain(secretPart);
    expect(JSON.stringify(await listApiTokens(t.database.orm))).not.toContain(secretPart);
    // The scoped application role cannot read the table at all.
    await expect(withScope(t.database.orm, null, (tx) => queryRows(tx, sql`select count(*) from api_tokens`))).rejects.toThrow();
  });

  test('cookie sessions keep working beside tokens, and a session token still works as a bearer token', async () => {
    const account = await signedInAccount(t.database, 'analyst', '19', now);
    const analyst = as(app, account);
    const created = await analyst.request('/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(report()),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as ReportDetailAnswer).id;
    expect((await analyst.request(`/api/v1/reports/${id}`)).status).toBe(200);
    const sessionToken = account.cookie.slice('pantau_session='.length);
    expect((await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${sessionToken}` } })).status).toBe(200);
    const history = await queryRows<{ actor: string; changed_by: number | null }>(
      t.database.orm,
      sql`select actor, changed_by from report_status_changes where report_id = ${id}`,
    );
    expect(history[0]!.actor).toBe(account.email);
    expect(history[0]!.changed_by).not.toBeNull();
  });
});
