// Faults (issue 26), shared by the tests (few cycles) and `pnpm bench faults` (20 cycles):
// - killPostgresUnderWrites: a private PostgreSQL cluster killed with SIGKILL (the postmaster) while
//   several clients write through one real API process, then restarted, cycle after cycle. Every write
//   answered 2xx is looked for afterwards; every import batch must be whole; the same API process must
//   serve again; answers during the outage must be 503 with Retry-After, never a 500 or a hang.
// - killEmbeddedMidImport: an API process on the embedded database (PGlite, in a data folder) killed
//   with SIGKILL while it writes an import; the folder must open again without the batch and with the
//   earlier data as it was (counts, the people pre-aggregate against the direct count).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser } from '@pantau/data';
import { connect, holderCountCheckDays, queryOne, queryRows, sql, verifyHolderCounts, type Database } from '@pantau/db';
import postgres from 'postgres';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { startPrivateCluster } from './private-cluster.js';

/** A request that takes longer than this counts as hung (the API bounds its own waits well below it). */
export const REQUEST_DEADLINE_MS = 30_000;
/** Longest wait for the API to answer health 200 after the cluster is back (a polling deadline, not a figure). */
const RECOVERY_DEADLINE_MS = 60_000;
/** PANTAU_IMPORT_STALE_S of the API under test: an import cut off by a kill is failed within 1.5 times it. */
const STALE_S = 6;
const HEADER = 'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten';
const SEED_HEADER = 'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kode Kecamatan;Kode Kabupaten';
const permitCsv = (prefix: string, count: number) =>
  `${HEADER}\n${Array.from({ length: count }, (_, i) => `${prefix}-${i + 1};KITAS;NAMA ${prefix} ${i + 1};Tiongkok;13/06/2024;13/06/2025;Bangka Tengah`).join('\n')}\n`;
/** A list as a bound text array (drizzle would spread a JS array into a row of parameters); no value holds a comma. */
const list = (values: Array<string | number>) => sql`string_to_array(${values.join(',')}, ',')`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Answers are read by what the API documents; a wrong guess fails the check it feeds.
type Json = Record<string, unknown>;

export interface PostgresFaultResult {
  cycles: number;
  /** Writes answered 2xx, by kind. */
  acknowledged: Record<WriteKind, number>;
  /** Of those, found afterwards. */
  found: Record<WriteKind, number>;
  /** The acknowledged writes not found, as `kind key`. */
  missing: string[];
  /** Committed import batches whose rows do not match their report, and rows of a batch that is not committed. */
  halfWrittenBatches: string[];
  /** Imports the API reported done (their rows were checked), and imports failed (cut off by a kill). */
  importsDone: number;
  importsFailed: number;
  /** Import jobs still queued or running after the cycles and the stale-job sweep. */
  importsStuck: string[];
  /** Answers: 2xx, 503 with Retry-After during the outage, and anything else (a 500, a 503 without Retry-After, a hang, a refused connection). */
  answers: { ok: number; unavailable: number; unexpected: string[] };
  /** Per cycle: ms from the cluster accepting connections again to the API's health 200, and to its first write 2xx. */
  recoveryMs: number[];
  firstWriteMs: number[];
  /** Whether the API process that served the first cycle still serves (same pid, never restarted). */
  sameProcess: boolean;
}

type WriteKind = 'signIn' | 'report' | 'triage' | 'plan' | 'importJob' | 'importRows';
const KINDS: WriteKind[] = ['signIn', 'report', 'triage', 'plan', 'importJob', 'importRows'];

/** One answer from the API, classified; a network failure or a timeout is `undefined` status. */
interface Answer {
  status?: number;
  body?: Json;
  /** The session cookie a sign-in set. */
  session?: string;
  failure?: string;
}

