import type { Slide } from '@pantau/domain';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * A briefing for a coordination meeting. Who may read it follows from its area (row-level security
 * on province_code/regency_code, migration 0007); only its owner changes it. The owner's email is
 * kept beside the id because scoped reads may not read the users table.
 */
export const briefings = pgTable(
  'briefings',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerEmail: text('owner_email').notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    venue: text('venue').notNull(),
    audience: text('audience', { enum: ['internal', 'mixed_agency'] }).notNull(),
    lang: text('lang', { enum: ['id', 'en'] }).notNull(),
    /** The briefing's area: a province or regency code, null = national. */
    areaCode: text('area_code'),
    provinceCode: text('province_code'),
    regencyCode: text('regency_code'),
    slides: jsonb('slides').$type<Slide[]>().notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('briefings_province_regency_idx').on(t.provinceCode, t.regencyCode), index('briefings_updated_idx').on(t.updatedAt)],
);
