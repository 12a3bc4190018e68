import { date, index, primaryKey, real, text, pgTable } from 'drizzle-orm/pg-core';

/**
 * The demo's oracle view (migration 0031): each ranked regency-month's places with their true chance of a
 * violation, from the demo generator (data/src/demo/oracle.ts). Demo only, written by the demo load; the
 * request role has no access.
 */
export const demoOracle = pgTable(
  'demo_oracle',
  {
    month: date('month', { mode: 'string' }).notNull(),
    regencyCode: text('regency_code').notNull(),
    placeKey: text('place_key').notNull(),
    chance: real('chance').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.placeKey] }), index('demo_oracle_month_regency_idx').on(t.month, t.regencyCode)],
);
