import { date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { geometry, originColumn } from './columns.js';

/** Potensi kerawanan: an area of risk with a category and a severity, valid for a period. */
export const riskAreas = pgTable('risk_areas', {
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
}, (t) => [index('risk_areas_geom_gist').using('gist', t.geom)]);

/** A risk area as it was before a change made in the app: who changed it, when, how (create, update, retire). */
export const riskAreaVersions = pgTable('risk_area_versions', {
  id: serial('id').primaryKey(),
  riskAreaId: integer('risk_area_id').notNull().references(() => riskAreas.id, { onDelete: 'cascade' }),
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
}, (t) => [unique('risk_area_versions_area_version_unique').on(t.riskAreaId, t.version)]);

/** Tempat Pemeriksaan Imigrasi: airport, seaport or land-border checkpoint. */
export const entryPoints = pgTable('entry_points', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  geom: geometry('geom', 'Point').notNull(),
  districtCode: text('district_code'),
  regencyCode: text('regency_code'),
  provinceCode: text('province_code'),
  origin: originColumn(),
}, (t) => [index('entry_points_geom_gist').using('gist', t.geom)]);

/** Rapat / Rakor Timpora. */
export const meetings = pgTable('meetings', {
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
  origin: originColumn(),
}, (t) => [index('meetings_regency_date_idx').on(t.regencyCode, t.date)]);

/** A public report (APOA, WhatsApp, phone, walk-in). The reporter is never stored here. */
export const reports = pgTable('reports', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
  channel: text('channel').notNull(),
  category: text('category').notNull(),
  status: text('status').notNull(),
  summary: text('summary'),
  geom: geometry('geom', 'Point').notNull(),
  districtCode: text('district_code'),
  regencyCode: text('regency_code'),
  provinceCode: text('province_code'),
  origin: originColumn(),
}, (t) => [
  index('reports_geom_gist').using('gist', t.geom),
  index('reports_received_idx').on(t.receivedAt),
]);

/** One row per dataset load (boundaries, reference, demo) so loads are idempotent and dated. */
export const datasetLoads = pgTable('dataset_loads', {
  name: text('name').primaryKey(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'string' }).notNull(),
});
