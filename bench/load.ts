// `pnpm bench load` (issue 25): the API under many users at once. The server runs as its own process
// (`apps/api/src/main.ts`, as `pnpm start` runs it), so its memory is measured apart from the load
// generator; autocannon drives it with a realistic mix signed in as four roles with their own scopes:
// area aggregates, area summaries and trends, record lists, search, and map tiles from z5 to z12 around
// dense places on a few dates. API requests and tiles run as two concurrent autocannon instances that
// share the connections, so each kind gets its own latency figures. Prints and records errors, API p95,
// tile p99 and the process's peak resident memory against their targets.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { TILE_LAYERS } from '@pantau/api/tiles';
import { addUser, generatePassword, REPO_ROOT, resetPassword, signIn } from '@pantau/data';
import { queryOne, sql, type Database } from '@pantau/db';
import type { Role } from '@pantau/domain';
import { recordFigure } from './results.js';

/** Who the load signs in as: the roles that use the map most, each where its work is. */
const LOAD_USERS: ReadonlyArray<{ role: Role; scope: string[]; home: { regency: string; lng: number; lat: number } }> = [
  { role: 'admin', scope: [], home: { regency: '31.71', lng: 106.83, lat: -6.18 } },
  { role: 'division_head', scope: ['51'], home: { regency: '51.03', lng: 115.19, lat: -8.58 } },
  { role: 'analyst', scope: ['21.71'], home: { regency: '21.71', lng: 104.06, lat: 0.96 } },
  { role: 'viewer', scope: ['72'], home: { regency: '72.06', lng: 121.92, lat: -2.72 } },
];
/** Dates a meeting room asks about: a recent one and two earlier (the tile cache sees several versions). */
const DATES = ['2024-06-13', '2025-06-30', '2023-01-15'];

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** What the spawned server needs to open the same database (DATABASE_URL or PANTAU_DATA_DIR, the demo seed and scale). */
  env: Record<string, string>;
  /** Targets apply to the server backend at 50 connections; other runs print their figures without a verdict. */
  withTargets: boolean;
  label: string;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Session cookies of one account per load role (created on first run, passwords reset after). */
export async function loadSessions(database: Database): Promise<Array<{ role: Role; cookie: string; home: (typeof LOAD_USERS)[number]['home'] }>> {
  const sessions = [];
  for (const user of LOAD_USERS) {
    const email = `bench-${user.role.replace('_', '-')}@bench.pantau.id`;
    const password = generatePassword();
    const exists = await queryOne(database.orm, sql`select 1 as ok from users where email = ${email}`);
    if (exists) await resetPassword(database.orm, email, undefined, password);
    else await addUser(database.orm, { email, role: user.role, scope: user.scope, password });
    const result = await signIn(database.orm, { email, password, address: 'bench-load' });
    if (!result.ok) throw new Error(`bench load: sign-in as ${user.role} failed (${result.code})`);
    sessions.push({ role: user.role, cookie: `pantau_session=${result.token}`, home: user.home });
  }
  return sessions;
}

function tileAt(lng: number, lat: number, z: number) {
  const n = 2 ** z;
  const φ = (lat * Math.PI) / 180;
  return { x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(φ) + 1 / Math.cos(φ)) / Math.PI) / 2) * n) };
}

type LoadRequest = { method: 'GET'; path: string; headers: Record<string, string> };

/** What each role's screens ask the API for (paths under /api/v1), in the order a user would. */
export function apiMix(sessions: Awaited<ReturnType<typeof loadSessions>>): LoadRequest[] {
  return sessions.flatMap(({ role, cookie, home }) =>
    DATES.flatMap((asOf) => {
      const r = home.regency;
      const paths = [
        role === 'admin' ? `/stats/permits?level=province&asOf=${asOf}` : `/stats/permits?level=regency&parent=${r.slice(0, 2)}&asOf=${asOf}`,
        `/stats/permits?level=district&parent=${r}&asOf=${asOf}`,
        `/areas/${r}/summary?asOf=${asOf}`,
        `/areas/${r}/trend?asOf=${asOf}&months=12`,
        `/areas/${r}/compare?a=2023-06-13&b=${asOf}`,
        `/companies?area=${r}`,
        `/operations?area=${r}`,
        `/search?q=${['bangka', 'nikel', 'hotel'][DATES.indexOf(asOf)]}`,
      ];
      if (role === 'admin') paths.push(`/stats/permits?level=regency&asOf=${asOf}`);
      return paths.map((path) => ({ method: 'GET' as const, path: `/api/v1${path}`, headers: { cookie, 'accept-encoding': 'gzip' } }));
    }),
  );
}

/** Tiles a user panning and zooming around their place fetches: z5–z12, the tile and its neighbours, every layer in reach. */
export function tileMix(sessions: Awaited<ReturnType<typeof loadSessions>>): LoadRequest[] {
  const requests: LoadRequest[] = [];
  for (const { cookie, home } of sessions)
    for (const asOf of DATES)
      for (let z = 5; z <= 12; z++) {
        const centre = tileAt(home.lng, home.lat, z);
        const around = z >= 9 ? [centre, { x: centre.x + 1, y: centre.y }, { x: centre.x, y: centre.y + 1 }] : [centre];
        for (const layer of TILE_LAYERS)
          if (z >= layer.minzoom && !layer.prepare)
            for (const { x, y } of around)
              requests.push({
                method: 'GET',
                path: `/tiles/${layer.id}/${z}/${x}/${y}.mvt${layer.filters.includes('asOf') ? `?asOf=${asOf}` : ''}`,
                headers: { cookie, 'accept-encoding': 'gzip' },
              });
      }
  return requests;
}

