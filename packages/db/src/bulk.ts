// Bulk rows for the write path, one API over both backends. On the PostgreSQL server rows travel by
// COPY … FROM STDIN through postgres.js, inside the caller's transaction; on PGlite (no COPY from a
// client stream) they travel as one jsonb parameter unpacked by jsonb_to_recordset. Either way the
// rows written are compared with the rows given, inside the transaction, before anything commits.
import { once } from 'node:events';
import { is } from 'drizzle-orm';
import { PostgresJsSession } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { queryRows, sql, type Executor, type SQL } from './connect.js';
import { expectWritten } from './write.js';

/** A column of bulk rows: its name (also the key in each row object) and its SQL type. */
export interface BulkColumn { readonly name: string; readonly type: string }
export type BulkRow = Readonly<Record<string, unknown>>;

/** Characters per COPY data message: enough to keep the socket busy, little enough to stay small. */
const COPY_CHUNK_CHARS = 256 * 1024;
/** Rows per jsonb parameter (PGlite, and the INSERT fallback): one COPY streams any number. */
const JSON_CHUNK = 5000;

/**
 * The postgres.js transaction behind a drizzle transaction on the server backend; null on PGlite and
 * outside a transaction (a temporary table and the COPY that fills it need the same connection).
 */
function serverTransaction(tx: Executor): postgres.TransactionSql | null {
  const session = (tx as { session?: unknown }).session;
  if (!is(session, PostgresJsSession)) return null;
  const client = (session as unknown as { client: postgres.Sql | postgres.TransactionSql }).client;
  return 'savepoint' in client ? client : null;
}

/** True when bulk writes on `tx` go by COPY (the PostgreSQL server, inside a transaction). */
export const usesCopy = (tx: Executor): boolean => serverTransaction(tx) !== null;

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY's text format: \N for null, backslash escapes for the four special characters. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!) : text;
}

