import { scopeSetting, type Scope } from '@pantau/domain';
import { sql } from 'drizzle-orm';
import type { Orm } from './connect.js';
import { limitsOf } from './timeouts.js';

export interface ScopeOptions {
  /**
   * On an orm from limitRequests, statements get the long (write) timeout instead of the read one:
   * exports read whole tables.
   */
  long?: boolean;
}

/**
 * Runs `work` in a transaction as the non-owner role `pantau_app` with `pantau.scope` set, so the
 * row-level security policies (migration 0004) hide every row outside the scope even if a query
 * forgot its own scope condition. Both settings end with the transaction. On an orm limited by
 * limitRequests, the statement timeout is set in the same round trip.
 */
export async function withScope<T>(orm: Orm, scope: Scope, work: (tx: Orm) => Promise<T>, options: ScopeOptions = {}): Promise<T> {
  const limit = limitsOf(orm);
  const timeoutMs = limit && (options.long ? limit.timeouts.writeMs : limit.timeouts.readMs);
  // The unlimited orm: its transaction does not spend a statement on the write timeout first.
  return (limit?.unlimited ?? orm).transaction(async (tx) => {
    // One round trip for all settings: set_config(…, true) is SET LOCAL. Every tile and aggregate
    // pays this, so it is worth a statement less.
    await tx.execute(
      timeoutMs === undefined
        ? sql`select set_config('role', 'pantau_app', true), set_config('pantau.scope', ${scopeSetting(scope)}, true)`
        : sql`select set_config('role', 'pantau_app', true), set_config('pantau.scope', ${scopeSetting(scope)}, true), set_config('statement_timeout', ${String(Math.round(timeoutMs))}, true)`,
    );
    return work(tx as unknown as Orm);
  });
}
