import { date, index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { geometry, originColumn } from './columns.js';
import { offices } from './offices.js';
import { companySites } from './companies.js';

/** Operasi gabungan: a joint operation of a Timpora team on a date. */
export const operations = pgTable(
  'operations',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    date: date('date', { mode: 'string' }).notNull(),
    officeId: integer('office_id').references(() => offices.id, { onDelete: 'set null' }),
    team: text('team').notNull(),
    regencyCode: text('regency_code').notNull(),
    notes: text('notes'),
    /** English text of a bilingual record (notes); null: one language only. */
    textEn: jsonb('text_en').$type<{ notes?: string }>(),
    origin: originColumn(),
  },
  (t) => [index('operations_regency_date_idx').on(t.regencyCode, t.date), index('operations_date_idx').on(t.date)],
);

/** A place the team checked, with what it found. */
export const operationTargets = pgTable(
  'operation_targets',
  {
    id: serial('id').primaryKey(),
    operationId: integer('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    place: text('place').notNull(),
    kind: text('kind').notNull(),
    geom: geometry('geom', 'Point'),
    companySiteId: integer('company_site_id').references(() => companySites.id, { onDelete: 'set null' }),
    foreignersChecked: integer('foreigners_checked').notNull(),
    violations: integer('violations').notNull(),
    outcome: text('outcome').notNull(),
    findings: text('findings'),
    /** English text of a bilingual record (place, findings); null: one language only. */
    textEn: jsonb('text_en').$type<{ place?: string; findings?: string }>(),
    districtCode: text('district_code'),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
    origin: originColumn(),
  },
  (t) => [index('operation_targets_geom_gist').using('gist', t.geom), index('operation_targets_operation_idx').on(t.operationId)],
);

/** Tindakan Administratif Keimigrasian (TAK) taken after a target was checked. */
export const enforcementActions = pgTable(
  'enforcement_actions',
  {
    id: serial('id').primaryKey(),
    targetId: integer('target_id')
      .notNull()
      .references(() => operationTargets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
    nationality: text('nationality'),
    origin: originColumn(),
  },
  (t) => [index('enforcement_actions_target_idx').on(t.targetId)],
);
