import { index, integer, jsonb, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { originColumn } from './columns.js';

/** Kanwil: the ministry's regional office, one per province, with its immigration division. */
export const regionalOffices = pgTable('regional_offices', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  provinceCode: text('province_code').notNull(),
  origin: originColumn(),
});

/** Kantor Imigrasi (Kanim) of a class; its work area is a set of regencies. */
export const offices = pgTable('offices', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  officeClass: text('office_class').notNull(),
  provinceCode: text('province_code').notNull(),
  workAreaNote: text('work_area_note'),
  /** English text of a bilingual record (workAreaNote); null: one language only. */
  textEn: jsonb('text_en').$type<{ workAreaNote?: string }>(),
  origin: originColumn(),
});

export const officeWorkAreas = pgTable(
  'office_work_areas',
  {
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id, { onDelete: 'cascade' }),
    regencyCode: text('regency_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.regencyCode] }), index('office_work_areas_regency_idx').on(t.regencyCode)],
);
