// The features of a collection for one request: the layer's own source (tiles/layers.ts — the scope
// condition, the one people count, no personal data) over the requested box, then the exact bbox
// test, the count, the page and GeoJSON geometry. Runs inside the caller's scoped transaction.
import { queryOne, queryRows, sql, type Executor, type SQL, type TextLang } from '@pantau/db';
import { recordForRole, type Permissions, type Scope } from '@pantau/domain';
import type { TileFilter } from '../tiles/layers.js';
import { OPEN_PERIOD, type OgcCollection } from './collections.js';
import { bboxParts, type BBox, type Period } from './params.js';

export interface FeatureRequest {
  collection: OgcCollection;
  bbox?: BBox;
  period?: Period;
  /** Today in WIB: the day of the counts when datetime does not name one. */
  today: string;
  lang: TextLang;
  scope: Scope;
  permissions: Pick<Permissions, 'personalData'>;
}

export interface Feature {
  type: 'Feature';
  id: string | number;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** The layer's filters for the request's datetime (see collections.ts, TemporalRule). */
export function layerFilter({ collection, period, today, lang }: FeatureRequest): TileFilter {
  if (collection.temporal === 'day') return { permit: { asOf: period?.kind === 'instant' ? period.day : today }, lang };
  if (collection.temporal === 'none' || !period) return { permit: { asOf: today }, from: OPEN_PERIOD.from, to: OPEN_PERIOD.to, lang };
  if (period.kind === 'instant') return { permit: { asOf: today }, from: period.day, to: period.day, lang };
  return { permit: { asOf: today }, from: period.from ?? OPEN_PERIOD.from, to: period.to ?? OPEN_PERIOD.to, lang };
}

const envelopeOf = ([west, south, east, north]: BBox): SQL => sql`ST_MakeEnvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`;
const WORLD: BBox = [-180, -90, 180, 90];

/** The layer's rows (id, geom, properties) that may meet the box, and the exact test on them. */
function matching(request: FeatureRequest, only?: string): { source: SQL; where: SQL } {
  const { collection } = request;
  const parts = request.bbox ? bboxParts(request.bbox) : [WORLD];
  // The source's own test is on bounding boxes (&&, as for tiles); one feature looked up by id
  // narrows it to that feature's own box, so an area's counts are made for it and its neighbours only.
  const envelope =
    only !== undefined && collection.featureId === 'code'
      ? sql`(select a.geom from areas a where a.code = ${only})`
      : envelopeOf(parts.length === 1 ? parts[0]! : WORLD);
  const source = collection.layer.source({ envelope, bounds: WORLD, filter: layerFilter(request), scope: request.scope });
  const conditions: SQL[] = [];
  if (request.bbox)
    conditions.push(
      sql`(${sql.join(
        parts.map((p) => sql`ST_Intersects(f.geom, ${envelopeOf(p)})`),
        sql` or `,
      )})`,
    );
  if (only !== undefined) conditions.push(collection.featureId === 'code' ? sql`f.code = ${only}` : sql`f.id = ${Number(only)}`);
  return { source, where: conditions.length ? sql.join(conditions, sql` and `) : sql`true` };
}

/** The property columns of the layer (its tile fields; clusters' point_count never applies here). */
const propertyNames = (collection: OgcCollection) => Object.keys(collection.layer.fields).filter((name) => name !== 'point_count');

interface FeatureRow extends Record<string, unknown> {
  fid: string;
  geometry: string | null;
  personal?: Record<string, unknown> | string | null;
}

function toFeature(collection: OgcCollection, row: FeatureRow, permissions: FeatureRequest['permissions']): Feature {
  const properties: Record<string, unknown> = {};
  for (const name of propertyNames(collection)) if (row[name] !== null && row[name] !== undefined) properties[name] = row[name];
  const personal = typeof row.personal === 'string' ? (JSON.parse(row.personal) as Record<string, unknown>) : row.personal;
  if (collection.personal && personal) for (const [name, value] of Object.entries(personal)) if (value !== null) properties[name] = value;
  return {
    type: 'Feature',
    id: collection.featureId === 'code' ? String(properties.code) : Number(row.fid),
    geometry: row.geometry === null ? null : JSON.parse(row.geometry),
    // The field rules of every other answer (fields.ts): personal text only for roles allowed it.
    properties: collection.personal ? recordForRole(collection.personal.kind, properties, permissions) : properties,
  };
}

function featureQuery(request: FeatureRequest, where: SQL, source: SQL, page: SQL): SQL {
  const { collection } = request;
  const columns = propertyNames(collection).map((name) => sql`f.${sql.identifier(name)}`);
  // Personal text is not even read for a role without personal data.
  const personal = collection.personal && request.permissions.personalData ? collection.personal : undefined;
  return sql`
    with f as (${source})
    select f.id::text as fid, ST_AsGeoJSON(f.geom, 7) as geometry, ${sql.join(columns, sql`, `)}
      ${personal ? sql`, to_jsonb(p) as personal` : sql``}
    from f ${personal ? sql`left join lateral (${personal.select}) p on true` : sql``}
    where ${where}
    ${page}`;
}

/** One page of the matching features, ordered by id, and how many match in all. */
export async function featurePage(
  db: Executor,
  request: FeatureRequest,
  limit: number,
  offset: number,
): Promise<{ features: Feature[]; numberMatched: number }> {
  const { source, where } = matching(request);
  const total = await queryOne<{ n: number }>(db, sql`with f as (${source}) select count(*)::int as n from f where ${where}`);
  const rows = await queryRows<FeatureRow>(db, featureQuery(request, where, source, sql`order by f.id limit ${limit} offset ${offset}`));
  return { features: rows.map((row) => toFeature(request.collection, row, request.permissions)), numberMatched: Number(total?.n ?? 0) };
}

/** One feature by its id (an area code or a record id), or undefined when it does not exist in the caller's scope. */
export async function oneFeature(db: Executor, request: FeatureRequest, featureId: string): Promise<Feature | undefined> {
  const { source, where } = matching(request, featureId);
  const [row] = await queryRows<FeatureRow>(db, featureQuery(request, where, source, sql`limit 1`));
  return row ? toFeature(request.collection, row, request.permissions) : undefined;
}
