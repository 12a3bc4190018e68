import { date, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { apiTokens, users } from './accounts.js';
import { operationTargets } from './operations.js';
import { bytea, geometry, originColumn } from './columns.js';

/** Potensi kerawanan: an area of risk with a category and a severity, valid for a period. */
export const riskAreas = pgTable(
  'risk_areas',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source').notNull(),
    description: text('description'),
    /** English text of a bilingual record (name, description, source); null: one language only. */
    textEn: jsonb('text_en').$type<{ name?: string; description?: string; source?: string }>(),
    regencyCode: text('regency_code'),
    provinceCode: text('province_code'),
    origin: originColumn(),
    /** Current version; each change in the app keeps the one before in risk_area_versions (migration 0022). */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('risk_areas_geom_gist').using('gist', t.geom)],
);

/** A risk area as it was before a change made in the app: who changed it, when, how (create, update, retire). */
export const riskAreaVersions = pgTable(
  'risk_area_versions',
  {
    id: serial('id').primaryKey(),
    riskAreaId: integer('risk_area_id')
      .notNull()
      .references(() => riskAreas.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    /** Geometry and attributes before the change; null for a create. */
    geomBefore: geometry('geom_before', 'MultiPolygon'),
    attributesBefore: jsonb('attributes_before').$type<Record<string, unknown>>(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** The area's codes before the change (row-level security: seen where the area was). */
    regencyCode: text('regency_code'),
    provinceCode: text('province_code'),
  },
  (t) => [unique('risk_area_versions_area_version_unique').on(t.riskAreaId, t.version)],
);

/** Tempat Pemeriksaan Imigrasi: airport, seaport or land-border checkpoint. */
export const entryPoints = pgTable(
  'entry_points',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    geom: geometry('geom', 'Point').notNull(),
    districtCode: text('district_code'),
    regencyCode: text('regency_code'),
    provinceCode: text('province_code'),
    origin: originColumn(),
  },
  (t) => [index('entry_points_geom_gist').using('gist', t.geom)],
);

/** Rapat / Rakor Timpora. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    date: date('date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    venue: text('venue'),
    regencyCode: text('regency_code').notNull(),
    provinceCode: text('province_code').notNull(),
    organiser: text('organiser').notNull(),
    attendees: jsonb('attendees').$type<string[]>().notNull(),
    notes: jsonb('notes').$type<string[]>().notNull(),
    /** English text of a bilingual record (title, venue, notes); null: one language only. */
    textEn: jsonb('text_en').$type<{ title?: string; venue?: string; organiser?: string; notes?: string[] }>(),
    /** The venue's point (migration 0021); null for meetings imported without one. */
    geom: geometry('geom', 'Point'),
    /** The organising office (offices.id); foreign keys, like the follow-up tables, in 0021. */
    officeId: integer('office_id'),
    attendance: jsonb('attendance').$type<Array<{ agency: string; names: string[]; unit?: string | null }>>().notNull().default([]),
    agenda: jsonb('agenda').$type<string[]>().notNull().default([]),
    briefingId: integer('briefing_id'),
    origin: originColumn(),
  },
  (t) => [index('meetings_regency_date_idx').on(t.regencyCode, t.date), index('meetings_geom_gist').using('gist', t.geom)],
);

/**
 * A public report (APOA, WhatsApp, phone, walk-in, letter). `status` is the current one, the last row of
 * its history (report_status_changes, migration 0020). The reporter's contact is kept only when a role
 * allowed personal data recorded it; it, the text and the address are personal data (fields.ts).
 */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull(),
    summary: text('summary'),
    /** The channel system's own id: the same id on the same channel is the same report. */
    externalId: text('external_id'),
    reporterContact: text('reporter_contact'),
    /** The address or place as the reporter described it. */
    address: text('address'),
    geom: geometry('geom', 'Point').notNull(),
    districtCode: text('district_code'),
    regencyCode: text('regency_code'),
    provinceCode: text('province_code'),
    origin: originColumn(),
    /** The API token that posted it (migration 0028): that token alone may attach its photos. */
    createdByTokenId: integer('created_by_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
  },
  (t) => [index('reports_geom_gist').using('gist', t.geom), index('reports_received_idx').on(t.receivedAt)],
);

/** Every status a report has had: who, when, why; "acted" links to the operation target that followed. */
export const reportStatusChanges = pgTable(
  'report_status_changes',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** Null for history reconstructed from an imported or generated status. */
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(),
    reason: text('reason'),
    operationTargetId: integer('operation_target_id').references(() => operationTargets.id, { onDelete: 'set null' }),
  },
  (t) => [index('report_status_changes_report_idx').on(t.reportId, t.changedAt)],
);

/** Photos sent with a report (migration 0027): typed by their first bytes, one per content hash per report. */
export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string' }).notNull(),
    addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(),
  },
  (t) => [index('report_attachments_report_idx').on(t.reportId, t.id), uniqueIndex('report_attachments_report_sha_key').on(t.reportId, t.sha256)],
);

/** One row per dataset load (boundaries, reference, demo) so loads are idempotent and dated. */
export const datasetLoads = pgTable('dataset_loads', {
  name: text('name').primaryKey(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'string' }).notNull(),
});
