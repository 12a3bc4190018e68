// The choropleth classes of a slide's map, by the slide's measure: holders, or holders per 1,000 km²
// (the areas' sizes from GET /areas, as the dashboard computes them). Shared by the live slide map,
// the vector map of the print page and the exports, so all show the classes the dashboard showed.
import { getAreas, getPermitStats } from '../api/pantau-api.js';
import type { AreaListItem, AreaPermitCount } from '@pantau/domain';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { choroplethClasses, type ChoroplethScope } from '../map/choropleth.js';
import type { ChoroplethClass } from '../map/choropleth-classes.js';
import { countedPermitTypes, type MapContext, type Measure } from '../state/view-state.js';
import { useMemo } from 'react';

/** Classes of the areas' counts for the measure; null while what it needs is still loading (densities need the sizes). */
export function slideClasses(
  measure: Measure,
  areas: readonly AreaPermitCount[] | null,
  sizes: readonly Pick<AreaListItem, 'code' | 'areaKm2'>[] | null,
): ChoroplethClass[] | null {
  if (!areas) return null;
  if (measure === 'density' && !sizes) return null;
  const areaKm2ByCode = new Map((sizes ?? []).map((area) => [area.code, area.areaKm2]));
  return choroplethClasses(areas, measure, areaKm2ByCode);
}

type SlideFilterView = Pick<MapContext, 'permitTypes' | 'nationalities' | 'purposes' | 'measure'>;

/** The classes of a slide's view within `scope` on `asOf` (null while loading); errors come back as `error`. */
export function useSlideClasses(
  view: SlideFilterView,
  scope: ChoroplethScope | null,
  asOf: string | null,
): { classes: ChoroplethClass[] | null; error: unknown } {
  const permitTypes = countedPermitTypes(view);
  const ready = scope !== null && asOf !== null;
  const stats = useApiRequest(
    ready ? `slide-stats:${scope.level}:${scope.parent}:${asOf}:${permitTypes}:${view.nationalities}:${view.purposes}` : null,
    (signal) =>
      getPermitStats(
        { level: scope?.level ?? 'province', parent: scope?.parent ?? null, asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes },
        signal,
      ),
  );
  const sizes = useApiRequest(ready && view.measure === 'density' ? `areas:${scope.level}:${scope.parent}` : null, (signal) =>
    getAreas(scope?.level ?? 'province', scope?.parent ?? null, signal),
  );
  const classes = useMemo(() => slideClasses(view.measure, dataOf(stats)?.areas ?? null, dataOf(sizes) ?? null), [stats, sizes, view.measure]);
  const error = stats.status === 'error' ? stats.error : sizes.status === 'error' ? sizes.error : null;
  return { classes, error };
}
