// Bulk writes on each backend: COPY on the server, jsonb on PGlite; any text survives, a refused row
// fails the whole write (and never hangs), and row-level security is honoured.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { insertRows, openBulkWriter, usesCopy, withRows, type BulkColumn } from './bulk.js';
import { queryRows, sql } from './connect.js';

const COLUMNS: BulkColumn[] = [{ name: 'n', type: 'int' }, { name: 'label', type: 'text' }, { name: 'day', type: 'date' }, { name: 'x', type: 'float8' }];
/** Why `attempt` failed, as the database said it (drizzle wraps driver errors with the query). */
const failure = (attempt: Promise<unknown>) => attempt.then(() => 'no error', (error: Error & { cause?: Error }) => error.cause?.message ?? error.message);

const TRICKY = ['tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash \\N', 'JOSÉ GARCÍA 王伟', '', '"quoted", semi;colon'];

describe.each(testBackends())('bulk writes on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    await t.database.orm.execute(sql`create table bulk_test (n int primary key, label text, day date, x float8)`);
  });
  afterAll(async () => { await t?.dispose(); });

  test('rows with tabs, line breaks, backslashes, nulls and any script arrive as they were', async () => {
    const rows = TRICKY.map((label, i) => ({ n: i + 1, label, day: i % 2 ? null : '2024-06-13', x: i % 3 ? 106.123456789012 + i : null }));
    const copied = await t.database.orm.transaction(async (tx) => {
      expect(usesCopy(tx)).toBe(backend === 'postgres');
      await insertRows(tx, 'bulk_test', COLUMNS, rows);
      return withRows<{ n: number; label: string }>(tx, COLUMNS, rows, (source) => sql`select r.n, r.label from ${source} order by r.n`);
    });
    expect(copied.map((r) => r.label)).toEqual(TRICKY);
    const stored = await queryRows<{ n: number; label: string; day: string | null; x: number | null }>(t.database.orm,
      sql`select n, label, day::text as day, x from bulk_test order by n`);
    expect(stored.map((r) => ({ ...r, n: Number(r.n), x: r.x === null ? null : Number(r.x) }))).toEqual(rows);
  });

  test('a row the database refuses fails the whole write, and the transaction rolls back', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ n: 1000 + i, label: 'x', day: null, x: null }));
    rows.push({ n: 1, label: 'already there', day: null, x: null });
    expect(await failure(t.database.orm.transaction((tx) => insertRows(tx, 'bulk_test', COLUMNS, rows)))).toMatch(/duplicate key/);
    expect(await queryRows(t.database.orm, sql`select 1 from bulk_test where n >= 1000`)).toEqual([]);
  });

  test('a bulk writer takes rows in many writes (one COPY on the server) and counts what the table gained', async () => {
    const written = await t.database.orm.transaction(async (tx) => {
      const writer = await openBulkWriter(tx, 'bulk_test', COLUMNS);
      for (let i = 0; i < 50; i++) await writer.write(Array.from({ length: 200 }, (_, j) => ({ n: 100_000 + i * 200 + j, label: TRICKY[j % TRICKY.length], day: null, x: j })));
      return writer.close();
    });
    expect(written).toBe(10_000);
    expect(await queryRows(t.database.orm, sql`select count(*)::int as n, count(distinct label)::int as labels from bulk_test where n >= 100000`)).toEqual([{ n: 10_000, labels: TRICKY.length }]);
  });

  test('a refused row fails the bulk writer (at a later write or at close) and the transaction rolls back whole', async () => {
    const attempt = t.database.orm.transaction(async (tx) => {
      const writer = await openBulkWriter(tx, 'bulk_test', COLUMNS);
      try {
        await writer.write([{ n: 200_000, label: 'new', day: null, x: null }, { n: 1, label: 'already there', day: null, x: null }]);
        for (let i = 0; i < 20; i++) await writer.write(Array.from({ length: 500 }, (_, j) => ({ n: 200_001 + i * 500 + j, label: 'x', day: null, x: null })));
        return await writer.close();
      } catch (error) {
        writer.abort();
        throw error;
      }
    });
    expect(await failure(attempt)).toMatch(/duplicate key/);
    expect(await queryRows(t.database.orm, sql`select 1 from bulk_test where n >= 200000`)).toEqual([]);
  });

  // COPY is the server's path (PGlite writes with INSERT): these two are reported as skipped on PGlite.
  const onServer = test.skipIf(backend !== 'postgres');
  onServer('an abandoned COPY is given up, so the transaction can still roll back', async () => {
    const attempt = t.database.orm.transaction(async (tx) => {
      const writer = await openBulkWriter(tx, 'bulk_test', COLUMNS);
      await writer.write([{ n: 300_000, label: 'half', day: null, x: null }]);
      writer.abort();
      throw new Error('the file could not be read further');
    });
    await expect(attempt).rejects.toThrow('could not be read further');
    expect(await queryRows(t.database.orm, sql`select 1 from bulk_test where n >= 300000`)).toEqual([]);
  });

  onServer('where row-level security applies, COPY (which it refuses) gives way to an INSERT the policies check', async () => {
    const role = `pantau_bulk_${randomBytes(3).toString('hex')}`;
    await t.database.orm.execute(sql.raw(`create role ${role} nologin`));
    try {
      for (const statement of ['create table bulk_rls (n int, label text, day date, x float8)', `alter table bulk_rls owner to ${role}`,
        'alter table bulk_rls enable row level security', 'alter table bulk_rls force row level security',
        "create policy bulk_rls_all on bulk_rls using (true) with check (label <> 'refused')"]) await t.database.orm.execute(sql.raw(statement));
      const asRole = sql.raw(`set local role ${role}`);
      await t.database.orm.transaction(async (tx) => {
        await tx.execute(asRole);
        await insertRows(tx, 'bulk_rls', COLUMNS, [{ n: 1, label: 'fine', day: null, x: null }]);
      });
      expect(await failure(t.database.orm.transaction(async (tx) => {
        await tx.execute(asRole);
        await insertRows(tx, 'bulk_rls', COLUMNS, [{ n: 2, label: 'refused', day: null, x: null }]);
      }))).toMatch(/row-level security/);
      expect(await queryRows(t.database.orm, sql`select n, label from bulk_rls`)).toEqual([{ n: 1, label: 'fine' }]);
    } finally {
      await t.database.orm.execute(sql.raw('drop table if exists bulk_rls'));
      await t.database.orm.execute(sql.raw(`drop role ${role}`));
    }
  });
});
