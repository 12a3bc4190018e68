// Bulk rows for the write path, one API over both backends. On the PostgreSQL server rows travel by
// COPY … FROM STDIN through postgres.js, inside the caller's transaction; on PGlite (no COPY from a
// client stream) they travel as one jsonb parameter unpacked by jsonb_to_recordset. Either way the
// rows written are compared with the rows given, inside the transaction, before anything commits.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type postgres from 'postgres';
import { queryRows, serverTransactionOf, sql, type Executor, type SQL } from './connect.js';
import { expectWritten } from './write.js';

/** A column of bulk rows: its name (also the key in each row object) and its SQL type. */
export interface BulkColumn {
  readonly name: string;
  readonly type: string;
}
export type BulkRow = Readonly<Record<string, unknown>>;

/** Characters per COPY data message: enough to keep the socket busy, little enough to stay small. */
const COPY_CHUNK_CHARS = 256 * 1024;
/** Rows per jsonb parameter (PGlite, and the INSERT fallback): one COPY streams any number. */
const JSON_CHUNK = 5000;

/**
 * The postgres.js transaction behind a transaction on the server backend (connect.ts keeps it on
 * record); null on PGlite and outside a transaction (a temporary table and the COPY that fills it
 * need the same connection).
 */
const serverTransaction = (tx: Executor): postgres.TransactionSql | null => serverTransactionOf(tx) ?? null;

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
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
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
 * Opens a COPY of `table (columns)` on the transaction `client`, by postgres.js's COPY API: the
 * Writable stream of `sql\`copy … from stdin\`.writable()`. The server's refusal reaches the stream as
 * its error: during the COPY (postgres.js destroys the stream with it; later writes fail at once), or
 * after its last row, once `end` has sent CopyDone (the stream fails instead of finishing). The latter
 * needs postgres.js with porsager/postgres#1183 (patches/postgres@3.4.9.patch; without it the stream
 * would never settle, porsager/postgres#1173), and bulk.int.test.ts holds the driver to it.
 *
 * The rows the table gained are the server's own count for the transaction (postgres.js does not hand
 * over COPY's command tag), asked just before the COPY, in the same flight of messages, and once the
 * COPY has finished.
 */
async function openCopy(client: postgres.TransactionSql, table: string, columns: readonly BulkColumn[]): Promise<CopyStream> {
  const inserted = () => client`select pg_stat_get_xact_tuples_inserted(${ident(table)}::regclass) as n`.then(([row]) => Number(row?.n ?? 0));
  const before = inserted();
  // Awaited by end(); until then a failure must not be an unhandled rejection (it surfaces there, or the COPY's own error does).
  before.catch(() => {});
  const stream = await client.unsafe(`copy ${ident(table)} (${columnList(columns)}) from stdin`).writable();
  // Settles once: resolves when the server has taken every row, rejects with the server's error (or
  // the reason given to abort). Its rejection is the stream's one error: no 'error' goes unheard.
  const done = finished(stream);
  // Awaited by write() and end(), which rethrow it: handled here so that it is not unhandled while no step is waiting.
  done.catch(() => {});
  return {
    async write(text) {
      // Waits while the socket is full; a stream that has failed fails the write with its error.
      if (stream.destroyed || !stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
    },
    async end() {
      stream.end();
      await done;
      return (await inserted()) - (await before);
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
    async write(rows) {
      given += await insertRows(tx, table, columns, rows);
    },
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
    const [written] = await withRows<{ n: number }>(
      tx,
      columns,
      chunk,
      (source) => sql`
      with inserted as (insert into ${sql.identifier(table)} (${names}) select ${names} from ${source} returning 1)
      select count(*)::int as n from inserted`,
    );
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
  tx: Executor,
  columns: readonly BulkColumn[],
  rows: readonly BulkRow[],
  statement: (source: SQL) => SQL,
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
