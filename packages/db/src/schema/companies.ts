import { index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { geometry, originColumn } from './columns.js';

/** Sponsors of foreign workers. */
export const companies = pgTable('companies', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  sector: text('sector'),
  registrationNumber: text('registration_number').unique(),
  origin: originColumn(),
});

/** A place where a company works; its district is found by point-in-polygon on write. */
export const companySites = pgTable(
  'company_sites',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** English text of a bilingual record (name); null: one language only. */
    textEn: jsonb('text_en').$type<{ name?: string }>(),
    geom: geometry('geom', 'Point').notNull(),
    districtCode: text('district_code'),
    regencyCode: text('regency_code'),
    provinceCode: text('province_code'),
    origin: originColumn(),
  },
  (t) => [
    index('company_sites_geom_gist').using('gist', t.geom),
    index('company_sites_regency_idx').on(t.regencyCode),
    index('company_sites_company_idx').on(t.companyId),
  ],
);
