// Signing in and out, sessions, rate limits, the audit trail, and the database's own wall (RLS).
import { randomBytes } from 'node:crypto';
import { addUser, readAudit, updateUser } from '@pantau/data';
import { queryOne, queryRows, sql, withScope } from '@pantau/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { signedInAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';
import { SESSION_CACHE_TTL_MS } from './auth/session-cache.js';

describe.each(testBackends())('accounts and sessions on %s', (backend) => {
  let t: TestDatabase;
  let now = new Date('2024-06-13T03:00:00Z');
  const clock = { now: () => now };
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: true, logLevel: 'warn' }, clock, log: () => {} });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const signIn = (email: string, password: string, address = '10.0.0.1') =>
    app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': address },
    });
  const cookieOf = (response: Response) => /(?:__Host-)?pantau_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
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
    const body = (await (await me(`pantau_session=${token}`)).json()) as {
      user: { email: string; scope: { areaCodes: string[] } };
      permissions: { personalData: boolean };
    };
    expect(body.user.email).toBe(email);
    expect(body.user.scope.areaCodes).toEqual(['19.04']);
    expect(body.permissions.personalData).toBe(true);
  });

  test('the cookie is Secure when the app is served over HTTPS', async () => {
    const { email, password } = await newAccount();
    const response = await app.request('https://pantau.example.go.id/api/v1/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
      headers: { 'content-type': 'application/json', origin: 'https://pantau.example.go.id' },
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
    // Disabled from the command line (another process): seen once this instance's session cache entry
    // expires (through the API it is at once: session-cache.int.test.ts).
    await updateUser(t.database.orm, email, { disabled: true });
    expect((await at(new Date(now.getTime() + SESSION_CACHE_TTL_MS + 1), () => me(cookie))).status).toBe(401);
    expect((await me(cookie)).status).toBe(401);
    const response = await signIn(email, password);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'account_disabled' } });
  });

  const at = async <T>(moment: Date, run: () => T | Promise<T>): Promise<T> => {
    now = moment;
    try {
      return await run();
    } finally {
      now = new Date('2024-06-13T03:00:00Z');
    }
  };
  const minutes = (n: number) => new Date(new Date('2024-06-13T03:00:00Z').getTime() + n * 60_000);

  test('a session idle for 31 minutes ends (ASVS L2: 30 minutes idle) and is refused afterwards', async () => {
    const { email, password } = await newAccount();
    const cookie = cookieOf(await signIn(email, password));
    const response = await at(minutes(31), () => me(cookie));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await me(cookie)).status).toBe(401);
  });

  test('a session used every 20 minutes still ends 12 hours after sign-in, and its cookie says so', async () => {
    const { email, password } = await newAccount();
    const response = await signIn(email, password);
    expect(Number(/Max-Age=(\d+)/i.exec(response.headers.get('set-cookie')!)![1])).toBe(12 * 60 * 60);
    const cookie = cookieOf(response);
    for (let minute = 20; minute < 12 * 60; minute += 20) expect((await at(minutes(minute), () => me(cookie))).status).toBe(200);
    expect((await at(minutes(12 * 60 + 1), () => me(cookie))).status).toBe(401);
  });

  test('the idle and absolute times follow the configuration', async () => {
    const patient = createApp({
      database: t.database,
      config: { trustProxy: true, logLevel: 'warn', session: { idleMs: 90 * 60_000, absoluteMs: 2 * 60 * 60_000 } },
      clock,
      log: () => {},
    });
    const { email, password } = await newAccount();
    const signedIn = await patient.request('/api/v1/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '10.9.0.1' },
    });
    expect(Number(/Max-Age=(\d+)/i.exec(signedIn.headers.get('set-cookie')!)![1])).toBe(2 * 60 * 60);
    const cookie = cookieOf(signedIn);
    expect((await at(minutes(80), () => patient.request('/api/v1/auth/me', { headers: { cookie } }))).status).toBe(200);
    expect((await at(minutes(121), () => patient.request('/api/v1/auth/me', { headers: { cookie } }))).status).toBe(401);
  });

  test('five wrong passwords from address A throttle A only: the right password from address B still signs in; the throttle is audited', async () => {
    const { email, password } = await newAccount();
    for (let i = 0; i < 5; i++) expect((await signIn(email, 'wrong password!', '10.1.0.1')).status).toBe(401);
    const throttled = await signIn(email, password, '10.1.0.1');
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(((await throttled.json()) as { error: { message: string } }).error.message).toContain(`Try again in ${retryAfter} s`);
    expect((await signIn(email, password, '10.1.0.2')).status).toBe(200);
    const audit = await readAudit(t.database.orm, { action: 'sign_in.throttled', limit: 50 });
    const row = audit.find((r) => r.actor === email);
    expect(row).toBeDefined();
    expect(row!.details).toMatchObject({ rule: 'account_address', address: '10.1.0.1', failures: 5, retryAfterSeconds: retryAfter });
    // The throttle lifts when its time is up.
    expect((await at(new Date(now.getTime() + retryAfter * 1000 + 1000), () => signIn(email, password, '10.1.0.1'))).status).toBe(200);
  });

  test('each further failure from the same address doubles the wait', async () => {
    const { email } = await newAccount();
    for (let i = 0; i < 5; i++) await signIn(email, 'wrong password!', '10.1.1.1');
    const first = Number((await signIn(email, 'wrong password!', '10.1.1.1')).headers.get('retry-after'));
    const later = minutes(first / 60 + 1);
    const second = await at(later, async () => {
      expect((await signIn(email, 'wrong password!', '10.1.1.1')).status).toBe(401);
      return Number((await signIn(email, 'wrong password!', '10.1.1.1')).headers.get('retry-after'));
    });
    expect(second).toBe(first * 2);
  });

  test('one address cannot lock a known admin out: after many guesses it is throttled, the admin elsewhere signs in', async () => {
    const { email, password } = await newAccount('admin');
    let refused = 0;
    for (let minute = 0; minute < 60; minute += 1) {
      const status = (await at(minutes(minute), () => signIn(email, `guess ${minute}!`, '10.1.2.1'))).status;
      if (status === 429) refused++;
    }
    expect(refused).toBeGreaterThan(40);
    expect((await at(minutes(60), () => signIn(email, password, '10.1.2.2'))).status).toBe(200);
  });

  test('fifty failures on one account from many addresses only slow it: a few seconds, then the right password works', async () => {
    const { email, password } = await newAccount();
    for (let i = 0; i < 50; i++) expect((await signIn(email, 'wrong password!', `10.3.${Math.floor(i / 4)}.${i % 4}`)).status).toBe(401);
    const slowed = await signIn(email, password, '10.3.99.1');
    expect(slowed.status).toBe(429);
    const retryAfter = Number(slowed.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const audit = await readAudit(t.database.orm, { action: 'sign_in.throttled', limit: 50 });
    expect(audit.find((r) => r.actor === email)?.details).toMatchObject({ rule: 'account', failures: 50 });
    expect((await at(new Date(now.getTime() + retryAfter * 1000 + 1000), () => signIn(email, password, '10.3.99.1'))).status).toBe(200);
  });

  test('requests whose address cannot be read do not share one throttle bucket', async () => {
    const { email, password } = await newAccount();
    const lines: string[] = [];
    const direct = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: (line) => lines.push(line) });
    // app.request() has no socket: no address at all.
    const post = (body: object) =>
      direct.request('/api/v1/auth/sign-in', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      });
    for (let i = 0; i < 25; i++) expect((await post({ email: `spray-${i}@test.pantau.id`, password: 'wrong password!' })).status).toBe(401);
    expect((await post({ email, password })).status).toBe(200);
    expect(lines.some((line) => /client address/i.test(line))).toBe(true);
    const failures = await queryRows<{ address: string }>(t.database.orm, sql`select address from sign_in_failures where email like 'spray-%'`);
    expect(new Set(failures.map((f) => f.address)).size).toBe(25);
    expect(failures.every((f) => f.address.startsWith('unreadable:'))).toBe(true);
  });

  test('twenty failures from one address lock that address for every account', async () => {
    for (let i = 0; i < 20; i++) await signIn(`someone-${i}@test.pantau.id`, 'wrong password!', '10.2.0.1');
    const { email, password } = await newAccount();
    expect((await signIn(email, password, '10.2.0.1')).status).toBe(429);
    expect((await signIn(email, password, '10.2.0.2')).status).toBe(200);
  });

  test('accounts carry an agency: set by the admin, shown by /auth/me, an unknown one refused naming the field, the change audited', async () => {
    const { email: adminEmail, password: adminPassword } = await newAccount('admin');
    const adminCookie = cookieOf(await signIn(adminEmail, adminPassword));
    const send = (method: string, path: string, body: unknown) =>
      app.request(path, {
        method,
        body: JSON.stringify(body),
        headers: { cookie: adminCookie, origin: 'http://localhost', 'content-type': 'application/json' },
      });
    const email = `polres-${randomBytes(4).toString('hex')}@test.pantau.id`;
    const added = await send('POST', '/api/v1/users', { email, role: 'agency_member', scope: ['19.04'], agency: 'polri', password: 'correct horse battery' });
    expect(added.status).toBe(201);
    const { user } = (await added.json()) as { user: { id: number; agency: string } };
    expect(user.agency).toBe('polri');
    expect(((await (await me(cookieOf(await signIn(email, 'correct horse battery')))).json()) as { user: { agency: string } }).user.agency).toBe('polri');
    const refused = await send('PATCH', `/api/v1/users/${user.id}`, { agency: 'cia' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('agency');
    const changed = await send('PATCH', `/api/v1/users/${user.id}`, { agency: 'disnaker' });
    expect(((await changed.json()) as { user: { agency: string } }).user.agency).toBe('disnaker');
    const audit = await readAudit(t.database.orm, { action: 'user.change', limit: 20 });
    expect(audit.find((row) => row.target === email)?.details).toMatchObject({ agency: 'disnaker' });
    // Accounts made without one (the CLI's default) work for the immigration office that runs Pantau.
    const plain = await newAccount();
    expect(((await (await me(cookieOf(await signIn(plain.email, plain.password)))).json()) as { user: { agency: string } }).user.agency).toBe('imigrasi');
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
    const form = await app.request('/api/v1/users', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=x@y.z&role=admin',
    });
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
    const big = await app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email: 'x'.repeat(2_000_000), password: 'y' }),
    });
    expect(big.status).toBe(413);
  });

  test('a malformed Authorization header is a 401 and never falls back to the session cookie', async () => {
    const { email, password } = await newAccount('admin');
    const cookie = cookieOf(await signIn(email, password));
    for (const authorization of ['Bearer a b', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a, Bearer b', 'bearer  ']) {
      const write = await app.request('/api/v1/auth/sign-out-everywhere', {
        method: 'POST',
        headers: { cookie, authorization, origin: 'https://evil.example' },
      });
      expect(write.status).toBe(401);
      expect(await write.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      expect((await app.request('/api/v1/auth/me', { headers: { cookie, authorization } })).status).toBe(401);
    }
    // A well-formed bearer token that is not a session does not fall back to the cookie either.
    expect((await app.request('/api/v1/auth/me', { headers: { cookie, authorization: `Bearer ${'A'.repeat(43)}` } })).status).toBe(401);
    expect((await me(cookie)).status).toBe(200);
    // The real token as a bearer token works, without the origin check (no browser sends it on its own).
    const token = cookie.slice(cookie.indexOf('=') + 1);
    expect((await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  test('a briefing cannot be created cross-site with a malformed bearer header beside the cookie', async () => {
    const { email, password } = await newAccount('admin');
    const cookie = cookieOf(await signIn(email, password));
    const created = await app.request('/api/v1/briefings', {
      method: 'POST',
      headers: { cookie, authorization: 'Bearer a b', origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', areaCode: '19.04', slides: [] }),
    });
    expect(created.status).toBe(401);
  });

  test('over HTTPS the cookie is __Host-pantau_session (Secure, Path=/, no Domain); the plain name is not read there', async () => {
    const { email, password } = await newAccount();
    const response = await app.request('https://pantau.example.go.id/api/v1/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
      headers: { 'content-type': 'application/json', origin: 'https://pantau.example.go.id' },
    });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-pantau_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    const token = /__Host-pantau_session=([^;]+)/.exec(setCookie)![1]!;
    expect((await app.request('https://pantau.example.go.id/api/v1/auth/me', { headers: { cookie: `__Host-pantau_session=${token}` } })).status).toBe(200);
    expect((await app.request('https://pantau.example.go.id/api/v1/auth/me', { headers: { cookie: `pantau_session=${token}` } })).status).toBe(401);
    // Behind a trusted proxy that terminates HTTPS the same applies.
    const proxied = await app.request('http://10.0.0.5:8787/api/v1/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
      headers: {
        'content-type': 'application/json',
        origin: 'https://pantau.example.go.id',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'pantau.example.go.id',
        'x-forwarded-for': '10.0.0.7',
      },
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/^__Host-pantau_session=.*; Secure/);
    // On plain http://localhost the prefix cannot be used (it needs Secure): the plain name.
    expect((await signIn(email, password)).headers.get('set-cookie')).toMatch(/^pantau_session=/);
  });

  test('Permissions-Policy turns off camera, microphone, geolocation, payment and USB', async () => {
    const policy = (await app.request('/api/v1/health')).headers.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy).toContain(`${feature}=()`);
  });

  test('a user changes their password: the current one is checked, other sessions end, this one stays, it is audited', async () => {
    const { email, password } = await newAccount();
    const here = cookieOf(await signIn(email, password, '10.4.0.1'));
    const elsewhere = cookieOf(await signIn(email, password, '10.4.0.2'));
    const change = (body: object, cookie = here) =>
      app.request('/api/v1/auth/change-password', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '10.4.0.1' },
      });
    const wrong = await change({ currentPassword: 'not the password', newPassword: 'a new and long secret' });
    // 400 naming the field, not 401: the session is fine, and a 401 would tell the app it was signed out.
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid_parameter', details: [{ parameter: 'currentPassword' }] } });
    const short = await change({ currentPassword: password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { code: 'invalid_parameter', details: [{ parameter: 'newPassword' }] } });
    expect((await change({ currentPassword: password, newPassword: 'aaaaaaaaaaaa' })).status).toBe(400);
    expect((await change({ currentPassword: password, newPassword: email })).status).toBe(400);
    expect((await me(elsewhere)).status).toBe(200);
    const changed = await change({ currentPassword: password, newPassword: 'a new and long secret' });
    expect(changed.status).toBe(204);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await signIn(email, password, '10.4.0.3')).status).toBe(401);
    expect((await signIn(email, 'a new and long secret', '10.4.0.3')).status).toBe(200);
    const audit = await readAudit(t.database.orm, { action: 'user.change_password', limit: 20 });
    expect(audit.find((r) => r.actor === email)).toMatchObject({ target: email });
    expect(JSON.stringify(audit)).not.toContain('a new and long secret');
  });

  test('guessing the current password on the change form is throttled like sign-in', async () => {
    const { email, password } = await newAccount();
    const cookie = cookieOf(await signIn(email, password, '10.5.0.1'));
    const change = (currentPassword: string) =>
      app.request('/api/v1/auth/change-password', {
        method: 'POST',
        body: JSON.stringify({ currentPassword, newPassword: 'a new and long secret' }),
        headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '10.5.0.1' },
      });
    for (let i = 0; i < 5; i++) expect((await change(`guess ${i} of it`)).status).toBe(400);
    expect((await change(password)).status).toBe(429);
  });

  test('a stored password hash that cannot be checked is a logged 500, not a wrong password that counts towards a throttle', async () => {
    const { email, password } = await newAccount();
    const lines: string[] = [];
    const logged = createApp({ database: t.database, config: { trustProxy: true, logLevel: 'warn' }, clock, log: (line) => lines.push(line) });
    const post = (path: string, body: object, headers: Record<string, string> = {}) =>
      logged.request(`/api/v1/auth/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '10.6.0.1', ...headers },
      });
    const cookie = cookieOf(await post('sign-in', { email, password }));
    expect(cookie).not.toBe('');
    const [user] = await queryRows<{ id: number; password_hash: string }>(t.database.orm, sql`select id, password_hash from users where email = ${email}`);
    const damaged = user!.password_hash.slice(0, 40);
    await queryRows(t.database.orm, sql`update users set password_hash = ${damaged} where id = ${user!.id}`);

    for (const response of [
      await post('sign-in', { email, password }),
      await post('change-password', { currentPassword: password, newPassword: 'a new and long secret' }, { cookie }),
    ]) {
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('internal_error');
      expect(body.error.message).not.toMatch(/hash|argon/i);
      expect(lines.some((line) => line.startsWith(`[${body.error.requestId}] PasswordHashError`) && line.includes(`user ${user!.id}`))).toBe(true);
    }
    expect(lines.join('\n')).not.toContain(damaged);
    // Not a failed guess: nothing counts towards the account's or the address's throttle.
    const failures = await queryRows<{ n: number }>(t.database.orm, sql`select count(*)::int as n from sign_in_failures where email = ${email}`);
    expect(failures[0]!.n).toBe(0);
  });

  test('a fuzz of session cookies and headers never yields a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 80 }),
        fc.string({ maxLength: 60 }),
        fc.constantFrom('/api/v1/auth/me', '/api/v1/meta', '/tiles/regencies/8/203/129.mvt', '/api/v1/users'),
        async (token, authorization, path) => {
          const headers = new Headers();
          try {
            headers.set('cookie', `pantau_session=${token}`);
          } catch {
            /* not a valid header value: nothing to send */
          }
          try {
            headers.set('authorization', authorization);
          } catch {
            /* likewise */
          }
          const response = await app.request(path, { headers });
          expect(response.status).toBe(401);
          const body = (await response.json()) as { error: { code: string; message: string } };
          expect(body.error.code).toBe('unauthenticated');
        },
      ),
      { numRuns: 60 },
    );
  });

  test('each personal-data read (permit export) adds exactly one audit row; a refused one adds none', async () => {
    const analyst = await signedInAccount(t.database, 'analyst', '19.04', now);
    const viewer = await signedInAccount(t.database, 'agency_member', '19.04', now);
    const count = async () =>
      Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from audit_log where action = 'export.permits'`))!.n);
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
    form.set(
      'file',
      new File(
        [
          'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten\n' +
            'SCOPE-001;KITAS;A;Tiongkok;13/06/2024;13/06/2025;Bangka Tengah\nSCOPE-002;KITAS;B;Tiongkok;13/06/2024;13/06/2025;Kota Jakarta Pusat\n',
        ],
        'scope.csv',
        { type: 'text/csv' },
      ),
    );
    const started = await app.request('/api/v1/imports', { method: 'POST', body: form, headers: { cookie: analyst.cookie, origin: 'http://localhost' } });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let job: Record<string, any> = {};
    for (let i = 0; i < 200 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await (await app.request(`/api/v1/imports/${id}`, { headers: { cookie: analyst.cookie } })).json()) as Record<string, any>;
    }
    expect(job).toMatchObject({ status: 'done', report: { imported: 1, rejected: 1, issues: [{ row: 3, field: 'area', value: '31.71' }] } });
    // Someone else's job answers like an unknown one.
    const other = await signedInAccount(t.database, 'analyst', '19.04', now);
    expect((await app.request(`/api/v1/imports/${id}`, { headers: { cookie: other.cookie } })).status).toBe(404);
    const batchId = job.report.batchId as string;
    const rollback = await app.request(`/api/v1/imports/${batchId}/rollback`, {
      method: 'POST',
      headers: { cookie: analyst.cookie, origin: 'http://localhost' },
    });
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
      return queryOne<{ permits: number; sites: number; reports: number; operations: number }>(
        tx,
        sql`
        select (select count(*)::int from permits) as permits, (select count(*)::int from company_sites) as sites,
               (select count(*)::int from reports) as reports, (select count(*)::int from operations) as operations`,
      );
    });
    expect(none).toEqual({ permits: 0, sites: 0, reports: 0, operations: 0 });
    // A query that forgot its WHERE still sees only the scope.
    const regencies = await withScope(t.database.orm, { areaCodes: ['19.04'] }, (tx) =>
      queryRows<{ regency_code: string }>(tx, sql`select distinct regency_code from permits`),
    );
    expect(regencies.map((r) => r.regency_code)).toEqual(['19.04']);
    const national = await withScope(t.database.orm, null, (tx) =>
      queryOne<{ n: number }>(tx, sql`select count(distinct province_code)::int as n from permits`),
    );
    expect(national!.n).toBeGreaterThan(30);
    // The application role cannot read credentials nor rewrite the audit trail.
    await expect(withScope(t.database.orm, null, (tx) => tx.execute(sql`select * from users`))).rejects.toThrow();
    await expect(withScope(t.database.orm, null, (tx) => tx.execute(sql`delete from audit_log`))).rejects.toThrow();
  });
});
