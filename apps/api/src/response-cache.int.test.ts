// The read API's answer cache on each backend (issue 25): a hit is the same bytes without a read
// transaction; a write through the write path makes the next request a miss with the new figures; a
// narrower scope, another language or another day never receives an answer made for the first; audited
// reads are audited on a hit and never answered by a 304; errors are not kept.
import { gunzipSync } from 'node:zlib';
import { writePermits } from '@pantau/data';
import { dataVersions, queryRows, sql, type Database } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, signedInAccount, type TestAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';
import { answerKey, isCachedRead } from './response-cache.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const STATS = '/api/v1/stats/permits?level=regency&parent=19&asOf=2024-06-13';

/**
 * Tables no cached answer shows, which reads and sign-ins write themselves (their counters would turn
 * every request into a miss): every other table must have a data version bumped by its writes.
 */
const UNVERSIONED = new Set([
  'api_tokens',
  'audit_chain_head',
  'audit_log',
  'data_changes',
  'holder_refresh_due',
  'holder_refresh_queue',
  'import_jobs',
  'read_fences',
  'sessions',
  'sign_in_failures',
  'spatial_ref_sys',
  'users',
]);

/** The database with its transactions counted: a hit must open none. */
function countingTransactions(database: Database): { database: Database; transactions: () => number } {
  let count = 0;
  const orm = new Proxy(database.orm, {
    get(target, property) {
      if (property === 'transaction') count++;
      return Reflect.get(target, property, target);
    },
  });
  return { database: { ...database, orm }, transactions: () => count };
}

type Stats = { areas: { code: string; total: number; itas: number }[] };
const regency = (stats: Stats, code: string) => stats.areas.find((a) => a.code === code);

