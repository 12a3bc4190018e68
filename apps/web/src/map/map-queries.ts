// Reading the map: a tile feature's properties, an area's name from the tiles on the map, the map's
// position and whether it is already at one, the clickable overlays shown, a point feature's place.
import type { GeoJSONFeature, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { MapLevel, MapPosition } from '../state/view-state.js';
import { AREA_TILE_LAYERS, areaSourceId } from './map-style.js';
import { CLICKABLE_OVERLAYS, overlayLayers } from './overlay-style.js';

export function numberProperty(feature: GeoJSONFeature, name: string): number | null {
  const value: unknown = feature.properties[name];
  return typeof value === 'number' ? value : null;
}

export function stringProperty(feature: GeoJSONFeature, name: string): string | null {
  const value: unknown = feature.properties[name];
  return typeof value === 'string' ? value : null;
}

/** Name of an area from the tiles already on the map (the boundaries above are drawn at every level). */
export function areaName(map: MapLibreMap, level: MapLevel, code: string): string | null {
  if (!map.getSource(areaSourceId(level))) return null;
  const [area] = map.querySourceFeatures(areaSourceId(level), {
    sourceLayer: AREA_TILE_LAYERS[level],
    filter: ['==', ['get', 'code'], code],
  });
  return area ? stringProperty(area, 'name') : null;
}

export function mapPosition(map: MapLibreMap): MapPosition {
  const { lng, lat } = map.getCenter();
  return { zoom: map.getZoom(), lat, lng };
}

/** True when two positions are the same to the precision the URL keeps. */
export function samePosition(a: MapPosition, b: MapPosition): boolean {
  return Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lat - b.lat) < 0.0002 && Math.abs(a.lng - b.lng) < 0.0002;
}

/** True when the map already shows `position`. */
export function isAt(map: MapLibreMap, position: MapPosition): boolean {
  return samePosition(mapPosition(map), position);
}

export const interactiveOverlayLayerIds = (map: MapLibreMap) =>
  CLICKABLE_OVERLAYS.flatMap((layer) => overlayLayers(layer, true).map((spec) => spec.id))
    .filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none')
    .reverse();

export function pointOf(feature: MapGeoJSONFeature): [number, number] | null {
  const geometry = feature.geometry;
  if (geometry.type !== 'Point') return null;
  const [lng, lat] = geometry.coordinates;
  return lng === undefined || lat === undefined ? null : [lng, lat];
}
