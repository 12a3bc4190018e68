// The guard every write path goes through. PGlite's PostGIS can stop a statement silently when GEOS
// fails (rows before the failure stay, no error): so every insert returns what it wrote and the
// count is compared with what was meant to be written, inside the transaction, before commit.
import { getTableName, type InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryOne, sql, type Executor, type Orm } from './connect.js';

export class WriteMismatchError extends Error {
  constructor(
    readonly what: string,
    readonly expected: number,
    readonly written: number,
  ) {
    super(`Writing ${what}: expected ${expected} rows, the database wrote ${written}. Nothing was saved.`);
    this.name = 'WriteMismatchError';
  }
}

/** Throws WriteMismatchError (rolling the transaction back) unless `written === expected`. */
export function expectWritten(what: string, expected: number, written: number): void {
  if (written !== expected) throw new WriteMismatchError(what, expected, written);
}

/**
 * Inserts `rows` in chunks and checks each chunk wrote all its rows. Returns the returned column
 * (usually the generated id) in input order. Use inside a transaction.
 */
export async function insertChecked<T extends PgTable, K extends string>(
  tx: Orm,
  table: T,
  rows: InferInsertModel<T>[],
  returning: Record<K, T['_']['columns'][string]>,
  chunkSize = 1000,
): Promise<Array<Record<K, unknown>>> {
  const out: Array<Record<K, unknown>> = [];
  const what = getTableName(table);
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    // drizzle's insert builder is generic over the table; the cast keeps this helper table-agnostic.
    const written = await (
      tx.insert(table).values(chunk as never) as unknown as {
        returning(cols: unknown): Promise<Array<Record<K, unknown>>>;
      }
    ).returning(returning);
    expectWritten(what, chunk.length, written.length);
    out.push(...written);
  }
  return out;
}

/** Counts rows of `table` with `origin` (as the database sees them now, inside the transaction). */
export async function countByOrigin(tx: Executor, table: PgTable, origin: string): Promise<number> {
  const row = await queryOne<{ n: number }>(tx, sql`select count(*)::int as n from ${table} where origin = ${origin}`);
  return Number(row?.n ?? 0);
}
