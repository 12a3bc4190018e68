import { customType, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL's WAL position type, as its text form (`16/B374D848`). */
const pgLsn = customType<{ data: string }>({ dataType: () => 'pg_lsn' });

/**
 * Read-your-writes with a read replica (migration 0032, read-replica.ts): per caller, the primary's WAL
 * position after their last write; their reads stay on the primary until the replica has replayed it.
 */
export const readFences = pgTable('read_fences', {
  caller: text('caller').primaryKey(),
  lsn: pgLsn('lsn').notNull(),
  writtenAt: timestamp('written_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