export async function killPostgresUnderWrites(options: { cycles: number; log?: (line: string) => void }): Promise<PostgresFaultResult> {
  const log = options.log ?? (() => {});
  const cluster = await startPrivateCluster();
  const uploads = await mkdtemp(join(tmpdir(), 'pantau-fault-uploads-'));
  let api: ApiProcess | undefined;
  let database: Database | undefined;
  try {
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database pantau');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/pantau');
    log(`cluster on port ${cluster.port}; starting the API (migrations, boundaries)…`);
    api = await startApiProcess({ DATABASE_URL: url, PANTAU_UPLOAD_DIR: uploads, PANTAU_IMPORT_STALE_S: String(STALE_S) });
    const apiUrl = api.url;
    const pid = api.pid;
    const db = await connect({ kind: 'postgres', url, maxConnections: 2 });
    database = db;
    const password = 'fault-test-password-1';
    const accounts = ['a', 'b', 'c'].map((k) => `fault-${k}@test.pantau.id`);
    for (const email of accounts) await addUser(database.orm, { email, role: 'division_head', password, scope: ['19'] });
    const district = await queryOne<{ code: string }>(
      database.orm,
      sql`select code from areas where level = 'district' and code like '19.04.%' order by code limit 1`,
    );
    if (!district) throw new Error('no district of Bangka Tengah (19.04) loaded');

    const answers: PostgresFaultResult['answers'] = { ok: 0, unavailable: 0, unexpected: [] };
    const call = async (path: string, init: RequestInit & { cookie?: string } = {}): Promise<Answer> => {
      const headers = new Headers(init.headers);
      if (init.cookie) headers.set('cookie', init.cookie);
      if (init.method && init.method !== 'GET') headers.set('origin', apiUrl);
      let response: Response;
      try {
        response = await fetch(`${apiUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) });
      } catch (error) {
        const failure = `${init.method ?? 'GET'} ${path.split('?')[0]}: ${(error as Error).name === 'TimeoutError' ? `no answer within ${REQUEST_DEADLINE_MS} ms` : String(error)}`;
        answers.unexpected.push(failure);
        return { failure };
      }
      const body = (await response.json().catch(() => ({}))) as Json;
      const code = (body.error as Json | undefined)?.code as string | undefined;
      if (response.ok) answers.ok++;
      else if (response.status === 503 && (code === 'database_unavailable' || code === 'busy') && /^\d+$/.test(response.headers.get('retry-after') ?? ''))
        answers.unavailable++;
      else answers.unexpected.push(`${init.method ?? 'GET'} ${path.split('?')[0]}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      const session = response.headers
        .getSetCookie()
        .find((c) => c.startsWith('pantau_session='))
        ?.split(';')[0];
      return { status: response.status, body, session };
    };
    const json = (method: string, body: unknown, cookie?: string) => ({
      method,
      cookie,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const first = await call('/api/v1/auth/sign-in', json('POST', { email: accounts[0], password }));
    if (!first.session) throw new Error(`sign-in: ${first.status} ${JSON.stringify(first.body)}`);
    const cookie = first.session;
    const sessionsAtStart = [cookie];
    // Holders in the districts of Bangka Tengah, so that planning has candidates to save plans of.
    const districts = (
      await queryRows<{ code: string }>(database.orm, sql`select code from areas where level = 'district' and code like '19.04.%' order by code`)
    ).map((r) => r.code);
    const seed = `${SEED_HEADER}\n${Array.from({ length: 300 }, (_, i) => `FAULTSEED-${i + 1};KITAS;NAMA SEED ${i + 1};Tiongkok;13/06/2024;13/06/2025;${districts[i % districts.length]};19.04`).join('\n')}\n`;
    const seeded = await importAndWait(apiUrl, cookie, 'FAULTSEED.csv', seed);
    if (seeded.imported !== 300) throw new Error(`the seed import: ${JSON.stringify(seeded)}`);
    const candidates = await call('/api/v1/planning/candidates?area=19.04&asOf=2024-06-14&limit=3', { cookie });
    const candidateIds = ((candidates.body?.items as Json[] | undefined) ?? []).map((c) => c.id as string);
    if (!candidateIds.length) throw new Error(`no planning candidates in 19.04: ${JSON.stringify(candidates.body)}`);

    // What was acknowledged (2xx), by kind, keyed by what finds it again.
    const sessions: string[] = [...sessionsAtStart];
    const reports = new Map<number, 'new' | 'verified'>();
    const plans: number[] = [];
    const importJobs = new Map<string, string>();
    const importsDone = new Map<string, number>();
    let importsFailed = 0;
    let stopping = false;
    let serial = 0;

    const clients = [
      // Sign-ins from three accounts: each 200 writes a session (and its audit row).
      ...accounts.map((email) => async () => {
        while (!stopping) {
          const answer = await call('/api/v1/auth/sign-in', json('POST', { email, password }));
          if (answer.status === 200 && answer.session) sessions.push(answer.session);
          await sleep(50);
        }
      }),
      // Public reports recorded, then triaged.
      ...[0, 1].map(() => async () => {
        while (!stopping) {
          const n = ++serial;
          const created = await call(
            '/api/v1/reports',
            json(
              'POST',
              { channel: 'apoa', category: 'illegal_work', summary: `Laporan uji gangguan ${n}`, districtCode: district.code, externalId: `fault-${n}` },
              cookie,
            ),
          );
          if (created.status === 201) {
            const id = Number(created.body!.id);
            reports.set(id, 'new');
            const triaged = await call(`/api/v1/reports/${id}`, json('PATCH', { status: 'verified' }, cookie));
            if (triaged.status === 200) reports.set(id, 'verified');
          }
          await sleep(20);
        }
      }),
      // Plan saves.
      async () => {
        while (!stopping) {
          const n = ++serial;
          const created = await call(
            '/api/v1/planning/plans',
            json(
              'POST',
              { title: `Rencana uji gangguan ${n}`, date: '2024-06-14', areaCode: '19.04', targets: candidateIds.map((candidateId) => ({ candidateId })) },
              cookie,
            ),
          );
          if (created.status === 201) plans.push(Number(created.body!.id));
          await sleep(20);
        }
      },
      // Imports: a permit list uploaded, then followed until it ends.
      async () => {
        while (!stopping) {
          const prefix = `FAULT${++serial}`;
          const form = new FormData();
          form.set('kind', 'permits');
          form.set('file', new File([permitCsv(prefix, 2000)], `${prefix}.csv`, { type: 'text/csv' }));
          const started = await call('/api/v1/imports', { method: 'POST', body: form, cookie });
          if (started.status !== 202) {
            await sleep(200);
            continue;
          }
          const id = started.body!.id as string;
          importJobs.set(id, prefix);
          for (;;) {
            const state = await call(`/api/v1/imports/${id}`, { cookie });
            if (state.body?.status === 'done') {
              importsDone.set(prefix, Number((state.body.report as Json).imported));
              break;
            }
            if (state.body?.status === 'failed') {
              importsFailed++;
              break;
            }
            // Stopping: the job is left to the final check.
            if (stopping) break;
            await sleep(200);
          }
        }
      },
    ];
    const running = clients.map((client) => client());

    const health = async () => (await fetch(`${apiUrl}/api/v1/health`, { signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) }).catch(() => undefined))?.status;
    const recoveryMs: number[] = [];
    const firstWriteMs: number[] = [];
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      await sleep(1000 + Math.random() * 2000);
      await cluster.kill9();
      // Long enough for every client to meet the outage.
      await sleep(1500);
      await cluster.start();
      const back = performance.now();
      const deadline = Date.now() + RECOVERY_DEADLINE_MS;
      while ((await health()) !== 200) {
        if (Date.now() > deadline)
          throw new Error(
            `cycle ${cycle}: the API did not answer health 200 within ${RECOVERY_DEADLINE_MS} ms of the database's restart (health: ${await health()}); its output:\n${api.output().slice(-4000)}`,
          );
        await sleep(50);
      }
      recoveryMs.push(performance.now() - back);
      for (;;) {
        const written = await call(
          '/api/v1/reports',
          json(
            'POST',
            { channel: 'apoa', category: 'other', summary: `Pulih ${cycle}`, districtCode: district.code, externalId: `fault-recovery-${cycle}` },
            cookie,
          ),
        );
        if (written.status === 201 || written.status === 200) {
          reports.set(Number(written.body!.id), 'new');
          break;
        }
        if (Date.now() > deadline) throw new Error(`cycle ${cycle}: no write succeeded within ${RECOVERY_DEADLINE_MS} ms of the database's restart`);
        await sleep(50);
      }
      firstWriteMs.push(performance.now() - back);
      log(
        `cycle ${cycle}/${options.cycles}: health 200 ${Math.round(recoveryMs.at(-1)!)} ms, a write ${Math.round(firstWriteMs.at(-1)!)} ms after the restart`,
      );
    }
    stopping = true;
    await Promise.all(running);

    // Jobs cut off by a kill end failed (their own error, or the stale-job sweep): none stays open.
    const openJobs = async () =>
      (
        await queryRows<{ id: string }>(
          db.orm,
          sql`select id::text from import_jobs where status in ('queued', 'running') and id::text = any(${list([...importJobs.keys()])})`,
        )
      ).map((r) => r.id);
    const sweepDeadline = Date.now() + STALE_S * 1500 + 60_000;
    while ((await openJobs()).length && Date.now() < sweepDeadline) await sleep(500);

    const found: Record<WriteKind, number> = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<WriteKind, number>;
    const missing: string[] = [];
    for (const session of sessions) {
      const me = await fetch(`${apiUrl}/api/v1/auth/me`, { headers: { cookie: session } });
      if (me.status === 200) found.signIn++;
      else missing.push(`signIn ${session.slice(0, 24)}… (${me.status})`);
    }
    const reportRows = await queryRows<{ id: number; status: string }>(
      database.orm,
      sql`select id, status from reports where id::text = any(${list([...reports.keys()])})`,
    );
    const reportStatus = new Map(reportRows.map((r) => [Number(r.id), r.status]));
    for (const [id, status] of reports) {
      if (reportStatus.has(id)) found.report++;
      else missing.push(`report ${id}`);
      if (status === 'verified') {
        if (reportStatus.get(id) === 'verified') found.triage++;
        else missing.push(`triage of report ${id} (${reportStatus.get(id) ?? 'absent'})`);
      }
    }
    const planRows = new Set(
      (await queryRows<{ id: number }>(database.orm, sql`select id from plans where id::text = any(${list(plans)})`)).map((r) => Number(r.id)),
    );
    for (const id of plans) {
      if (planRows.has(id)) found.plan++;
      else missing.push(`plan ${id}`);
    }
    const jobRows = new Set(
      (await queryRows<{ id: string }>(database.orm, sql`select id::text from import_jobs where id::text = any(${list([...importJobs.keys()])})`)).map(
        (r) => r.id,
      ),
    );
    for (const id of importJobs.keys()) {
      if (jobRows.has(id)) found.importJob++;
      else missing.push(`import job ${id}`);
    }
    for (const [prefix, imported] of importsDone) {
      const rows = (await queryOne<{ n: number }>(database.orm, sql`select count(*)::int as n from permits where permit_number like ${`${prefix}-%`}`))!.n;
      found.importRows += rows === imported ? 1 : 0;
      if (rows !== imported) missing.push(`import ${prefix}: ${rows} rows of ${imported} reported`);
    }

    const acknowledged: Record<WriteKind, number> = {
      signIn: sessions.length,
      report: reports.size,
      triage: [...reports.values()].filter((s) => s === 'verified').length,
      plan: plans.length,
      importJob: importJobs.size,
      importRows: importsDone.size,
    };
    const after = await call(
      '/api/v1/planning/plans',
      json(
        'POST',
        { title: 'Setelah uji gangguan', date: '2024-06-14', areaCode: '19.04', targets: candidateIds.map((candidateId) => ({ candidateId })) },
        cookie,
      ),
    );
    return {
      cycles: options.cycles,
      acknowledged,
      found,
      missing,
      halfWrittenBatches: await halfWrittenBatches(database, [...importJobs.values()]),
      importsDone: importsDone.size,
      importsFailed,
      importsStuck: await openJobs(),
      answers,
      recoveryMs,
      firstWriteMs,
      sameProcess: api.pid === pid && (await health()) === 200 && after.status === 201,
    };
  } finally {
    await api?.kill();
    await database?.close().catch(() => undefined);
    await cluster.destroy();
    await rm(uploads, { recursive: true, force: true });
  }
}

/**
 * Import batches that are not whole: a committed batch whose permits differ in number from what it
 * says it imported, permits of a batch that was never committed, and permits of the test's files
 * whose batch is missing.
 */
export async function halfWrittenBatches(database: Database, prefixes: string[]): Promise<string[]> {
  const mismatched = await queryRows<{ id: string; imported: number; rows: number }>(
    database.orm,
    sql`select b.id::text, b.imported, (select count(*)::int from permits p where p.origin = 'batch:' || b.id::text) as rows
        from import_batches b where b.kind = 'permits' and b.status = 'committed'
        and b.imported <> (select count(*) from permits p where p.origin = 'batch:' || b.id::text)`,
  );
  const orphans = await queryRows<{ origin: string; n: number }>(
    database.orm,
    sql`select p.origin, count(*)::int as n from permits p
        where p.origin like 'batch:%' and not exists (select 1 from import_batches b where 'batch:' || b.id::text = p.origin and b.status = 'committed')
        group by p.origin`,
  );
  const unbatched = prefixes.length
    ? await queryRows<{ prefix: string; n: number }>(
        database.orm,
        sql`select split_part(permit_number, '-', 1) as prefix, count(*)::int as n from permits
            where split_part(permit_number, '-', 1) = any(${list(prefixes)}) and (origin is null or origin not like 'batch:%')
            group by 1`,
      )
    : [];
  return [
    ...mismatched.map((b) => `batch ${b.id}: ${b.rows} rows, ${b.imported} imported`),
    ...orphans.map((o) => `${o.n} rows of ${o.origin}, which is not committed`),
    ...unbatched.map((u) => `${u.n} rows of ${u.prefix} outside any batch`),
  ];
}

export interface EmbeddedFaultResult {
  cycles: number;
  /** Cycles whose kill came in the middle of the import: none of its rows is there afterwards. */
  killedMidImport: number;
  /** Cycles after which the data folder opened again. */
  reopened: number;
  /** Rows of imports killed mid-way found afterwards, over all of them (must stay 0). */
  killedRowsFound: number;
  /**
   * Kills that came after the import committed (on a loaded machine the progress is answered late):
   * every row of it is there. Not a failure; only a part of an import would be (`partialBatches`).
   */
  committedBeforeKill: number;
  partialBatches: string[];
  halfWrittenBatches: string[];
  /** Cycles whose counts before the kill differed from those after, as text. */
  countChanges: string[];
  /** Mismatches of the people pre-aggregate against the direct count, over all cycles. */
  aggregateMismatches: number;
  /** Small imports committed (reported done) before a kill, and of those, found whole afterwards. */
  committedImports: number;
  committedImportsFound: number;
  /** Per cycle: ms for the folder to open after the kill. */
  reopenMs: number[];
}

/** What the earlier data amounts to: compared before and after each kill. */
async function dataCounts(database: Database): Promise<string> {
  const row = await queryOne<Record<string, number>>(
    database.orm,
    sql`select (select count(*)::int from permits) as permits, (select count(*)::int from people) as people,
        (select count(*)::int from import_batches) as batches, (select count(*)::int from reports) as reports,
        (select count(*)::int from areas) as areas, (select count(*)::int from users) as users`,
  );
  return JSON.stringify(row);
}

/**
 * The embedded database killed in the middle of an import, `cycles` times: the fixture (or a copy of
 * it) in a data folder of its own, then per cycle an API process on it, an import uploaded and seen
 * under way, SIGKILL, and the folder opened again here to check it.
 */
export async function killEmbeddedMidImport(options: {
  cycles: number;
  fixture: Blob;
  rows?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedFaultResult> {
  const log = options.log ?? (() => {});
  const folder = await mkdtemp(join(tmpdir(), 'pantau-fault-embedded-'));
  const dataDir = join(folder, 'pglite');
  const result: EmbeddedFaultResult = {
    cycles: options.cycles,
    killedMidImport: 0,
    reopened: 0,
    killedRowsFound: 0,
    committedBeforeKill: 0,
    partialBatches: [],
    halfWrittenBatches: [],
    countChanges: [],
    aggregateMismatches: 0,
    committedImports: 0,
    committedImportsFound: 0,
    reopenMs: [],
  };
  const email = 'fault-embedded@test.pantau.id';
  const password = 'fault-test-password-1';
  try {
    // The fixture into the folder, with an account that imports, and one small import committed before the kills.
    const seeded = await connect({ kind: 'pglite', dataDir, loadDataDir: options.fixture });
    await addUser(seeded.orm, { email, role: 'analyst', password, scope: ['19.04'] });
    await seeded.close();
    const total = options.rows ?? 100_000;
    // Files of imports killed mid-way (none of their rows may be there), and of imports that committed
    // before their kill came (all of their rows must be).
    const killed: string[] = [];
    const committedFirst: string[] = [];
    // The counts before a cycle are those the previous cycle found after its kill: nothing opens the folder in between.
    let before = (await openAndCheck(dataDir)).counts;
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const prefix = `EMBKILL${cycle}`;
      const api = await startApiProcess({ PANTAU_DATA_DIR: folder });
      try {
        const login = await fetch(`${api.url}/api/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: api.url },
          body: JSON.stringify({ email, password }),
        });
        if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
        const cookie = login.headers
          .getSetCookie()
          .find((c) => c.startsWith('pantau_session='))!
          .split(';')[0]!;
        // Every other cycle first commits a small import: data written by an earlier process that the kill must not touch.
        if (cycle % 2 === 1) {
          const report = await importAndWait(api.url, cookie, `EMBOK${cycle}.csv`, permitCsv(`EMBOK${cycle}`, 50));
          if (report.imported !== 50) throw new Error(`the small import: ${JSON.stringify(report)}`);
          result.committedImports++;
        }
        const form = new FormData();
        form.set('kind', 'permits');
        form.set('file', new File([permitCsv(prefix, total)], `${prefix}.csv`, { type: 'text/csv' }));
        const started = await fetch(`${api.url}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie, origin: api.url } });
        const job = (await started.json()) as Json;
        if (started.status !== 202) throw new Error(`upload: ${started.status} ${JSON.stringify(job)}`);
        // Rows are written in chunks as they are read, in one transaction. Killed once the live progress
        // (answered between chunks, without the database) shows rows read, and up to 2 s later.
        const deadline = Date.now() + 120_000;
        for (;;) {
          const state = (await (await fetch(`${api.url}/api/v1/imports/${job.id as string}`, { headers: { cookie } })).json()) as Json;
          if (state.status === 'done') throw new Error(`cycle ${cycle}: the import ended before the kill: make the file larger`);
          if (state.status === 'running' && Number((state.progress as Json | undefined)?.rows ?? 0) > 0) break;
          if (Date.now() > deadline) throw new Error(`cycle ${cycle}: the import was not under way within 120 s: ${JSON.stringify(state)}`);
          await sleep(10);
        }
        await sleep(Math.random() * 2000);
      } finally {
        await api.kill('SIGKILL');
      }
      const opened = performance.now();
      const after = await openAndCheck(dataDir, { killed, committedFirst, current: prefix, thisCycle: [`EMBOK${cycle}`, prefix] });
      result.reopenMs.push(performance.now() - opened);
      result.reopened++;
      // The kill came mid-import (no row of it) or, on a loaded machine, after its commit (every row); never between.
      if (after.currentRows === 0) killed.push(prefix);
      else if (after.currentRows === total) committedFirst.push(prefix);
      else result.partialBatches.push(`${prefix}: ${after.currentRows} of ${total} rows`);
      result.killedMidImport = killed.length;
      result.committedBeforeKill = committedFirst.length;
      result.killedRowsFound = after.killedRows;
      result.partialBatches.push(...after.committedFirstNotWhole);
      result.halfWrittenBatches = [...new Set([...result.halfWrittenBatches, ...after.halfWritten])];
      result.aggregateMismatches += after.aggregateMismatches;
      // Every small import committed so far, still whole: the last cycle speaks for all.
      result.committedImportsFound = after.committedRows.filter((n) => n === 50).length;
      // Less what this cycle committed (the small import, an import that committed before its kill), the counts are those before it.
      if (after.countsBefore !== before) result.countChanges.push(`cycle ${cycle}: before ${before}, after ${after.countsBefore}`);
      before = after.counts;
      log(
        `cycle ${cycle}/${options.cycles}: reopened in ${Math.round(result.reopenMs.at(-1)!)} ms; the killed import: ${after.currentRows} of ${total} rows; ${after.aggregateMismatches} aggregate mismatches`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return result;
}

/** Uploads a permit list and waits until its import ends; answers its report. */
async function importAndWait(apiUrl: string, cookie: string, fileName: string, content: string): Promise<Json> {
  const form = new FormData();
  form.set('kind', 'permits');
  form.set('file', new File([content], fileName, { type: 'text/csv' }));
  const started = (await (await fetch(`${apiUrl}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie, origin: apiUrl } })).json()) as Json;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const state = (await (await fetch(`${apiUrl}/api/v1/imports/${started.id as string}`, { headers: { cookie } })).json()) as Json;
    if (state.status === 'done') return state.report as Json;
    if (state.status === 'failed') throw new Error(`import ${fileName} failed: ${JSON.stringify(state.error)}`);
    await sleep(100);
  }
  throw new Error(`import ${fileName} did not end within 120 s`);
}

/**
 * Opens the data folder (as the next start would), counts, checks the batches and the people
 * pre-aggregate, closes it. `killed`: files of imports killed mid-way (none of their rows may be
 * there); `committedFirst`: files of imports that committed before their kill (all their rows);
 * `current`: the file of this cycle's killed import; `thisCycle`: files this cycle may have committed,
 * left out of `countsBefore`.
 */
async function openAndCheck(dataDir: string, files: { killed?: string[]; committedFirst?: string[]; current?: string; thisCycle?: string[] } = {}) {
  const { killed = [], committedFirst = [], current, thisCycle = [] } = files;
  const database = await connect({ kind: 'pglite', dataDir });
  try {
    const counts = await dataCounts(database);
    const rowsOf = async (prefixes: string[]) =>
      prefixes.length
        ? await queryRows<{ prefix: string; n: number }>(
            database.orm,
            sql`select split_part(permit_number, '-', 1) as prefix, count(*)::int as n from permits
                where split_part(permit_number, '-', 1) = any(${list(prefixes)}) group by 1`,
          )
        : [];
    const killedRows = (await rowsOf(killed)).reduce((n, r) => n + r.n, 0);
    const currentRows = current ? ((await rowsOf([current]))[0]?.n ?? 0) : 0;
    const firstRows = new Map((await rowsOf(committedFirst)).map((r) => [r.prefix, r.n]));
    const committedFirstNotWhole = committedFirst.filter((p) => firstRows.get(p) === undefined).map((p) => `${p}: committed before its kill, now gone`);
    const halfWritten = await halfWrittenBatches(database, [...killed, ...committedFirst, ...(current ? [current] : [])]);
    const days = await holderCountCheckDays(database.orm, 4);
    const aggregateMismatches = (await verifyHolderCounts(database.orm, days)).length;
    // The counts less the imports committed this cycle: their permits, their people and their batches.
    const added = await queryOne<{ permits: number; people: number; batches: number }>(
      database.orm,
      sql`select (select count(*)::int from permits where split_part(permit_number, '-', 1) = any(${list(thisCycle)})) as permits,
          (select count(distinct person_id)::int from permits where split_part(permit_number, '-', 1) = any(${list(thisCycle)})) as people,
          (select count(*)::int from import_batches where file_name = any(${list(thisCycle.map((p) => `${p}.csv`))})) as batches`,
    );
    const all = JSON.parse(counts) as Record<string, number>;
    const countsBefore = JSON.stringify({
      ...all,
      permits: all.permits! - added!.permits,
      people: all.people! - added!.people,
      batches: all.batches! - added!.batches,
    });
    // The rows of every small import committed so far (one per odd cycle): each must hold its 50.
    const committedRows = (
      await queryRows<{ n: number }>(
        database.orm,
        sql`select count(*)::int as n from permits where permit_number like 'EMBOK%' group by split_part(permit_number, '-', 1)`,
      )
    ).map((r) => r.n);
    return { counts, countsBefore, killedRows, currentRows, committedFirstNotWhole, halfWritten, aggregateMismatches, committedRows };
  } finally {
    await database.close();
  }
}
