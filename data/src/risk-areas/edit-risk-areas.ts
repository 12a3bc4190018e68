// The one write path of risk areas drawn or edited in the app (issue 22): create, and change the geometry
// and/or attributes. Each action is validated (request schema, then the polygon's shape in code, then its
// validity, area and place in the database), runs in one transaction with its version row and its audit
// row, and takes the caller's scope: an area outside it is reported exactly like a missing one, and a
// geometry whose regency lies outside it is refused. Nothing is written before every check has passed,
// and every statement's row count is compared with what was meant (PGlite's PostGIS can stop silently).
import { areas, expectWritten, queryOne, riskAreas, riskAreaVersions, scopeCondition, sql, type Orm, type SQL } from '@pantau/db';
import {
  geometryShapeProblem,
  inScope,
  periodProblem,
  RISK_AREA_MIN_KM2,
  riskAreaCreateInput,
  riskAreaPatchInput,
  todayInJakarta,
  type RiskAreaAction,
  type RiskAreaCreateInput,
  type RiskAreaGeometryInput,
  type RiskAreaPatchInput,
  type RiskAreaProblem,
  type Scope,
} from '@pantau/domain';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { writeAudit } from '../accounts/audit.js';
import type { Actor } from '../accounts/users.js';
import { districtOf } from '../write/area-lookup.js';
import { APP_ORIGIN, type AppWriteContext } from '../write/app-origin.js';

export type RiskAreaErrorCode = 'invalid_parameter' | 'not_found' | 'forbidden' | RiskAreaProblem;

/** A refused risk-area action; nothing of it was written. */
export class RiskAreaError extends Error {
  constructor(
    readonly code: RiskAreaErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RiskAreaError';
  }
}

export type RiskAreaContext = AppWriteContext;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ parameter: i.path.join('.') || '(body)', message: i.message }));
  throw new RiskAreaError(
    'invalid_parameter',
    `Invalid parameter: ${[...new Set(details.map((d) => d.parameter))].join(', ')}. ${details.map((d) => `${d.parameter}: ${d.message}`).join('; ')}`,
    details,
  );
}

