// The tile layers: what each one holds, from which zoom, how long it may be cached, and the SQL that
// selects its features. Every source returns `id` (integer), `geom` (EPSG:4326) and property columns;
// the encoders (encode-postgis.ts, encode-js.ts) turn that into MVT. No personal data in any layer.
import {
  areaFilterColumn,
  type DataTable,
  coverageGapDistrictsSql,
  holderCountsServe,
  holderStates,
  holderTotals,
  oneDay,
  localized,
  overstayingPeople,
  permitFilterCondition,
  scopeCondition,
  sql,
  validHolders,
  type Executor,
  type SQL,
  type TextLang,
} from '@pantau/db';
import {
  COVERAGE_MONTHS,
  HOT_SPOT_PARAMS,
  OVERSTAY_MIN_DAYS,
  TILE_LAYER_FILTERS,
  type AreaLevel,
  type PermitFilter,
  type Scope,
  type TileFilterName,
  type TileLayerName,
} from '@pantau/domain';
import { hotSpotAnalysis, type HotSpotAnalysis } from '../planning/hot-spots.js';
import { resolveStudyArea } from '../planning/study-area.js';

/** Whether a cell's bounding box meets the tile's (a hexagon larger than the tile has no corner inside it). */
function touchesTile(boundary: ReadonlyArray<readonly [number, number]>, [west, south, east, north]: readonly [number, number, number, number]): boolean {
  const xs = boundary.map(([x]) => x);
  const ys = boundary.map(([, y]) => y);
  return Math.min(...xs) <= east && Math.max(...xs) >= west && Math.min(...ys) <= north && Math.max(...ys) >= south;
}

export interface TileFilter {
  permit: PermitFilter;
  from?: string;
  to?: string;
  category?: string[];
  status?: string[];
  /** Months looked back (coverage gaps, hot spots); absent = the layer's default. */
  months?: number;
  /** H3 resolution of the hot spots. */
  resolution?: number;
  /** The study area of the hot spots: a province, regency or district code, or office:<key>. */
  area?: string;
  /** The language of bilingual records' names (risk areas): `lang`, else Accept-Language, else Indonesian. */
  lang?: TextLang;
}

/** Shares one computation among the tiles of a view: the same key within a short time gets the same result. */
export type TileMemo = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

/** What a tile request knows before any tile geometry: its filters, the caller's scope, the app's memo. */
export interface TileRequest {
  filter: TileFilter;
  scope: Scope;
  /** Absent: every tile computes its own (tests, benchmarks). */
  memo?: TileMemo;
}

export interface TileSourceContext {
  /** The tile's envelope with its buffer, in EPSG:4326 (an SQL expression). */
  envelope: SQL;
  /** The tile's bounds with its buffer, in degrees [west, south, east, north], for data filtered in JS. */
  bounds: readonly [number, number, number, number];
  filter: TileFilter;
  scope: Scope;
  /** What the layer's `prepare` computed for this request. */
  prepared?: unknown;
}

export type FieldType = 'String' | 'Number';

export type FilterName = TileFilterName;

export interface TileLayer {
  id: TileLayerName;
  description: string;
  geometry: 'polygon' | 'point';
  minzoom: number;
  maxzoom: number;
  /** Cache-Control max-age: boundaries long, live data short. */
  maxAgeSeconds: number;
  /** Below this zoom, points are merged per grid cell (`point_count`), keeping tiles small. */
  clusterBelowZoom?: number;
  /** name → [type as GDAL and tippecanoe read it, meaning]. */
  fields: Record<string, readonly [FieldType, string]>;
  /** Query parameters that change this layer's content: the only ones its TileJSON and tiles take (another is a 400); TILE_LAYER_FILTERS of @pantau/domain. */
  filters: readonly FilterName[];
  source(context: TileSourceContext): SQL;
  /** Work done in JS before the tile's query (a statistic over the whole study area); its result reaches `source` as `prepared`. */
  prepare?(db: Executor, request: TileRequest): Promise<unknown>;
  /** Columns summed when points are clustered. */
  clusterSums?: readonly string[];
  /** Every table its tiles read (the SQL above and the queries it calls): their data versions key the tile cache. */
  reads: readonly DataTable[];
}

