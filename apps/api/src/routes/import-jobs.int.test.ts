// Import jobs live in the database (issue 24): a job is followed from any API instance on the same
// database; a job an instance left running when it stopped fails `interrupted` with nothing written,
// and can be rerun; finished jobs and their uploads are deleted after the retention time; an upload
// over the size limit is still refused while it streams, and leaves no job.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimImportJob, createImportJob, finishImportJob, runImport } from '@pantau/data';
import { importBatches, importJobs, permits, queryOne, sql, users } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount, type TestAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';
import { createImportJobs, STALE_AFTER_MS, type ImportJobs } from '../imports/import-jobs.js';
import { UPLOAD_FOLDER_PREFIX } from './upload-stream.js';

const NOW = new Date('2024-06-13T03:00:00Z');
const clock = { now: () => NOW };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const HEADER = 'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten';
const csv = (prefix: string, count: number) =>
  `${HEADER}\n${Array.from({ length: count }, (_, i) => `${prefix}-${i + 1};KITAS;NAMA ${prefix} ${i + 1};Tiongkok;13/06/2024;13/06/2025;Bangka Tengah`).join('\n')}\n`;
const LIMIT = 64 * 1024;

type App = ReturnType<typeof as>;

describe.each(testBackends())('import jobs on %s', (backend) => {
  let t: TestDatabase;
  let uploads: string;
  let account: TestAccount;
  let ownerId: number;
  let jobsA: ImportJobs;
  /** Two API instances on the same database, each with its own jobs runner, and the same signed-in user. */
  let instanceA: App;
  let instanceB: App;
  let otherUser: App;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    uploads = await mkdtemp(join(tmpdir(), 'pantau-jobs-test-'));
    const instance = (importJobs: ImportJobs) =>
      createApp({
        database: t.database,
        config: { trustProxy: false, logLevel: 'warn' },
        clock,
        log: () => {},
        uploads: { maxBytes: LIMIT, tempDir: uploads },
        importJobs,
      });
    jobsA = createImportJobs({ database: t.database, clock, log: () => {} });
    const appA = instance(jobsA);
    const appB = instance(createImportJobs({ database: t.database, clock, log: () => {} }));
    account = await signedInAccount(t.database, 'admin');
    instanceA = as(appA, account);
    instanceB = as(appB, account);
    otherUser = as(appB, await signedInAccount(t.database, 'admin'));
    ownerId = (await queryOne<{ id: number }>(t.database.orm, sql`select id from ${users} where email = ${account.email}`))!.id;
  });
  afterAll(async () => {
    await t?.dispose();
    if (uploads) await rm(uploads, { recursive: true, force: true });
  });

  async function upload(app: App, name: string, content: string) {
    const form = new FormData();
    form.set('kind', 'permits');
    form.set('file', new File([content], name, { type: 'text/csv' }));
    const response = await app.request('/api/v1/imports', { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }
  const job = async (app: App, id: string) => {
    const response = await app.request(`/api/v1/imports/${id}`);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  async function finished(app: App, id: string) {
    for (let i = 0; i < 400; i++) {
      const state = (await job(app, id)).body;
      if (state.status !== 'running' && state.status !== 'queued') return state;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }
  const rerun = async (app: App, id: string) => {
    const response = await app.request(`/api/v1/imports/${id}/rerun`, { method: 'POST', headers: { origin: 'http://localhost' } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const permitCount = async (prefix: string) =>
    (await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from ${permits} where permit_number like ${`${prefix}-%`}`))!.n;
  const batchCount = async (fileName: string) =>
    (await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from ${importBatches} where file_name = ${fileName}`))!.n;
  const jobCount = async () => (await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from ${importJobs}`))!.n;

  /** An upload as receiveUpload leaves it: the file in a folder of its own under the upload directory. */
  async function uploadedFile(name: string, content: string) {
    const folder = await mkdtemp(join(uploads, UPLOAD_FOLDER_PREFIX));
    const path = join(folder, name);
    await writeFile(path, content);
    return { folder, path };
  }
  /** A job as an instance records it when it starts one, its heartbeat written at `startedAt`. */
  async function runningJob(name: string, content: string, startedAt: Date) {
    const { folder, path } = await uploadedFile(name, content);
    const id = randomUUID();
    await createImportJob(t.database, { id, kind: 'permits', fileName: name, ownerId, scope: null, options: { dryRun: false }, filePath: path }, startedAt);
    expect(await claimImportJob(t.database, id, startedAt)).toBe(true);
    return { id, folder, path };
  }
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );

  test('a job started on one instance is followed from another on the same database, by its owner only', async () => {
    const started = await upload(instanceA, 'dua-instans.csv', csv('JB', 3));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'permits', fileName: 'dua-instans.csv', status: 'running', rerunnable: false });
    const seenFromB = await finished(instanceB, started.body.id);
    expect(seenFromB).toMatchObject({
      status: 'done',
      progress: { rows: 3, percent: 100 },
      report: { status: 'committed', imported: 3, rejected: 0 },
      finishedAt: expect.any(String),
      rerunnable: false,
    });
    // A new instance (a restart) answers the same.
    const restarted = as(
      createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {}, uploads: { tempDir: uploads } }),
      account,
    );
    expect((await job(restarted, started.body.id)).body).toEqual(seenFromB);
    expect(await job(otherUser, started.body.id)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await permitCount('JB')).toBe(3);
  });

  test('a job an instance left running when it stopped fails `interrupted` at the next start, with nothing written, and a rerun imports it', async () => {
    const dead = await runningJob('terputus.csv', csv('JD', 4), at(-10 * MINUTE));
    // Another instance's job, its heartbeat fresh: that instance still runs it.
    const alive = await runningJob('berjalan.csv', csv('JL', 2), at(-STALE_AFTER_MS / 2));
    expect((await job(instanceA, dead.id)).body).toMatchObject({ status: 'running' });

    const swept = await createImportJobs({ database: t.database, clock, log: () => {} }).sweep();
    expect(swept.interrupted).toContain(dead.id);
    expect(swept.interrupted).not.toContain(alive.id);
    const failed = (await job(instanceB, dead.id)).body;
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'interrupted' }, rerunnable: true });
    expect(failed.error.message).toContain('nothing was written');
    expect((await job(instanceB, alive.id)).body).toMatchObject({ status: 'running' });
    expect(await permitCount('JD')).toBe(0);
    expect(await batchCount('terputus.csv')).toBe(0);

    const again = await rerun(instanceB, dead.id);
    expect(again).toMatchObject({ status: 202, body: { id: dead.id, status: 'running' } });
    expect(await finished(instanceA, dead.id)).toMatchObject({ status: 'done', report: { status: 'committed', imported: 4 }, rerunnable: false });
    expect(await permitCount('JD')).toBe(4);
    expect(await batchCount('terputus.csv')).toBe(1);
    // The imported file is removed once the job is done.
    expect(await exists(dead.folder)).toBe(false);
  });

  test('an import cut off part-way writes nothing: its rows and its batch are one transaction', async () => {
    const { path } = await uploadedFile('terpotong.csv', csv('JC', 2500));
    const cutOff = new Error('the server stopped');
    await expect(
      runImport(t.database, {
        kind: 'permits',
        path,
        chunkSize: 500,
        // Progress comes every thousand rows: at the second, chunks of the first rows are already written.
        onProgress: ({ rows }) => {
          if (rows >= 2000) throw cutOff;
        },
      }),
    ).rejects.toThrow(cutOff.message);
    expect(await permitCount('JC')).toBe(0);
    expect(await batchCount('terpotong.csv')).toBe(0);
  });

  test('a rerun answers 409 while the job runs or once it is done, 410 when its file is gone, 404 to another user', async () => {
    const running = await runningJob('masih-jalan.csv', csv('JR', 1), NOW);
    expect(await rerun(instanceA, running.id)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(await rerun(otherUser, running.id)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });

    const gone = await runningJob('hilang.csv', csv('JG', 1), NOW);
    await finishImportJob(t.database, gone.id, { status: 'failed', error: { code: 'internal_error', message: 'x' } }, NOW, false);
    expect((await job(instanceA, gone.id)).body).toMatchObject({ status: 'failed', rerunnable: true });
    await rm(gone.folder, { recursive: true });
    expect(await rerun(instanceA, gone.id)).toMatchObject({ status: 410, body: { error: { code: 'upload_gone' } } });
    expect((await job(instanceA, gone.id)).body).toMatchObject({ status: 'failed', rerunnable: false });
    expect(await permitCount('JG')).toBe(0);

    const done = await upload(instanceA, 'selesai.csv', csv('JS', 1));
    await finished(instanceA, done.body.id);
    expect(await rerun(instanceA, done.body.id)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });

  test('finished jobs and their uploads are deleted by the sweep once older than the retention time; newer ones stay', async () => {
    const old = await runningJob('lama.csv', csv('JO', 1), at(-10 * DAY));
    await finishImportJob(t.database, old.id, { status: 'failed', error: { code: 'internal_error', message: 'x' } }, at(-8 * DAY), false);
    const recent = await runningJob('baru.csv', csv('JN', 1), at(-2 * DAY));
    await finishImportJob(t.database, recent.id, { status: 'failed', error: { code: 'internal_error', message: 'x' } }, at(-1 * DAY), false);

    const swept = await createImportJobs({ database: t.database, clock, log: () => {}, retentionMs: 7 * DAY }).sweep();
    expect(swept.deleted).toContain(old.id);
    expect(swept.deleted).not.toContain(recent.id);
    expect(await job(instanceA, old.id)).toMatchObject({ status: 404 });
    expect(await exists(old.folder)).toBe(false);
    expect((await job(instanceA, recent.id)).body).toMatchObject({ status: 'failed', rerunnable: true });
    expect(await exists(recent.path)).toBe(true);
  });

  test('an upload over the size limit is refused while it streams and leaves neither a job nor a file', async () => {
    const before = await jobCount();
    const foldersBefore = await readdir(uploads);
    const boundary = 'pantau-jobs-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\npermits\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    // The body never ends: only an answer given while it streams can come back.
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode(head + csv('JX', 2000)));
      },
    });
    const response = await instanceA.request('/api/v1/imports', {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await jobCount()).toBe(before);
    expect(await readdir(uploads)).toEqual(foldersBefore);
  });

  test("a finished import fences its owner's reads after its rows are committed and before the job says done (read-your-writes with a replica); a failed one does not", async () => {
    const fenced: Array<{ owner: number; permits: number; status: string }> = [];
    const jobs = createImportJobs({
      database: t.database,
      clock,
      log: () => {},
      afterWrite: async (owner) => {
        const seen = await queryOne<{ status: string }>(
          t.database.orm,
          sql`select status from ${importJobs} where owner_id = ${owner} and file_name = 'pagar.csv'`,
        );
        fenced.push({ owner, permits: await permitCount('PG'), status: seen!.status });
      },
    });
    const app = as(
      createApp({
        database: t.database,
        config: { trustProxy: false, logLevel: 'warn' },
        clock,
        log: () => {},
        uploads: { maxBytes: LIMIT, tempDir: uploads },
        importJobs: jobs,
      }),
      account,
    );
    const started = await upload(app, 'pagar.csv', csv('PG', 2));
    expect(started.status).toBe(202);
    expect((await finished(app, started.body.id)).status).toBe('done');
    expect(fenced).toEqual([{ owner: ownerId, permits: 2, status: 'running' }]);
    const broken = await upload(app, 'rusak.csv', 'bukan tabel\n');
    expect((await finished(app, broken.body.id)).status).toBe('failed');
    expect(fenced).toHaveLength(1);
  });
});
