import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A person who signs in. The scope is resolved per request: the office's work area when `office_key` is set, else `scope_codes`. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'division_head', 'office_head', 'analyst', 'agency_member', 'viewer'] }).notNull(),
    /** Official area codes; empty for admin (national). */
    scopeCodes: text('scope_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    officeKey: text('office_key'),
    /** A Timpora member agency code (@pantau/domain TIMPORA_AGENCIES). */
    agency: text('agency').notNull().default('imigrasi'),
    disabledAt: at('disabled_at'),
    createdAt: at('created_at').notNull(),
    passwordChangedAt: at('password_changed_at').notNull(),
    lastSignInAt: at('last_sign_in_at'),
  },
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)],
);

/** Only the SHA-256 of a session token is stored; the token itself lives in the user's cookie. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    address: text('address'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins, by account and by address, for rate limiting across API instances. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('sign_in_failures_email_idx').on(sql`lower(${t.email})`, t.at), index('sign_in_failures_address_idx').on(t.address, t.at)],
);

/** Append-only trail of reads of personal data, imports, edits, sign-ins and user changes. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    userId: integer('user_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    areaCode: text('area_code'),
    target: text('target'),
    requestId: text('request_id'),
    details: jsonb('details')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The row chained before this one (set by the database at insert, migration 0010). */
    prevId: bigint('prev_id', { mode: 'number' }),
    /** Hex SHA-256 of the previous row's hash and this row's content (set by the database at insert). */
    hash: text('hash'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/**
 * API tokens of channel systems (service accounts, migration 0024): only the SHA-256 of the token is
 * stored; `prefix` is its visible start (pt_ + 8 hex digits) to recognise a leaked one.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Province or regency codes. */
    scopeCodes: text('scope_codes').array().notNull(),
    /** @pantau/domain TOKEN_CAPABILITIES. */
    capabilities: text('capabilities').array().notNull(),
    /** Who made it: `cli:<account>` or an admin's email. */
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    uniqueIndex('api_tokens_prefix_key').on(t.prefix),
    uniqueIndex('api_tokens_active_name_key')
      .on(t.name)
      .where(sql`revoked_at IS NULL`),
  ],
);
