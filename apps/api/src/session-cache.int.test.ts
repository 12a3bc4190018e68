// Sessions kept a few seconds in memory (issue 25): a sign-out, disable or role change through an
// instance takes effect there at once, and on another instance sharing the database once its entry
// expires (SESSION_CACHE_TTL_MS, on the app's clock).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { signedInAccount, type TestAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';
import { SESSION_CACHE_TTL_MS } from './auth/session-cache.js';

describe.each(testBackends())('the session cache on %s', (backend) => {
  let t: TestDatabase;
  let now = new Date('2024-06-13T03:00:00Z');
  const clock = { now: () => now };
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  /** Two instances of the API sharing one database, as behind a load balancer. */
  let first: ReturnType<typeof createApp>;
  let second: ReturnType<typeof createApp>;
  let admin: TestAccount;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    first = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    second = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    admin = await signedInAccount(t.database, 'admin', undefined, now);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const me = (app: ReturnType<typeof createApp>, account: TestAccount) => app.request('/api/v1/auth/me', { headers: { cookie: account.cookie } });
  const idOf = async (account: TestAccount) => ((await (await me(first, account)).json()) as { user: { id: number } }).user.id;
  const changeUser = (id: number, body: object) =>
    first.request(`/api/v1/users/${id}`, {
      method: 'PATCH',
      body: JSON.stringify(body),
      headers: { cookie: admin.cookie, 'content-type': 'application/json', origin: 'http://localhost' },
    });

  test('a disabled user is refused at once on the instance that disabled them, and on another once its entry expires', async () => {
    const user = await signedInAccount(t.database, 'analyst', '19.04', now);
    const id = await idOf(user);
    expect((await me(second, user)).status).toBe(200);
    expect((await changeUser(id, { disabled: true })).status).toBe(200);
    expect((await me(first, user)).status).toBe(401);
    expect((await first.request('/tiles/regencies/8/203/129.mvt', { headers: { cookie: user.cookie } })).status).toBe(401);
    // The other instance checked the session a moment ago and trusts it until the entry expires: no round trip.
    expect((await me(second, user)).status).toBe(200);
    later(SESSION_CACHE_TTL_MS + 1);
    expect((await me(second, user)).status).toBe(401);
    expect((await second.request('/tiles/regencies/8/203/129.mvt', { headers: { cookie: user.cookie } })).status).toBe(401);
  });

  test('a role change applies at once on the same instance, and within the TTL on the other', async () => {
    const user = await signedInAccount(t.database, 'analyst', '19.04', now);
    const id = await idOf(user);
    const roleOn = async (app: ReturnType<typeof createApp>) => ((await (await me(app, user)).json()) as { user: { role: string } }).user.role;
    expect(await roleOn(second)).toBe('analyst');
    expect((await changeUser(id, { role: 'viewer' })).status).toBe(200);
    // Changing the role ends the user's sessions (docs/access-control.md): refused, not served with the old role.
    expect((await me(first, user)).status).toBe(401);
    later(SESSION_CACHE_TTL_MS + 1);
    expect((await me(second, user)).status).toBe(401);
  });

  test('sign-out refuses the session at once on the same instance', async () => {
    const user = await signedInAccount(t.database, 'analyst', '19.04', now);
    expect((await me(first, user)).status).toBe(200);
    expect((await me(first, user)).status).toBe(200);
    const out = await first.request('/api/v1/auth/sign-out', { method: 'POST', headers: { cookie: user.cookie, origin: 'http://localhost' } });
    expect(out.status).toBe(204);
    expect((await me(first, user)).status).toBe(401);
  });

  test('a session is checked again after the TTL: an idle session that expired meanwhile is refused', async () => {
    const user = await signedInAccount(t.database, 'analyst', '19.04', now);
    expect((await me(first, user)).status).toBe(200);
    later(31 * 60_000);
    expect((await me(first, user)).status).toBe(401);
  });
});
