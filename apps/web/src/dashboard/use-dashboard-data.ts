import { useMemo, useState } from 'react';
import { getArea, getAreas, getMeta, getPermitStats } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { choroplethClasses, choroplethScope } from '../map/choropleth.js';
import type { TileFilters } from '../map/tile-urls.js';
import { countedPermitTypes, type MapContext } from '../state/view-state.js';

/** Zoom of the whole of Indonesia on a laptop screen, used before the map reports its own. */
const NATIONAL_ZOOM = 4;

/** What the dashboard asks the API for: the server's day, the counts its classes come from, the areas named. */
export function useDashboardData(view: MapContext) {
  const meta = useApiRequest('meta', getMeta);
  const today = dataOf(meta)?.today ?? null;
  // Without a date in the URL, the server's today: named explicitly, so the tiles and the counts the
  // classes come from are for the same day, and a tile cached yesterday is not taken for today's.
  const asOf = view.asOf ?? today;
  const permitTypes = countedPermitTypes(view);
  // Unknown until the map opens (on the work area, without a position in the link): the level shaded
  // and counted follows the zoom, so nothing is asked for before.
  const [zoom, setZoom] = useState<number | null>(view.map?.zoom ?? null);
  const scope = choroplethScope(view, zoom ?? NATIONAL_ZOOM);

  const tileFilters = useMemo<TileFilters | null>(
    () =>
      asOf === null
        ? null
        : { asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes, from: view.from, to: view.to, region: view.region },
    // `permitTypes` is derived from `view.permitTypes`.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- arrays compared by their content (joined), not by identity
    [asOf, view.permitTypes.join(), view.nationalities.join(), view.purposes.join(), view.from, view.to, view.region],
  );

  // The level follows the zoom only without a chosen level or area: then wait for the map's zoom.
  const levelKnown = zoom !== null || view.level !== null || view.region !== null;
  const statsKey = asOf === null || !levelKnown ? null : `stats:${scope.level}:${scope.parent}:${asOf}:${permitTypes}:${view.nationalities}:${view.purposes}`;
  const stats = useApiRequest(statsKey, (signal) =>
    getPermitStats({ level: scope.level, parent: scope.parent, asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes }, signal),
  );
  // Surfaces are only needed for densities.
  const areaList = useApiRequest(view.measure === 'density' && levelKnown ? `areas:${scope.level}:${scope.parent}` : null, (signal) =>
    getAreas(scope.level, scope.parent, signal),
  );
  const region = useApiRequest(view.region === null ? null : `area:${view.region}`, (signal) => getArea(view.region ?? '', signal));
  const parentArea = useApiRequest(scope.parent === null ? null : `area:${scope.parent}`, (signal) => getArea(scope.parent ?? '', signal));

  const permitStats = dataOf(stats);
  const areaKm2ByCode = useMemo(() => new Map((dataOf(areaList) ?? []).map((area) => [area.code, area.areaKm2])), [areaList]);
  const classes = useMemo(() => {
    if (!permitStats) return null;
    if (view.measure === 'density' && areaKm2ByCode.size === 0) return null;
    return choroplethClasses(permitStats.areas, view.measure, areaKm2ByCode);
  }, [permitStats, view.measure, areaKm2ByCode]);
  const permitCountByCode = useMemo(() => new Map(permitStats?.areas.map((area) => [area.code, area])), [permitStats]);
  const parentName = scope.parent === null ? null : (dataOf(parentArea)?.name ?? scope.parent);

  return {
    meta,
    stats,
    areaList,
    region,
    today,
    asOf,
    permitTypes,
    scope,
    setZoom,
    tileFilters,
    classes,
    permitCountByCode,
    regionDetail: dataOf(region),
    parentName,
    shownAsOf: permitStats?.asOf ?? asOf,
  };
}