const AREA_FIELDS: TileLayer['fields'] = {
  code: ['String', 'official area code (e.g. 19.04)'],
  name: ['String', 'area name'],
  total: ['Number', 'valid permit holders for the filters, on asOf'],
  itas: ['Number', 'valid ITAS holders'],
  itap: ['Number', 'valid ITAP holders'],
  visit: ['Number', 'valid visit permits'],
  area_km2: ['Number', 'area in km² (for densities)'],
};

/** Areas of a level with the permit counts of the requested filters, so a choropleth needs one request per tile. */
function areaSource(level: AreaLevel) {
  return ({ envelope, filter, scope }: TileSourceContext) => {
    const column = areaFilterColumn(level);
    // Distinct people holding a valid permit (the one count definition, @pantau/db people-count): from the
    // pre-aggregate (holder-counts) when it is exact for the filter, else counted over permits. The tile's
    // areas all lie in the scope, so the scope removes no permit from them.
    const counts = holderCountsServe(filter.permit, scope, 'areas in scope')
      ? sql`
        select s.code, sum(s.people)::int as total, (sum(s.people) filter (where s.holder_type = 'itas'))::int as itas,
          (sum(s.people) filter (where s.holder_type = 'itap'))::int as itap, (sum(s.people) filter (where s.holder_type = 'visit'))::int as visit
        from (${holderStates({ level, days: oneDay(filter.permit.asOf), filter: filter.permit, codeCondition: (c) => sql`${c} in (select code from tile_areas)` })}) s
        group by 1`
      : sql`
        select h.code, ${holderTotals('h')}
        from (${validHolders({
          day: sql`${filter.permit.asOf}::date`,
          filter: {},
          keys: { code: sql`p.${column}` },
          where: sql`p.${column} in (select code from tile_areas) and ${permitFilterCondition(filter.permit)}`,
        })}) h
        group by 1`;
    return sql`
      with tile_areas as (
        select code, name, geom, area_km2 from areas
        where level = ${level} and geom && ${envelope} and ${scopeCondition(sql`code`, scope)}
      ), counts as (${counts})
      select replace(a.code, '.', '')::bigint as id, a.geom, a.code, a.name,
        coalesce(c.total, 0) as total, coalesce(c.itas, 0) as itas, coalesce(c.itap, 0) as itap,
        coalesce(c.visit, 0) as visit, round(a.area_km2::numeric, 1)::float8 as area_km2
      from tile_areas a left join counts c on c.code = a.code`;
  };
}

/** What a count of valid permit holders reads: permits, the people behind them and the pre-aggregate kept from both. */
const HOLDER_READS: readonly DataTable[] = ['permits', 'people', 'person_passports', 'permit_applications', 'holder_count_changes', 'holder_count_checkpoints'];
const AREA_READS: readonly DataTable[] = ['areas', ...HOLDER_READS];

const dateRange = (column: SQL, filter: TileFilter) =>
  sql`${filter.from ? sql`${column} >= ${filter.from}::date` : sql`true`} and ${filter.to ? sql`${column} <= ${filter.to}::date` : sql`true`}`;
const inList = (column: SQL, values?: string[]) => (values?.length ? sql`${column} in ${values}` : sql`true`);

/** A layer as the table below writes it; `layer` fills in what most share. */
type LayerSpec = Omit<TileLayer, 'filters' | 'minzoom' | 'maxzoom' | 'maxAgeSeconds'> & Partial<Pick<TileLayer, 'minzoom' | 'maxAgeSeconds'>>;

/** The domain's filters for the layer's id, zoom 3 to 14 and five minutes' caching (live data) unless the spec says otherwise. */
const layer = (spec: LayerSpec): TileLayer => ({ minzoom: 3, maxzoom: 14, maxAgeSeconds: 300, filters: TILE_LAYER_FILTERS[spec.id], ...spec });

/** An area level's choropleth: its areas with the permit counts; boundaries change seldom, so an hour's caching. */
const areaLayer = (id: TileLayerName, level: AreaLevel, minzoom: number, description: string): TileLayer =>
  layer({ id, description, geometry: 'polygon', minzoom, maxAgeSeconds: 3600, fields: AREA_FIELDS, reads: AREA_READS, source: areaSource(level) });

