import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** One import of one file: every row it wrote carries `origin = 'batch:<id>'`, so it can be rolled back. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format').notNull(),
    status: text('status', { enum: ['committed', 'rolled_back'] }).notNull(),
    rows: integer('rows').notNull(),
    imported: integer('imported').notNull(),
    rejected: integer('rejected').notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    rolledBackAt: timestamp('rolled_back_at', { withTimezone: true, mode: 'string' }),
    /**
     * The most specific area code of every row the batch wrote (its importer's scope when it wrote
     * none; empty: the national scope's). A scope lists and rolls back only batches wholly inside it.
     */
    areaCodes: text('area_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    // Re-importing the same file is a no-op: one committed batch per kind and content.
    uniqueIndex('import_batches_committed_file_idx')
      .on(t.kind, t.fileSha256)
      .where(sql`status = 'committed'`),
    index('import_batches_created_idx').on(t.createdAt),
  ],
);
