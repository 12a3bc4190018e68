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
  | 'meetings';

export interface TileFilters {
  asOf: string;
  permitTypes: readonly string[];
  nationalities: readonly string[];
  purposes: readonly string[];
  from: string | null;
  to: string | null;
}

type FilterName = 'asOf' | 'permitType' | 'nationality' | 'purpose' | 'from' | 'to';

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
  }
}

export function tileJsonUrl(layer: TileLayerName, filters: TileFilters): string {
  const query = new URLSearchParams();
  for (const name of LAYER_FILTERS[layer]) {
    const value = filterValue(name, filters);
    if (value) query.set(name, value);
  }
  // Commas need no escaping in a query string; unescaped they match the URLs the server writes.
  const search = query.toString().replace(/%2C/g, ',');
  return search ? `/tiles/${layer}.json?${search}` : `/tiles/${layer}.json`;
}
