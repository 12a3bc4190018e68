// Areas: one area with its parent chain, children lists and display geometry.
import { sql } from 'drizzle-orm';
import type { AreaLevel, Scope } from '@pantau/domain';
import { queryOne, queryRows, type Executor } from '../connect.js';
import { areas } from '../schema/index.js';
import { scopeCondition } from './scope.js';

export interface AreaSummary {
  code: string;
  name: string;
  level: AreaLevel;
}
export interface AreaDetail extends AreaSummary {
  parentCode: string | null;
  parents: AreaSummary[];
  bbox: [number, number, number, number];
  centroid: [number, number];
  label: [number, number];
  areaKm2: number;
}

export async function findArea(db: Executor, code: string, scope: Scope): Promise<AreaDetail | null> {
  const row = await queryOne<{
    code: string;
    name: string;
    level: AreaLevel;
    parent_code: string | null;
    xmin: number;
    ymin: number;
    xmax: number;
    ymax: number;
    cx: number;
    cy: number;
    lx: number;
    ly: number;
    km2: number;
  }>(
    db,
    sql`
    select code, name, level, parent_code, ST_XMin(geom) as xmin, ST_YMin(geom) as ymin, ST_XMax(geom) as xmax, ST_YMax(geom) as ymax,
      ST_X(ST_Centroid(geom)) as cx, ST_Y(ST_Centroid(geom)) as cy, ST_X(label) as lx, ST_Y(label) as ly, area_km2 as km2
    from ${areas} where code = ${code} and ${scopeCondition(sql`code`, scope)}`,
  );
  if (!row) return null;
  const parentCodes = ancestorCodes(code);
  const parents = parentCodes.length
    ? await queryRows<{ code: string; name: string; level: AreaLevel }>(
        db,
        sql`select code, name, level from ${areas} where code in ${parentCodes} order by code`,
      )
    : [];
  const r6 = (v: number) => Math.round(Number(v) * 1e6) / 1e6;
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    parents,
    bbox: [r6(row.xmin), r6(row.ymin), r6(row.xmax), r6(row.ymax)],
    centroid: [r6(row.cx), r6(row.cy)],
    label: [r6(row.lx), r6(row.ly)],
    areaKm2: Math.round(Number(row.km2) * 10) / 10,
  };
}

/**
 * The box around the scope's areas (an office's regencies, a province), for the map's first view:
 * null for the national scope (the whole country) and for a scope whose areas are not loaded.
 */
export async function scopeBbox(db: Executor, scope: Scope): Promise<[number, number, number, number] | null> {
  if (scope === null || scope.areaCodes.length === 0) return null;
  const row = await queryOne<{ xmin: number | null; ymin: number | null; xmax: number | null; ymax: number | null }>(
    db,
    sql`
    select min(ST_XMin(geom)) as xmin, min(ST_YMin(geom)) as ymin, max(ST_XMax(geom)) as xmax, max(ST_YMax(geom)) as ymax
    from ${areas} where code in ${[...scope.areaCodes]}`,
  );
  if (!row || row.xmin === null || row.ymin === null || row.xmax === null || row.ymax === null) return null;
  const r6 = (v: number) => Math.round(Number(v) * 1e6) / 1e6;
  return [r6(row.xmin), r6(row.ymin), r6(row.xmax), r6(row.ymax)];
}

export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

export async function listAreas(
  db: Executor,
  filter: { level: AreaLevel; parent?: string },
  scope: Scope,
): Promise<Array<AreaSummary & { parentCode: string | null; areaKm2: number }>> {
  const rows = await queryRows<{ code: string; name: string; level: AreaLevel; parent_code: string | null; km2: number }>(
    db,
    sql`
    select code, name, level, parent_code, area_km2 as km2 from ${areas}
    where level = ${filter.level} ${filter.parent ? sql`and parent_code = ${filter.parent}` : sql``} and ${scopeCondition(sql`code`, scope)}
    order by code`,
  );
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, areaKm2: Math.round(Number(r.km2) * 10) / 10 }));
}

/** Simplification tolerance in degrees per level, for an overview map (tiles serve detail). */
const DISPLAY_TOLERANCE: Record<AreaLevel, number> = { province: 0.01, regency: 0.005, district: 0.002 };

export class GeometryReadError extends Error {
  override name = 'GeometryReadError';
}

/**
 * Display geometry as GeoJSON features. ST_Simplify is PostGIS's own Douglas–Peucker (no GEOS);
 * the row count is still checked, since PGlite drops rows silently when a GEOS call fails.
 */
export async function areaGeometries(db: Executor, filter: { level: AreaLevel; parent?: string }, scope: Scope) {
  const where = sql`level = ${filter.level} ${filter.parent ? sql`and parent_code = ${filter.parent}` : sql``} and ${scopeCondition(sql`code`, scope)}`;
  const expected = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from ${areas} where ${where}`);
  const rows = await queryRows<{ code: string; name: string; level: AreaLevel; parent_code: string | null; g: string }>(
    db,
    sql`
    select code, name, level, parent_code, ST_AsGeoJSON(ST_Simplify(geom, ${DISPLAY_TOLERANCE[filter.level]}, true), 4) as g
    from ${areas} where ${where} order by code`,
  );
  if (rows.length !== Number(expected?.n ?? 0)) throw new GeometryReadError(`read ${rows.length} of ${expected?.n} area geometries`);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.code,
      properties: { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code },
      geometry: JSON.parse(r.g) as { type: string; coordinates: unknown },
    })),
  };
}
