// The layers the user switches on over the choropleth: company sites, operation targets, risk areas,
// entry points, public reports and meetings. Colours come from the Okabe–Ito palette (distinct for
// the common colour-vision deficiencies); each layer's legend lists the same colours.
import type { ExpressionSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { COVERAGE_CLASSES, HOT_SPOT_CLASSES } from '@pantau/domain';
import type { RecordKind } from '../panels/types.js';
import type { OverlayLayer } from '../state/view-state.js';
import { tileJsonUrl, type TileFilters, type TileLayerName } from './tile-urls.js';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#7a7a7a',
} as const;

export interface LegendEntry {
  /** i18n key under `map:legend.` */
  key: string;
  color: string;
  shape: 'circle' | 'square' | 'line' | 'outline';
}

export interface OverlayDefinition {
  tileLayer: TileLayerName;
  /** The detail panel's kind of the records drawn; null = not clickable (a click goes to the area below). */
  recordKind: RecordKind | null;
  /** Property holding the record id (the feature id otherwise). */
  idProperty: string | null;
  legend: LegendEntry[];
  /** i18n key under `map:legend.` of a line under the legend (with PLANNING_LAYER_PARAMS as values). */
  note?: string;
}

export const RISK_COLORS: Record<string, string> = {
  illegal_work: OKABE_ITO.orange,
  overstay: OKABE_ITO.skyBlue,
  social_conflict: OKABE_ITO.reddishPurple,
  illegal_emigration_route: OKABE_ITO.blue,
  illegal_entry_point: OKABE_ITO.vermillion,
  visit_permit_misuse: OKABE_ITO.yellow,
};
export const OUTCOME_COLORS: Record<string, string> = {
  violation: OKABE_ITO.vermillion,
  no_violation: OKABE_ITO.bluishGreen,
  not_found: OKABE_ITO.grey,
};
export const ENTRY_POINT_COLORS: Record<string, string> = {
  airport: OKABE_ITO.blue,
  seaport: OKABE_ITO.bluishGreen,
  land_border: OKABE_ITO.orange,
};
export const REPORT_COLORS: Record<string, string> = {
  new: OKABE_ITO.orange,
  verified: OKABE_ITO.vermillion,
  acted: OKABE_ITO.bluishGreen,
  dismissed: OKABE_ITO.grey,
};
/** Months since the last check: a sequential orange ramp (ColorBrewer Oranges), darkest for never checked. */
export const COVERAGE_COLORS: Record<string, string> = { months_12: '#fdae6b', months_24: '#f16913', months_36: '#a63603', never: '#4a1486' };
/** Gi* classes: ColorBrewer RdBu, diverging, red hot and blue cold (readable with red–green deficiencies). */
export const HOT_SPOT_COLORS: Record<string, string> = {
  hot_99: '#b2182b',
  hot_95: '#ef8a62',
  hot_90: '#fddbc7',
  not_significant: '#e0e0e0',
  cold_90: '#d1e5f0',
  cold_95: '#67a9cf',
  cold_99: '#2166ac',
};
/** People overstaying per district: a sequential purple ramp (ColorBrewer Purples), apart from the gaps' oranges. */
export const OVERSTAY_CLASSES = [
  { key: 'c1', from: 1, color: '#cbc9e2' },
  { key: 'c2', from: 2, color: '#9e9ac8' },
  { key: 'c5', from: 5, color: '#756bb1' },
  { key: 'c10', from: 10, color: '#54278f' },
] as const;
const SITE_COLOR = '#6a3d9a';
const MEETING_COLOR = '#16324f';
const CLUSTER_COLOR = '#4a535c';

const entries = (prefix: string, colors: Record<string, string>, shape: LegendEntry['shape']): LegendEntry[] =>
  Object.entries(colors).map(([value, color]) => ({ key: `${prefix}.${value}`, color, shape }));

