// Signing in and out, sessions, rate limits, the audit trail, and the database's own wall (RLS).
import { randomBytes } from 'node:crypto';
import { addUser, readAudit, updateUser } from '@pantau/data';
import { queryOne, queryRows, sql, withScope } from '@pantau/db';
import { SESSION_IDLE_MS } from '@pantau/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { signedInAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';

describe.each(testBackends())('accounts and sessions on %s', (backend) => {
  let t: TestDatabase;
  let now = new Date('2024-06-13T03:00:00Z');
  const clock = { now: () => now };
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: true, logLevel: 'warn' }, clock, log: () => {} });
  });
  afterAll(async () => { await t?.dispose(); });

  const signIn = (email: string, password: string, address = '10.0.0.1') => app.request('/api/v1/auth/sign-in', {
    method: 'POST', body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': address },
  });
  const cookieOf = (response: Response) => /pantau_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const me = (cookie: string) => app.request('/api/v1/auth/me', { headers: { cookie } });
  const newAccount = async (role: 'admin' | 'analyst' = 'analyst') => {
    const email = `user-${randomBytes(4).toString('hex')}@test.pantau.id`;
    const password = 'correct horse battery';
    await addUser(t.database.orm, { email, role, password, scope: role === 'admin' ? undefined : ['19.04'] });
    return { email, password };
  };

  test('sign-in sets an HttpOnly SameSite=Lax cookie holding an opaque token the database keeps only hashed', async () => {
    const { email, password } = await newAccount();
    const response = await signIn(email, password);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/); // served from localhost in this test
    const token = /pantau_session=([^;]+)/.exec(setCookie)![1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await queryRows<{ token_hash: string }>(t.database.orm, sql`select token_hash from sessions`);
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    const body = await (await me(`pantau_session=${token}`)).json() as { user: { email: string; scope: { areaCodes: string[] } }; permissions: { personalData: boolean } };
    expect(body.user.email).toBe(email);
    expect(body.user.scope.areaCodes).toEqual(['19.04']);
    expect(body.permissions.personalData).toBe(true);
  });

  test('the cookie is Secure when the app is served over HTTPS', async () => {
    const { email, password } = await newAccount();
    const response = await app.request('https://pantau.example.go.id/api/v1/auth/sign-in', {
      method: 'POST', body: JSON.stringify({ email, password }), headers: { 'content-type': 'application/json', origin: 'https://pantau.example.go.id' },
    });
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(response.headers.get('strict-transport-security')!)![1])).toBeGreaterThanOrEqual(31_536_000);
  });

  test('a wrong password and an unknown account get the same 401; both are audited, the password never', async () => {
    const { email } = await newAccount();
    const wrong = await signIn(email, 'not the password', '10.0.0.2');
    const unknown = await signIn(`nobody-${email}`, 'not the password', '10.0.0.2');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const audit = await readAudit(t.database.orm, { action: 'sign_in.failed', limit: 10 });
    expect(audit.some((row) => row.actor === email)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('not the password');
  });

  test('a disabled account cannot sign in, and its open sessions end', async () => {
    const { email, password } = await newAccount();
    const cookie = cookieOf(await signIn(email, password));
    expect((await me(cookie)).status).toBe(200);
    await updateUser(t.database.orm, email, { disabled: true });
    expect((await me(cookie)).status).toBe(401);
    const response = await signIn(email, password);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'account_disabled' } });
  });

  test('sessions end after the idle time and are refused afterwards', async () => {
    const { email, password } = await newAccount();
    const cookie = cookieOf(await signIn(email, password));
    now = new Date(now.getTime() + SESSION_IDLE_MS + 60_000);
    try {
      const response = await me(cookie);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    } finally {
      now = new Date('2024-06-13T03:00:00Z');
    }
  });

  test('five wrong passwords lock the account for the window, with Retry-After and "try again in N s"', async () => {
    const { email, password } = await newAccount();
    for (let i = 0; i < 5; i++) expect((await signIn(email, 'wrong password!', `10.1.0.${i}`)).status).toBe(401);
    const locked = await signIn(email, password, '10.1.0.99');
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toContain(`Try again in ${retryAfter} s`);
    now = new Date(now.getTime() + retryAfter * 1000 + 1000);
    try {
      expect((await signIn(email, password, '10.1.0.99')).status).toBe(200);
    } finally {
      now = new Date('2024-06-13T03:00:00Z');
    }
  });

  test('twenty failures from one address lock that address for every account', async () => {
    for (let i = 0; i < 20; i++) await signIn(`someone-${i}@test.pantau.id`, 'wrong password!', '10.2.0.1');
    const { email, password } = await newAccount();
    expect((await signIn(email, password, '10.2.0.1')).status).toBe(429);
    expect((await signIn(email, password, '10.2.0.2')).status).toBe(200);
  });

  test('sign-out ends this session; sign-out everywhere ends them all', async () => {
    const { email, password } = await newAccount();
    const a = cookieOf(await signIn(email, password));
    const b = cookieOf(await signIn(email, password));
    const c = cookieOf(await signIn(email, password));
    const post = (path: string, cookie: string) => app.request(path, { method: 'POST', headers: { cookie, origin: 'http://localhost' } });
    expect((await post('/api/v1/auth/sign-out', a)).status).toBe(204);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(200);
    expect((await post('/api/v1/auth/sign-out-everywhere', b)).status).toBe(204);
    expect((await me(b)).status).toBe(401);
    expect((await me(c)).status).toBe(401);
  });

  test('a cookie-authenticated write from another site is refused; a plain form body is refused', async () => {
    const { email, password } = await newAccount('admin');
    const cookie = cookieOf(await signIn(email, password));
    const crossSite = await app.request('/api/v1/auth/sign-out', { method: 'POST', headers: { cookie, origin: 'https://evil.example.com' } });
    expect(crossSite.status).toBe(403);
    const form = await app.request('/api/v1/users', { method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=x@y.z&role=admin' });
    expect(form.status).toBe(415);
    expect((await me(cookie)).status).toBe(200);
  });

  test('security headers: CSP without other hosts, frame-ancestors none, nosniff; no stack, SQL or path in errors', async () => {
    const response = await app.request('/api/v1/health');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('worker-src');
    expect(csp).not.toMatch(/https?:\/\//);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const big = await app.request('/api/v1/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ email: 'x'.repeat(2_000_000), password: 'y' }) });
    expect(big.status).toBe(413);
  });

  test('a fuzz of session cookies and headers never yields a 500', async () => {
    await fc.assert(fc.asyncProperty(
      fc.string({ maxLength: 80 }), fc.string({ maxLength: 60 }), fc.constantFrom('/api/v1/auth/me', '/api/v1/meta', '/tiles/regencies/8/203/129.mvt', '/api/v1/users'),
      async (token, authorization, path) => {
        const headers = new Headers();
        try { headers.set('cookie', `pantau_session=${token}`); } catch { /* not a valid header value: nothing to send */ }
        try { headers.set('authorization', authorization); } catch { /* likewise */ }
        const response = await app.request(path, { headers });
        expect(response.status).toBe(401);
        const body = await response.json() as { error: { code: string; message: string } };
        expect(body.error.code).toBe('unauthenticated');
      },
    ), { numRuns: 60 });
  });

  test('each personal-data read (permit export) adds exactly one audit row; a refused one adds none', async () => {
    const analyst = await signedInAccount(t.database, 'analyst', '19.04', now);
    const viewer = await signedInAccount(t.database, 'agency_member', '19.04', now);
    const count = async () => Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from audit_log where action = 'export.permits'`))!.n);
    const before = await count();
    const ok = await app.request('/api/v1/exports/permits.csv?area=19.04&asOf=2024-06-13', { headers: { cookie: analyst.cookie } });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    expect(await count()).toBe(before + 1);
    const refused = await app.request('/api/v1/exports/permits.csv?area=19.04&asOf=2024-06-13', { headers: { cookie: viewer.cookie } });
    expect(refused.status).toBe(403);
    const outside = await app.request('/api/v1/exports/permits.csv?area=31.71&asOf=2024-06-13', { headers: { cookie: analyst.cookie } });
    expect(outside.status).toBe(404);
    expect(await count()).toBe(before + 1);
    const [row] = await readAudit(t.database.orm, { action: 'export.permits', limit: 1 });
    expect(row).toMatchObject({ actor: analyst.email, areaCode: '19.04' });
    expect(row!.requestId).toBeTruthy();
  });

  test('an analyst imports only rows inside the work area; the import and its rollback are audited with the analyst', async () => {
    const analyst = await signedInAccount(t.database, 'analyst', '19.04', now);
    const form = new FormData();
    form.set('kind', 'permits');
    form.set('file', new File(['No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten\n'
      + 'SCOPE-001;KITAS;A;Tiongkok;13/06/2024;13/06/2025;Bangka Tengah\nSCOPE-002;KITAS;B;Tiongkok;13/06/2024;13/06/2025;Kota Jakarta Pusat\n'], 'scope.csv', { type: 'text/csv' }));
    const started = await app.request('/api/v1/imports', { method: 'POST', body: form, headers: { cookie: analyst.cookie, origin: 'http://localhost' } });
    expect(started.status).toBe(202);
    const { id } = await started.json() as { id: string };
    let job: Record<string, any> = {};
    for (let i = 0; i < 200 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await (await app.request(`/api/v1/imports/${id}`, { headers: { cookie: analyst.cookie } })).json() as Record<string, any>;
    }
    expect(job).toMatchObject({ status: 'done', report: { imported: 1, rejected: 1, issues: [{ row: 3, field: 'area', value: '31.71' }] } });
    // Someone else's job answers like an unknown one.
    const other = await signedInAccount(t.database, 'analyst', '19.04', now);
    expect((await app.request(`/api/v1/imports/${id}`, { headers: { cookie: other.cookie } })).status).toBe(404);
    const batchId = job.report.batchId as string;
    const rollback = await app.request(`/api/v1/imports/${batchId}/rollback`, { method: 'POST', headers: { cookie: analyst.cookie, origin: 'http://localhost' } });
    expect(rollback.status).toBe(200);
    const audit = await readAudit(t.database.orm, { limit: 20 });
    expect(audit.find((row) => row.action === 'import' && row.target === `permits:${batchId}`)).toMatchObject({ actor: analyst.email });
    expect(audit.find((row) => row.action === 'import.rollback' && row.target === batchId)).toMatchObject({ actor: analyst.email });
  });

  test('the audit trail is append-only, even for the owner', async () => {
    await expect(t.database.orm.execute(sql`update audit_log set actor = 'someone else'`)).rejects.toThrow();
    await expect(t.database.orm.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  test('row-level security: the application role without a scope sees no rows; with one, only its rows', async () => {
    const none = await t.database.orm.transaction(async (tx) => {
      await tx.execute(sql`set local role pantau_app`);
      return queryOne<{ permits: number; sites: number; reports: number; operations: number }>(tx, sql`
        select (select count(*)::int from permits) as permits, (select count(*)::int from company_sites) as sites,
               (select count(*)::int from reports) as reports, (select count(*)::int from operations) as operations`);
    });
    expect(none).toEqual({ permits: 0, sites: 0, reports: 0, operations: 0 });
    // A query that forgot its WHERE still sees only the scope.
    const regencies = await withScope(t.database.orm, { areaCodes: ['19.04'] }, (tx) => queryRows<{ regency_code: string }>(tx, sql`select distinct regency_code from permits`));
    expect(regencies.map((r) => r.regency_code)).toEqual(['19.04']);
    const national = await withScope(t.database.orm, null, (tx) => queryOne<{ n: number }>(tx, sql`select count(distinct province_code)::int as n from permits`));
    expect(national!.n).toBeGreaterThan(30);
    // The application role cannot read credentials nor rewrite the audit trail.
    await expect(withScope(t.database.orm, null, (tx) => tx.execute(sql`select * from users`))).rejects.toThrow();
    await expect(withScope(t.database.orm, null, (tx) => tx.execute(sql`delete from audit_log`))).rejects.toThrow();
  });
});
