// The server's tile cache on each backend (issue 25): hits are the same bytes without a transaction, a
// write to a table the layer reads makes the next request a miss with the new content, revalidation
// answers 304, and a narrower scope never receives a tile made for a wider one.
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { writePermits } from '@pantau/data';
import { dataVersions, queryRows, sql, type Database } from '@pantau/db';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount, type TestAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';
import { TILE_LAYERS } from './layers.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
/** Bangka Belitung at z8: Bangka Tengah (19.04) and its neighbours. */
const TILE = '/tiles/regencies/8/203/129.mvt?asOf=2024-06-13';

/** The database with its transactions counted: a cache hit must open none. */
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

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

function regencyCodes(bytes: Uint8Array): Map<string, Record<string, unknown>> {
  const layer = new VectorTile(new PbfReader(bytes)).layers.regencies;
  const out = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < (layer?.length ?? 0); i++) out.set(String(layer!.feature(i).properties.code), layer!.feature(i).properties);
  return out;
}

describe.each(testBackends())('the tile cache on %s', (backend) => {
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

  test('every table a layer reads has a data version that its writes bump', async () => {
    const versions = await dataVersions(t.database.orm);
    const triggered = new Set(
      (
        await queryRows<{ table_name: string }>(
          t.database.orm,
          sql`
      select c.relname as table_name from pg_trigger g join pg_class c on c.oid = g.tgrelid where g.tgname = c.relname || '_data_changed'`,
        )
      ).map((r) => r.table_name),
    );
    for (const layer of TILE_LAYERS)
      for (const table of layer.reads) {
        expect(versions.has(table), `${layer.id} reads ${table}`).toBe(true);
        expect(triggered.has(table), `trigger on ${table}`).toBe(true);
      }
    await t.database.orm.execute(sql`update meetings set title = title where false`);
    await t.database.orm.execute(sql`update risk_areas set name = name where regency_code = '19.04'`);
    const after = await dataVersions(t.database.orm);
    // Statement-level: a statement counts even when it changes no row; other tables keep their version.
    expect(Number(after.get('meetings'))).toBe(Number(versions.get('meetings')) + 1);
    expect(Number(after.get('risk_areas'))).toBe(Number(versions.get('risk_areas')) + 1);
    expect(after.get('permits')).toBe(versions.get('permits'));
  });

  test('the second request is a hit with the same bytes and no transaction; If-None-Match answers 304 without one', async () => {
    const app = as(server, admin);
    const url = '/tiles/regencies/8/203/132.mvt?asOf=2024-06-13&nationality=JPN,CHN';
    const first = await app.request(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-pantau-cache')).toBe('miss');
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const firstBytes = await bytesOf(first);
    const before = counted.transactions();
    // The same filters in another order are the same tile.
    const second = await app.request('/tiles/regencies/8/203/132.mvt?nationality=CHN,JPN&asOf=2024-06-13');
    expect(second.headers.get('x-pantau-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await bytesOf(second)).toEqual(firstBytes);
    const gz = await app.request(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('x-pantau-cache')).toBe('hit');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('etag')).toBe(first.headers.get('etag')!.replace(/"$/, '-gz"'));
    expect(new Uint8Array(gunzipSync(await bytesOf(gz)))).toEqual(firstBytes);
    const revalidated = await app.request(url, { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-pantau-cache')).toBe('hit');
    expect(counted.transactions()).toBe(before);
  });

  test('requests for one tile arriving together make it once: the others wait for it', async () => {
    const app = as(server, admin);
    const url = '/tiles/regencies/8/204/132.mvt?asOf=2024-06-11';
    const before = counted.transactions();
    const tiles = await Promise.all(Array.from({ length: 6 }, () => app.request(url)));
    const how = tiles.map((tile) => tile.headers.get('x-pantau-cache'));
    expect(how.filter((h) => h === 'miss')).toHaveLength(1);
    expect(how.every((h) => h === 'miss' || h === 'shared' || h === 'hit')).toBe(true);
    const bytes = await Promise.all(tiles.map(bytesOf));
    for (const b of bytes) expect(b).toEqual(bytes[0]);
    expect(counted.transactions() - before).toBe(1);
  });

  test('a permit written through the write path bumps the version: the next request is a miss with the new count, and the old ETag no longer matches', async () => {
    const app = as(server, admin);
    const cached = await app.request(TILE);
    const etag = cached.headers.get('etag')!;
    const itasBefore = Number(regencyCodes(await bytesOf(cached)).get('19.04')!.itas);
    expect((await app.request(TILE)).headers.get('x-pantau-cache')).toBe('hit');
    await t.database.orm.transaction((tx) =>
      writePermits(tx, [
        {
          permitNumber: 'CACHE-TEST-1',
          permitType: 'itas',
          purpose: 'work',
          nationality: 'CHN',
          sex: 'male',
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
    const stale = await app.request(TILE, { headers: { 'If-None-Match': etag } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-pantau-cache')).toBe('miss');
    expect(stale.headers.get('etag')).not.toBe(etag);
    expect(regencyCodes(await bytesOf(stale)).get('19.04')!.itas).toBe(itasBefore + 1);
    expect((await app.request(TILE)).headers.get('x-pantau-cache')).toBe('hit');
  });

  test('users with different scopes never share an entry; users with the same scope do', async () => {
    const province = await signedInAccount(t.database, 'analyst', '19');
    const regency = await signedInAccount(t.database, 'analyst', '19.04');
    const sameRegency = await signedInAccount(t.database, 'office_head', '19.04');
    const wide = await as(server, province).request(TILE);
    const wideCodes = regencyCodes(await bytesOf(wide));
    expect(wideCodes.size).toBeGreaterThan(1);
    expect((await as(server, province).request(TILE)).headers.get('x-pantau-cache')).toBe('hit');
    // The narrower scope misses, and gets its own tile: Bangka Tengah only.
    const narrow = await as(server, regency).request(TILE);
    expect(narrow.headers.get('x-pantau-cache')).toBe('miss');
    expect(narrow.headers.get('etag')).not.toBe(wide.headers.get('etag'));
    const narrowBytes = await bytesOf(narrow);
    expect([...regencyCodes(narrowBytes).keys()]).toEqual(['19.04']);
    // Its ETag is no key to the wider tile either.
    const crossed = await as(server, regency).request(TILE, { headers: { 'If-None-Match': wide.headers.get('etag')! } });
    expect(crossed.status).toBe(200);
    expect([...regencyCodes(await bytesOf(crossed)).keys()]).toEqual(['19.04']);
    // Another user, another role, the same areas: the entry is shared.
    const shared = await as(server, sameRegency).request(TILE);
    expect(shared.headers.get('x-pantau-cache')).toBe('hit');
    expect(await bytesOf(shared)).toEqual(narrowBytes);
    // And it is the tile made without any cache.
    const uncached = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn', tileCacheBytes: 0 }, clock, log: () => {} });
    expect(await bytesOf(await as(uncached, regency).request(TILE))).toEqual(narrowBytes);
  });

  test('PANTAU_TILE_CACHE_MB=0: every request bypasses the cache and makes the tile in its own transaction', async () => {
    const off = countingTransactions(t.database);
    const uncached = createApp({ database: off.database, config: { trustProxy: false, logLevel: 'warn', tileCacheBytes: 0 }, clock, log: () => {} });
    const app = as(uncached, admin);
    const first = await app.request(TILE);
    const second = await app.request(TILE);
    for (const response of [first, second]) {
      expect(response.headers.get('x-pantau-cache')).toBe('bypass');
      expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    }
    expect(off.transactions()).toBe(2);
    expect(await bytesOf(second)).toEqual(await bytesOf(await as(server, admin).request(TILE)));
    expect((await app.request(TILE, { headers: { 'If-None-Match': first.headers.get('etag')! } })).status).toBe(304);
  });

  test('bad input keeps its 400 before any cache work', async () => {
    const response = await as(server, admin).request('/tiles/regencies/8/203/129.mvt?asOf=13-06-2024');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_parameter');
    expect(response.headers.get('x-pantau-cache')).toBeNull();
  });
});