export const OVERLAYS: Readonly<Record<OverlayLayer, OverlayDefinition>> = {
  sites: {
    tileLayer: 'company_sites',
    recordKind: 'company',
    idProperty: 'company_id',
    legend: [
      { key: 'sites.site', color: SITE_COLOR, shape: 'circle' },
      { key: 'sites.size', color: SITE_COLOR, shape: 'circle' },
    ],
  },
  operations: {
    tileLayer: 'operation_targets',
    recordKind: 'operation',
    idProperty: 'operation_id',
    legend: entries('outcome', OUTCOME_COLORS, 'circle'),
  },
  risk: { tileLayer: 'risk_areas', recordKind: 'risk_area', idProperty: null, legend: entries('risk', RISK_COLORS, 'outline') },
  entry: { tileLayer: 'entry_points', recordKind: 'entry_point', idProperty: null, legend: entries('entry', ENTRY_POINT_COLORS, 'circle') },
  reports: { tileLayer: 'reports', recordKind: 'report', idProperty: null, legend: entries('report', REPORT_COLORS, 'circle') },
  meetings: { tileLayer: 'meetings', recordKind: 'meeting', idProperty: null, legend: [{ key: 'meetings.meeting', color: MEETING_COLOR, shape: 'circle' }] },
  gaps: {
    tileLayer: 'coverage_gaps',
    recordKind: null,
    idProperty: null,
    legend: COVERAGE_CLASSES.map((c) => ({ key: `gaps.${c.key}`, color: COVERAGE_COLORS[c.key] ?? OKABE_ITO.grey, shape: 'square' as const })),
    note: 'gaps.note',
  },
  hotspots: {
    tileLayer: 'hot_spots',
    recordKind: null,
    idProperty: null,
    legend: HOT_SPOT_CLASSES.map((c) => ({ key: `hotspot.${c}`, color: HOT_SPOT_COLORS[c] ?? OKABE_ITO.grey, shape: 'square' as const })),
    note: 'hotspot.method',
  },
  overstays: {
    tileLayer: 'overstays',
    recordKind: null,
    idProperty: null,
    legend: OVERSTAY_CLASSES.map((c) => ({ key: `overstay.${c.key}`, color: c.color, shape: 'square' as const })),
    note: 'overstay.note',
  },
};

/** Drawing order, bottom to top: polygons first, the small and numerous points last. */
export const OVERLAY_ORDER: readonly OverlayLayer[] = ['hotspots', 'gaps', 'overstays', 'risk', 'meetings', 'entry', 'reports', 'operations', 'sites'];

/** Overlays whose features open a record on click. */
export const CLICKABLE_OVERLAYS: readonly OverlayLayer[] = OVERLAY_ORDER.filter((layer) => OVERLAYS[layer].recordKind !== null);

export const overlaySourceId = (layer: OverlayLayer) => `overlay-${layer}`;

export function overlaySource(layer: OverlayLayer, filters: TileFilters): VectorSourceSpecification {
  return { type: 'vector', url: tileJsonUrl(OVERLAYS[layer].tileLayer, filters) };
}

function match(property: string, colors: Record<string, string>, fallback: string): ExpressionSpecification {
  return ['match', ['get', property], ...Object.entries(colors).flat(), fallback] as unknown as ExpressionSpecification;
}

const isCluster: ExpressionSpecification = ['>', ['coalesce', ['get', 'point_count'], 1], 1];

/** Radius of a merged point: grows with the square root of what it holds, so area reads as amount. */
function clusterRadius(base: number): ExpressionSpecification {
  return ['case', isCluster, ['min', 26, ['+', base + 2, ['*', 1.6, ['sqrt', ['get', 'point_count']]]]], base];
}

/** Risk areas' outline: wider for higher severity; dashes in line widths (MapLibre's unit). */
const RISK_LINE_WIDTH: ExpressionSpecification = ['match', ['get', 'severity'], 'high', 3, 'medium', 2.2, 1.6];
const RISK_LINE_WIDTH_CASING: ExpressionSpecification = ['match', ['get', 'severity'], 'high', 5, 'medium', 4.2, 3.6];
const RISK_DASHES = [2, 1.5];

type Layout = { visibility: 'visible' | 'none'; 'line-join'?: 'round' };
type CirclePaint = Extract<LayerSpecification, { type: 'circle' }>['paint'];
type FillPaint = Extract<LayerSpecification, { type: 'fill' }>['paint'];
type LinePaint = Extract<LayerSpecification, { type: 'line' }>['paint'];

/** One overlay's source and visibility; its layers differ only by kind, id suffix and paint. */
function layerMaker(layer: OverlayLayer, visible: boolean) {
  const source = overlaySourceId(layer);
  const base = { source, 'source-layer': OVERLAYS[layer].tileLayer };
  const layout: Layout = { visibility: visible ? 'visible' : 'none' };
  return {
    circle: (paint: CirclePaint): LayerSpecification => ({ id: `${source}-circle`, type: 'circle', ...base, layout, paint }),
    fill: (paint: FillPaint): LayerSpecification => ({ id: `${source}-fill`, type: 'fill', ...base, layout, paint }),
    line: (paint: LinePaint, suffix = 'line', round = false): LayerSpecification => ({
      id: `${source}-${suffix}`,
      type: 'line',
      ...base,
      layout: round ? { ...layout, 'line-join': 'round' } : layout,
      paint,
    }),
  };
}

/** A white ring around a point: readable over every choropleth class. */
const WHITE_STROKE = { 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } as const;

