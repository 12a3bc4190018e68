// Bulk writes on each backend: COPY on the server, jsonb on PGlite; any text survives, a refused row
// fails the whole write (and never hangs), and row-level security is honoured.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { insertRows, usesCopy, withRows, type BulkColumn } from './bulk.js';
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

  if (backend === 'postgres') {
    test('where row-level security applies, COPY (which it refuses) gives way to an INSERT the policies check', async () => {
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
  }
});
