// DATABASE_READ_URL (issue 26) against a real streaming replica: a throwaway primary cluster and a standby
// of it (pg_basebackup -R) are started for this file, on free ports, with their sockets in a temporary
// folder; the shared cluster is never touched. With replay paused on the standby, a write by one user
// is invisible to another user's reads (so those are served by the replica) while the writer's own reads
// show it (read-your-writes); after replay resumes everybody sees it; a replica that lags past the bound,
// or is stopped, sends reads to the primary with a warning and answers 200. Needs the PostgreSQL 15
// binaries and the server backend (DATABASE_URL), like the other server-only tests.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, queryOne, replicaReads, sql, type Database } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { freePort } from '../../../test/api-process.js';
import { as, jsonWrite, signedInAccount, type TestAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';
import { systemClock } from './deps.js';
import { kobaRiskArea, RISK_TILE_KOBA as RISK_TILE } from '../../../test/records.js';

const BIN = '/usr/lib/postgresql/15/bin';
const haveBinaries = existsSync(`${BIN}/initdb`) && existsSync(`${BIN}/pg_basebackup`);
// initdb refuses root: as root, the clusters run as the `postgres` OS user.
// A server started by pg_ctl keeps the pipes it inherited open: `start` runs with its output ignored (the log has it).
const asClusterOwner = (command: string, args: string[], output: 'pipe' | 'ignore' = 'pipe') => {
  const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', `${BIN}/${command}`, ...args]] : [`${BIN}/${command}`, args];
  execFileSync(file, argv, { stdio: ['ignore', output, output], timeout: 60_000 });
};

const box = (name: string) => kobaRiskArea(name, 'uji replika');

describe.skipIf(!inject('databaseUrl') || !haveBinaries)('reads from a streaming replica (DATABASE_READ_URL)', () => {
  let dir: string;
  let primaryPort: number;
  let replicaPort: number;
  let primary: Database;
  let replica: Database;
  let writer: TestAccount;
  let reader: TestAccount;
  const warnings: string[] = [];
  let app: ReturnType<typeof createApp>;

  const primaryData = () => join(dir, 'primary');
  const replicaData = () => join(dir, 'replica');
  const startCluster = (data: string) => asClusterOwner('pg_ctl', ['-D', data, '-l', `${data}.log`, '-w', '-t', '60', 'start'], 'ignore');
  const primaryLsn = async () => (await queryOne<{ lsn: string }>(primary.orm, sql`select pg_current_wal_lsn()::text as lsn`))!.lsn;
  const onReplica = (query: ReturnType<typeof sql>) => queryOne<Record<string, unknown>>(replica.orm, query);
  const waitFor = async (what: string, condition: () => Promise<boolean>) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) if (await condition()) return;
    throw new Error(`timed out waiting for ${what}`);
  };
  const caughtUp = async () => {
    const target = await primaryLsn();
    await waitFor(
      'the replica to replay the primary',
      async () => (await onReplica(sql`select pg_last_wal_replay_lsn() >= ${target}::pg_lsn as ok`))?.ok === true,
    );
  };
  const pauseReplay = async () => {
    await onReplica(sql`select pg_wal_replay_pause()`);
    await waitFor('replay to pause', async () => (await onReplica(sql`select pg_get_wal_replay_pause_state() as state`))?.state === 'paused');
  };
  const resumeReplay = () => onReplica(sql`select pg_wal_replay_resume()`);
  const names = async (client: { request(input: string): Promise<Response> }) => {
    const response = await client.request('/api/v1/risk-areas?limit=50');
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Array<{ name: string }> }).items.map((item) => item.name);
  };
  const appWith = (maxLagMs: number) =>
    createApp({
      database: primary,
      config: { trustProxy: false, logLevel: 'warn' },
      clock: systemClock,
      log: () => {},
      reads: replicaReads({ primary, replica, maxLagMs, warn: (line) => warnings.push(line), retryAfterMs: 200, statusTtlMs: 0 }),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-replica-'));
    chownSync(dir, ...ownerIds());
    [primaryPort, replicaPort] = [await freePort(), await freePort()];
    asClusterOwner('initdb', ['-D', primaryData(), '-U', 'postgres', '--auth=trust', '--no-sync']);
    const settings = (port: number) =>
      `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\nshared_buffers = 32MB\nmax_connections = 40\n`;
    appendFileSync(join(primaryData(), 'postgresql.conf'), settings(primaryPort));
    startCluster(primaryData());
    const url = (port: number, database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    const admin = await connect({ kind: 'postgres', url: url(primaryPort), maxConnections: 1 });
    await admin.orm.execute(sql`create database pantau`);
    await admin.close();
    primary = await connect({ kind: 'postgres', url: url(primaryPort, 'pantau'), maxConnections: 6 });
    await primary.migrate();
    // The little of the map a risk area needs: Bangka Belitung and Bangka Tengah as boxes around the test's polygon.
    const square = sql`ST_Multi(ST_MakeEnvelope(105.9, -3.1, 106.9, -2.0, 4326))`;
    await primary.orm.execute(
      sql`insert into areas (code, level, parent_code, name, geom, label, area_km2, source) values
        ('19', 'province', null, 'Kepulauan Bangka Belitung', ${square}, ST_SetSRID(ST_MakePoint(106.4, -2.5), 4326), 13000, 'uji'),
        ('19.04', 'regency', '19', 'Bangka Tengah', ${square}, ST_SetSRID(ST_MakePoint(106.4, -2.5), 4326), 13000, 'uji')`,
    );
    asClusterOwner('pg_basebackup', [
      '-D',
      replicaData(),
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
      '-h',
      dir,
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '--no-sync',
    ]);
    appendFileSync(join(replicaData(), 'postgresql.conf'), settings(replicaPort));
    startCluster(replicaData());
    replica = await connect({ kind: 'postgres', url: url(replicaPort, 'pantau'), maxConnections: 6 });
    [writer, reader] = [await signedInAccount(primary, 'admin'), await signedInAccount(primary, 'admin')];
    await caughtUp();
    app = appWith(3_600_000);
  }, 90_000);

  afterAll(async () => {
    await replica?.close();
    await primary?.close();
    for (const data of [replicaData(), primaryData()]) {
      if (existsSync(join(data, 'postmaster.pid'))) asClusterOwner('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the replica is a standby of the primary', async () => {
    expect((await onReplica(sql`select pg_is_in_recovery() as standby`))?.standby).toBe(true);
    expect((await queryOne<{ standby: boolean }>(primary.orm, sql`select pg_is_in_recovery() as standby`))?.standby).toBe(false);
  });

  test("with replay paused, another user's lists, tiles and OGC features come from the replica (without the write) while the writer's own show it", async () => {
    await pauseReplay();
    try {
      const created = await as(app, writer).request('/api/v1/risk-areas', jsonWrite('POST', box('Rawan replika satu')));
      expect(created.status).toBe(201);
      // Committed on the primary …
      expect((await queryOne<{ n: number }>(primary.orm, sql`select count(*)::int as n from risk_areas where name = 'Rawan replika satu'`))?.n).toBe(1);
      // … not replayed, so a read that misses it was served by the replica.
      expect(await names(as(app, reader))).not.toContain('Rawan replika satu');
      expect((await as(app, reader).request(RISK_TILE)).status).toBe(204);
      // The writer's reads stay on the primary until the replica has replayed their write.
      expect(await names(as(app, writer))).toContain('Rawan replika satu');
      expect((await as(app, writer).request(RISK_TILE)).status).toBe(200);
      // OGC API features likewise (this audited collection writes its audit row on the primary).
      const matched = async (account: TestAccount) => {
        const response = await as(app, account).request('/ogc/collections/risk_areas/items?f=json');
        expect(response.status).toBe(200);
        return ((await response.json()) as { numberMatched: number }).numberMatched;
      };
      expect(await matched(reader)).toBe(0);
      expect(await matched(writer)).toBe(1);
      // An audited read on the replica answers, and its audit row is on the primary.
      expect((await as(app, reader).request('/api/v1/operations?limit=5')).status).toBe(200);
      const audited = await queryOne<{ n: number }>(
        primary.orm,
        sql`select count(*)::int as n from audit_log where actor = ${reader.email} and action = 'read.operations'`,
      );
      expect(audited?.n).toBe(1);

      // Past the lag bound (1 s since the last replayed commit, with WAL waiting) reads go to the primary.
      const bounded = appWith(1000);
      await new Promise((r) => setTimeout(r, 1200));
      const before = warnings.length;
      expect(await names(as(bounded, reader))).toContain('Rawan replika satu');
      expect(warnings.slice(before).join('\n')).toMatch(/lags [\d.]+ s behind the primary, more than 1 s/);
    } finally {
      await resumeReplay();
    }
  }, 30_000);

  test('once replay resumes everybody sees the write, and the writer is back on the replica', async () => {
    await caughtUp();
    expect(await names(as(app, reader))).toContain('Rawan replika satu');
    expect((await as(app, reader).request(RISK_TILE)).status).toBe(200);
    // The roles swap: the first writer's reads no longer see a write they did not make while replay is paused.
    await pauseReplay();
    try {
      expect((await as(app, reader).request('/api/v1/risk-areas', jsonWrite('POST', box('Rawan replika dua')))).status).toBe(201);
      expect(await names(as(app, writer))).not.toContain('Rawan replika dua');
      expect(await names(as(app, reader))).toContain('Rawan replika dua');
    } finally {
      await resumeReplay();
    }
    await caughtUp();
    expect(await names(as(app, writer))).toContain('Rawan replika dua');
  }, 30_000);

  test('a stopped replica sends reads to the primary with a warning: lists, tiles and audited reads answer 200', async () => {
    asClusterOwner('pg_ctl', ['-D', replicaData(), '-m', 'fast', '-w', 'stop']);
    const before = warnings.length;
    expect(await names(as(app, reader))).toEqual(expect.arrayContaining(['Rawan replika satu', 'Rawan replika dua']));
    expect((await as(app, reader).request(RISK_TILE)).status).toBe(200);
    expect((await as(app, writer).request('/api/v1/operations?limit=5')).status).toBe(200);
    expect(warnings.slice(before).join('\n')).toMatch(/read replica .* (does not answer|failed at the start of a read)/);
    // Writes are unaffected.
    expect((await as(app, writer).request('/api/v1/risk-areas', jsonWrite('POST', box('Rawan replika tiga')))).status).toBe(201);
    expect(await names(as(app, reader))).toContain('Rawan replika tiga');
  }, 30_000);
});

/** The `postgres` OS user's uid and gid when running as root (its clusters' owner), else our own. */
function ownerIds(): [number, number] {
  if (process.getuid?.() !== 0) return [process.getuid!(), process.getgid!()];
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return [id('-u'), id('-g')];
}
