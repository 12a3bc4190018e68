// `pantau boundaries`: loads provinces, regencies and districts into `areas`, on either backend.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AREA_CODE_PATTERN, type AreaLevel } from '@pantau/domain';
import { areas, datasetLoads, expectWritten, queryOne, queryRows, sql, type Database, type Orm } from '@pantau/db';
import { BOUNDARY_FILES, findBoundariesDir } from './find-boundaries.js';
import { cleanPolygonal, type PolygonalGeometry } from './clean-geometry.js';

export interface BoundaryLoadResult {
  dir: string;
  skipped: boolean;
  counts: Record<AreaLevel, number>;
}

interface BoundaryFeature {
  properties: { code: string; name: string; parent_code: string | null; label_lng?: number; label_lat?: number };
  geometry: PolygonalGeometry;
}

const SOURCE = 'cahyadsn/wilayah_boundaries (MIT)';
const LEVELS: AreaLevel[] = ['province', 'regency', 'district'];
const CHUNK = 200;

export async function loadBoundaries(database: Database, options: { dir?: string; log?: (line: string) => void } = {}): Promise<BoundaryLoadResult> {
  const log = options.log ?? (() => {});
  const dir = findBoundariesDir(options.dir);
  const files = LEVELS.map((level) => ({ level, path: resolve(dir, BOUNDARY_FILES[level]) }));
  const contents = files.map((f) => readFileSync(f.path));
  const fingerprint = createHash('sha256').update(Buffer.concat(contents)).digest('hex');

  const previous = await queryOne<{ fingerprint: string | null }>(
    database.orm,
    sql`select params->>'fingerprint' as fingerprint from ${datasetLoads} where name = 'boundaries'`,
  );
  if (previous?.fingerprint === fingerprint) {
    const counts = await countAreas(database.orm);
    log(`boundaries: already loaded from ${dir} (${formatCounts(counts)})`);
    return { dir, skipped: true, counts };
  }

  const parsed = files.map((f, i) => ({ level: f.level, path: f.path, features: parseFeatures(f.path, contents[i]!.toString('utf8')) }));
  const counts = await database.orm.transaction(async (tx) => {
    for (const { level, path, features } of parsed) {
      for (let i = 0; i < features.length; i += CHUNK) {
        await upsertChunk(tx, level, path, features.slice(i, i + CHUNK));
        log(`boundaries: ${level} ${Math.min(i + CHUNK, features.length)}/${features.length}`);
      }
    }
    const written = await countAreas(tx);
    for (const { level, features } of parsed) expectWritten(`${level} boundaries`, features.length, written[level]);
    await tx
      .insert(datasetLoads)
      .values({ name: 'boundaries', params: { fingerprint, dir }, counts: written, loadedAt: new Date().toISOString() })
      .onConflictDoUpdate({ target: datasetLoads.name, set: { params: { fingerprint, dir }, counts: written, loadedAt: new Date().toISOString() } });
    return written;
  });
  log(`boundaries: loaded from ${dir} (${formatCounts(counts)})`);
  return { dir, skipped: false, counts };
}

function parseFeatures(path: string, text: string): BoundaryFeature[] {
  let json: { type?: string; features?: BoundaryFeature[] };
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error(`${path}: not a GeoJSON FeatureCollection`);
  json.features.forEach((f, i) => {
    const code = f.properties?.code;
    if (typeof code !== 'string' || !AREA_CODE_PATTERN.test(code))
      throw new Error(`${path}: feature ${i + 1}: property "code" ${JSON.stringify(code)} is not an area code`);
    if (!f.geometry || !['Polygon', 'MultiPolygon'].includes(f.geometry.type))
      throw new Error(`${path}: feature ${code}: geometry is not a Polygon or MultiPolygon`);
  });
  return json.features;
}

async function upsertChunk(tx: Orm, level: AreaLevel, path: string, features: BoundaryFeature[]): Promise<void> {
  const rows = features.map((f) => {
    const p = f.properties;
    const geometry = cleanPolygonal(f.geometry, `${path}: feature ${p.code}`);
    return {
      code: p.code,
      level,
      parent_code: p.parent_code ?? null,
      name: p.name,
      geometry: JSON.stringify(geometry),
      label_lng: typeof p.label_lng === 'number' ? p.label_lng : null,
      label_lat: typeof p.label_lat === 'number' ? p.label_lat : null,
    };
  });
  // One statement per chunk; the JSON travels as one bound parameter and is unpacked in SQL.
  // 'method=structure' keeps every polygonal part (the default method drops some on PGlite).
  const written = await queryRows<{ code: string }>(
    tx,
    sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(code text, level text, parent_code text, name text, geometry text, label_lng float8, label_lat float8)
    ), repaired as (
      select code, level, parent_code, name, label_lng, label_lat,
        ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326), 'method=structure'), 3)) as geom
      from input
    )
    insert into ${areas} (code, level, parent_code, name, geom, label, area_km2, source)
    select code, level, parent_code, name, geom,
      coalesce(ST_SetSRID(ST_MakePoint(label_lng, label_lat), 4326), ST_PointOnSurface(geom)),
      ST_Area(geom::geography) / 1e6,
      ${SOURCE}
    from repaired
    on conflict (code) do update set level = excluded.level, parent_code = excluded.parent_code, name = excluded.name,
      geom = excluded.geom, label = excluded.label, area_km2 = excluded.area_km2, source = excluded.source
    returning code`,
  );
  expectWritten(`${level} boundaries`, rows.length, written.length);
}

export async function countAreas(executor: Pick<Orm, 'execute'>): Promise<Record<AreaLevel, number>> {
  const rows = await queryRows<{ level: AreaLevel; n: number }>(
    executor,
    sql`select level, count(*)::int as n from ${areas} where not ST_IsEmpty(geom) group by level`,
  );
  const counts: Record<AreaLevel, number> = { province: 0, regency: 0, district: 0 };
  for (const r of rows) counts[r.level] = Number(r.n);
  return counts;
}

function formatCounts(c: Record<AreaLevel, number>): string {
  return `${c.province} provinces, ${c.regency} regencies, ${c.district} districts`;
}
