import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * An import started through the API (migration 0026): its status, progress, report or error, and the
 * uploaded file it reads, so that any API instance can answer for it and a restart does not lose it.
 * Only the API's owner connection reads it; visibility (the owner, while their scope holds the job's)
 * is checked in code.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The scope the job runs with (its owner's at upload); null = national. */
    ownerAreaCodes: text('owner_area_codes').array(),
    /** How the file is read: sheet, headerRow, mapping, dryRun (a rerun reads it the same way). */
    options: jsonb('options')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    progressRows: integer('progress_rows').notNull().default(0),
    progressPercent: integer('progress_percent').notNull().default(0),
    report: jsonb('report').$type<Record<string, unknown>>(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The uploaded file (in its own folder under the upload directory); null once removed. */
    filePath: text('file_path'),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    heartbeatAt: at('heartbeat_at'),
  },
  (t) => [
    index('import_jobs_open_idx')
      .on(t.heartbeatAt)
      .where(sql`status in ('queued', 'running')`),
    index('import_jobs_finished_idx')
      .on(t.finishedAt)
      .where(sql`finished_at is not null`),
  ],
);
