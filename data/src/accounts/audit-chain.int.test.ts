// The audit trail cannot be erased or rewritten unnoticed (issue 18): appends only through the
// writer function, no TRUNCATE even for the owner, no trigger changes by the writing roles, and a
// hash chain that `audit verify` walks to find a removed or changed row.
import { queryOne, queryRows, sql, type Database } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { AuditChainBrokenError, auditCommand } from '../cli/user-command.js';
import { verifyAudit, writeAudit } from './audit.js';

const entry = (action: string, details: Record<string, unknown> = {}) => ({
  userId: null,
  actor: 'audit-test@test.pantau.id',
  action,
  requestId: 'req-audit-test',
  details,
});

/** The message of the error `run` raises (the test fails when it raises none). */
async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    // drizzle wraps the driver's error: the database's message is in the cause.
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  throw new Error('expected an error');
}

/** Runs `work` in a transaction as `role` (SET LOCAL ROLE), as the API does for pantau_app. */
const asRole = (database: Database, role: string, work: (tx: Database['orm']) => Promise<unknown>) =>
  database.orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${role}, true)`);
    await work(tx as unknown as Database['orm']);
  });

describe.each(testBackends())('audit chain on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** Puts a removed row back exactly as it was, as a superuser can (chain trigger off for it). */
  const putBack = async (row: Record<string, unknown>) => {
    await t.database.orm.execute(sql`alter table audit_log disable trigger audit_log_chain`);
    await t.database.orm.execute(sql`insert into audit_log (id, at, user_id, actor, action, area_code, target, request_id, details, prev_id, hash)
      select id, at, user_id, actor, action, area_code, target, request_id, details, prev_id, hash
      from jsonb_populate_record(null::audit_log, ${JSON.stringify(row)}::jsonb)`);
    await t.database.orm.execute(sql`alter table audit_log enable trigger audit_log_chain`);
  };

  const lastRows = (n: number) =>
    queryRows<{ id: string | number; prev_id: string | number | null; hash: string | null; action: string; details: unknown }>(
      t.database.orm,
      sql`select id, prev_id, hash, action, details from audit_log order by id desc limit ${n}`,
    );

  test('every writer appends through the chain: each row follows the previous one and the walk proves the trail intact', async () => {
    await writeAudit(t.database.orm, entry('test.owner'));
    await asRole(t.database, 'pantau_app', (tx) => writeAudit(tx, entry('test.app')));
    const [app, owner] = await lastRows(2);
    expect(app).toMatchObject({ action: 'test.app', prev_id: expect.anything() });
    expect(Number(app!.prev_id)).toBe(Number(owner!.id));
    expect(Number(app!.id)).toBe(Number(owner!.id) + 1);
    expect(app!.hash).toMatch(/^[0-9a-f]{64}$/);
    const result = await verifyAudit(t.database.orm);
    expect(result).toMatchObject({ ok: true, headId: Number(app!.id), headHash: app!.hash });
    expect(result.rows).toBeGreaterThanOrEqual(2);
  });

  test('TRUNCATE of the audit trail fails, even for the owner', async () => {
    expect(await errorOf(() => t.database.orm.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect(await errorOf(() => t.database.orm.execute(sql`truncate audit_chain_head`))).toMatch(/append-only/);
    expect((await verifyAudit(t.database.orm)).ok).toBe(true);
  });

  test('the roles the API writes audit rows through cannot insert directly, rewrite, truncate, or drop or disable the triggers', async () => {
    const statements = [
      'alter table audit_log disable trigger audit_log_append_only',
      'drop trigger audit_log_chain on audit_log',
      'alter table audit_log disable trigger all',
      'truncate audit_log',
      "update audit_log set details = '{}'::jsonb",
      'delete from audit_log',
      'delete from audit_chain_head',
    ];
    for (const role of ['pantau_app', 'pantau_audit_writer']) {
      for (const statement of statements) {
        expect(await errorOf(() => asRole(t.database, role, (tx) => tx.execute(sql.raw(statement)))), `${role}: ${statement}`).toMatch(
          /must be owner|permission denied|append-only/,
        );
      }
    }
    expect(await errorOf(() => asRole(t.database, 'pantau_app', (tx) => tx.execute(sql`update audit_chain_head set last_id = 0`)))).toMatch(
      /permission denied/,
    );
    // pantau_app may read the trail but append only through the function.
    expect(
      await errorOf(() => asRole(t.database, 'pantau_app', (tx) => tx.execute(sql`insert into audit_log (at, actor, action) values (now(), 'x', 'forged')`))),
    ).toMatch(/permission denied/);
    expect((await verifyAudit(t.database.orm)).ok).toBe(true);
  });

  test('a middle row deleted by a superuser (trigger disabled) is reported at the row after it, and the CLI exits with a failure', async () => {
    for (const n of [1, 2, 3]) await writeAudit(t.database.orm, entry(`test.chain.${n}`));
    const [, middle, first] = await lastRows(3);
    const removed = await queryOne<Record<string, unknown>>(t.database.orm, sql`select * from audit_log where id = ${middle!.id}`);
    await t.database.orm.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.database.orm.execute(sql`delete from audit_log where id = ${middle!.id}`);
    await t.database.orm.execute(sql`alter table audit_log enable trigger audit_log_append_only`);

    const result = await verifyAudit(t.database.orm);
    expect(result.ok).toBe(false);
    expect(result.brokenId).toBe(Number(middle!.id) + 1);
    expect(result.reason).toContain(`chained after row ${Number(middle!.id)}, which is missing`);
    const lines: string[] = [];
    const failure = await auditCommand(t.database, ['verify'], {}, (line) => lines.push(line)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuditChainBrokenError);
    expect((failure as Error).message).toContain(`at row ${Number(middle!.id) + 1}`);
    expect(Number(first!.id)).toBe(Number(middle!.id) - 1);

    // Put the row back exactly as it was: the chain is whole again.
    await putBack(removed!);
    expect((await verifyAudit(t.database.orm)).ok).toBe(true);
    await auditCommand(t.database, ['verify'], {}, (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/^audit chain OK: \d+ rows checked/);
  });

  test('a row whose details were changed is reported, and so are rows removed at the end', async () => {
    await writeAudit(t.database.orm, entry('test.details', { filter: { area: '19.04' } }));
    await writeAudit(t.database.orm, entry('test.tail'));
    const [tail, changed] = await lastRows(2);
    await t.database.orm.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.database.orm.execute(sql`update audit_log set details = '{"filter":{"area":"19.71"}}'::jsonb where id = ${changed!.id}`);
    let result = await verifyAudit(t.database.orm);
    expect(result).toMatchObject({ ok: false, brokenId: Number(changed!.id) });
    expect(result.reason).toContain('content (or the hash itself) was changed');
    await t.database.orm.execute(
      sql`update audit_log set details = ${typeof changed!.details === 'string' ? changed!.details : JSON.stringify(changed!.details)}::jsonb where id = ${changed!.id}`,
    );
    expect((await verifyAudit(t.database.orm)).ok).toBe(true);

    const removedTail = await queryOne<Record<string, unknown>>(t.database.orm, sql`select * from audit_log where id = ${tail!.id}`);
    await t.database.orm.execute(sql`delete from audit_log where id = ${tail!.id}`);
    result = await verifyAudit(t.database.orm);
    expect(result).toMatchObject({ ok: false, brokenId: null });
    expect(result.reason).toContain(`records row ${Number(tail!.id)} but the last row is ${Number(changed!.id)}`);
    await t.database.orm.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    await putBack(removedTail!);
    expect((await verifyAudit(t.database.orm)).ok).toBe(true);
  });

  test('concurrent writers append one after the other without forking the chain', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        t.database.orm.transaction(async (tx) => {
          await writeAudit(tx, entry(`test.concurrent.${n}`));
          await tx.execute(sql`select pg_sleep(0.01)`);
        }),
      ),
    );
    expect((await verifyAudit(t.database.orm)).ok).toBe(true);
    const [count] = await queryRows<{ n: string | number }>(t.database.orm, sql`select count(*) as n from audit_log where action like 'test.concurrent.%'`);
    expect(Number(count!.n)).toBe(12);
  });
});
