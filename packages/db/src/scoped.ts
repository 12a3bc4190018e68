import { scopeSetting, type Scope } from '@pantau/domain';
import { sql } from 'drizzle-orm';
import type { Orm } from './connect.js';

/**
 * Runs `work` in a transaction as the non-owner role `pantau_app` with `pantau.scope` set, so the
 * row-level security policies (migration 0004) hide every row outside the scope even if a query
 * forgot its own scope condition. Both settings end with the transaction.
 */
export async function withScope<T>(orm: Orm, scope: Scope, work: (tx: Orm) => Promise<T>): Promise<T> {
  return orm.transaction(async (tx) => {
    // One round trip for both: set_config('role', …, true) is SET LOCAL ROLE. Every tile and
    // aggregate pays this, so it is worth a statement less.
    await tx.execute(sql`select set_config('role', 'pantau_app', true), set_config('pantau.scope', ${scopeSetting(scope)}, true)`);
    return work(tx as unknown as Orm);
  });
}
