// TileJSON URLs of the API's layers with the view's filters, relative to the page's host. Each layer
// takes only the filters it understands (see GET /tiles), so a URL changes only when its tiles do and
// the browser's tile cache stays useful.
import type { MapLevel } from '../state/view-state.js';

export const AREA_TILE_LAYERS: Readonly<Record<MapLevel, string>> = { province: 'provinces', regency: 'regencies', district: 'districts' };

export type TileLayerName =
  | 'provinces'
  | 'regencies'
  | 'districts'
  | 'company_sites'
  | 'operation_targets'
  | 'risk_areas'
  | 'entry_points'
  | 'reports'
  | 'meetings'
  | 'coverage_gaps'
  | 'hot_spots'
  | 'overstays';

export interface TileFilters {
  asOf: string;
  permitTypes: readonly string[];
  nationalities: readonly string[];
  purposes: readonly string[];
  from: string | null;
  to: string | null;
  /** The area the view is on (`region=`): the hot spots' study area. */
  region: string | null;
}

type FilterName = 'asOf' | 'permitType' | 'nationality' | 'purpose' | 'from' | 'to' | 'area';

const PERMIT_FILTERS: readonly FilterName[] = ['asOf', 'permitType', 'nationality', 'purpose'];
const PERIOD_FILTERS: readonly FilterName[] = ['from', 'to'];

const LAYER_FILTERS: Readonly<Record<TileLayerName, readonly FilterName[]>> = {
  provinces: PERMIT_FILTERS,
  regencies: PERMIT_FILTERS,
  districts: PERMIT_FILTERS,
  company_sites: PERMIT_FILTERS,
  operation_targets: PERIOD_FILTERS,
  // Risk areas valid on the date, or at some time in the period when one is chosen.
  risk_areas: ['asOf', 'from', 'to'],
  entry_points: [],
  reports: PERIOD_FILTERS,
  meetings: PERIOD_FILTERS,
  coverage_gaps: ['asOf'],
  // Computed over the area the view is on (or the user's whole scope when it is narrower than Indonesia).
  hot_spots: ['asOf', 'area'],
  // People over their last permit's end on the day, per district.
  overstays: PERMIT_FILTERS,
};

/**
 * Parameters fixed by the web app, so the legend names what the tiles hold: the coverage gaps' months
 * and the hot spots' window and H3 resolution.
 */
export const PLANNING_LAYER_PARAMS = { coverageMonths: 12, hotSpotMonths: 24, hotSpotResolution: 6 } as const;
const FIXED_PARAMS: Partial<Record<TileLayerName, Record<string, string>>> = {
  coverage_gaps: { months: String(PLANNING_LAYER_PARAMS.coverageMonths) },
  hot_spots: { months: String(PLANNING_LAYER_PARAMS.hotSpotMonths), resolution: String(PLANNING_LAYER_PARAMS.hotSpotResolution) },
};

function filterValue(name: FilterName, filters: TileFilters): string | null {
  switch (name) {
    case 'asOf':
      return filters.asOf;
    case 'permitType':
      return filters.permitTypes.join(',');
    case 'nationality':
      return filters.nationalities.join(',');
    case 'purpose':
      return filters.purposes.join(',');
    case 'from':
      return filters.from;
    case 'to':
      return filters.to;
    case 'area':
      return filters.region;
  }
}

/**
 * The hot spots of a national user need an area (the server refuses the whole country in one analysis):
 * without one on the view the layer is not requested and its legend says to choose an area.
 */
export const hotSpotsNeedArea = (filters: Pick<TileFilters, 'region'>, nationalScope: boolean): boolean => nationalScope && filters.region === null;

export function tileJsonUrl(layer: TileLayerName, filters: TileFilters): string {
  const query = new URLSearchParams();
  for (const name of LAYER_FILTERS[layer]) {
    const value = filterValue(name, filters);
    if (value) query.set(name, value);
  }
  for (const [name, value] of Object.entries(FIXED_PARAMS[layer] ?? {})) query.set(name, value);
  // Commas need no escaping in a query string; unescaped they match the URLs the server writes.
  const search = query.toString().replace(/%2C/g, ',');
  return search ? `/tiles/${layer}.json?${search}` : `/tiles/${layer}.json`;
}
