// What the pointer does on the map: the area under it is marked and reported (with its parent's name and
// counts), a point or risk area above the areas takes the click (a merged point zooms in to its members),
// else the shaded area does; the cursor is a pointer over anything clickable.
import type { Map as MapLibreMap, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import { MAP_LEVELS } from '../state/view-state.js';
import { AREA_TILE_LAYERS, areaFillLayerId, areaSourceId, HOLDER_COUNT_PROPERTY, HOVER_STATE } from './map-style.js';
import { areaName, interactiveOverlayLayerIds, numberProperty, pointOf, stringProperty } from './map-queries.js';
import { overlayOfLayerId, recordOfFeature } from './overlay-style.js';
import type { HoveredAreaFeature, HoveredFeature } from './pantau-map-types.js';
import type { MapRefs } from './use-map-refs.js';

/** Marks and reports the area under the pointer; sets `refs.clearHovered` to unmark it. */
export function addAreaHover(created: MapLibreMap, refs: MapRefs): void {
  const setHoverState = (hovered: HoveredFeature, value: boolean) => {
    if (hovered.featureId === undefined) return;
    const source = areaSourceId(hovered.level);
    if (!created.getSource(source)) return;
    created.setFeatureState({ source, sourceLayer: AREA_TILE_LAYERS[hovered.level], id: hovered.featureId }, { [HOVER_STATE]: value });
  };
  const setHovered = (next: HoveredFeature | null, area: HoveredAreaFeature | null) => {
    const previous = refs.hovered.current;
    if (previous) setHoverState(previous, false);
    if (next) setHoverState(next, true);
    refs.hovered.current = next;
    refs.props.current.onHoverArea(area);
  };
  refs.clearHovered.current = () => {
    if (refs.hovered.current) setHovered(null, null);
  };

  for (const layerLevel of MAP_LEVELS) {
    created.on('mousemove', areaFillLayerId(layerLevel), (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const code = feature ? stringProperty(feature, 'code') : null;
      if (!feature || code === null) {
        refs.clearHovered.current();
        return;
      }
      const previous = refs.hovered.current;
      if (previous?.level === layerLevel && previous.code === code) return;
      const parentLevel = layerLevel === 'district' ? 'regency' : 'province';
      const parentCode = code.slice(0, code.lastIndexOf('.'));
      setHovered(
        { level: layerLevel, code, featureId: feature.id },
        {
          level: layerLevel,
          code,
          name: stringProperty(feature, 'name') ?? code,
          parentName: layerLevel === 'province' ? null : areaName(created, parentLevel, parentCode),
          holderCount: numberProperty(feature, HOLDER_COUNT_PROPERTY),
          itas: numberProperty(feature, 'itas'),
          itap: numberProperty(feature, 'itap'),
          visit: numberProperty(feature, 'visit'),
          areaKm2: numberProperty(feature, 'area_km2'),
        },
      );
    });
    created.on('mouseleave', areaFillLayerId(layerLevel), () => refs.clearHovered.current());
  }
}

/** Clicks on records and areas, and the pointer cursor over them. */
export function addClicks(created: MapLibreMap, refs: MapRefs): void {
  // Points and risk areas above the areas take the click; a merged point zooms in to its members.
  created.on('click', (event: MapMouseEvent) => {
    const overlayIds = interactiveOverlayLayerIds(created);
    const [recordFeature] = overlayIds.length > 0 ? created.queryRenderedFeatures(event.point, { layers: overlayIds }) : [];
    if (recordFeature) {
      const overlay = overlayOfLayerId(recordFeature.layer.id);
      if (overlay) {
        const record = recordOfFeature(overlay, recordFeature);
        if (record === 'cluster') {
          const [lng, lat] = pointOf(recordFeature) ?? [event.lngLat.lng, event.lngLat.lat];
          created.easeTo({ center: [lng, lat], zoom: Math.min(created.getZoom() + 2, 14) });
        } else if (record) {
          refs.props.current.onSelectRecord(record);
        }
        return;
      }
    }
    const shownLevel = refs.level.current;
    const [area] = created.getLayer(areaFillLayerId(shownLevel)) ? created.queryRenderedFeatures(event.point, { layers: [areaFillLayerId(shownLevel)] }) : [];
    const code = area ? stringProperty(area, 'code') : null;
    if (code) refs.props.current.onClickArea(code, shownLevel);
  });
  created.on('mousemove', (event: MapMouseEvent) => {
    const overlayIds = interactiveOverlayLayerIds(created);
    const overRecord = overlayIds.length > 0 && created.queryRenderedFeatures(event.point, { layers: overlayIds }).length > 0;
    const overArea = created.getLayer(areaFillLayerId(refs.level.current))
      ? created.queryRenderedFeatures(event.point, { layers: [areaFillLayerId(refs.level.current)] }).length > 0
      : false;
    created.getCanvas().style.cursor = overRecord || overArea ? 'pointer' : '';
  });
}
