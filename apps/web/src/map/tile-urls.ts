// TileJSON URLs of the API's layers with the view's filters, relative to the page's host. Each layer
// takes only the filters it understands (TILE_LAYER_FILTERS of @pantau/domain, the API's own list), so
// a URL changes only when its tiles do and the browser's tile cache stays useful.
import { COVERAGE_MONTHS, HOT_SPOT_PARAMS, TILE_LAYER_FILTERS, type TileFilterName, type TileLayerName } from '@pantau/domain';
import type { MapLevel } from '../state/view-state.js';

export const AREA_TILE_LAYERS: Readonly<Record<MapLevel, TileLayerName>> = { province: 'provinces', regency: 'regencies', district: 'districts' };

export type { TileLayerName };

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

/**
 * Parameters fixed by the web app, so the legend names what the tiles hold: the coverage gaps' months
 * and the hot spots' window and H3 resolution (the API's defaults, @pantau/domain).
 */
export const PLANNING_LAYER_PARAMS = {
  coverageMonths: COVERAGE_MONTHS.default,
  hotSpotMonths: HOT_SPOT_PARAMS.months.default,
  hotSpotResolution: HOT_SPOT_PARAMS.resolution.default,
} as const;
const FIXED_PARAMS: Partial<Record<TileLayerName, Record<string, string>>> = {
  coverage_gaps: { months: String(PLANNING_LAYER_PARAMS.coverageMonths) },
  hot_spots: { months: String(PLANNING_LAYER_PARAMS.hotSpotMonths), resolution: String(PLANNING_LAYER_PARAMS.hotSpotResolution) },
};

/** The view's value of a layer's filter; null for those the web app does not set (sponsor, category…) or fixes. */
function filterValue(name: TileFilterName, filters: TileFilters): string | null {
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
    default:
      return null;
  }
}

/**
 * The hot spots of a national user need an area (the server refuses the whole country in one analysis):
 * without one on the view the layer is not requested and its legend says to choose an area.
 */
export const hotSpotsNeedArea = (filters: Pick<TileFilters, 'region'>, nationalScope: boolean): boolean => nationalScope && filters.region === null;

export function tileJsonUrl(layer: TileLayerName, filters: TileFilters): string {
  const query = new URLSearchParams();
  for (const name of TILE_LAYER_FILTERS[layer]) {
    const value = filterValue(name, filters);
    if (value) query.set(name, value);
  }
  for (const [name, value] of Object.entries(FIXED_PARAMS[layer] ?? {})) query.set(name, value);
  // Commas need no escaping in a query string; unescaped they match the URLs the server writes.
  const search = query.toString().replace(/%2C/g, ',');
  return search ? `/tiles/${layer}.json?${search}` : `/tiles/${layer}.json`;
}
