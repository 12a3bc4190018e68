// The page URL is the view state: every view (area, record, map position, layers, filters, language)
// can be bookmarked, pasted into a report or opened on the projector and shows the same map.
// `parseViewState` and `serializeViewState` are pure and inverse of each other for every valid state.
import {
  AREA_CODE_PATTERN,
  isIsoDate,
  NATIONALITIES,
  officeKeyOfArea,
  PERMIT_PURPOSES,
  PERMIT_TYPES,
  WEIGHT_KEYS,
  type PermitPurpose,
  type PermitType,
  type WeightKey,
} from '@pantau/domain';
import { isLang, type Lang } from '../i18n/languages.js';
import type { RecordKind } from '../panels/types.js';

/** The area levels the map can shade. */
export const MAP_LEVELS = ['province', 'regency', 'district'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Layers over the choropleth, in the URL's spelling (`layers=sites,operations`). */
export const OVERLAY_LAYERS = ['sites', 'operations', 'risk', 'entry', 'reports', 'meetings', 'gaps', 'hotspots', 'overstays'] as const;
export type OverlayLayer = (typeof OVERLAY_LAYERS)[number];

export const RECORD_KINDS = ['company', 'operation', 'report', 'meeting', 'risk_area', 'entry_point'] as const satisfies readonly RecordKind[];

/**
 * The page shown: the map, one of the admin pages (`page=users`), the import page, operation planning
 * or a plan's print page, a briefing or its print page, the public-report triage; each page checks the role itself.
 */
export const PAGES = [
  'map',
  'users',
  'audit',
  'import',
  'planning',
  'plan-print',
  'briefing',
  'briefing-print',
  'person',
  'company',
  'reports',
  'meetings',
] as const;
export type Page = (typeof PAGES)[number];

/**
 * Pages about one area, whose URL names it `area=` (the map's `region=`): an area code, or on these
 * pages only an office's work area, `area=office:<office key>` (the view's `workArea`).
 */
const AREA_PAGES: readonly Page[] = ['planning', 'plan-print'];

/** Planning weights a user set for the session (`w.staleness=2`); factors not named keep their default. */
export type WeightOverrides = Partial<Record<WeightKey, number>>;

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

export interface ViewState {
  lang: Lang;
  page: Page;
  /** The level chosen by the user; `null` = follow the drill-down and the zoom. */
  level: MapLevel | null;
  /** The area drilled into and selected (`region=19.04`). */
  region: string | null;
  /**
   * The office whose work area the planning pages show (`area=office:<office key>`), instead of `region`;
   * other pages neither read nor write it.
   */
  workArea: string | null;
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
  /** The operation plan opened on the planning or print page (`plan=12`). */
  plan: number | null;
  /** Planning weights changed for this session (`w.<factor>=`). */
  weights: WeightOverrides;
  /** The briefing open on the briefing pages (`briefing=12`), and its slide shown, from 1 (`slide=3`). */
  briefing: number | null;
  slide: number | null;
  /** The person open on the person page (`person=12`), and the company on the company page (`company=5`). */
  person: number | null;
  company: number | null;
  /** Parameters present in the URL but not understood, named so the page can say why they were ignored. */
  rejected: Array<{ name: string; value: string }>;
}

export const DEFAULT_VIEW: ViewState = {
  lang: 'id',
  page: 'map',
  level: null,
  region: null,
  workArea: null,
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
  plan: null,
  weights: {},
  briefing: null,
  slide: null,
  person: null,
  company: null,
  rejected: [],
};

const NATIONALITY_CODES = new Set(NATIONALITIES.map((nationality) => nationality.code));

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** A comma-separated list; unknown items are dropped (and reported), order follows `values`. */
function listOf<T extends string>(values: readonly T[], value: string | null, reject: (value: string) => void): T[] {
  if (value === null) return [];
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items) if (!values.includes(item as T)) reject(item);
  return values.filter((candidate) => items.includes(candidate));
}

function parseMapPosition(value: string): MapPosition | null {
  const parts = value.split('/').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return null;
  const [zoom = 0, lat = 0, lng = 0] = parts;
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}

/** A planning weight as the API takes it: 0 to 100. */
function parseWeight(value: string): number | null {
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(value)) return null;
  const weight = Number(value);
  return weight <= 100 ? weight : null;
}

function parseSelection(value: string): RecordSelection | null {
  const match = /^([a-z_]+):(\d{1,15})$/.exec(value);
  const kind = oneOf(RECORD_KINDS, match?.[1] ?? null);
  if (!match || !kind) return null;
  return { kind, id: Number(match[2]) };
}

