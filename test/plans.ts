// What the database's row-level security lets the application role see of a plan.
import { queryOne, sql, withScope, type Database, type Executor } from '@pantau/db';
import type { Scope } from '@pantau/domain';

/** The plan and its targets the application role sees under `scope` (undefined: with no scope set), counted. */
export function planRowsSeen(database: Database, planId: number, scope: Scope | undefined) {
  const seen = (tx: Executor) =>
    queryOne<{ plans: number; targets: number }>(
      tx,
      sql`
      select (select count(*)::int from plans where id = ${planId}) as plans, (select count(*)::int from plan_targets where plan_id = ${planId}) as targets`,
    );
  return scope === undefined
    ? database.orm.transaction(async (tx) => {
        await tx.execute(sql`set local role pantau_app`);
        return seen(tx as never);
      })
    : withScope(database.orm, scope, seen);
}
