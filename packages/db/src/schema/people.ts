import { bigint, bigserial, boolean, date, index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { geometry, originColumn } from './columns.js';
import { companies } from './companies.js';
import { entryPoints } from './events.js';
import { offices } from './offices.js';
import { operationTargets } from './operations.js';

/**
 * A foreign national (issue 20): the unit every "holders" figure counts. Identified by passport number +
 * nationality (person_passports). The area columns hold where the person lives or works (the area of
 * the latest permit), so that row-level security scopes people like every other table.
 */
export const people = pgTable(
  'people',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Stable key of a generated or reference person (`demo:person:…`, `ref:person:…`); null for imported people. */
    key: text('key').unique(),
    name: text('name').notNull(),
    sex: text('sex'),
    birthDate: date('birth_date', { mode: 'string' }),
    nationality: text('nationality').notNull(),
    districtCode: text('district_code'),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
    origin: originColumn(),
  },
  (t) => [index('people_regency_idx').on(t.regencyCode), index('people_name_idx').on(t.name, t.nationality)],
);

/** Passport numbers of a person: the current one and earlier ones kept as aliases. */
export const personPassports = pgTable(
  'person_passports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    passportNumber: text('passport_number').notNull(),
    nationality: text('nationality').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    origin: originColumn(),
  },
  (t) => [unique('person_passports_number_nationality_key').on(t.passportNumber, t.nationality), index('person_passports_person_idx').on(t.personId)],
);

/**
 * An application for a stay permit: open from applied_on until decided_on (or now). "Waiting for a new
 * KITAS" is an open application. The area is where the person will stay (the sponsor's site).
 */
export const permitApplications = pgTable(
  'permit_applications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    permitType: text('permit_type', { enum: ['itas', 'itap'] }).notNull(),
    status: text('status', { enum: ['applied', 'issued', 'refused', 'withdrawn'] }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    /** Null while the application is open. */
    decidedOn: date('decided_on', { mode: 'string' }),
    officeId: integer('office_id').references(() => offices.id, { onDelete: 'set null' }),
    sponsorCompanyId: integer('sponsor_company_id').references(() => companies.id, { onDelete: 'set null' }),
    purpose: text('purpose'),
    nationality: text('nationality').notNull(),
    districtCode: text('district_code'),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
    origin: originColumn(),
  },
  (t) => [index('permit_applications_regency_idx').on(t.regencyCode, t.appliedOn), index('permit_applications_person_idx').on(t.personId)],
);

/** Kedatangan / keberangkatan: a person passing an immigration checkpoint. */
export const movements = pgTable(
  'movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['arrival', 'departure'] }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    entryPointId: integer('entry_point_id').references(() => entryPoints.id, { onDelete: 'set null' }),
    origin: originColumn(),
  },
  (t) => [index('movements_person_idx').on(t.personId, t.date)],
);

/**
 * Crossings per month at a checkpoint, by nationality and direction, as immigration systems report
 * them (imported; no person named). Scoped by the checkpoint's area, copied onto the row.
 */
export const movementCounts = pgTable(
  'movement_counts',
  {
    id: serial('id').primaryKey(),
    entryPointId: integer('entry_point_id')
      .notNull()
      .references(() => entryPoints.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    nationality: text('nationality').notNull(),
    direction: text('direction', { enum: ['arrival', 'departure'] }).notNull(),
    count: integer('count').notNull(),
    districtCode: text('district_code'),
    regencyCode: text('regency_code'),
    provinceCode: text('province_code'),
    origin: originColumn(),
  },
  (t) => [unique('movement_counts_key').on(t.entryPointId, t.month, t.nationality, t.direction), index('movement_counts_month_idx').on(t.month)],
);

/** Where a person stayed (a hotel, a mess, an address) from one day to another (null: still there). */
export const lodgings = pgTable(
  'lodgings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    place: text('place').notNull(),
    address: text('address'),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }),
    geom: geometry('geom', 'Point'),
    districtCode: text('district_code'),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
    origin: originColumn(),
  },
  (t) => [index('lodgings_person_idx').on(t.personId)],
);

/** The people an operation target concerned: checked on the spot (checked) or named beforehand. */
export const operationTargetPeople = pgTable(
  'operation_target_people',
  {
    id: serial('id').primaryKey(),
    targetId: integer('target_id')
      .notNull()
      .references(() => operationTargets.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    checked: boolean('checked').notNull(),
    origin: originColumn(),
  },
  (t) => [unique('operation_target_people_key').on(t.targetId, t.personId), index('operation_target_people_person_idx').on(t.personId)],
);