/** Layers of one overlay; ids start with the source id so they can be found again. */
export function overlayLayers(layer: OverlayLayer, visible: boolean): LayerSpecification[] {
  const make = layerMaker(layer, visible);
  switch (layer) {
    case 'risk':
      return [
        // Invisible: a translucent fill changed the class colours under it, so the map (and a slide)
        // no longer matched its legend. The layer stays so a click inside the area opens its record.
        make.fill({ 'fill-color': match('category', RISK_COLORS, OKABE_ITO.grey), 'fill-opacity': 0 }),
        // A white casing under the dashed outline: readable over every class colour.
        make.line({ 'line-color': '#ffffff', 'line-width': RISK_LINE_WIDTH_CASING, 'line-opacity': 0.9 }, 'casing', true),
        make.line({ 'line-color': match('category', RISK_COLORS, OKABE_ITO.grey), 'line-width': RISK_LINE_WIDTH, 'line-dasharray': RISK_DASHES }, 'line', true),
      ];
    case 'sites':
      return [
        make.circle({
          // Sized by the foreign workers it sponsors (summed over merged sites).
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['coalesce', ['get', 'active_permits'], 0]], 0, 3.5, 4, 8, 12, 16, 30, 26],
          'circle-color': SITE_COLOR,
          'circle-opacity': ['case', isCluster, 0.7, 0.9],
          ...WHITE_STROKE,
        }),
      ];
    case 'operations':
      return [
        make.circle({
          'circle-radius': clusterRadius(5),
          // A merged point is red when any of its targets had a violation.
          'circle-color': [
            'case',
            isCluster,
            ['case', ['>', ['coalesce', ['get', 'violations'], 0], 0], OUTCOME_COLORS.violation ?? '', OUTCOME_COLORS.no_violation ?? ''],
            match('outcome', OUTCOME_COLORS, OKABE_ITO.grey),
          ],
          ...WHITE_STROKE,
        }),
      ];
    case 'entry':
      return [
        make.circle({
          'circle-radius': 6,
          'circle-color': match('kind', ENTRY_POINT_COLORS, OKABE_ITO.grey),
          'circle-stroke-color': '#111111',
          'circle-stroke-width': 1.5,
        }),
      ];
    case 'reports':
      return [
        make.circle({
          'circle-radius': clusterRadius(4.5),
          'circle-color': ['case', isCluster, CLUSTER_COLOR, match('status', REPORT_COLORS, OKABE_ITO.grey)],
          ...WHITE_STROKE,
        }),
      ];
    case 'gaps':
      return [
        make.fill({
          // No months_since = never checked.
          'fill-color': [
            'case',
            ['has', 'months_since'],
            ['step', ['get', 'months_since'], COVERAGE_COLORS.months_12 ?? '', 24, COVERAGE_COLORS.months_24 ?? '', 36, COVERAGE_COLORS.months_36 ?? ''],
            COVERAGE_COLORS.never ?? '',
          ],
          'fill-opacity': 0.6,
        }),
        make.line({ 'line-color': '#ffffff', 'line-width': 0.8 }),
      ];
    case 'hotspots':
      return [
        make.fill({
          'fill-color': match('class', HOT_SPOT_COLORS, OKABE_ITO.grey),
          // Not significant cells (they hold an event) stay faint.
          'fill-opacity': ['match', ['get', 'class'], 'not_significant', 0.35, 0.75],
        }),
        make.line({ 'line-color': '#5a5a5a', 'line-width': 0.5, 'line-opacity': 0.6 }),
      ];
    case 'overstays': {
      const [first, ...rest] = OVERSTAY_CLASSES;
      return [
        make.fill({
          'fill-color': ['step', ['get', 'overstays'], first.color, ...rest.flatMap((c) => [c.from, c.color])] as unknown as ExpressionSpecification,
          'fill-opacity': 0.7,
        }),
        make.line({ 'line-color': '#3f007d', 'line-width': 0.8 }),
      ];
    }
    case 'meetings':
      return [make.circle({ 'circle-radius': 6, 'circle-color': MEETING_COLOR, 'circle-stroke-color': OKABE_ITO.yellow, 'circle-stroke-width': 2 })];
  }
}

/** The overlay a rendered layer id belongs to. */
export function overlayOfLayerId(layerId: string): OverlayLayer | null {
  const match = /^overlay-([a-z]+)-/.exec(layerId);
  const layer = match?.[1];
  return layer !== undefined && layer in OVERLAYS ? (layer as OverlayLayer) : null;
}

/**
 * The record a clicked feature stands for: its id from `idProperty` (a company's sites and an
 * operation's targets open the company or the operation) or the feature id; `cluster` for a merged
 * point, which the map zooms into instead.
 */
export function recordOfFeature(
  layer: OverlayLayer,
  feature: { id?: string | number | undefined; properties: Record<string, unknown> },
): { kind: RecordKind; id: number } | 'cluster' | null {
  const pointCount = feature.properties.point_count;
  if (typeof pointCount === 'number' && pointCount > 1) return 'cluster';
  const { recordKind, idProperty } = OVERLAYS[layer];
  if (recordKind === null) return null;
  const raw = idProperty === null ? feature.id : feature.properties[idProperty];
  const id = typeof raw === 'string' ? Number(raw) : raw;
  return typeof id === 'number' && Number.isInteger(id) ? { kind: recordKind, id } : null;
}