const geometrySql = (geometry: RiskAreaGeometryInput): SQL => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}::text), 4326)`;

interface PlacedGeometry {
  regencyCode: string;
  provinceCode: string;
  km2: number;
}

/**
 * Checks a drawn polygon and finds its regency: its shape (in code), its validity (GEOS, with the reason
 * it gives), its area, that it lies in Indonesia (touches a province and stays within the provinces'
 * extent), and the regency of a point on its surface (or, at sea, the nearest regency it touches).
 */
async function placeGeometry(tx: Orm, geometry: RiskAreaGeometryInput): Promise<PlacedGeometry> {
  const shape = geometryShapeProblem(geometry);
  if (shape) throw new RiskAreaError(shape.code, shape.message, [{ parameter: 'geometry', message: shape.message }]);
  const g = geometrySql(geometry);
  // Validity alone first: other functions on an invalid polygon can fail inside GEOS, which PGlite does not report.
  const validity = await queryOne<{ valid: boolean; reason: string }>(
    tx,
    sql`select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason from (select ${g} as g) x`,
  );
  if (!validity) throw refusal('invalid_geometry', 'Invalid geometry: the database could not check it; draw it again with fewer, clearer edges.');
  if (!validity.valid)
    throw refusal('invalid_geometry', `Invalid geometry: ${validity.reason} (edges must not cross each other; holes must lie inside the outline).`);
  const placed = await queryOne<{ km2: number; in_extent: boolean; on_land: boolean; district: string | null; regency: string | null }>(
    tx,
    sql`
    with drawn as (select ${g} as g), label as (select ST_PointOnSurface(g) as p from drawn)
    select ST_Area(drawn.g::geography) / 1e6 as km2,
      coalesce(ST_Covers((select ST_SetSRID(ST_Extent(a.geom)::geometry, 4326) from ${areas} a where a.level = 'province'), drawn.g), false) as in_extent,
      exists (select 1 from ${areas} a where a.level = 'province' and a.geom && drawn.g and ST_Intersects(a.geom, drawn.g)) as on_land,
      ${districtOf(sql`label.p`)} as district,
      (select a.code from ${areas} a where a.level = 'regency' and a.geom && drawn.g and ST_Intersects(a.geom, drawn.g) order by a.geom <-> label.p, a.code limit 1) as regency
    from drawn, label`,
  );
  if (!placed) throw refusal('invalid_geometry', 'Invalid geometry: the database could not place it; draw it again with fewer, clearer edges.');
  const km2 = Number(placed.km2);
  if (km2 < RISK_AREA_MIN_KM2) {
    throw refusal('geometry_too_small', `Too small: ${formatKm2(km2)} km²; a risk area covers at least ${RISK_AREA_MIN_KM2} km² (100 m × 100 m).`);
  }
  if (!placed.in_extent || !placed.on_land) {
    throw refusal('outside_indonesia', "Outside Indonesia: a risk area must touch a province and lie within the extent of Indonesia's provinces.");
  }
  const regencyCode = placed.district ? placed.district.slice(0, 5) : placed.regency;
  if (!regencyCode) throw refusal('outside_indonesia', 'Outside Indonesia: the area touches no regency.');
  return { regencyCode, provinceCode: regencyCode.slice(0, 2), km2 };
}

const formatKm2 = (km2: number) => (km2 < 0.001 ? km2.toExponential(1) : km2.toFixed(4));

const refusal = (code: RiskAreaProblem, message: string) =>
  new RiskAreaError(code, message, [{ parameter: code === 'invalid_period' ? 'validTo' : 'geometry', message }]);

function checkPeriod(validFrom: string, validTo: string | null): void {
  const problem = periodProblem(validFrom, validTo);
  if (problem) throw refusal(problem.code, problem.message);
}

function checkScope(scope: Scope, placed: PlacedGeometry): void {
  if (!inScope(scope, placed.regencyCode)) {
    throw new RiskAreaError('forbidden', `The area drawn lies in regency ${placed.regencyCode}, outside your scope: you may only draw risk areas inside it.`);
  }
}

/** Creates a risk area; returns its id. */
export async function createRiskArea(orm: Orm, input: unknown, ctx: RiskAreaContext): Promise<number> {
  const body: RiskAreaCreateInput = parse(riskAreaCreateInput, input);
  const validTo = body.validTo ?? null;
  checkPeriod(body.validFrom, validTo);
  const at = ctx.now ?? new Date();
  return orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const placed = await placeGeometry(tx, body.geometry);
    checkScope(ctx.scope, placed);
    const key = `app:${randomUUID()}`;
    const created = await queryOne<{ id: number }>(
      tx,
      sql`
      insert into ${riskAreas} (key, name, category, severity, geom, valid_from, valid_to, source, description, regency_code, province_code, origin, version)
      values (${key}, ${body.name}, ${body.category}, ${body.severity ?? 'medium'}, ST_Multi(${geometrySql(body.geometry)}), ${body.validFrom}::date, ${validTo}::date,
        ${body.source}, ${body.description ?? null}, ${placed.regencyCode}, ${placed.provinceCode}, ${APP_ORIGIN}, 1)
      returning id`,
    );
    expectWritten('risk_areas', 1, created ? 1 : 0);
    const id = Number(created!.id);
    await writeVersion(tx, {
      id,
      version: 1,
      action: 'create',
      before: false,
      actor: ctx.actor,
      at,
      regencyCode: placed.regencyCode,
      provinceCode: placed.provinceCode,
    });
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'risk_area.create',
        areaCode: placed.regencyCode,
        target: `risk_area:${id}`,
        details: { name: body.name, category: body.category, km2: Math.round(placed.km2 * 1000) / 1000 },
      },
      at,
    );
    return id;
  });
}

type CurrentRiskArea = {
  id: number;
  version: number;
  valid_from: string;
  valid_to: string | null;
  regency_code: string | null;
  province_code: string | null;
};

/** Changes a risk area's geometry and/or attributes, keeping the area as it was in a new version row first. */
export async function updateRiskArea(orm: Orm, id: number, input: unknown, ctx: RiskAreaContext): Promise<{ version: number; action: RiskAreaAction }> {
  const patch: RiskAreaPatchInput = parse(riskAreaPatchInput, input);
  const at = ctx.now ?? new Date();
  return orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const current = await queryOne<CurrentRiskArea>(
      tx,
      sql`
      select id, version, valid_from::text as valid_from, valid_to::text as valid_to, regency_code, province_code from ${riskAreas}
      where id = ${id} and ${scopeCondition(sql`regency_code`, ctx.scope)} for update`,
    );
    if (!current) throw new RiskAreaError('not_found', 'No such risk area.');
    const validFrom = patch.validFrom ?? current.valid_from;
    const validTo = patch.validTo !== undefined ? patch.validTo : current.valid_to;
    checkPeriod(validFrom, validTo);
    const placed = patch.geometry ? await placeGeometry(tx, patch.geometry) : null;
    if (placed) checkScope(ctx.scope, placed);
    // Retiring = ending the validity by today (WIB) when it was open or ran later, changing nothing else.
    const today = todayInJakarta(at);
    const onlyValidTo = Object.keys(patch).every((k) => k === 'validTo');
    const retires = onlyValidTo && validTo !== null && validTo <= today && (current.valid_to === null || current.valid_to > today);
    const action: RiskAreaAction = retires ? 'retire' : 'update';
    const version = Number(current.version) + 1;
    // The version row first, copied from the row as it is: geometry and attributes before the change.
    await writeVersion(tx, { id, version, action, before: true, actor: ctx.actor, at, regencyCode: current.regency_code, provinceCode: current.province_code });
    // English text of a changed field no longer says the same: it goes, the other fields' stay.
    const staleEnglish = (['name', 'description', 'source'] as const).filter((k) => patch[k] !== undefined);
    const updated = await queryOne<{ id: number }>(
      tx,
      sql`
      update ${riskAreas} set
        name = coalesce(${patch.name ?? null}, name),
        category = coalesce(${patch.category ?? null}, category),
        severity = coalesce(${patch.severity ?? null}, severity),
        source = coalesce(${patch.source ?? null}, source),
        description = ${patch.description !== undefined ? sql`${patch.description}` : sql`description`},
        valid_from = ${validFrom}::date,
        valid_to = ${validTo}::date,
        ${placed && patch.geometry ? sql`geom = ST_Multi(${geometrySql(patch.geometry)}), regency_code = ${placed.regencyCode}, province_code = ${placed.provinceCode},` : sql``}
        text_en = ${staleEnglish.length ? sql`nullif(coalesce(text_en, '{}'::jsonb) - ${`{${staleEnglish.join(',')}}`}::text[], '{}'::jsonb)` : sql`text_en`},
        version = ${version}
      where id = ${id} and version = ${Number(current.version)}
      returning id`,
    );
    expectWritten('risk_areas', 1, updated ? 1 : 0);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: `risk_area.${action}`,
        areaCode: placed?.regencyCode ?? current.regency_code ?? current.province_code,
        target: `risk_area:${id}`,
        details: {
          version,
          fields: Object.keys(patch).sort(),
          ...(placed && current.regency_code !== placed.regencyCode ? { movedFrom: current.regency_code } : {}),
        },
      },
      at,
    );
    return { version, action };
  });
}

interface VersionRow {
  id: number;
  version: number;
  action: RiskAreaAction;
  /** Copy the area's geometry and attributes as they are now (false for a create: there was nothing before). */
  before: boolean;
  actor: Actor;
  at: Date;
  regencyCode: string | null;
  provinceCode: string | null;
}

async function writeVersion(tx: Orm, v: VersionRow): Promise<void> {
  const written = v.before
    ? await queryOne<{ id: number }>(
        tx,
        sql`
        insert into ${riskAreaVersions} (risk_area_id, version, action, geom_before, attributes_before, changed_by, changed_at, regency_code, province_code)
        select r.id, ${v.version}, ${v.action}, r.geom,
          jsonb_build_object('name', r.name, 'category', r.category, 'severity', r.severity, 'validFrom', r.valid_from::text, 'validTo', r.valid_to::text,
            'source', r.source, 'description', r.description, 'regencyCode', r.regency_code, 'provinceCode', r.province_code, 'textEn', r.text_en),
          ${v.actor.actor}, ${v.at.toISOString()}::timestamptz, ${v.regencyCode}, ${v.provinceCode}
        from ${riskAreas} r where r.id = ${v.id}
        returning id`,
      )
    : await queryOne<{ id: number }>(
        tx,
        sql`
        insert into ${riskAreaVersions} (risk_area_id, version, action, geom_before, attributes_before, changed_by, changed_at, regency_code, province_code)
        values (${v.id}, ${v.version}, ${v.action}, null, null, ${v.actor.actor}, ${v.at.toISOString()}::timestamptz, ${v.regencyCode}, ${v.provinceCode})
        returning id`,
      );
  expectWritten('risk_area_versions', 1, written ? 1 : 0);
}
