// Reads from a streaming replica (issue 26, DATABASE_READ_URL). A request's scoped reads go to the
// replica when it answers, is a standby and lags less than a bound; otherwise to the primary, with a
// warning, never an error. Read-your-writes: after a caller's write, the primary's WAL position is
// recorded for that caller in `read_fences` (in the database, so every API instance agrees), and the
// caller's reads stay on the primary until the replica has replayed past it. Everything else (writes,
// sessions, audit rows, import jobs) uses the primary's orm directly and never passes through here.
import type { Scope } from '@pantau/domain';
import { sql } from 'drizzle-orm';
import { queryOne, type Database, type Orm } from './connect.js';
import { readFences } from './schema/index.js';
import { withScope, type ScopeOptions } from './scoped.js';

/**
 * Where one request's reads go: decided once, so a tile's data versions and its content come from the
 * same server. A request that fell back to the primary stays there (the router sets `onReplica` false).
 */
export interface ReadSource {
  onReplica: boolean;
}

export interface ReadRouter {
  readonly hasReplica: boolean;
  /** Where `caller`'s reads go now (`user:<id>`, `token:<id>`; null for a request without one). */
  sourceFor(caller: string | null): Promise<ReadSource>;
  /**
   * withScope on `source`. A replica that fails before `work` starts (stopped between the choice and the
   * transaction) is left for the primary; once `work` has run, its errors are the request's.
   */
  scoped<T>(source: ReadSource, scope: Scope, work: (tx: Orm) => Promise<T>, options?: ScopeOptions): Promise<T>;
  /** An unscoped read (the data versions) on `source`, over its quick connection where it has one, with the same fallback. */
  plain<T>(source: ReadSource, work: (db: Orm) => Promise<T>): Promise<T>;
  /** After `caller`'s write has committed (and before it is answered): their reads wait for the replica to replay it. */
  afterWrite(caller: string): Promise<void>;
}

/** The read-fence key of a signed-in user (also what an import job's owner is fenced by). */
export const userReader = (userId: number) => `user:${userId}`;
/** The read-fence key of an API token's channel system. */
export const tokenReader = (tokenId: number) => `token:${tokenId}`;

/** No replica: every read on the primary, nothing recorded. */
export function primaryReads(primary: Database): ReadRouter {
  return {
    hasReplica: false,
    sourceFor: () => Promise.resolve({ onReplica: false }),
    scoped: (_source, scope, work, options) => withScope(primary.orm, scope, work, options),
    plain: (_source, work) => work(primary.quick ?? primary.orm),
    afterWrite: () => Promise.resolve(),
  };
}

export interface ReplicaReadsOptions {
  primary: Database;
  replica: Database;
  /** Past this replay lag (PANTAU_REPLICA_MAX_LAG_S) every read goes to the primary. */
  maxLagMs: number;
  warn: (line: string) => void;
  /** How long reads skip a replica found unreachable, lagging or not a standby before it is asked again. */
  retryAfterMs?: number;
  /** How long one look at the replica's replay position serves other requests (it only moves forward). */
  statusTtlMs?: number;
  now?: () => number;
}

interface ReplicaStatus {
  replayLsn: bigint;
  checkedAt: number;
}

/** `16/B374D848` as a number, to compare positions without a round trip. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export function replicaReads(options: ReplicaReadsOptions): ReadRouter {
  const { primary, replica, maxLagMs, warn } = options;
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  const statusTtlMs = options.statusTtlMs ?? 500;
  const now = options.now ?? Date.now;
  let status: ReplicaStatus | null = null;
  let skipUntil = 0;

  const skip = (reason: string) => {
    status = null;
    // Requests that saw the same failure at once warn once.
    const already = now() < skipUntil;
    skipUntil = now() + retryAfterMs;
    if (!already) warn(`read replica ${replica.location} ${reason}: reads go to the primary for ${Math.round(retryAfterMs / 1000)} s`);
  };

  /** The replica's replay position, or null (and a warning) when it should not serve reads now. */
  const check = async (): Promise<ReplicaStatus | null> => {
    let row: { standby: boolean; replay: string | null; lag_ms: number | string | null } | undefined;
    try {
      // Lag: none while everything received is replayed (an idle primary sends nothing, so the time of
      // the last replayed commit says nothing then); else the age of the last replayed commit.
      row = await queryOne(
        replica.orm,
        sql`select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replay,
          case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
            else extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000 end as lag_ms`,
      );
    } catch (error) {
      skip(`does not answer (${(error as Error).message})`);
      return null;
    }
    if (!row?.standby || row.replay === null) {
      skip('is not a standby (pg_is_in_recovery() is false), so it cannot say how far it has replayed');
      return null;
    }
    const lagMs = Number(row.lag_ms ?? 0);
    if (lagMs > maxLagMs) {
      skip(`lags ${(lagMs / 1000).toFixed(1)} s behind the primary, more than ${maxLagMs / 1000} s`);
      return null;
    }
    status = { replayLsn: parseLsn(row.replay), checkedAt: now() };
    return status;
  };

  const fenceOf = async (caller: string): Promise<bigint | null> => {
    const row = await queryOne<{ lsn: string }>(
      primary.orm,
      sql`select ${readFences.lsn}::text as lsn from ${readFences} where ${readFences.caller} = ${caller}`,
    );
    return row ? parseLsn(row.lsn) : null;
  };

  const fallback = async <T>(source: ReadSource, run: (orm: Orm, started: () => void) => Promise<T>): Promise<T> => {
    if (!source.onReplica) return run(primary.orm, () => {});
    let started = false;
    try {
      return await run(replica.orm, () => (started = true));
    } catch (error) {
      if (started) throw error;
      skip(`failed at the start of a read (${(error as Error).message})`);
      source.onReplica = false;
      return run(primary.orm, () => {});
    }
  };

  return {
    hasReplica: true,
    sourceFor: async (caller) => {
      if (now() < skipUntil) return { onReplica: false };
      // On the primary: a fence the replica has not replayed yet is exactly what it cannot know about.
      const fence = caller ? await fenceOf(caller) : null;
      // Replay only moves forward: a recent look that is already past the fence needs no fresh one.
      let current = status && now() - status.checkedAt < statusTtlMs ? status : null;
      if (!current || (fence !== null && current.replayLsn < fence)) current = await check();
      return { onReplica: current !== null && (fence === null || current.replayLsn >= fence) };
    },
    scoped: (source, scope, work, scopeOptions) =>
      fallback(source, (orm, started) =>
        withScope(
          orm,
          scope,
          (tx) => {
            started();
            return work(tx);
          },
          scopeOptions,
        ),
      ),
    plain: async (source, work) => {
      if (source.onReplica) {
        try {
          return await work(replica.quick ?? replica.orm);
        } catch (error) {
          // A failed plain read on the replica is retried on the primary: it has no side effects.
          skip(`failed at the start of a read (${(error as Error).message})`);
          source.onReplica = false;
        }
      }
      return work(primary.quick ?? primary.orm);
    },
    afterWrite: async (caller) => {
      // pg_current_wal_lsn() after the commit is at or past the commit's record. greatest(): a slower
      // request of the same caller must not move the fence back before a later write of theirs.
      await primary.orm.execute(
        sql`insert into ${readFences} (caller, lsn, written_at) values (${caller}, pg_current_wal_lsn(), now())
          on conflict (caller) do update set lsn = greatest(${readFences.lsn}, excluded.lsn), written_at = excluded.written_at`,
      );
    },
  };
}
