import { doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, date, uniqueIndex } from 'drizzle-orm/pg-core';
import { geometry } from './columns.js';
import { companies, companySites } from './companies.js';
import { operations, operationTargets } from './operations.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * An operation plan: targets picked from the planning candidates of an area for a day. Scoped like
 * other area data by the area's own codes (a province-wide plan is not an office's to see). A plan for
 * an office's work area (area_code `office:<key>`) has the work area's province, no regency or district,
 * and is seen by a scope holding any of its `work_area_codes`.
 */
export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    areaCode: text('area_code').notNull(),
    provinceCode: text('province_code').notNull(),
    regencyCode: text('regency_code'),
    districtCode: text('district_code'),
    /** For a work-area plan: the work area's regency codes within its creator's scope at creation; else null. */
    workAreaCodes: text('work_area_codes').array(),
    /** draft, approved, done (see @pantau/domain PLAN_STATUSES). */
    status: text('status').notNull(),
    /** The weights the targets were scored with, all eight factors. */
    weights: jsonb('weights').notNull(),
    notes: text('notes'),
    /** [{ key, name, agencies: [agency codes] }] */
    teams: jsonb('teams').notNull(),
    /** { lng, lat } where the route begins, or null. */
    routeStart: jsonb('route_start'),
    routeKm: doublePrecision('route_km').notNull(),
    operationId: integer('operation_id').references(() => operations.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: at('approved_at'),
  },
  (t) => [index('plans_regency_date_idx').on(t.regencyCode, t.date), index('plans_province_date_idx').on(t.provinceCode, t.date)],
);

/** A target of a plan, with the server's score, factors and explanation as they were when it was picked. */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** 1..n, the route order. */
    ord: integer('ord').notNull(),
    candidateId: text('candidate_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    geom: geometry('geom', 'Point').notNull(),
    provinceCode: text('province_code'),
    regencyCode: text('regency_code'),
    districtCode: text('district_code'),
    companySiteId: integer('company_site_id').references(() => companySites.id, { onDelete: 'set null' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    lastOperationId: integer('last_operation_id').references(() => operations.id, { onDelete: 'set null' }),
    score: doublePrecision('score').notNull(),
    factors: jsonb('factors').notNull(),
    contributions: jsonb('contributions').notNull(),
    /** { id, en } */
    explanation: jsonb('explanation').notNull(),
    expectedForeigners: integer('expected_foreigners').notNull(),
    teamKey: text('team_key'),
    notes: text('notes'),
    legKm: doublePrecision('leg_km'),
    operationTargetId: integer('operation_target_id').references(() => operationTargets.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('plan_targets_plan_ord_idx').on(t.planId, t.ord), uniqueIndex('plan_targets_plan_candidate_idx').on(t.planId, t.candidateId)],
);
