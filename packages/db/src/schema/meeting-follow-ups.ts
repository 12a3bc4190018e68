// What a coordination meeting decided and handed out (migration 0021). Each row carries its meeting's
// regency and province: row-level security reads them as it reads the meeting's.
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { meetings } from './events.js';
import { operations } from './operations.js';

export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** 1..n, as the minutes list them. */
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    operationId: integer('operation_id').references(() => operations.id, { onDelete: 'set null' }),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
  },
  (t) => [uniqueIndex('meeting_decisions_meeting_ordinal_idx').on(t.meetingId, t.ordinal)],
);

/** A task a meeting handed to a member agency; `status` is the latest of its changes. */
export const meetingFollowUps = pgTable(
  'meeting_follow_ups',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    decisionId: integer('decision_id').references(() => meetingDecisions.id, { onDelete: 'set null' }),
    task: text('task').notNull(),
    ownerAgency: text('owner_agency').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
  },
  (t) => [
    index('meeting_follow_ups_meeting_idx').on(t.meetingId),
    index('meeting_follow_ups_regency_due_idx').on(t.regencyCode, t.dueDate),
    check('meeting_follow_ups_status_check', sql`${t.status} IN ('open', 'done', 'dropped')`),
  ],
);

/** Every status a follow-up took, with who set it, when and why; the first row is its creation. */
export const meetingFollowUpChanges = pgTable(
  'meeting_follow_up_changes',
  {
    id: serial('id').primaryKey(),
    followUpId: integer('follow_up_id')
      .notNull()
      .references(() => meetingFollowUps.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    note: text('note'),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull(),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
  },
  (t) => [
    index('meeting_follow_up_changes_follow_up_idx').on(t.followUpId, t.changedAt),
    check('meeting_follow_up_changes_status_check', sql`${t.status} IN ('open', 'done', 'dropped')`),
  ],
);
