import type { PlanningCandidate } from './planning-api.js';
import type { MapPoint } from './planning-map.js';

/** The map's points: the shown candidates by rank, the picked targets by their place in the route. */
export function planningMapPoints(
  shown: readonly PlanningCandidate[],
  picked: ReadonlySet<string>,
  targetPlaces: ReadonlyArray<{ candidateId: string; name: string; location: { lng: number; lat: number } }>,
  routeOrder: ReadonlyMap<string, number>,
): MapPoint[] {
  const points: MapPoint[] = shown
    .filter((item) => !picked.has(item.id))
    .map((item) => ({ id: item.id, label: String(item.rank), lng: item.location.lng, lat: item.location.lat, picked: false, title: item.name }));
  for (const place of targetPlaces) {
    points.push({
      id: place.candidateId,
      label: String(routeOrder.get(place.candidateId) ?? ''),
      lng: place.location.lng,
      lat: place.location.lat,
      picked: true,
      title: place.name,
    });
  }
  return points;
}
