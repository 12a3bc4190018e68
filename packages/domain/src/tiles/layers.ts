// The tile layers (ids of /tiles/{layer}) and the query parameters each one takes: the API serves and
// checks them (apps/api/src/tiles), the web app builds its TileJSON URLs from them. A parameter not in
// a layer's list is refused (400), so the web app never sends one.

/** Area layers carry aggregates only. */
export const AREA_TILE_LAYERS = ['provinces', 'regencies', 'districts'] as const;
export const POINT_TILE_LAYERS = ['company_sites', 'operation_targets', 'risk_areas', 'entry_points', 'reports', 'meetings'] as const;
/** Planning layers (coverage gaps, hot spots of findings and reports): for the roles with record lists. */
export const PLANNING_TILE_LAYERS = ['coverage_gaps', 'hot_spots'] as const;
/** People over their permit's end, counted per district (issue 20): counts only, for every role. */
export const OVERSTAY_TILE_LAYERS = ['overstays'] as const;

export const TILE_LAYER_NAMES = [...AREA_TILE_LAYERS, ...POINT_TILE_LAYERS, ...PLANNING_TILE_LAYERS, ...OVERSTAY_TILE_LAYERS] as const;
export type TileLayerName = (typeof TILE_LAYER_NAMES)[number];

export const TILE_FILTER_NAMES = [
  'asOf',
  'permitType',
  'nationality',
  'purpose',
  'sponsor',
  'from',
  'to',
  'category',
  'status',
  'months',
  'resolution',
  'area',
  'lang',
] as const;
export type TileFilterName = (typeof TILE_FILTER_NAMES)[number];

const PERMIT_FILTERS = ['asOf', 'permitType', 'nationality', 'purpose'] as const;
/** The area layers also count the permits of one sponsor (a company page's map). */
const AREA_FILTERS = [...PERMIT_FILTERS, 'sponsor'] as const;
const PERIOD_FILTERS = ['from', 'to'] as const;

/** Query parameters that change a layer's content: the only ones its TileJSON and tiles take, in this order. */
export const TILE_LAYER_FILTERS: Readonly<Record<TileLayerName, readonly TileFilterName[]>> = {
  provinces: AREA_FILTERS,
  regencies: AREA_FILTERS,
  districts: AREA_FILTERS,
  company_sites: PERMIT_FILTERS,
  operation_targets: PERIOD_FILTERS,
  // Risk areas valid on the date, or at some time in the period when one is chosen.
  risk_areas: ['asOf', 'from', 'to', 'category', 'lang'],
  entry_points: [],
  reports: [...PERIOD_FILTERS, 'category', 'status'],
  meetings: PERIOD_FILTERS,
  coverage_gaps: ['asOf', 'months'],
  // Computed over the study area (or the user's whole scope when it is narrower than Indonesia).
  hot_spots: ['asOf', 'area', 'months', 'resolution'],
  // People over their last permit's end on the day, per district.
  overstays: AREA_FILTERS,
};

export const isTileLayerName = (name: string): name is TileLayerName => (TILE_LAYER_NAMES as readonly string[]).includes(name);
