// Statement timeouts for the server's requests (issue 18): without one, a request whose query runs for
// minutes holds its connection, its locks and a CPU for minutes. Each request transaction sets
// `statement_timeout` locally (SET LOCAL: it ends with the transaction, so a pooled connection never
// carries it into other work, and start-up work such as migrations and the demo load is not limited).
// PostgreSQL cancels a statement past it with SQLSTATE 57014 (query_canceled).
import { sql } from 'drizzle-orm';
import type { Database, Orm } from './connect.js';
import type { GateLimits } from './gate.js';

export interface StatementTimeouts {
  /** Each statement of a request's scoped read transaction (withScope). */
  readMs: number;
  /** Each statement of every other transaction: writes, imports, exports. */
  writeMs: number;
}

interface Limited {
  timeouts: StatementTimeouts;
  unlimited: Orm;
}
const limitedOrms = new WeakMap<object, Limited>();

export interface RequestLimits {
  /** PostgreSQL server: statement timeouts of request transactions. */
  statementTimeouts: StatementTimeouts;
  /** Embedded database: how long and how many requests may wait for its one connection. */
  wait: GateLimits;
}

/**
 * The same database for request handlers, bounded. On the PostgreSQL server every transaction of its
 * `orm` gets a statement timeout. PGlite cannot cancel a running statement (one thread, no timer
 * signal while a statement runs), so there the wait for its one connection is bounded instead; that
 * gate is the connection's own, so this applies to every caller from now on (call it after start-up).
 */
export function limitRequests(database: Database, limits: RequestLimits): Database {
  if (database.gate) database.gate.limits = limits.wait;
  const timeouts = limits.statementTimeouts;
  if (database.kind !== 'postgres') return database;
  const unlimited = database.orm;
  const transaction: Orm['transaction'] = (work, config) =>
    unlimited.transaction(async (tx) => {
      await tx.execute(setTimeout(timeouts.writeMs));
      return work(tx);
    }, config);
  // A proxy rather than a copy: every other method of drizzle's database object stays as it is.
  const orm = new Proxy(unlimited, {
    get: (target, property) => {
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  limitedOrms.set(orm, { timeouts, unlimited });
  return { ...database, orm };
}

/** The timeouts and the unlimited orm behind `orm`, when `orm` came from limitRequests. */
export function limitsOf(orm: Orm): Limited | undefined {
  return limitedOrms.get(orm);
}

const setTimeout = (ms: number) => sql`select set_config('statement_timeout', ${String(Math.round(ms))}, true)`;

/** True when `error` (or an error it wraps, as drizzle does) is PostgreSQL cancelling a statement past statement_timeout. */
export function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '57014') return true;
  }
  return false;
}
