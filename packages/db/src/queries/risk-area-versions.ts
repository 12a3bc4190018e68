// The changes of one risk area made in the app (migration 0022), newest first, with the geometry and
// attributes as they were before each change. Null when the area is missing or outside the scope; a
// version whose area lay outside the scope before it moved in keeps its row hidden (row-level security
// and the same scope condition here).
import type { GeoJsonGeometry, Scope } from '@pantau/domain';
import { queryOne, queryRows, sql, type Executor } from '../connect.js';
import { riskAreas, riskAreaVersions } from '../schema/index.js';
import { scopeCondition } from './scope.js';

export interface RiskAreaVersionRow {
  version: number;
  action: 'create' | 'update' | 'retire';
  changedBy: string;
  changedAt: string;
  geometryBefore: GeoJsonGeometry | null;
  before: {
    name: string;
    category: string;
    severity: string;
    validFrom: string;
    validTo: string | null;
    source: string;
    description: string | null;
    regencyCode: string | null;
    provinceCode: string | null;
  } | null;
}

export async function riskAreaVersionHistory(
  db: Executor,
  id: number,
  scope: Scope,
): Promise<{ riskAreaId: number; currentVersion: number; items: RiskAreaVersionRow[] } | null> {
  const area = await queryOne<{ id: number; version: number }>(
    db,
    sql`
    select id, version from ${riskAreas} where id = ${id} and ${scopeCondition(sql`regency_code`, scope)}`,
  );
  if (!area) return null;
  const rows = await queryRows<{
    version: number;
    action: RiskAreaVersionRow['action'];
    changed_by: string;
    changed_at: string;
    g: string | null;
    attributes: unknown;
  }>(
    db,
    sql`
    select version, action, changed_by, to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as changed_at,
      ST_AsGeoJSON(geom_before, 6) as g, attributes_before as attributes
    from ${riskAreaVersions}
    where risk_area_id = ${id} and ${scopeCondition(sql`coalesce(regency_code, province_code)`, scope)}
    order by version desc`,
  );
  return {
    riskAreaId: Number(area.id),
    currentVersion: Number(area.version),
    items: rows.map((r) => {
      const a = (typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes) as Record<string, unknown> | null;
      return {
        version: Number(r.version),
        action: r.action,
        changedBy: r.changed_by,
        changedAt: r.changed_at,
        geometryBefore: r.g ? (JSON.parse(r.g) as GeoJsonGeometry) : null,
        before: a && {
          name: String(a.name),
          category: String(a.category),
          severity: String(a.severity),
          validFrom: String(a.validFrom),
          validTo: (a.validTo as string | null) ?? null,
          source: String(a.source),
          description: (a.description as string | null) ?? null,
          regencyCode: (a.regencyCode as string | null) ?? null,
          provinceCode: (a.provinceCode as string | null) ?? null,
        },
      };
    }),
  };
}
