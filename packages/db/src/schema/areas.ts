import { doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';
import { geometry } from './columns.js';

/** Provinces, regencies (kabupaten/kota) and districts (kecamatan) with their official codes. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: ['province', 'regency', 'district'] }).notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    label: geometry('label', 'Point').notNull(),
    areaKm2: doublePrecision('area_km2').notNull(),
    source: text('source').notNull(),
  },
  (t) => [index('areas_geom_gist').using('gist', t.geom), index('areas_level_parent_idx').on(t.level, t.parentCode)],
);
