import type { PermitFilterParams } from '../api/panels-api.js';
import type { PanelFilters } from './types.js';

/** The view's permit filters as the area requests take them. */
export function permitFilterOf(filters: PanelFilters): PermitFilterParams {
  return { permitTypes: filters.permitTypes, nationalities: filters.nationalities, purposes: filters.purposes };
}
