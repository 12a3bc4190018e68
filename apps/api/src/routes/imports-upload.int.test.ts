// Uploads are streamed to a temporary file as they arrive (issue 18, item 12): the file is on disk
// before the body has ended, an upload over the limit is refused with 413 as soon as it crosses it
// (the rest of the body is never read) and leaves no temporary file, and the file goes when the job ends.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const LIMIT = 64 * 1024;
const BOUNDARY = 'pantau-test-boundary';
const encoder = new TextEncoder();

/** The multipart text before and after the file's bytes. */
function multipart(fileName: string, fields: Record<string, string> = { kind: 'permits' }) {
  const head =
    Object.entries(fields)
      .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') + `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { head: encoder.encode(head), tail: encoder.encode(`\r\n--${BOUNDARY}--\r\n`) };
}

/** A request body the test feeds piece by piece; it ends only when told to (or never). */
function controlledBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
  });
  return { stream, push: (bytes: Uint8Array) => controller.enqueue(bytes), end: () => controller.close() };
}

const permitLines = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `ST-${from + i};KITAS;NAMA ${from + i};Tiongkok;13/06/2024;13/06/2025;Bangka Tengah\n`).join('');

describe.each(testBackends())('streamed uploads on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof as>;
  let uploads: string;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    uploads = await mkdtemp(join(tmpdir(), 'pantau-upload-test-'));
    const created = createApp({
      database: t.database,
      config: { trustProxy: false, logLevel: 'warn' },
      clock,
      log: () => {},
      uploads: { maxBytes: LIMIT, tempDir: uploads },
    });
    app = as(created, await signedInAccount(t.database, 'admin'));
  });
  afterAll(async () => {
    await t?.dispose();
    if (uploads) await rm(uploads, { recursive: true, force: true });
  });

  const post = (path: string, body: ReadableStream<Uint8Array> | Uint8Array, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
      duplex: 'half',
    } as RequestInit);

  /** The files under the test's temporary folder, with their sizes. */
  async function filesOnDisk(): Promise<Array<{ path: string; size: number }>> {
    const found: Array<{ path: string; size: number }> = [];
    for (const dir of await readdir(uploads)) {
      for (const name of await readdir(join(uploads, dir)).catch(() => [] as string[]))
        found.push({ path: join(uploads, dir, name), size: (await stat(join(uploads, dir, name))).size });
    }
    return found;
  }
  /** Waits, turn by turn of the event loop (a bounded count, not a clock), until `check` holds. */
  async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 2000; i++) {
      const value = await check();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('condition never held');
  }

  test('the upload reaches a temporary file before its body has ended, and the file is removed when the job ends', async () => {
    const { head, tail } = multipart('daftar.csv');
    const body = controlledBody();
    const answer = post('/api/v1/imports', body.stream);
    body.push(head);
    body.push(encoder.encode(`No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten\n${permitLines(1, 100)}`));
    // The body is still open: what arrived is already on disk.
    const partial = await eventually(async () => (await filesOnDisk()).find((f) => f.path.endsWith('daftar.csv') && f.size > 1000));
    body.push(encoder.encode(permitLines(101, 100)));
    body.push(tail);
    body.end();
    const response = await answer;
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const job = await eventually(async () => {
      const state = (await (await app.request(`/api/v1/imports/${id}`)).json()) as Record<string, any>;
      return state.status === 'running' ? undefined : state;
    });
    expect(job).toMatchObject({ status: 'done', report: { imported: 200, rejected: 0 } });
    expect(partial.size).toBeGreaterThan(1000);
    expect(await filesOnDisk()).toEqual([]);
    expect(await readdir(uploads)).toEqual([]);
  });

  test.each(['/api/v1/imports', '/api/v1/imports/preview'])(
    'POST %s over the limit is refused with 413 as soon as it crosses it and leaves no temporary file',
    async (path) => {
      const { head } = multipart('besar.csv');
      const body = controlledBody();
      const answer = post(path, body.stream);
      body.push(head);
      body.push(encoder.encode(`No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten\n${permitLines(1, 1000)}`)); // ~70 KB
      // The body never ends: only an answer given while it streams can come back.
      const response = await answer;
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      expect(await readdir(uploads)).toEqual([]);
    },
  );

  test('a declared length over the limit is refused before the body is read', async () => {
    const { head, tail } = multipart('besar.csv');
    const response = await post('/api/v1/imports/preview', new Uint8Array([...head, ...new Uint8Array(LIMIT), ...tail]));
    expect(response.status).toBe(413);
    expect(await readdir(uploads)).toEqual([]);
  });

  test('a preview under the limit is read from the temporary file, which is then removed', async () => {
    const { head, tail } = multipart('kecil.csv');
    const content = encoder.encode(`No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten\n${permitLines(1, 3)}`);
    const response = await post('/api/v1/imports/preview', new Uint8Array([...head, ...content, ...tail]));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ fileName: 'kecil.csv', format: 'csv', rows: [{ row: 2 }, { row: 3 }, { row: 4 }] });
    expect(await readdir(uploads)).toEqual([]);
  });
});
