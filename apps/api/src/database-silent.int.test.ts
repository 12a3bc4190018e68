// A PostgreSQL server behind a link that goes silent (a blocked port, a partition: bytes stop flowing,
// nothing is refused or reset) answers 503 with Retry-After instead of leaving requests waiting, and
// service returns by itself once the link does (issue 26; liveness.ts).
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { connect } from '@pantau/db';
import { describe, expect, inject, test } from 'vitest';
import { createApp } from './app.js';

const deps = { config: { trustProxy: false, logLevel: 'warn' as const }, clock: { now: () => new Date() }, log: () => {} };

/** A TCP relay to `upstream` that can fall silent: it keeps every connection and accepts new ones, but holds their bytes until it speaks again. */
function silenceableRelay(upstream: URL) {
  let silent = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const toServer = new Socket();
    toServer.connect(Number(upstream.port || 5432), upstream.hostname);
    for (const socket of [client, toServer]) {
      sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        toServer.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(toServer).pipe(client);
    if (silent) for (const socket of [client, toServer]) socket.pause();
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))),
    silence() {
      silent = true;
      for (const socket of sockets) socket.pause();
    },
    speak() {
      silent = false;
      for (const socket of sockets) socket.resume();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function until(check: () => Promise<boolean>, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// Needs the PostgreSQL server (DATABASE_URL): reported as skipped on PGlite alone.
describe.skipIf(!inject('databaseUrl'))('a database server behind a silent link', () => {
  test('health and data routes answer 503 database_unavailable with Retry-After, no request is left waiting, and service returns without a restart', async () => {
    const relay = silenceableRelay(new URL(inject('databaseUrl')));
    const url = new URL(inject('databaseUrl'));
    url.port = String(await relay.listen());
    const database = await connect({ kind: 'postgres', url: url.toString(), maxConnections: 2 });
    const app = createApp({ ...deps, database });
    // A session cookie makes the app ask the database who this is: a request that needs the server.
    const data = () => app.request('/api/v1/stats/permits?level=province', { headers: { cookie: `pantau_session=${'a'.repeat(43)}` } });
    try {
      expect((await app.request('/api/v1/health')).status).toBe(200);
      expect((await data()).status).toBe(401);

      relay.silence();
      // Both at once: the data request waits on a connection whose bytes are held, as a partition would.
      const [health, stats] = await Promise.all([app.request('/api/v1/health'), data()]);
      for (const response of [health, stats]) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await response.json()).toMatchObject({ error: { code: 'database_unavailable' } });
      }
      // Found down: later requests are refused without waiting on the pool's held connections.
      const later = await data();
      expect(later.status).toBe(503);
      expect(later.headers.get('retry-after')).toMatch(/^\d+$/);

      relay.speak();
      // Probed each second while down: back by itself (the deadline only bounds a failing test).
      expect(await until(async () => (await app.request('/api/v1/health')).status === 200, 20_000)).toBe(true);
      expect(await until(async () => (await data()).status === 401, 20_000)).toBe(true);
    } finally {
      relay.speak();
      await database.close();
      await relay.close();
    }
  }, 60_000);
});
