import { bigint, bigserial, date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { originColumn } from './columns.js';
import { companies } from './companies.js';
import { people } from './people.js';

/**
 * Stay permits (ITAS, ITAP, visit). Valid on day D when issued_on <= D < expires_on and not cancelled
 * on or before D. Regency and province codes are derived from the district on write so that
 * aggregates at every level are one GROUP BY without a spatial join.
 */
export const permits = pgTable(
  'permits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    permitNumber: text('permit_number').notNull(),
    permitType: text('permit_type', { enum: ['itas', 'itap', 'visit'] }).notNull(),
    purpose: text('purpose').notNull(),
    nationality: text('nationality').notNull(),
    /** Null when the source does not say. */
    sex: text('sex'),
    holderName: text('holder_name').notNull(),
    /** The holder (issue 20); null when the source identifies nobody (each such permit counts as one person). */
    personId: bigint('person_id', { mode: 'number' }).references(() => people.id, { onDelete: 'set null' }),
    /** Passport number and birth date as the permit was issued; null when the source does not say. */
    passportNumber: text('passport_number'),
    holderBirthDate: date('holder_birth_date', { mode: 'string' }),
    sponsorCompanyId: integer('sponsor_company_id').references(() => companies.id, { onDelete: 'set null' }),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    /** Null when the source names only the regency (imports); aggregates by district leave it out. */
    districtCode: text('district_code'),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
    origin: originColumn(),
  },
  (t) => [
    unique('permits_number_type_key').on(t.permitNumber, t.permitType),
    index('permits_regency_validity_idx').on(t.regencyCode, t.issuedOn, t.expiresOn),
    index('permits_district_idx').on(t.districtCode),
    index('permits_sponsor_idx').on(t.sponsorCompanyId),
    // Renewal look-ups (a later permit of the same holder) in the planning factors and the backtest.
    index('permits_person_idx').on(t.personId),
    index('permits_holder_idx').on(t.holderName, t.nationality, t.issuedOn),
  ],
);
