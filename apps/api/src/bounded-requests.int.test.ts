// One request must not stall everyone (issue 18): on the PostgreSQL server a statement past the
// request's statement timeout is cancelled and answered 503 busy; on the embedded database (one
// connection, no cancelling) a request that cannot get the connection in time is refused 503 busy;
// national planning maps need an area.
import { limitRequests, queryRows, sql, type Database } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, signedInAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';
import { dbOf } from './auth/request-context.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const ASOF = '2024-06-13';
const LIMITS = { statementTimeouts: { readMs: 5_000, writeMs: 60_000 }, wait: { waitMs: 10_000, maxWaiting: 32 } };

/** The app on `database`, with one extra read route whose statement sleeps for `seconds` (a deliberately slow query). */
function appWithSlowRoute(database: Database) {
  const app = createApp({ database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
  app.get('/api/v1/test-only/sleep', async (c) => {
    const seconds = Number(c.req.query('seconds') ?? '0');
    await queryRows(dbOf(c), sql`select pg_sleep(${seconds})`);
    return c.json({ slept: seconds });
  });
  return app;
}

/** Holds the embedded database's one connection (an open transaction) until `release` is called. */
function holdConnection(database: Database) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const holding = new Promise<void>((resolve) => {
    started = resolve;
  });
  const done = database.orm.transaction(async () => {
    started();
    await released;
  });
  return { holding, release, done };
}

describe.each(testBackends())('planning maps of a national scope on %s', (backend) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;
  let analyst: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = createApp({ database: limitRequests(t.database, LIMITS), config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    admin = as(app, await signedInAccount(t.database, 'admin'));
    analyst = as(app, await signedInAccount(t.database, 'analyst', '19.04'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test.each(['coverage-gaps', 'hot-spots'])(
    '%s without an area is a 400 naming `area` for a national scope, and answered for a narrower one or with an area',
    async (route) => {
      const national = await admin.request(`/api/v1/planning/${route}?asOf=${ASOF}`);
      expect(national.status).toBe(400);
      const body = (await national.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toMatch(/\barea\b/);
      expect((await admin.request(`/api/v1/planning/${route}?area=19.04&asOf=${ASOF}`)).status).toBe(200);
      expect((await analyst.request(`/api/v1/planning/${route}?asOf=${ASOF}`)).status).toBe(200);
    },
  );

  test('hot-spot tiles follow the same rule: a national scope names its area, a narrower one defaults to itself', async () => {
    // A z9 tile over a hot-spot cell of the first province (of a few) where the fixture's findings make one.
    let province = '';
    let corner: [number, number] | undefined;
    for (const code of ['36', '31', '32', '35', '19', '64']) {
      const spots = (await (await admin.request(`/api/v1/planning/hot-spots?area=${code}&asOf=${ASOF}`)).json()) as {
        features: Array<{ geometry: { coordinates: Array<Array<[number, number]>> } }>;
      };
      corner = spots.features[0]?.geometry.coordinates[0]?.[0];
      if (corner) {
        province = code;
        break;
      }
    }
    expect(corner).toBeDefined();
    const [lng, lat] = corner!;
    const x = Math.floor(((lng + 180) / 360) * 512);
    const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 512);
    const tile = `/tiles/hot_spots/9/${x}/${y}.mvt`;
    const national = await admin.request(`${tile}?asOf=${ASOF}`);
    expect(national.status).toBe(400);
    const body = (await national.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message).toMatch(/\barea\b/);
    const withArea = await admin.request(`${tile}?asOf=${ASOF}&area=${province}`);
    expect(withArea.status).toBe(200);
    expect(withArea.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    // The analyst's scope (Bangka Tengah) has too few events for a cell there: answered, empty.
    expect([200, 204]).toContain((await analyst.request(`${tile}?asOf=${ASOF}`)).status);
    // An area outside the caller's scope answers like a nonexistent one.
    expect((await analyst.request(`${tile}?asOf=${ASOF}&area=31.71`)).status).toBe(404);
    // TileJSON carries the area into the tile URLs it gives.
    const tilejson = (await (await admin.request(`/tiles/hot_spots.json?asOf=${ASOF}&area=36`)).json()) as { tiles: string[] };
    expect(tilejson.tiles[0]).toMatch(/[?&]area=36(&|$)/);
  });
});

describe.runIf(testBackends().includes('postgres'))('statement timeouts on the PostgreSQL server', () => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await openFixtureDatabase('postgres');
    const database = limitRequests(t.database, { ...LIMITS, statementTimeouts: { readMs: 200, writeMs: 300 } });
    admin = as(appWithSlowRoute(database), await signedInAccount(t.database, 'admin'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a read statement past the read timeout is cancelled and answered 503 busy with Retry-After, never 500', async () => {
    const response = await admin.request('/api/v1/test-only/sleep?seconds=3');
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('busy');
    expect(body.error.message).toMatch(/took too long/);
    // The connection is not spoiled: the next request is answered.
    expect((await admin.request('/api/v1/test-only/sleep?seconds=0')).status).toBe(200);
  });

  test('write transactions get the long timeout, and the timeout ends with the transaction', async () => {
    const database = limitRequests(t.database, { ...LIMITS, statementTimeouts: { readMs: 200, writeMs: 300 } });
    const inside = await database.orm.transaction(
      async (tx) => (await queryRows<{ t: string }>(tx, sql`select current_setting('statement_timeout') as t`))[0]?.t,
    );
    expect(inside).toBe('300ms');
    await expect(database.orm.transaction((tx) => tx.execute(sql`select pg_sleep(3)`))).rejects.toMatchObject({ cause: { code: '57014' } });
    // Start-up work and the CLI use the database itself, which is not limited.
    const outside = (await queryRows<{ t: string }>(t.database.orm, sql`select current_setting('statement_timeout') as t`))[0]?.t;
    expect(outside).toBe('0');
  });
});

describe('the embedded database bounds the wait for its one connection', () => {
  let t: TestDatabase;
  let database: Database;
  let admin: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await openFixtureDatabase('pglite');
    database = t.database;
    const app = createApp({
      database: limitRequests(database, { ...LIMITS, wait: { waitMs: 50, maxWaiting: 1 } }),
      config: { trustProxy: false, logLevel: 'warn' },
      clock,
      log: () => {},
    });
    admin = as(app, await signedInAccount(database, 'admin'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a request queued behind a long-held connection gets 503 busy with Retry-After after the configured wait; once free, requests are answered', async () => {
    const held = holdConnection(database);
    await held.holding;
    const response = await admin.request('/api/v1/areas?level=province');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('busy');
    held.release();
    await held.done;
    expect((await admin.request('/api/v1/areas?level=province')).status).toBe(200);
  });

  test('when the queue is full a further request is refused at once, while the one queued runs when the connection is free', async () => {
    database.gate!.limits = { waitMs: 600_000, maxWaiting: 1 };
    try {
      const held = holdConnection(database);
      await held.holding;
      const queued = admin.request('/api/v1/areas?level=province');
      await new Promise((resolve) => setImmediate(resolve)); // let it reach the queue
      expect(database.gate!.waiting).toBe(1);
      const refused = await admin.request('/api/v1/areas?level=province');
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { code: string; message: string } }).error.message).toMatch(/too many requests/);
      held.release();
      await held.done;
      expect((await queued).status).toBe(200);
    } finally {
      database.gate!.limits = { waitMs: 50, maxWaiting: 1 };
    }
  });
});
