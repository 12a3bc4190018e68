// One data layer over two backends: embedded PGlite+PostGIS (default) or a PostgreSQL server with
// PostGIS (DATABASE_URL). Callers get a drizzle database and never branch on the backend, except
// the tile encoder, which asks `kind` because PGlite's PostGIS has no ST_AsMVT.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, TransactionRollbackError, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransactionConfig } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { BoundedGate, UNBOUNDED_GATE } from './gate.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;
/** A database or an open transaction: anything that can run a query. */
export type Executor = Pick<Orm, 'execute'>;
export type BackendKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: BackendKind;
  readonly orm: Orm;
  /** Where the data lives, for messages: a directory, `memory` or the server URL without password. */
  readonly location: string;
  migrate(): Promise<void>;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  /**
   * PostgreSQL server only: a trivial query over a new connection of its own, so that a pool whose
   * connections all wait on a silent server does not hide whether the server answers (liveness.ts).
   */
  probe?: () => Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (test fixtures, backups). */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * PostgreSQL server only: one connection of its own for the data versions (data-changes.ts) that every
   * cached tile and answer reads. A cache hit then never queues behind the request pool, whose
   * connections may all be busy making tiles that missed: otherwise the cheapest requests wait longest.
   */
  readonly quick?: Orm;
  /** PGlite only: the queue in front of its one connection (see gate.ts and limitRequests). */
  readonly gate?: BoundedGate;
}

export type ConnectOptions = { kind: 'postgres'; url: string; maxConnections?: number } | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob };

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

/** Raised when another process holds the embedded database (PGlite allows one process). */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by process ${pid} (probably \`pnpm start\`). ` +
        'Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.',
    );
    this.name = 'DatabaseInUseError';
  }
}

export async function connect(options: ConnectOptions): Promise<Database> {
  return options.kind === 'postgres' ? connectPostgres(options.url, options.maxConnections ?? 10) : connectPglite(options.dataDir, options.loadDataDir);
}

async function connectPostgres(url: string, max: number): Promise<Database> {
  // JIT off: the planner's cost estimates of the planning queries (lateral look-ups per site) pass the JIT
  // threshold, and compiling them took 4-5 s of a 5 s query; none of Pantau's queries gains from it.
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 5, idle_timeout: 30, connection: { jit: 'off' } });
  const orm = drizzlePostgres(client, { schema }) as unknown as Orm;
  // Transactions are postgres.js's own (begin, savepoint) with drizzle wrapped around each: the bulk
  // writes (bulk.ts) need the postgres.js transaction itself for COPY, which drizzle does not offer.
  Object.assign(orm, { transaction: serverTransactionsOf(client) });
  const ormForMigrate = drizzlePostgres(client, { schema });
  // Opened on first use; its statements are single reads of a few dozen rows, so one connection and a short limit.
  const quickClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5, idle_timeout: 30, connection: { jit: 'off', statement_timeout: 5000 } });
  const quick = drizzlePostgres(quickClient, { schema }) as unknown as Orm;
  const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return {
    kind: 'postgres',
    orm,
    location: safeUrl,
    migrate: () => migratePostgres(ormForMigrate, { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      await client`select 1`;
    },
    probe: async () => {
      const probe = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2, idle_timeout: 1 });
      try {
        await probe`select 1`;
      } finally {
        // At once: a connection to a silent server would otherwise wait for its answer.
        void probe.end({ timeout: 0 });
      }
    },
    quick,
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), quickClient.end({ timeout: 5 })]);
    },
  };
}

/** The postgres.js transaction (or savepoint) behind each transaction object the server backend hands out. */
const serverTransactions = new WeakMap<object, postgres.TransactionSql>();

/**
 * The postgres.js transaction (or savepoint) behind `executor`, for what drizzle cannot do on it
 * (COPY … FROM STDIN, see bulk.ts): set for a transaction of the PostgreSQL server backend, undefined
 * for PGlite and outside a transaction. An object made with `Object.create(tx)` (the transaction with
 * a method replaced) is `tx`'s transaction too.
 */
export function serverTransactionOf(executor: Executor): postgres.TransactionSql | undefined {
  for (let o: object | null = executor; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const found = serverTransactions.get(o);
    if (found) return found;
  }
  return undefined;
}

