// The page URL is the view state: every view (area, record, map position, layers, filters, language)
// can be bookmarked, pasted into a report or opened on the projector and shows the same map.
// `parseViewState` and `serializeViewState` are pure and inverse of each other for every valid state.
// The map context below is what every page carries; what each page owns besides is in routes.ts.
import { AREA_CODE_PATTERN, isIsoDate, NATIONALITIES, PERMIT_PURPOSES, PERMIT_TYPES, type PermitPurpose, type PermitType } from '@pantau/domain';
import { isLang, type Lang } from '../i18n/languages.js';
import type { RecordKind } from '../panels/types.js';
import { EMPTY_ROUTE_PARAMS, PAGES, ROUTES, SEARCH_SCHEMAS, type EveryRouteParams, type Page } from './routes.js';
import { queryReader, writeQuery, type QueryReader, type QueryValues, type RejectedParam } from './search-query.js';

/** The area levels the map can shade. */
export const MAP_LEVELS = ['province', 'regency', 'district'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Layers over the choropleth, in the URL's spelling (`layers=sites,operations`). */
export const OVERLAY_LAYERS = ['sites', 'operations', 'risk', 'entry', 'reports', 'meetings', 'gaps', 'hotspots', 'overstays'] as const;
export type OverlayLayer = (typeof OVERLAY_LAYERS)[number];

export const RECORD_KINDS = ['company', 'operation', 'report', 'meeting', 'risk_area', 'entry_point'] as const satisfies readonly RecordKind[];

/** What the choropleth counts: holders, or holders per 1,000 km². */
export const MEASURES = ['count', 'density'] as const;
export type Measure = (typeof MEASURES)[number];

/** The time slider shows one month (`window`) or everything up to it (`cumulative`). */
export const TIME_MODES = ['window', 'cumulative'] as const;
export type TimeMode = (typeof TIME_MODES)[number];

export interface MapPosition {
  zoom: number;
  lat: number;
  lng: number;
}

export interface RecordSelection {
  kind: RecordKind;
  id: number;
}

/** What the map shows, carried by every page so the way back shows the same map (and the language). */
export interface MapContext {
  lang: Lang;
  /** The level chosen by the user; `null` = follow the drill-down and the zoom. */
  level: MapLevel | null;
  /** The area drilled into and selected (`region=19.04`; `area=` on the planning pages). */
  region: string | null;
  /** A record selected on the map or in the search (`select=company:123`). */
  select: RecordSelection | null;
  /** False when the user closed the detail panel of the selected area (`panel=closed`). */
  panelOpen: boolean;
  /** `null` = fit Indonesia (or the region). */
  map: MapPosition | null;
  layers: OverlayLayer[];
  /** Empty = ITAS and ITAP (the holders of a stay permit). */
  permitTypes: PermitType[];
  nationalities: string[];
  purposes: PermitPurpose[];
  /** Period of operations, reports and meetings. */
  from: string | null;
  to: string | null;
  /** The date permits are counted on; `null` = the server's today. */
  asOf: string | null;
  /** The second date of the comparison in the detail panel. */
  compare: string | null;
  measure: Measure;
  timeMode: TimeMode;
}

/** The whole URL: the page, the map context and the params of every page (a page's link keeps those it was opened with). */
export type ViewState = { page: Page } & MapContext &
  EveryRouteParams & {
    /** Parameters present in the URL but not understood, named so the page can say why they were ignored. */
    rejected: RejectedParam[];
  };

export const DEFAULT_CONTEXT: MapContext = {
  lang: 'id',
  level: null,
  region: null,
  select: null,
  panelOpen: true,
  map: null,
  layers: [],
  permitTypes: [],
  nationalities: [],
  purposes: [],
  from: null,
  to: null,
  asOf: null,
  compare: null,
  measure: 'count',
  timeMode: 'window',
};

export const DEFAULT_VIEW: ViewState = { page: 'map', ...DEFAULT_CONTEXT, ...EMPTY_ROUTE_PARAMS, rejected: [] };

/** The order parameters are written in (`w.` for every weight). */
const PARAM_ORDER = [
  'page',
  'briefing',
  'slide',
  'person',
  'company',
  'level',
  'region',
  'area',
  'select',
  'panel',
  'map',
  'layers',
  'permitType',
  'nationality',
  'purpose',
  'from',
  'to',
  'asOf',
  'compare',
  'measure',
  'time',
  'plan',
  'w.',
  'lang',
];

const NATIONALITY_CODES = [...new Set(NATIONALITIES.map((nationality) => nationality.code))].sort();

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

function parseMapPosition(value: string): MapPosition | null {
  const parts = value.split('/').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return null;
  const [zoom = 0, lat = 0, lng = 0] = parts;
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}

function parseSelection(value: string): RecordSelection | null {
  const match = /^([a-z_]+):(\d{1,15})$/.exec(value);
  const kind = oneOf(RECORD_KINDS, match?.[1] ?? null);
  if (!match || !kind) return null;
  return { kind, id: Number(match[2]) };
}

/** The map context of a URL; `area=` is another name of `region=` unless a planning page took it as a work area. */
export function parseMapContext(query: QueryReader, areaIsRegion: boolean): MapContext {
  const date = (value: string) => (isIsoDate(value) ? value : null);
  const areaCode = (value: string) => (AREA_CODE_PATTERN.test(value) ? value : null);
  return {
    lang: query.read('lang', (value) => (isLang(value) ? value : null)) ?? DEFAULT_CONTEXT.lang,
    level: query.read('level', (value) => oneOf(MAP_LEVELS, value)),
    region: query.read('region', areaCode) ?? (areaIsRegion ? query.read('area', areaCode) : null),
    select: query.read('select', parseSelection),
    panelOpen: query.raw('panel') !== 'closed',
    map: query.read('map', parseMapPosition),
    layers: query.list('layers', OVERLAY_LAYERS),
    permitTypes: query.list('permitType', PERMIT_TYPES),
    nationalities: query.list('nationality', NATIONALITY_CODES),
    purposes: query.list('purpose', PERMIT_PURPOSES),
    from: query.read('from', date),
    to: query.read('to', date),
    asOf: query.read('asOf', date),
    compare: query.read('compare', date),
    measure: query.read('measure', (value) => oneOf(MEASURES, value)) ?? DEFAULT_CONTEXT.measure,
    timeMode: query.read('time', (value) => oneOf(TIME_MODES, value)) ?? DEFAULT_CONTEXT.timeMode,
  };
}

/** Map positions are rounded so the URL stays short: 2 decimals of zoom, 4 of a degree (~10 m). */
export function roundMapPosition({ zoom, lat, lng }: MapPosition): MapPosition {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return { zoom: round(zoom, 2), lat: round(lat, 4), lng: round(lng, 4) };
}

/** The map context's parameters, defaults left out; the region under the name the page gives it. */
export function mapContextQuery(context: MapContext, regionParam: 'region' | 'area'): QueryValues {
  const position = context.map && roundMapPosition(context.map);
  const ordered = <T>(values: readonly T[], chosen: readonly T[]) => values.filter((value) => chosen.includes(value)).join(',');
  const unlessDefault = <K extends 'lang' | 'measure' | 'timeMode'>(key: K) => (context[key] === DEFAULT_CONTEXT[key] ? null : context[key]);
  return {
    level: context.level,
    [regionParam]: context.region,
    select: context.select && `${context.select.kind}:${context.select.id}`,
    panel: context.panelOpen ? null : 'closed',
    map: position && `${position.zoom}/${position.lat}/${position.lng}`,
    layers: ordered(OVERLAY_LAYERS, context.layers),
    permitType: ordered(PERMIT_TYPES, context.permitTypes),
    nationality: [...context.nationalities].sort().join(','),
    purpose: ordered(PERMIT_PURPOSES, context.purposes),
    from: context.from,
    to: context.to,
    asOf: context.asOf,
    compare: context.compare,
    measure: unlessDefault('measure'),
    time: unlessDefault('timeMode'),
    lang: unlessDefault('lang'),
  };
}

export function parseViewState(search: string): ViewState {
  const query = queryReader(search);
  const page = query.read('page', (value) => oneOf(PAGES, value)) ?? DEFAULT_VIEW.page;
  const own = ROUTES[page].search;
  // The page's own params, and those of other pages the link was made with, which ride along.
  const params = Object.assign({}, ...SEARCH_SCHEMAS.map((schema) => schema.parse(query, schema === own))) as EveryRouteParams;
  const context = parseMapContext(query, params.workArea === null);
  return { page, ...context, ...params, rejected: query.rejected };
}

/**
 * The query string of a view (with `?`, or empty), parameters in a fixed order and defaults left
 * out, so one view has one URL. Rejected parameters are not written back.
 */
export function serializeViewState(view: ViewState): string {
  const route = ROUTES[view.page];
  const pageValues = SEARCH_SCHEMAS.map((schema) => schema.write(view, schema === route.search));
  return writeQuery([{ page: view.page === DEFAULT_VIEW.page ? null : view.page }, mapContextQuery(view, route.regionParam), ...pageValues], PARAM_ORDER);
}

/** The permit types the figures count: the user's choice, or ITAS and ITAP. */
export function countedPermitTypes(view: Pick<MapContext, 'permitTypes'>): PermitType[] {
  return view.permitTypes.length > 0 ? view.permitTypes : ['itas', 'itap'];
}
