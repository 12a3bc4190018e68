// What the generator knows of the map: areas from the database, district polygons from the same
// boundary files (so sampled points are the same on both backends).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { areas, queryRows, sql, type Executor } from '@pantau/db';
import { BOUNDARY_FILES } from '../boundaries/find-boundaries.js';
import { cleanPolygonal } from '../boundaries/clean-geometry.js';
import type { Random } from './random.js';

export interface AreaInfo {
  code: string;
  name: string;
  parentCode: string | null;
  label: [number, number];
  areaKm2: number;
}

export interface Geography {
  provinces: AreaInfo[];
  regencies: AreaInfo[];
  districts: AreaInfo[];
  byCode: Map<string, AreaInfo>;
  childrenOf: Map<string, AreaInfo[]>;
  /** A point inside the district (falls back to its label point). */
  pointIn(districtCode: string, random: Random): [number, number];
}

export async function loadGeography(db: Executor, boundariesDir: string): Promise<Geography> {
  const rows = await queryRows<{ code: string; level: string; name: string; parent_code: string | null; lng: number; lat: number; km2: number }>(
    db,
    sql`select code, level, name, parent_code, ST_X(label) as lng, ST_Y(label) as lat, area_km2 as km2 from ${areas} order by code`,
  );
  const all = rows.map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    label: [Number(r.lng), Number(r.lat)] as [number, number],
    areaKm2: Number(r.km2),
    level: r.level,
  }));
  const byCode = new Map(all.map((a) => [a.code, a]));
  const childrenOf = new Map<string, AreaInfo[]>();
  for (const a of all) if (a.parentCode) childrenOf.set(a.parentCode, [...(childrenOf.get(a.parentCode) ?? []), a]);

  const districtShapes = new Map<string, { geometry: Polygon | MultiPolygon; box: number[] }>();
  const fc = JSON.parse(readFileSync(resolve(boundariesDir, BOUNDARY_FILES.district), 'utf8')) as {
    features: Array<{ properties: { code: string }; geometry: Polygon | MultiPolygon }>;
  };
  for (const f of fc.features) {
    // The same cleaning as the loader: the source has unclosed rings turf would refuse.
    const geometry = cleanPolygonal(f.geometry, f.properties.code) as MultiPolygon;
    districtShapes.set(f.properties.code, { geometry, box: bbox(geometry) });
  }

  return {
    provinces: all.filter((a) => a.level === 'province'),
    regencies: all.filter((a) => a.level === 'regency'),
    districts: all.filter((a) => a.level === 'district'),
    byCode,
    childrenOf,
    pointIn(code, random) {
      const shape = districtShapes.get(code);
      const fallback = byCode.get(code)?.label ?? [0, 0];
      if (!shape) return fallback;
      const [minX, minY, maxX, maxY] = shape.box as [number, number, number, number];
      for (let attempt = 0; attempt < 60; attempt++) {
        const p: [number, number] = [round6(minX + random.next() * (maxX - minX)), round6(minY + random.next() * (maxY - minY))];
        if (booleanPointInPolygon(p, shape.geometry)) return p;
      }
      return fallback;
    },
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