/**
 * `Orm['transaction']` over postgres.js's own `begin` (and `savepoint` for a nested transaction), each
 * wrapped in drizzle (drizzle takes a postgres.js transaction as its client), so that the transaction
 * object drizzle's callers get has its postgres.js transaction on record (serverTransactionOf). The
 * same statements as drizzle's own transactions: BEGIN [characteristics], SAVEPOINT, ROLLBACK [TO], COMMIT.
 */
function serverTransactionsOf(client: postgres.Sql): Orm['transaction'] {
  const wrap = (transaction: postgres.TransactionSql): Orm => {
    // drizzle reads its client's type parsers from `options`, which postgres.js's transaction object
    // lacks (its queries use the pool's); drizzle is shown the pool's. Of the pool's other members
    // drizzle would use only `begin`, for its own transaction method, which is replaced below.
    const asClient = new Proxy(transaction, {
      get: (target, key) => (key === 'options' ? client.options : Reflect.get(target, key)),
    }) as unknown as postgres.Sql;
    // Without the schema: extracting it costs about 0.5 ms a transaction (a tile request is one). The
    // relational query API (`tx.query`, which no caller uses today) gets it when first asked.
    const tx = drizzlePostgres(asClient);
    Object.defineProperty(tx, 'query', {
      configurable: true,
      get: () => {
        const query = drizzlePostgres(asClient, { schema }).query;
        Object.defineProperty(tx, 'query', { value: query });
        return query;
      },
    });
    Object.assign(tx, {
      transaction: <T>(work: (inner: Orm) => Promise<T>) => transaction.savepoint((inner) => work(wrap(inner))) as Promise<T>,
      rollback: () => {
        throw new TransactionRollbackError();
      },
      setTransaction: (config: PgTransactionConfig) => tx.execute(sql.raw(`set transaction ${characteristics(config)}`)),
    });
    serverTransactions.set(tx, transaction);
    return tx as unknown as Orm;
  };
  return (<T>(work: (tx: Orm) => Promise<T>, config?: PgTransactionConfig) =>
    client.begin(config ? characteristics(config) : '', (transaction) => work(wrap(transaction))) as Promise<T>) as unknown as Orm['transaction'];
}

/** A transaction's characteristics as BEGIN and SET TRANSACTION take them (drizzle's PgTransactionConfig). */
function characteristics(config: PgTransactionConfig): string {
  const parts: string[] = [];
  if (config.isolationLevel) parts.push(`isolation level ${config.isolationLevel}`);
  if (config.accessMode) parts.push(config.accessMode);
  if (typeof config.deferrable === 'boolean') parts.push(config.deferrable ? 'deferrable' : 'not deferrable');
  return parts.join(' ');
}

async function connectPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  const release = dataDir ? acquireLock(dataDir) : () => {};
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      // pg_trgm: the trigram index of the person search by name (migration 0016).
      extensions: { postgis, pg_trgm },
    });
    // Every query, exec and transaction of PGlite passes through _runExclusiveTransaction (its
    // one-connection mutex); the gate in front of it can turn an endless wait into a refusal.
    // Unbounded until limitRequests bounds it: start-up work and the CLI may wait as long as it takes.
    const gate = new BoundedGate(UNBOUNDED_GATE);
    const exclusive = client._runExclusiveTransaction.bind(client);
    client._runExclusiveTransaction = <T>(work: () => Promise<T>) => gate.run(() => exclusive(work));
    const pg = drizzlePglite(client, { schema });
    return {
      kind: 'pglite',
      orm: pg as unknown as Orm,
      location: dataDir ?? 'memory',
      migrate: () => migratePglite(pg, { migrationsFolder: MIGRATIONS_DIR }),
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
      dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
      gate,
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** A pid file beside the data directory: PGlite would corrupt a directory opened twice. */
function acquireLock(dataDir: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  let holder: string | null = null;
  try {
    holder = readFileSync(lockFile, 'utf8');
  } catch (error) {
    // No lock file is the usual case; any other failure to read it (permissions) must not pass for "free".
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pid = Number(holder);
  if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseInUseError(resolve(dataDir), pid);
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/** Signal 0 only checks: ESRCH is no such process; EPERM is a live process of another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs a raw query and returns its rows on either driver (PGlite answers {rows}, postgres.js an array). */
export async function queryRows<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function queryOne<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(executor, query))[0];
}

export { sql };
export type { SQL };