describe.each(testBackends())('the read API answer cache on %s', (backend) => {
  let t: TestDatabase;
  let counted: ReturnType<typeof countingTransactions>;
  let server: ReturnType<typeof createApp>;
  let admin: TestAccount;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    counted = countingTransactions(t.database);
    server = createApp({ database: counted.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    admin = await signedInAccount(t.database, 'admin');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('every table but the listed bookkeeping has a data version and a trigger that bumps it', async () => {
    const tables = await queryRows<{ name: string; versioned: boolean; triggered: boolean }>(
      t.database.orm,
      sql`
      select c.relname as name,
             exists (select 1 from data_changes d where d.table_name = c.relname) as versioned,
             exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = c.relname || '_data_changed') as triggered
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    expect(tables.length).toBeGreaterThan(30);
    for (const table of tables) {
      const expected = !UNVERSIONED.has(table.name);
      expect({ table: table.name, versioned: table.versioned, triggered: table.triggered }).toEqual({
        table: table.name,
        versioned: expected,
        triggered: expected,
      });
    }
  });

  test('the second request is a hit with the same bytes and no transaction; the query in another order too; If-None-Match answers 304', async () => {
    const app = as(server, admin);
    const first = await app.request(STATS);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-pantau-cache')).toBe('miss');
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('vary')).toContain('Cookie');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const body = await first.text();
    const before = counted.transactions();
    const second = await app.request('/api/v1/stats/permits?asOf=2024-06-13&parent=19&level=regency');
    expect(second.headers.get('x-pantau-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('vary')).toBe(first.headers.get('vary'));
    expect(await second.text()).toBe(body);
    const revalidated = await app.request(STATS, { headers: { 'If-None-Match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(counted.transactions()).toBe(before);
    // Compressed answers are kept compressed, under their own key.
    const gz = await app.request(STATS, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('x-pantau-cache')).toBe('miss');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const gzBytes = new Uint8Array(await gz.arrayBuffer());
    const gzHit = await app.request(STATS, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzHit.headers.get('x-pantau-cache')).toBe('hit');
    expect(gzHit.headers.get('content-encoding')).toBe('gzip');
    const gzHitBytes = new Uint8Array(await gzHit.arrayBuffer());
    expect(gzHitBytes).toEqual(gzBytes);
    expect(gunzipSync(gzHitBytes).toString()).toBe(body);
  });

  test('identical requests arriving together are made once: the others wait for that answer', async () => {
    const app = as(server, admin);
    const url = '/api/v1/stats/permits?level=district&parent=19.04&asOf=2024-06-12';
    const before = counted.transactions();
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.request(url)));
    const how = answers.map((a) => a.headers.get('x-pantau-cache'));
    expect(how.filter((h) => h === 'miss')).toHaveLength(1);
    expect(how.every((h) => h === 'miss' || h === 'shared' || h === 'hit')).toBe(true);
    expect(new Set(await Promise.all(answers.map((a) => a.text()))).size).toBe(1);
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
    expect(counted.transactions() - before).toBe(1);
  });

  test('a permit written through the write path bumps the version: the next request is a miss with the new count, and the old ETag no longer matches', async () => {
    const app = as(server, admin);
    const cached = await app.request(STATS);
    const etag = cached.headers.get('etag')!;
    const itasBefore = regency((await cached.json()) as Stats, '19.04')!.itas;
    expect((await app.request(STATS)).headers.get('x-pantau-cache')).toBe('hit');
    const versions = await dataVersions(t.database.orm);
    await t.database.orm.transaction((tx) =>
      writePermits(tx, [
        {
          permitNumber: 'ANSWER-CACHE-1',
          permitType: 'itas',
          purpose: 'work',
          nationality: 'JPN',
          sex: 'female',
          holderName: 'TEST',
          sponsorCompanyKey: null,
          issuedOn: '2024-01-01',
          expiresOn: '2025-01-01',
          cancelledOn: null,
          districtCode: '19.04.01',
          regencyCode: '19.04',
          origin: 'demo',
        },
      ]),
    );
    expect((await dataVersions(t.database.orm)).get('permits')).not.toBe(versions.get('permits'));
    const fresh = await app.request(STATS, { headers: { 'If-None-Match': etag } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-pantau-cache')).toBe('miss');
    expect(fresh.headers.get('etag')).not.toBe(etag);
    expect(regency((await fresh.json()) as Stats, '19.04')!.itas).toBe(itasBefore + 1);
    expect((await app.request(STATS)).headers.get('x-pantau-cache')).toBe('hit');
  });

  test('a narrower scope never gets a wider answer, nor by its ETag; the same answer is what no cache makes', async () => {
    const province = await signedInAccount(t.database, 'analyst', '19');
    const narrow = await signedInAccount(t.database, 'analyst', '19.04');
    const url = '/api/v1/stats/permits?level=regency&asOf=2024-06-13';
    const wide = await as(server, province).request(url);
    const wideStats = (await wide.json()) as Stats;
    expect(wideStats.areas.length).toBeGreaterThan(1);
    expect((await as(server, province).request(url)).headers.get('x-pantau-cache')).toBe('hit');
    const small = await as(server, narrow).request(url, { headers: { 'If-None-Match': wide.headers.get('etag')! } });
    expect(small.status).toBe(200);
    expect(small.headers.get('x-pantau-cache')).toBe('miss');
    const smallText = await small.text();
    expect(((JSON.parse(smallText) as Stats).areas ?? []).map((a) => a.code)).toEqual(['19.04']);
    expect(await (await as(server, narrow).request(url)).text()).toBe(smallText);
    const uncached = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn', apiCacheBytes: 0 }, clock, log: () => {} });
    const made = await as(uncached, narrow).request(url);
    expect(made.headers.get('x-pantau-cache')).toBeNull();
    expect(made.headers.get('etag')).toBeNull();
    expect(await made.text()).toBe(smallText);
  });

  test('another language or another day in Jakarta is another answer', async () => {
    const app = as(server, admin);
    const url = '/api/v1/search?q=bangka';
    const id = await app.request(url);
    expect(id.status).toBe(200);
    expect((await app.request(url)).headers.get('x-pantau-cache')).toBe('hit');
    const en = await app.request(url, { headers: { 'Accept-Language': 'en' } });
    expect(en.headers.get('x-pantau-cache')).toBe('miss');
    expect(en.headers.get('etag')).not.toBe(id.headers.get('etag'));
    const key = (today: string) =>
      answerKey({
        path: '/api/v1/areas/19.04/summary',
        query: [],
        caller: { kind: 'user', role: 'admin', scope: null, permissions: { a: 1 } },
        lang: 'id',
        encoding: 'identity',
        today,
        versions: new Map([['permits', '1']]),
      });
    // Today's figures (asOf defaults to today) are never served tomorrow.
    expect(key('2024-06-13')).not.toBe(key('2024-06-14'));
    const tomorrow = createApp({
      database: t.database,
      config: { trustProxy: false, logLevel: 'warn' },
      clock: { now: () => new Date('2024-06-14T03:00:00Z') },
      log: () => {},
    });
    expect((await as(tomorrow, admin).request(url)).headers.get('etag')).not.toBe(id.headers.get('etag'));
  });

  test('an audited read is audited on a hit, and If-None-Match never turns it into a 304', async () => {
    const analyst = await signedInAccount(t.database, 'analyst', '19');
    const url = '/api/v1/operations?area=19.04&limit=5';
    const audited = () =>
      queryRows<{ n: number }>(t.database.orm, sql`select count(*)::int as n from audit_log where actor = ${analyst.email} and action = 'read.operations'`);
    const first = await as(server, analyst).request(url);
    expect(first.status).toBe(200);
    const n = (await audited())[0]!.n;
    expect(n).toBeGreaterThan(0);
    const hit = await as(server, analyst).request(url, { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-pantau-cache')).toBe('hit');
    expect(await hit.text()).toBe(await first.text());
    expect((await audited())[0]!.n).toBe(n + 1);
  });

  test('errors are not kept and carry no ETag; routes about the caller are never cached', async () => {
    const app = as(server, admin);
    for (let i = 0; i < 2; i++) {
      const bad = await app.request('/api/v1/stats/permits?level=regency&asOf=13-06-2024');
      expect(bad.status).toBe(400);
      expect(bad.headers.get('etag')).toBeNull();
    }
    const missing = await app.request('/api/v1/areas/99.99/summary?asOf=2024-06-13');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    expect(isCachedRead('/api/v1/stats/permits')).toBe(true);
    expect(isCachedRead('/api/v1/areas/19.04/summary')).toBe(true);
    for (const path of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/audit', '/api/v1/planning/plans', '/api/v1/exports/permits.csv', '/api/v1/imports/jobs'])
      expect(isCachedRead(path), path).toBe(false);
    expect((await app.request('/api/v1/meta')).headers.get('x-pantau-cache')).toBeNull();
  });
});
