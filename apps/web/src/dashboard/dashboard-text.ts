// Pure helpers of the dashboard: how an error reads, which record a search hit opens, what the hover card shows.
import type { AreaPermitCount } from '@pantau/domain';
import type { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client.js';
import type { RequestState } from '../api/use-api-request.js';
import type { HoveredAreaInfo } from '../map/area-hover-panel.js';
import { displayValue, measureValue } from '../map/choropleth.js';
import type { HoveredAreaFeature, MapError } from '../map/pantau-map.js';
import type { PanelFilters, Selection } from '../panels/types.js';
import type { PageView } from '../state/navigation.js';
import type { MapContext, MapLevel } from '../state/view-state.js';

export type CommonT = ReturnType<typeof useTranslation<'common'>>['t'];

export function errorMessage(error: unknown, t: CommonT): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('errors.network');
    if (error.code === 'bad_response') return `${t('errors.badResponse')} (${error.message})`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function errorOf(state: RequestState<unknown>): unknown {
  return state.status === 'error' ? state.error : undefined;
}

export function placeKindToRecord(placeKind: string): Exclude<Selection['kind'], 'area'> | null {
  switch (placeKind) {
    case 'operation':
    case 'operation_target':
      return 'operation';
    case 'entry_point':
      return 'entry_point';
    case 'risk_area':
      return 'risk_area';
    case 'report':
      return 'report';
    case 'meeting':
      return 'meeting';
    case 'company':
      return 'company';
    default:
      return null;
  }
}

/** The hovered area as its tile describes it, with its top nationalities from the statistics. */
export function describeArea(
  feature: HoveredAreaFeature | null,
  permitCountByCode: ReadonlyMap<string, AreaPermitCount>,
  measure: MapContext['measure'],
): HoveredAreaInfo | null {
  if (!feature) return null;
  const { itas, itap, visit } = feature;
  const density = measure === 'density' && feature.holderCount !== null ? measureValue(feature.holderCount, feature.areaKm2, 'density') : null;
  return {
    code: feature.code,
    level: feature.level as MapLevel,
    name: feature.name,
    parentName: feature.parentName,
    holderCount: feature.holderCount,
    density: density === null ? null : displayValue(density, 'density'),
    permitCounts: itas !== null && itap !== null ? { itas, itap, visit: visit ?? 0 } : null,
    topNationalities: permitCountByCode.get(feature.code)?.topNationalities ?? [],
  };
}

/** The filters the detail panel asks with: the view's, only those set; none before the day is known. */
export function panelFiltersOf(view: MapContext, asOf: string | null): PanelFilters | null {
  if (asOf === null) return null;
  return {
    asOf,
    ...(view.permitTypes.length > 0 ? { permitTypes: view.permitTypes } : {}),
    ...(view.nationalities.length > 0 ? { nationalities: view.nationalities } : {}),
    ...(view.purposes.length > 0 ? { purposes: view.purposes } : {}),
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
    ...(view.compare ? { compareWith: view.compare } : {}),
  };
}

/** Every problem the page shows once: parameters the link had wrong, failed requests, the map's own. */
export function dashboardErrors(view: PageView<'map'>, requests: readonly RequestState<unknown>[], mapError: MapError | null, t: CommonT): string[] {
  const errors = [
    ...view.rejected.map(({ name, value }) => t('errors.rejectedParam', { name, value })),
    ...requests.map((state) => {
      const error = errorOf(state);
      return error === undefined ? null : errorMessage(error, t);
    }),
    mapError === null ? null : mapError.kind === 'tiles' ? `${t('errors.tiles')} (${mapError.message})` : mapError.message,
  ].filter((message): message is string => message !== null);
  return [...new Set(errors)];
}