const positiveInteger = (value: string) => (/^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const rejected: ViewState['rejected'] = [];
  const read = <T>(name: string, parse: (value: string) => T | null): T | null => {
    const value = params.get(name);
    if (value === null || value === '') return null;
    const parsed = parse(value);
    if (parsed === null) rejected.push({ name, value });
    return parsed;
  };
  const date = (value: string) => (isIsoDate(value) ? value : null);
  const areaCode = (value: string) => (AREA_CODE_PATTERN.test(value) ? value : null);
  const weights: WeightOverrides = {};
  for (const factor of WEIGHT_KEYS) {
    const weight = read(`w.${factor}`, parseWeight);
    if (weight !== null) weights[factor] = weight;
  }
  const list = <T extends string>(name: string, values: readonly T[]) => listOf(values, params.get(name), (value) => rejected.push({ name, value }));

  const page = read('page', (value) => oneOf(PAGES, value)) ?? DEFAULT_VIEW.page;
  const workArea = AREA_PAGES.includes(page) ? officeKeyOfArea(params.get('area') ?? '') : null;

  return {
    lang: read('lang', (value) => (isLang(value) ? value : null)) ?? DEFAULT_VIEW.lang,
    page,
    level: read('level', (value) => oneOf(MAP_LEVELS, value)),
    region: read('region', areaCode) ?? (workArea === null ? read('area', areaCode) : null),
    workArea,
    select: read('select', parseSelection),
    panelOpen: params.get('panel') !== 'closed',
    map: read('map', parseMapPosition),
    layers: list('layers', OVERLAY_LAYERS),
    permitTypes: list('permitType', PERMIT_TYPES),
    nationalities: list('nationality', [...NATIONALITY_CODES].sort()),
    purposes: list('purpose', PERMIT_PURPOSES),
    from: read('from', date),
    to: read('to', date),
    asOf: read('asOf', date),
    compare: read('compare', date),
    measure: read('measure', (value) => oneOf(MEASURES, value)) ?? DEFAULT_VIEW.measure,
    timeMode: read('time', (value) => oneOf(TIME_MODES, value)) ?? DEFAULT_VIEW.timeMode,
    plan: read('plan', (value) => (/^[1-9]\d{0,14}$/.test(value) ? Number(value) : null)),
    weights,
    briefing: read('briefing', positiveInteger),
    slide: read('slide', positiveInteger),
    person: read('person', positiveInteger),
    company: read('company', positiveInteger),
    rejected,
  };
}

/** Map positions are rounded so the URL stays short: 2 decimals of zoom, 4 of a degree (~10 m). */
export function roundMapPosition({ zoom, lat, lng }: MapPosition): MapPosition {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return { zoom: round(zoom, 2), lat: round(lat, 4), lng: round(lng, 4) };
}

/**
 * The query string of a view (with `?`, or empty), parameters in a fixed order and defaults left
 * out, so one view has one URL. Rejected parameters are not written back.
 */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') params.set(name, value);
  };
  if (view.page !== DEFAULT_VIEW.page) set('page', view.page);
  set('briefing', view.briefing === null ? null : String(view.briefing));
  set('slide', view.slide === null ? null : String(view.slide));
  set('person', view.person === null ? null : String(view.person));
  set('company', view.company === null ? null : String(view.company));
  set('level', view.level);
  if (AREA_PAGES.includes(view.page)) set('area', view.workArea !== null ? `office:${view.workArea}` : view.region);
  else set('region', view.region);
  set('select', view.select ? `${view.select.kind}:${view.select.id}` : null);
  if (!view.panelOpen) set('panel', 'closed');
  if (view.map) {
    const { zoom, lat, lng } = roundMapPosition(view.map);
    set('map', `${zoom}/${lat}/${lng}`);
  }
  set('layers', OVERLAY_LAYERS.filter((layer) => view.layers.includes(layer)).join(','));
  set('permitType', PERMIT_TYPES.filter((type) => view.permitTypes.includes(type)).join(','));
  set('nationality', [...view.nationalities].sort().join(','));
  set('purpose', PERMIT_PURPOSES.filter((purpose) => view.purposes.includes(purpose)).join(','));
  set('from', view.from);
  set('to', view.to);
  set('asOf', view.asOf);
  set('compare', view.compare);
  if (view.measure !== DEFAULT_VIEW.measure) set('measure', view.measure);
  if (view.timeMode !== DEFAULT_VIEW.timeMode) set('time', view.timeMode);
  if (view.plan !== null) set('plan', String(view.plan));
  for (const factor of WEIGHT_KEYS) {
    const weight = view.weights[factor];
    if (weight !== undefined) set(`w.${factor}`, String(weight));
  }
  if (view.lang !== DEFAULT_VIEW.lang) set('lang', view.lang);
  // Commas and slashes need no escaping in a query string and are easier to read unescaped.
  const query = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
  return query ? `?${query}` : '';
}

/** The permit types the figures count: the user's choice, or ITAS and ITAP. */
export function countedPermitTypes(view: Pick<ViewState, 'permitTypes'>): PermitType[] {
  return view.permitTypes.length > 0 ? view.permitTypes : ['itas', 'itap'];
}
