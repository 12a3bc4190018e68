// Import batches and import checks keep to the caller's scope (issue 18, items 1 and 9): a batch is
// listed and rolled back only by a scope that holds every area its rows fall in, a clash with a record
// outside the scope is reported without saying what is there, and a job is followed only by its owner
// while their scope still holds the one it ran with.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { readAudit, signIn, updateUser } from '@pantau/data';
import { importBatches, MIGRATIONS_DIR, permits, queryOne, queryRows, sql } from '@pantau/db';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount, type TestAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const HEADER = 'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten';
const row = (number: string, regency: string) => `${number};KITAS;NAMA ${number};Tiongkok;13/06/2024;13/06/2025;${regency}`;
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const NEUTRAL = 'conflicts with a record you cannot see; ask an administrator';

type App = ReturnType<typeof as>;

describe.each(testBackends())('import batch scope on %s', (backend) => {
  let t: TestDatabase;
  let rawApp: ReturnType<typeof createApp>;
  let admin: App;
  let officeHead: App; // Pangkalpinang office: 19.04 and 19.71
  let analyst: App; // 19
  let analystAccount: TestAccount;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    rawApp = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    admin = as(rawApp, await signedInAccount(t.database, 'admin'));
    officeHead = as(rawApp, await signedInAccount(t.database, 'office_head', 'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang'));
    analystAccount = await signedInAccount(t.database, 'analyst', '19');
    analyst = as(rawApp, analystAccount);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function start(app: App, name: string, content: string, extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set('kind', 'permits');
    form.set('file', new File([content], name, { type: 'text/csv' }));
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    const response = await app.request('/api/v1/imports', { method: 'POST', body: form });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }
  async function finished(app: App, id: string) {
    for (let i = 0; i < 400; i++) {
      const job = (await (await app.request(`/api/v1/imports/${id}`)).json()) as Record<string, any>;
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }
  async function imported(app: App, name: string, content: string, extra: Record<string, string> = {}) {
    return finished(app, await start(app, name, content, extra));
  }
  const listed = async (app: App) => ((await (await app.request('/api/v1/imports')).json()) as { items: Array<{ id: string; areaCodes: string[] }> }).items;
  const rollback = async (app: App, id: string) => {
    const response = await app.request(`/api/v1/imports/${id}/rollback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: '{}',
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const permitCount = async (prefix: string) =>
    (await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from ${permits} where permit_number like ${`${prefix}%`}`))!.n;

  test('a batch is listed and rolled back only by a scope holding every area its rows fall in; elsewhere it answers like no batch', async () => {
    const jakarta = await imported(admin, 'jakarta.csv', csv(row('SJ-1', 'Jakarta Pusat'), row('SJ-2', 'Jakarta Pusat')));
    const mixed = await imported(admin, 'campur.csv', csv(row('SM-1', 'Bangka Tengah'), row('SM-2', 'Jakarta Pusat')));
    const bangka = await imported(admin, 'bangka.csv', csv(row('SB-1', 'Bangka Tengah')));
    const own = await imported(analyst, 'milik-analis.csv', csv(row('SA-1', 'Pangkalpinang')));
    for (const job of [jakarta, mixed, bangka, own]) expect(job).toMatchObject({ status: 'done', report: { rejected: 0 } });
    const [jakartaId, mixedId, bangkaId, ownId] = [jakarta, mixed, bangka, own].map((job) => job.report.batchId as string) as [string, string, string, string];

    expect((await listed(admin)).map((b) => b.id)).toEqual(expect.arrayContaining([jakartaId, mixedId, bangkaId, ownId]));
    expect((await listed(admin)).find((b) => b.id === mixedId)?.areaCodes).toEqual(['19.04', '31.71']);
    for (const scoped of [officeHead, analyst]) {
      const ids = (await listed(scoped)).map((b) => b.id);
      expect(ids).toEqual(expect.arrayContaining([bangkaId, ownId]));
      expect(ids).not.toContain(jakartaId);
      expect(ids).not.toContain(mixedId);
    }

    // Out of scope, wholly or in part: the same 404 and body as a batch that does not exist.
    for (const scoped of [officeHead, analyst]) {
      for (const id of [jakartaId, mixedId]) {
        const refused = await rollback(scoped, id);
        const unknownId = randomUUID();
        const unknown = await rollback(scoped, unknownId);
        expect(refused.status).toBe(404);
        expect(unknown.status).toBe(404);
        expect(JSON.stringify(refused.body).replaceAll(id, '<id>')).toBe(JSON.stringify(unknown.body).replaceAll(unknownId, '<id>'));
      }
    }
    expect(await permitCount('SJ-')).toBe(2);
    expect(await permitCount('SM-')).toBe(2);

    // In scope: rolled back, and the audit rows of the import and the rollback name the areas.
    expect(await rollback(officeHead, bangkaId)).toMatchObject({ status: 200, body: { removed: { permits: 1 } } });
    expect(await permitCount('SB-')).toBe(0);
    const audit = await readAudit(t.database.orm, { limit: 50 });
    expect(audit.find((a) => a.action === 'import.rollback' && a.target === bangkaId)).toMatchObject({ areaCode: '19.04', details: { areaCodes: ['19.04'] } });
    expect(audit.find((a) => a.action === 'import' && a.target === `permits:${mixedId}`)).toMatchObject({
      areaCode: null,
      details: { areaCodes: ['19.04', '31.71'] },
    });
    expect(await rollback(admin, mixedId)).toMatchObject({ status: 200, body: { removed: { permits: 2 } } });
  });

  test('batches already in the database get their areas from the migration', async () => {
    const job = await imported(admin, 'lama.csv', csv(row('SL-1', 'Bangka Tengah'), row('SL-2', 'Jakarta Pusat')));
    const id = job.report.batchId as string;
    await t.database.orm.execute(sql`update ${importBatches} set area_codes = '{}' where id = ${id}::uuid`);
    const statements = readFileSync(join(MIGRATIONS_DIR, '0011_import_batch_areas.sql'), 'utf8').split('--> statement-breakpoint');
    await t.database.orm.execute(sql.raw(statements[1]!));
    const [batch] = await queryRows<{ area_codes: string[] }>(t.database.orm, sql`select area_codes from ${importBatches} where id = ${id}::uuid`);
    expect(batch!.area_codes).toEqual(['19.04', '31.71']);
  });

  test('a clash with a record outside the scope is reported without saying what is there, in a dry run and in an import', async () => {
    expect(await imported(admin, 'jakarta-2.csv', csv(row('SX-1', 'Jakarta Pusat'), row('SX-3', 'Bangka Tengah')))).toMatchObject({
      status: 'done',
      report: { imported: 2 },
    });
    const file = csv(row('SX-1', 'Bangka Tengah'), row('SX-2', 'Bangka Tengah'), row('SX-3', 'Bangka Tengah'));

    const dryRun = await imported(analyst, 'cek.csv', file, { dryRun: 'true' });
    expect(dryRun.report.issues).toEqual([
      { row: 2, field: '(row)', value: 'SX-1 (ITAS)', code: 'conflicts_outside_scope', params: {}, reason: NEUTRAL },
      {
        row: 4,
        field: '(row)',
        value: 'SX-3 (ITAS)',
        code: 'already_in_pantau',
        params: { origin: expect.stringMatching(/^batch:/) },
        reason: expect.stringMatching(/^already in Pantau \(batch:/),
      },
    ]);
    expect(JSON.stringify(dryRun.report)).not.toMatch(/Jakarta|31\.71/);

    const real = await imported(analyst, 'cek.csv', file);
    expect(real.report).toMatchObject({ imported: 1, rejected: 2 });
    expect(real.report.issues[0]).toEqual({ row: 2, field: '(row)', value: 'SX-1 (ITAS)', code: 'conflicts_outside_scope', params: {}, reason: NEUTRAL });
    const held = await queryRows<{ permit_number: string; regency_code: string }>(
      t.database.orm,
      sql`select permit_number, regency_code from ${permits} where permit_number like 'SX-%' order by permit_number`,
    );
    expect(held).toEqual([
      { permit_number: 'SX-1', regency_code: '31.71' },
      { permit_number: 'SX-2', regency_code: '19.04' },
      { permit_number: 'SX-3', regency_code: '19.04' },
    ]);
  });

  test('a file imported before outside the scope is refused without its batch or report', async () => {
    const content = csv(row('SR-1', 'Jakarta Pusat'));
    const first = await imported(admin, 'sama.csv', content);
    const again = await imported(analyst, 'sama.csv', content);
    expect(again).toMatchObject({ status: 'failed', error: { code: 'invalid_file' } });
    expect(again.error.message).toContain(NEUTRAL);
    expect(again.error.message).not.toContain(first.report.batchId);
  });

  test('a job is followed only by its owner, and only while their scope still holds the one it ran with', async () => {
    const id = await start(analyst, 'ikut.csv', csv(row('SF-1', 'Bangka Tengah')));
    const job = await finished(analyst, id);
    expect(job.status).toBe('done');
    expect((await officeHead.request(`/api/v1/imports/${id}`)).status).toBe(404);
    // A changed scope ends the sessions: the same account signs in again with the narrower one.
    const signInAgain = async () => {
      const result = await signIn(t.database.orm, { email: analystAccount.email, password: analystAccount.password, address: 'test', now: new Date() });
      if (!result.ok) throw new Error(result.code);
      return as(rawApp, { cookie: `pantau_session=${result.token}` });
    };
    await updateUser(t.database.orm, analystAccount.email, { scope: ['19.04'] });
    const narrowedAnalyst = await signInAgain();
    const narrowed = await narrowedAnalyst.request(`/api/v1/imports/${id}`);
    const unknown = await narrowedAnalyst.request(`/api/v1/imports/${randomUUID()}`);
    expect(narrowed.status).toBe(404);
    expect(await narrowed.json()).toEqual(await unknown.json());
    await updateUser(t.database.orm, analystAccount.email, { scope: ['19'] });
    analyst = await signInAgain();
    expect((await analyst.request(`/api/v1/imports/${id}`)).status).toBe(200);
  });
});