export const TILE_LAYERS: readonly TileLayer[] = [
  areaLayer('provinces', 'province', 0, 'Provinces (provinsi) with valid permit holders'),
  areaLayer('regencies', 'regency', 3, 'Regencies and cities (kabupaten/kota) with valid permit holders'),
  areaLayer('districts', 'district', 7, 'Districts (kecamatan) with valid permit holders; served from zoom 7, where they are large enough to see'),
  layer({
    id: 'company_sites',
    description: 'Sites of companies that sponsor foreign workers; merged per grid cell below zoom 9',
    geometry: 'point',
    clusterBelowZoom: 9,
    clusterSums: ['active_permits'],
    fields: {
      company_id: ['Number', 'company id (GET /api/v1/companies)'],
      name: ['String', 'company name'],
      sector: ['String', 'sector'],
      active_permits: ['Number', 'valid permits the company sponsors, for the filters, on asOf (summed in clusters)'],
      point_count: ['Number', 'sites merged into this point (clusters only)'],
    },
    reads: ['company_sites', 'companies', ...HOLDER_READS],
    source: ({ envelope, filter, scope }) => sql`
      with tile_sites as (
        select s.id, s.geom, s.company_id from company_sites s where s.geom && ${envelope} and ${scopeCondition(sql`s.regency_code`, scope)}
      ), active as (
        select sponsor_company_id as company_id, count(*)::int as n from permits
        where sponsor_company_id in (select company_id from tile_sites) and ${permitFilterCondition(filter.permit)}
        group by 1
      )
      select s.id::bigint as id, s.geom, s.company_id, c.name, c.sector, coalesce(a.n, 0) as active_permits
      from tile_sites s join companies c on c.id = s.company_id left join active a on a.company_id = s.company_id`,
  }),
  layer({
    id: 'operation_targets',
    description: 'Places checked by joint operations, with their outcome; merged per grid cell below zoom 8',
    geometry: 'point',
    clusterBelowZoom: 8,
    clusterSums: ['foreigners_checked', 'violations'],
    fields: {
      operation_id: ['Number', 'operation id (GET /api/v1/operations)'],
      date: ['String', 'operation date (YYYY-MM-DD)'],
      kind: ['String', 'kind of place'],
      outcome: ['String', 'no_violation, violation or not_found'],
      foreigners_checked: ['Number', 'foreigners checked (summed in clusters)'],
      violations: ['Number', 'suspected violations (summed in clusters)'],
      point_count: ['Number', 'targets merged into this point (clusters only)'],
    },
    reads: ['operation_targets', 'operations'],
    source: ({ envelope, filter, scope }) => sql`
      select t.id::bigint as id, t.geom, t.operation_id, o.date::text as date, t.kind, t.outcome, t.foreigners_checked, t.violations
      from operation_targets t join operations o on o.id = t.operation_id
      where t.geom && ${envelope} and ${dateRange(sql`o.date`, filter)} and ${scopeCondition(sql`t.regency_code`, scope)}`,
  }),
  layer({
    id: 'risk_areas',
    description: 'Risk areas (potensi kerawanan) valid in the period (default: on asOf)',
    geometry: 'polygon',
    fields: {
      name: ['String', 'name in the language asked for (lang, else Accept-Language; Indonesian by default)'],
      category: ['String', 'illegal_work, overstay, social_conflict, illegal_emigration_route, illegal_entry_point, visit_permit_misuse'],
      severity: ['String', 'low, medium, high'],
      valid_from: ['String', 'first day (YYYY-MM-DD)'],
      valid_to: ['String', 'last day, absent when open-ended'],
    },
    reads: ['risk_areas', 'areas'],
    source: ({ envelope, filter, scope }) => {
      const from = filter.from ?? filter.permit.asOf;
      const to = filter.to ?? filter.permit.asOf;
      // A risk area may reach beyond its regency: outside the national scope it is clipped at the scope's boundary.
      const scopeArea = scope === null ? null : sql`(select ST_Union(a.geom) from areas a where a.code in ${scope.areaCodes.length ? scope.areaCodes : ['']})`;
      const geom = scopeArea ? sql`ST_Multi(ST_CollectionExtract(ST_Intersection(geom, ${scopeArea}), 3))` : sql`geom`;
      return sql`
        select id::bigint as id, ${geom} as geom, ${localized(filter.lang, sql`name`, sql`text_en`, 'name')} as name, category, severity, valid_from::text as valid_from, valid_to::text as valid_to
        from risk_areas
        where geom && ${envelope} and valid_from <= ${to}::date and (valid_to is null or valid_to >= ${from}::date)
          and ${inList(sql`category`, filter.category)} and ${scopeCondition(sql`regency_code`, scope)}
          and ${scopeArea ? sql`ST_Intersects(geom, ${scopeArea})` : sql`true`}`;
    },
  }),
  layer({
    id: 'entry_points',
    description: 'Immigration checkpoints (TPI): airports, seaports, land borders',
    geometry: 'point',
    maxAgeSeconds: 86400,
    fields: { name: ['String', 'name'], kind: ['String', 'airport, seaport or land_border'] },
    reads: ['entry_points'],
    source: ({ envelope, scope }) => sql`
      select id::bigint as id, geom, name, kind from entry_points where geom && ${envelope} and ${scopeCondition(sql`regency_code`, scope)}`,
  }),
  layer({
    id: 'reports',
    description: 'Public reports (APOA, WhatsApp, phone, walk-in); never the reporter; merged per grid cell below zoom 8',
    geometry: 'point',
    maxAgeSeconds: 60,
    clusterBelowZoom: 8,
    clusterSums: [],
    fields: {
      category: ['String', 'what was reported'],
      status: ['String', 'new, verified, dismissed, acted'],
      channel: ['String', 'apoa, whatsapp, phone, walk_in'],
      received_on: ['String', 'day received (YYYY-MM-DD, WIB)'],
      point_count: ['Number', 'reports merged into this point (clusters only)'],
    },
    reads: ['reports'],
    source: ({ envelope, filter, scope }) => sql`
      select id::bigint as id, geom, category, status, channel, to_char(received_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as received_on
      from reports
      where geom && ${envelope} and ${dateRange(sql`(received_at at time zone 'Asia/Jakarta')::date`, filter)}
        and ${inList(sql`category`, filter.category)} and ${inList(sql`status`, filter.status)} and ${scopeCondition(sql`regency_code`, scope)}`,
  }),
  layer({
    id: 'meetings',
    description: 'Timpora coordination meetings, at their venue (imported ones without a venue point: at their regency), with their open follow-ups',
    geometry: 'point',
    fields: {
      date: ['String', 'meeting date (YYYY-MM-DD)'],
      title: ['String', 'title'],
      venue: ['String', 'venue'],
      regency_code: ['String', 'regency code'],
      open_follow_ups: ['Number', 'follow-up tasks still open'],
    },
    reads: ['meetings', 'areas', 'meeting_follow_ups'],
    source: ({ envelope, filter, scope }) => sql`
      select m.id::bigint as id, coalesce(m.geom, a.label) as geom, m.date::text as date, m.title, m.venue, m.regency_code,
        (select count(*)::int from meeting_follow_ups f where f.meeting_id = m.id and f.status = 'open') as open_follow_ups
      from meetings m join areas a on a.code = m.regency_code
      where coalesce(m.geom, a.label) && ${envelope} and ${dateRange(sql`m.date`, filter)} and ${scopeCondition(sql`m.regency_code`, scope)}`,
  }),
  layer({
    id: 'coverage_gaps',
    description: 'Districts with valid permit holders on asOf that no operation has checked for `months` months (default 12) or ever',
    geometry: 'polygon',
    minzoom: 5,
    fields: {
      code: ['String', 'district code'],
      name: ['String', 'district name'],
      active_permits: ['Number', 'valid permit holders living in the district on asOf'],
      last_checked: ['String', 'date of the last operation target in the district before asOf (YYYY-MM-DD); absent when never checked'],
      months_since: ['Number', 'whole months (30.44 days) since the last check; absent when never checked'],
    },
    reads: ['operation_targets', 'operations', 'reports', 'offices', 'office_work_areas', ...AREA_READS],
    source: ({ envelope, filter, scope }) => coverageGapDistrictsSql(envelope, filter.permit.asOf, filter.months ?? COVERAGE_MONTHS.default, scope),
  }),
  layer({
    id: 'overstays',
    description:
      'Districts (kecamatan) where people overstay on asOf: their last permit ended at least a day before, with no departure, no valid permit and no open application (GET /api/v1/areas/{code}/overstays); counts only, districts with none left out',
    geometry: 'polygon',
    minzoom: 5,
    fields: {
      code: ['String', 'district code'],
      name: ['String', 'district name'],
      overstays: ['Number', 'people overstaying in the district on asOf, by the district of their last permit, for the filters on that permit'],
    },
    reads: ['movements', 'companies', ...AREA_READS],
    source: ({ envelope, filter, scope }) => sql`
      with tile_areas as (
        select code, name, geom from areas where level = 'district' and geom && ${envelope} and ${scopeCondition(sql`code`, scope)}
      ), counts as (
        select o.district_code as code, count(*)::int as n
        from (${overstayingPeople(
          {
            asOf: filter.permit.asOf,
            minDays: OVERSTAY_MIN_DAYS.default,
            filter: filter.permit,
            area: (alias) => sql`${sql.raw(alias)}.district_code in (select code from tile_areas)`,
          },
          scope,
        )}) o
        group by 1
      )
      select replace(a.code, '.', '')::bigint as id, a.geom, a.code, a.name, c.n as overstays
      from tile_areas a join counts c on c.code = a.code`,
  }),
  layer({
    id: 'hot_spots',
    description:
      'Hot and cold spots of findings and verified reports: Getis-Ord Gi* on H3 hexagons over the study area (`area`, default your scope; required for a national scope), in the `months` (default 24) before asOf',
    geometry: 'polygon',
    fields: {
      h3: ['String', 'H3 cell index'],
      resolution: ['Number', 'H3 resolution'],
      findings: ['Number', 'operation targets with a violation in the window'],
      reports: ['Number', 'verified (or acted-on) reports in the window'],
      z: ['Number', 'Gi* z-score'],
      p: ['Number', 'two-sided p-value'],
      class: ['String', 'hot_99, hot_95, hot_90, not_significant, cold_90, cold_95, cold_99'],
    },
    reads: ['areas', 'offices', 'office_work_areas', 'operation_targets', 'operations', 'reports'],
    // One analysis per study area and filters, shared by every tile of the view (the memo), instead
    // of one per tile; a national scope names its area like GET /planning/hot-spots.
    prepare: async (db, { filter, scope, memo }) => {
      const study = await resolveStudyArea(db, filter.area, scope);
      const months = filter.months ?? HOT_SPOT_PARAMS.months.default;
      const resolution = filter.resolution ?? HOT_SPOT_PARAMS.resolution.default;
      const compute = () => hotSpotAnalysis(db, study.code, filter.permit.asOf, months, resolution, study.scope);
      if (!memo) return compute();
      return memo(JSON.stringify(['hot_spots', study.code, study.scope, filter.permit.asOf, months, resolution]), compute);
    },
    source: ({ envelope, bounds, prepared }) => {
      // The cells travel as JSON with WKT outlines: both encoders then clip and encode them like any
      // table. Only the cells touching the tile go into its query.
      const analysis = prepared as HotSpotAnalysis;
      const touching = analysis.cells.map((c, i) => ({ c, i })).filter(({ c }) => touchesTile(c.boundary, bounds));
      const cells = touching.map(({ c, i }) => ({
        i: i + 1,
        h3: c.h3,
        f: c.findings,
        r: c.reports,
        z: Math.round(c.z * 1000) / 1000,
        p: Math.round(c.p * 10000) / 10000,
        c: c.class,
        w: `POLYGON((${c.boundary.map(([x, y]) => `${x} ${y}`).join(',')}))`,
      }));
      return sql`
        select * from (
          select (x->>'i')::bigint as id, ST_GeomFromText(x->>'w', 4326) as geom, x->>'h3' as h3, ${analysis.resolution}::int as resolution,
            (x->>'f')::int as findings, (x->>'r')::int as reports, (x->>'z')::float8 as z, (x->>'p')::float8 as p, x->>'c' as class
          from json_array_elements(${JSON.stringify(cells)}::json) x
        ) cells where geom && ${envelope}`;
    },
  }),
];

export const TILE_LAYER_BY_ID: ReadonlyMap<string, TileLayer> = new Map(TILE_LAYERS.map((l) => [l.id, l]));