/** Rows as COPY text (tab-separated, one line a row), in chunks of about COPY_CHUNK_CHARS. */
export function* copyText(columns: readonly BulkColumn[], rows: Iterable<BulkRow>): Generator<string> {
  const names = columns.map((c) => c.name);
  const last = names.length - 1;
  let chunk = '';
  for (const row of rows) {
    // Appended value by value: no array and join per row (an import writes hundreds of thousands).
    for (let i = 0; i < last; i++) chunk += `${copyValue(row[names[i]!])}\t`;
    chunk += `${copyValue(row[names[last]!])}\n`;
    if (chunk.length >= COPY_CHUNK_CHARS) { yield chunk; chunk = ''; }
  }
  if (chunk) yield chunk;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const columnList = (columns: readonly BulkColumn[]) => columns.map((c) => ident(c.name)).join(', ');
const columnDefinitions = (columns: readonly BulkColumn[]) => sql.raw(columns.map((c) => `${ident(c.name)} ${c.type}`).join(', '));

/** One COPY … FROM STDIN in progress: text goes in as it is made; `end` reports the rows the table gained. */
interface CopyStream {
  /** Resolves once the connection takes the text (it waits while the socket is full), not once it is written. */
  write(text: string): Promise<void>;
  end(): Promise<number>;
  /** Gives up: the server is told the COPY failed (CopyFail), so the transaction can be rolled back. */
  abort(reason: string): void;
}

/**
 * Opens a COPY of `table (columns)` on the transaction `client`.
 *
 * postgres.js 3.4 never settles the stream when the server refuses a COPY after its last row was
 * sent (porsager/postgres#1173): the error is dropped and the transaction would wait forever, never
 * rolled back. So the server's error is taken where postgres.js hands it over (the query's reject;
 * later writes then fail at once), and a probe query queued behind the COPY ends the wait either way:
 * it answers after a COPY that succeeded, and fails ("current transaction is aborted") after one that
 * did not.
 *
 * The rows the table gained are the server's own count for the transaction (postgres.js does not hand
 * over COPY's command tag), asked just before the COPY, in the same flight of messages, and by the
 * probe after it: counting adds no round trip.
 */
async function openCopy(client: postgres.TransactionSql, table: string, columns: readonly BulkColumn[]): Promise<CopyStream> {
  const inserted = () => client`select pg_stat_get_xact_tuples_inserted(${ident(table)}::regclass) as n`.then(([row]) => Number(row?.n ?? 0));
  const before = inserted();
  // Awaited by end(); until then a failure must not be an unhandled rejection (it surfaces there, or the COPY's own error does).
  before.catch(() => {});
  const query = client.unsafe(`copy ${ident(table)} (${columnList(columns)}) from stdin`);
  const settle = query as unknown as { reject(error: unknown): void };
  let serverError: unknown;
  const reject = settle.reject;
  settle.reject = (error) => { serverError ??= error; reject(error); };
  const stream = await query.writable();
  const failed = new Promise<never>((_, rejectFailed) => stream.once('error', rejectFailed));
  // Only ever raced in settled(), which rethrows it: handled here so that it is not unhandled while no step is waiting.
  failed.catch(() => {});
  // postgres.js sends CopyDone from the stream's final hook; the probe may only be queued after it.
  const copyDone = new Promise<void>((resolve) => {
    const final = stream._final!.bind(stream);
    stream._final = (callback) => { final(callback); resolve(); };
  });
  const settled = async <T>(step: Promise<T>): Promise<T> => {
    try { return await Promise.race([step, failed]); } catch (error) { throw serverError ?? error; }
  };
  return {
    async write(text) {
      if (serverError) throw serverError;
      if (!stream.write(text)) await settled(once(stream, 'drain'));
    },
    async end() {
      stream.end();
      await settled(copyDone);
      const [, after] = await settled(Promise.all([once(stream, 'finish'), inserted()]));
      return after - await settled(before);
    },
    abort(reason) {
      if (!stream.destroyed) stream.destroy(new Error(reason));
    },
  };
}

/** Streams `chunks` (COPY text) into `table (columns)` on the transaction `client`; returns the rows the table gained. */
export async function copyIn(client: postgres.TransactionSql, table: string, columns: readonly BulkColumn[], chunks: Iterable<string>): Promise<number> {
  const copy = await openCopy(client, table, columns);
  try {
    for (const chunk of chunks) await copy.write(chunk);
  } catch (error) {
    copy.abort('COPY abandoned');
    throw error;
  }
  return copy.end();
}

/**
 * Rows for one table, written as they come: on the server (where row-level security does not apply
 * to the caller) over ONE COPY held open until `close`, so that the database works through a large
 * import without a pause between statements; elsewhere an insertRows per `write`. While it is open no
 * other statement may run on the transaction: close it first.
 */
export interface BulkWriter {
  /** Resolves once the rows are handed to the connection (or written, without COPY). */
  write(rows: readonly BulkRow[]): Promise<void>;
  /** Ends the COPY; throws WriteMismatchError unless the table gained every row given. Returns that number. */
  close(): Promise<number>;
  /** Abandons an open COPY (the transaction is to be rolled back). */
  abort(): void;
}

export async function openBulkWriter(tx: Executor, table: string, columns: readonly BulkColumn[]): Promise<BulkWriter> {
  const client = serverTransaction(tx);
  let given = 0;
  if (client && !(await rowSecurityActive(client, table))) {
    const copy = await openCopy(client, table, columns);
    return {
      async write(rows) {
        for (const text of copyText(columns, rows)) await copy.write(text);
        given += rows.length;
      },
      async close() {
        const written = await copy.end();
        expectWritten(table, given, written);
        return written;
      },
      abort: () => copy.abort('import abandoned'),
    };
  }
  return {
    async write(rows) { given += await insertRows(tx, table, columns, rows); },
    close: async () => given,
    abort: () => {},
  };
}

/** Whether row-level security applies to the caller on a table, asked once per transaction (its role is set when it begins). */
const rowSecurityIn = new WeakMap<postgres.TransactionSql, Map<string, boolean>>();
async function rowSecurityActive(client: postgres.TransactionSql, table: string): Promise<boolean> {
  let known = rowSecurityIn.get(client);
  if (!known) rowSecurityIn.set(client, (known = new Map()));
  let active = known.get(table);
  if (active === undefined) {
    const [row] = await client`select row_security_active(${ident(table)}::regclass) as rls`;
    active = row?.rls === true;
    known.set(table, active);
  }
  return active;
}

/**
 * Inserts `rows` (objects keyed by column name) into `table`: on the server COPY straight into the
 * table (or, where row-level security applies to the caller and COPY FROM is refused, COPY into a
 * temporary table and one INSERT … SELECT that the policies check); on PGlite one INSERT … SELECT
 * over a jsonb parameter. Throws WriteMismatchError unless every row was written.
 */
export async function insertRows(tx: Executor, table: string, columns: readonly BulkColumn[], rows: readonly BulkRow[]): Promise<number> {
  if (!rows.length) return 0;
  const client = serverTransaction(tx);
  if (client && !(await rowSecurityActive(client, table))) {
    expectWritten(table, rows.length, await copyIn(client, table, columns, copyText(columns, rows)));
    return rows.length;
  }
  const names = sql.raw(columnList(columns));
  for (let i = 0; i < rows.length; i += JSON_CHUNK) {
    const chunk = rows.slice(i, i + JSON_CHUNK);
    const [written] = await withRows<{ n: number }>(tx, columns, chunk, (source) => sql`
      with inserted as (insert into ${sql.identifier(table)} (${names}) select ${names} from ${source} returning 1)
      select count(*)::int as n from inserted`);
    expectWritten(table, chunk.length, Number(written?.n ?? 0));
  }
  return rows.length;
}

let temporaryTables = 0;

/**
 * Runs `statement(source)` where `source` is a relation `r` holding `rows` with `columns`: on the
 * server a temporary table filled by COPY (dropped afterwards, and at commit at the latest), on PGlite
 * jsonb_to_recordset over one parameter. For writes that derive columns in SQL (a district by
 * point-in-polygon, a repaired polygon) or need ids back. Returns the statement's rows.
 */
export async function withRows<T extends Record<string, unknown>>(
  tx: Executor, columns: readonly BulkColumn[], rows: readonly BulkRow[], statement: (source: SQL) => SQL,
): Promise<T[]> {
  const client = serverTransaction(tx);
  if (!client) return queryRows<T>(tx, statement(sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${columnDefinitions(columns)})`));
  const table = `pantau_bulk_${++temporaryTables}`;
  await queryRows(tx, sql`create temporary table ${sql.identifier(table)} (${columnDefinitions(columns)}) on commit drop`);
  await copyIn(client, table, columns, copyText(columns, rows));
  const result = await queryRows<T>(tx, statement(sql`${sql.identifier(table)} as r`));
  await queryRows(tx, sql`drop table ${sql.identifier(table)}`);
  return result;
}