/** Resident memory of a process (Linux /proc), in bytes; 0 where it cannot be read. */
function residentBytes(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The API as its own process on a free port, as `pnpm start` runs it; `bench` names the bench in its errors. */
export async function startServer(env: Record<string, string>, bench = 'load'): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  // node + tsx directly (not through pnpm), so the pid is the server's own and its RSS is the server's.
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'apps/api/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', PANTAU_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench ${bench}: the server stopped (exit ${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/api/v1/health`);
      if (response.ok) return { child, origin };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`bench ${bench}: the server did not answer within 10 minutes:\n${output}`);
}

interface KindResult {
  requests: number;
  errors: number;
  latencies: number[];
  /** Answers by status, and `timeout` / `socket error` for requests that got none: what the errors were. */
  statuses: Map<string, number>;
}

function run(origin: string, requests: LoadRequest[], connections: number, seconds: number): Promise<KindResult> {
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  let errors = 0;
  return new Promise((done, fail) => {
    const instance = autocannon({ url: origin, connections, duration: seconds, requests, timeout: 10, excludeErrorStats: false }, (error, result) => {
      if (error) fail(error);
      // Non-2xx answers (a 204 empty tile is a 2xx) and socket errors or timeouts are errors.
      else {
        // `errors` counts requests without an answer, timeouts among them.
        if (result.timeouts) statuses.set('timeout', result.timeouts);
        if (result.errors > result.timeouts) statuses.set('socket error', result.errors - result.timeouts);
        done({ requests: result.requests.total + result.errors, errors: errors + result.errors, latencies, statuses });
      }
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(String(statusCode), (statuses.get(String(statusCode)) ?? 0) + 1);
      if (statusCode < 200 || statusCode >= 300) errors++;
    });
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN;
};

export async function benchLoad(sessions: Awaited<ReturnType<typeof loadSessions>>, options: LoadOptions): Promise<void> {
  const api = apiMix(sessions);
  const tiles = tileMix(sessions);
  console.log(
    `load (${options.label}): ${options.connections} connections for ${options.seconds} s against a server process; ${api.length} API requests and ${tiles.length} tiles in the mix, 4 roles`,
  );
  const { child, origin } = await startServer(options.env);
  const pid = child.pid!;
  let peak = residentBytes(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 250);
  try {
    // One pass at low concurrency first: the server's own start-up work (first queries, JIT) is not the load.
    await run(origin, [...api, ...tiles].slice(0, 200), 2, 5);
    const apiConnections = Math.max(1, Math.round(options.connections / 2));
    const [apiResult, tileResult] = await Promise.all([
      run(origin, api, apiConnections, options.seconds),
      run(origin, tiles, options.connections - apiConnections, options.seconds),
    ]);
    clearInterval(sampler);
    peak = Math.max(peak, residentBytes(pid));
    const total = apiResult.requests + tileResult.requests;
    const errorShare = total ? ((apiResult.errors + tileResult.errors) / total) * 100 : NaN;
    const apiP50 = percentile(apiResult.latencies, 50);
    const apiP95 = percentile(apiResult.latencies, 95);
    const tileP50 = percentile(tileResult.latencies, 50);
    const tileP99 = percentile(tileResult.latencies, 99);
    const rssMb = peak / 2 ** 20;
    const verdict = (value: number, max: number) => (options.withTargets ? (value <= max ? ' — met' : ' — MISSED') : '');
    console.log(
      `  requests: ${total} in ${options.seconds} s (${(total / options.seconds).toFixed(0)}/s); API ${apiResult.requests}, tiles ${tileResult.requests}`,
    );
    console.log(`  errors: ${errorShare.toFixed(3)} % (target < 0.1 %)${verdict(errorShare, 0.1)}`);
    const histogram = (result: KindResult) => [...result.statuses].map(([status, count]) => `${status}: ${count}`).join(', ');
    console.log(`  answers: API ${histogram(apiResult)}; tiles ${histogram(tileResult)}`);
    console.log(`  API p50 ${apiP50.toFixed(0)} ms, p95 ${apiP95.toFixed(0)} ms (target ≤ 300 ms)${verdict(apiP95, 300)}`);
    console.log(`  tiles p50 ${tileP50.toFixed(0)} ms, p99 ${tileP99.toFixed(0)} ms (target ≤ 1000 ms)${verdict(tileP99, 1000)}`);
    console.log(`  server RSS peak ${rssMb.toFixed(0)} MB (target ≤ 300 MB)${verdict(rssMb, 300)}`);
    const bench = `load-${options.label}`;
    const target = <T>(t: T) => (options.withTargets ? { target: t } : {});
    recordFigure({ bench, name: 'error share', value: errorShare, unit: '%', ...target({ max: 0.1 }) });
    recordFigure({ bench, name: 'API p95', value: apiP95, unit: 'ms', ...target({ max: 300 }) });
    recordFigure({ bench, name: 'API p50', value: apiP50, unit: 'ms' });
    recordFigure({ bench, name: 'tile p99', value: tileP99, unit: 'ms', ...target({ max: 1000 }) });
    recordFigure({ bench, name: 'tile p50', value: tileP50, unit: 'ms' });
    recordFigure({ bench, name: 'server RSS peak', value: rssMb, unit: 'MB', ...target({ max: 300 }) });
    recordFigure({ bench, name: 'throughput', value: total / options.seconds, unit: 'requests/s' });
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
