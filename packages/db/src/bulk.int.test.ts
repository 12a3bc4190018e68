// Bulk writes on each backend: COPY on the server, jsonb on PGlite; any text survives, a refused row
// fails the whole write (and never hangs), and row-level security is honoured.
import { randomBytes } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { insertRows, openBulkWriter, usesCopy, withRows, type BulkColumn } from './bulk.js';
import { queryRows, serverTransactionOf, sql, type Orm } from './connect.js';

const COLUMNS: BulkColumn[] = [
  { name: 'n', type: 'int' },
  { name: 'label', type: 'text' },
  { name: 'day', type: 'date' },
  { name: 'x', type: 'float8' },
];
/** Why `attempt` failed, as the database said it (drizzle wraps driver errors with the query). */
const failure = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'no error',
    (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
  );

/** `attempt`, or a failure naming `what` should it not settle within `ms` (a COPY the driver never settles). */
const within = <T>(what: string, attempt: Promise<T>, ms = 30_000) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    attempt,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} never settled`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};
/** The SQLSTATE of a failure, drizzle's wrapper or not. */
const codeOf = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;

const CHILD_COLUMNS: BulkColumn[] = [
  { name: 'n', type: 'int' },
  { name: 'parent', type: 'int' },
  { name: 'label', type: 'text' },
];

const TRICKY = ['tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash \\N', 'JOSÉ GARCÍA 王伟', '', '"quoted", semi;colon'];

describe.each(testBackends())('bulk writes on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    await t.database.orm.execute(sql`create table bulk_test (n int primary key, label text, day date, x float8)`);
    // A foreign key is checked when the statement ends: for a COPY, after its last row was sent.
    await t.database.orm.execute(sql`create table bulk_parent (id int primary key)`);
    await t.database.orm.execute(sql`create table bulk_child (n int primary key, parent int not null references bulk_parent, label text)`);
    await t.database.orm.execute(sql`insert into bulk_parent values (1)`);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('rows with tabs, line breaks, backslashes, nulls and any script arrive as they were', async () => {
    const rows = TRICKY.map((label, i) => ({ n: i + 1, label, day: i % 2 ? null : '2024-06-13', x: i % 3 ? 106.123456789012 + i : null }));
    const copied = await t.database.orm.transaction(async (tx) => {
      expect(usesCopy(tx)).toBe(backend === 'postgres');
      await insertRows(tx, 'bulk_test', COLUMNS, rows);
      return withRows<{ n: number; label: string }>(tx, COLUMNS, rows, (source) => sql`select r.n, r.label from ${source} order by r.n`);
    });
    expect(copied.map((r) => r.label)).toEqual(TRICKY);
    const stored = await queryRows<{ n: number; label: string; day: string | null; x: number | null }>(
      t.database.orm,
      sql`select n, label, day::text as day, x from bulk_test order by n`,
    );
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
      for (let i = 0; i < 50; i++)
        await writer.write(Array.from({ length: 200 }, (_, j) => ({ n: 100_000 + i * 200 + j, label: TRICKY[j % TRICKY.length], day: null, x: j })));
      return writer.close();
    });
    expect(written).toBe(10_000);
    expect(await queryRows(t.database.orm, sql`select count(*)::int as n, count(distinct label)::int as labels from bulk_test where n >= 100000`)).toEqual([
      { n: 10_000, labels: TRICKY.length },
    ]);
  });

  test('a refused row fails the bulk writer (at a later write or at close) and the transaction rolls back whole', async () => {
    const attempt = t.database.orm.transaction(async (tx) => {
      const writer = await openBulkWriter(tx, 'bulk_test', COLUMNS);
      try {
        await writer.write([
          { n: 200_000, label: 'new', day: null, x: null },
          { n: 1, label: 'already there', day: null, x: null },
        ]);
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

  test("a row refused only after the last row was sent (a foreign key) fails the write with the database's own error; nothing is written", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ n: i + 1, parent: 1, label: 'x' }));
    rows.push({ n: 30_000, parent: 999, label: 'no such parent' });
    const error = await within(
      'the refused write',
      t.database.orm.transaction((tx) => insertRows(tx, 'bulk_child', CHILD_COLUMNS, rows)),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe('23503');
    expect(await failure(Promise.reject(error as Error))).toMatch(/violates foreign key constraint/);
    expect(await queryRows(t.database.orm, sql`select 1 from bulk_child`)).toEqual([]);
  });

  test('a bulk writer whose rows are refused at close (a foreign key) fails there, and the transaction rolls back whole', async () => {
    const attempt = t.database.orm.transaction(async (tx) => {
      await tx.execute(sql`insert into bulk_parent values (2)`);
      const writer = await openBulkWriter(tx, 'bulk_child', CHILD_COLUMNS);
      try {
        for (let i = 0; i < 10; i++)
          await writer.write(Array.from({ length: 1000 }, (_, j) => ({ n: 40_000 + i * 1000 + j, parent: i === 9 && j === 999 ? 999 : 2, label: 'y' })));
        return await writer.close();
      } catch (error) {
        writer.abort();
        throw error;
      }
    });
    const error = await within('the refused bulk writer', attempt).then(
      () => null,
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe('23503');
    expect(await queryRows(t.database.orm, sql`select 1 from bulk_child`)).toEqual([]);
    expect(await queryRows(t.database.orm, sql`select id from bulk_parent order by id`)).toEqual([{ id: 1 }]);
  });

  test("a value the database cannot read, early in a long write, fails it with the database's message; nothing is written", async () => {
    const rows: Array<Record<string, unknown>> = Array.from({ length: 100_000 }, (_, i) => ({ n: -500_000 - i, label: 'z'.repeat(40), day: null, x: null }));
    rows[10] = { ...rows[10], day: 'not a date' };
    expect(
      await failure(
        within(
          'the unreadable write',
          t.database.orm.transaction((tx) => insertRows(tx, 'bulk_test', COLUMNS, rows)),
        ),
      ),
    ).toMatch(/invalid input syntax for type date: "not a date"/);
    expect(await queryRows(t.database.orm, sql`select 1 from bulk_test where n <= -500000`)).toEqual([]);
  });

  test('a nested transaction is a savepoint: bulk rows in it go with it, the outer transaction keeps its own; rollback() undoes all', async () => {
    await t.database.orm.transaction(async (tx) => {
      await insertRows(tx, 'bulk_test', COLUMNS, [{ n: -600_000, label: 'outer', day: null, x: null }]);
      const inner = tx.transaction(async (savepoint) => {
        expect(usesCopy(savepoint)).toBe(backend === 'postgres');
        await insertRows(savepoint, 'bulk_test', COLUMNS, [{ n: -600_001, label: 'inner', day: null, x: null }]);
        throw new Error('inner gives up');
      });
      await expect(inner).rejects.toThrow('inner gives up');
      await insertRows(tx, 'bulk_test', COLUMNS, [{ n: -600_002, label: 'outer again', day: null, x: null }]);
    });
    expect(await queryRows(t.database.orm, sql`select label from bulk_test where n <= -600000 and n > -700000 order by n desc`)).toEqual([
      { label: 'outer' },
      { label: 'outer again' },
    ]);
    const rolledBack = t.database.orm.transaction(async (tx) => {
      await insertRows(tx, 'bulk_test', COLUMNS, [{ n: -600_003, label: 'rolled back', day: null, x: null }]);
      tx.rollback();
    });
    await expect(rolledBack).rejects.toThrow(/rollback/i);
    expect(await queryRows(t.database.orm, sql`select 1 from bulk_test where n = -600003`)).toEqual([]);
  });

  // COPY is the server's path (PGlite writes with INSERT): these are reported as skipped on PGlite.
  const onServer = test.skipIf(backend !== 'postgres');
  onServer(
    "a transaction is postgres.js's own with drizzle around it: drizzle's statements, the COPY and SET LOCAL share one connection and transaction",
    async () => {
      const seen = await t.database.orm.transaction(async (tx) => {
        const client = serverTransactionOf(tx)!;
        expect(client).toBeDefined();
        // An object made from the transaction (as the importer's row context is) is the same transaction.
        expect(serverTransactionOf(Object.create(tx) as Orm)).toBe(client);
        await tx.execute(sql`select set_config('pantau.scope', 'bulk-test', true)`);
        const [viaDrizzle] = await queryRows<{ pid: number; xid: string }>(tx, sql`select pg_backend_pid() as pid, pg_current_xact_id()::text as xid`);
        const [viaDriver] = await client`select pg_backend_pid() as pid, pg_current_xact_id()::text as xid, current_setting('pantau.scope') as scope`;
        await insertRows(tx, 'bulk_test', COLUMNS, [{ n: -700_000, label: 'same transaction', day: null, x: null }]);
        const [counted] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from bulk_test where n = -700000`);
        return { viaDrizzle, viaDriver: { ...viaDriver }, counted };
      });
      expect(seen.viaDriver).toEqual({ ...seen.viaDrizzle, scope: 'bulk-test' });
      expect(seen.counted).toEqual({ n: 1 });
      expect(serverTransactionOf(t.database.orm)).toBeUndefined();
      const characteristics = await t.database.orm.transaction(
        (tx) => queryRows(tx, sql`select current_setting('transaction_isolation') as isolation, current_setting('transaction_read_only') as read_only`),
        { isolationLevel: 'serializable', accessMode: 'read only' },
      );
      expect(characteristics).toEqual([{ isolation: 'serializable', read_only: 'on' }]);
    },
  );

  onServer(
    'postgres.js settles a COPY the server refuses after its last row (porsager/postgres#1173, patches/postgres@3.4.9.patch), and rolls back',
    async () => {
      // The driver's contract the bulk writes rely on: without the patch this never settles.
      const attempt = t.database.orm.transaction(async (tx) => {
        const stream = await serverTransactionOf(tx)!`copy bulk_child (n, parent, label) from stdin`.writable();
        stream.end('1\t999\tno such parent\n');
        await finished(stream);
      });
      const error = await within('the refused COPY', attempt, 10_000).then(
        () => null,
        (e: unknown) => e,
      );
      expect(codeOf(error)).toBe('23503');
      expect(
        await queryRows(
          t.database.orm,
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
        ),
      ).toEqual([{ n: 0 }]);
    },
  );

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
      for (const statement of [
        'create table bulk_rls (n int, label text, day date, x float8)',
        `alter table bulk_rls owner to ${role}`,
        'alter table bulk_rls enable row level security',
        'alter table bulk_rls force row level security',
        "create policy bulk_rls_all on bulk_rls using (true) with check (label <> 'refused')",
      ])
        await t.database.orm.execute(sql.raw(statement));
      const asRole = sql.raw(`set local role ${role}`);
      await t.database.orm.transaction(async (tx) => {
        await tx.execute(asRole);
        await insertRows(tx, 'bulk_rls', COLUMNS, [{ n: 1, label: 'fine', day: null, x: null }]);
      });
      expect(
        await failure(
          t.database.orm.transaction(async (tx) => {
            await tx.execute(asRole);
            await insertRows(tx, 'bulk_rls', COLUMNS, [{ n: 2, label: 'refused', day: null, x: null }]);
          }),
        ),
      ).toMatch(/row-level security/);
      expect(await queryRows(t.database.orm, sql`select n, label from bulk_rls`)).toEqual([{ n: 1, label: 'fine' }]);
    } finally {
      await t.database.orm.execute(sql.raw('drop table if exists bulk_rls'));
      await t.database.orm.execute(sql.raw(`drop role ${role}`));
    }
  });
});
