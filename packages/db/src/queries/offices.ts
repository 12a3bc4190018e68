// Immigration offices and their work areas (wilayah kerja) as planning areas. `office:<key>` stands for
// an office's regencies within the caller's scope: one resolution here serves the candidates route, the
// plan write path and the offices list, so all of them agree on which regencies a work area means.
import { sql } from 'drizzle-orm';
import { inScope, type Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';

export interface WorkArea {
  /** `office:<key>` */
  code: string;
  officeKey: string;
  name: string;
  officeClass: string;
  provinceCode: string;
  /** The work area's regencies within the scope, sorted; never empty. */
  regencyCodes: string[];
}

export interface OfficeListItem extends WorkArea {
  /** [west, south, east, north] of the regencies within the scope. */
  bbox: [number, number, number, number];
}

const codesOf = (value: string[] | string | null): string[] =>
  value === null ? [] : typeof value === 'string' ? value.replace(/[{}]/g, '').split(',').filter(Boolean) : value;

/**
 * The office's work area as the scope sees it: its regencies within the scope. Null when there is no
 * such office or none of its regencies is in the scope (the two answer alike).
 */
export async function workAreaOf(db: Executor, officeKey: string, scope: Scope): Promise<WorkArea | null> {
  const rows = await queryRows<{ name: string; office_class: string; province_code: string; code: string }>(
    db,
    sql`
    select o.name, o.office_class, o.province_code, w.regency_code as code
    from offices o join office_work_areas w on w.office_id = o.id where o.key = ${officeKey} order by w.regency_code`,
  );
  const codes = rows.map((r) => r.code).filter((code) => inScope(scope, code));
  const first = rows[0];
  if (!first || !codes.length) return null;
  return { code: `office:${officeKey}`, officeKey, name: first.name, officeClass: first.office_class, provinceCode: first.province_code, regencyCodes: codes };
}

/**
 * Offices whose work area overlaps the scope, each with its regencies within the scope and their
 * bounding box; by province, then name. A national scope lists every office with a work area.
 */
export async function listOffices(db: Executor, scope: Scope, province?: string): Promise<OfficeListItem[]> {
  const rows = await queryRows<{ key: string; name: string; office_class: string; province_code: string; codes: string[] | string }>(
    db,
    sql`
    select o.key, o.name, o.office_class, o.province_code, array_agg(w.regency_code order by w.regency_code) as codes
    from offices o join office_work_areas w on w.office_id = o.id
    where ${province ? sql`o.province_code = ${province}` : sql`true`}
    group by o.id, o.key, o.name, o.office_class, o.province_code
    order by o.province_code, o.name, o.key`,
  );
  const offices = rows.map((r) => ({ r, codes: codesOf(r.codes).filter((code) => inScope(scope, code)) })).filter(({ codes }) => codes.length > 0);
  if (!offices.length) return [];
  const regencies = [...new Set(offices.flatMap(({ codes }) => codes))];
  const boxes = new Map(
    (
      await queryRows<{ code: string; xmin: number; ymin: number; xmax: number; ymax: number }>(
        db,
        sql`
    select code, ST_XMin(geom) as xmin, ST_YMin(geom) as ymin, ST_XMax(geom) as xmax, ST_YMax(geom) as ymax from areas where code in ${regencies}`,
      )
    ).map((b) => [b.code, [Number(b.xmin), Number(b.ymin), Number(b.xmax), Number(b.ymax)] as const]),
  );
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return offices.flatMap(({ r, codes }) => {
    const known = codes.map((code) => boxes.get(code)).filter((box): box is readonly [number, number, number, number] => box !== undefined);
    if (!known.length) return [];
    const bbox: [number, number, number, number] = [
      r6(Math.min(...known.map((b) => b[0]))),
      r6(Math.min(...known.map((b) => b[1]))),
      r6(Math.max(...known.map((b) => b[2]))),
      r6(Math.max(...known.map((b) => b[3]))),
    ];
    return [{ code: `office:${r.key}`, officeKey: r.key, name: r.name, officeClass: r.office_class, provinceCode: r.province_code, regencyCodes: codes, bbox }];
  });
}
