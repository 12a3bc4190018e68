// A slide's map: the dashboard's map (same tiles, classes and layers) at the slide's view. It stays
// interactive during the talk; `onReady` fires once the choropleth of the slide's view is painted.
import type { SlideView } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getArea, getPermitStats } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { shownOverlays } from '../auth/permissions.js';
import { usePermissions } from '../auth/session-context.js';
import { choroplethClasses, choroplethScope } from '../map/choropleth.js';
import { ChoroplethLegend } from '../map/choropleth-legend.js';
import { PantauMap, type CameraRequest, type MapError } from '../map/pantau-map.js';
import type { TileFilters } from '../map/tile-urls.js';
import { countedPermitTypes, type MapPosition } from '../state/view-state.js';

const NATIONAL_ZOOM = 4;

export interface SlideMapProps {
  view: SlideView;
  /** The day counted when the slide names none. */
  fallbackAsOf: string | null;
  label: string;
  typesLabel: string;
  onReady?(map: MapLibreMap): void;
  onError?(message: string): void;
}

export function SlideMap({ view, fallbackAsOf, label, typesLabel, onReady, onError }: SlideMapProps) {
  const permissions = usePermissions();
  const asOf = view.asOf ?? fallbackAsOf;
  const permitTypes = countedPermitTypes(view);
  const [zoom, setZoom] = useState(view.map?.zoom ?? NATIONAL_ZOOM);
  const scope = choroplethScope(view, zoom);
  const layers = useMemo(() => shownOverlays(view.layers, permissions), [view.layers, permissions]);
  const filters = useMemo<TileFilters | null>(
    () => (asOf === null ? null : { asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes, from: view.from, to: view.to }),
    [asOf, view.permitTypes.join(), view.nationalities.join(), view.purposes.join(), view.from, view.to],
  );
  const stats = useApiRequest(asOf === null ? null : `slide-stats:${scope.level}:${scope.parent}:${asOf}:${permitTypes}:${view.nationalities}:${view.purposes}`, (signal) =>
    getPermitStats({ level: scope.level, parent: scope.parent, asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes }, signal));
  const classes = useMemo(() => {
    const data = dataOf(stats);
    return data ? choroplethClasses(data.areas, 'count', new Map()) : null;
  }, [stats]);
  const region = useApiRequest(view.region && !view.map ? `area:${view.region}` : null, (signal) => getArea(view.region ?? '', signal));

  // A slide without a map position shows its whole area.
  const [camera, setCamera] = useState<CameraRequest | null>(null);
  const regionBox = dataOf(region)?.bbox;
  useEffect(() => {
    if (regionBox) setCamera({ kind: 'fit', bbox: regionBox, id: 1 });
  }, [regionBox?.join()]);

  const mapRef = useRef<MapLibreMap | null>(null);
  const onMapReady = useCallback((map: MapLibreMap | null) => { mapRef.current = map; }, []);
  const onMove = useCallback((position: MapPosition) => setZoom(position.zoom), []);
  const onMapError = useCallback((error: MapError | null) => { if (error) onError?.(error.message); }, [onError]);

  // Ready when this map's classes are applied, its tiles loaded and no move is pending (several slide
  // maps may be drawing at once, so not the page-wide window.__pantauReady).
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  const positioned = view.map !== null || !view.region || camera !== null;
  useEffect(() => {
    if (!classes || !positioned) return;
    let stopped = false;
    const check = () => {
      if (stopped) return;
      const map = mapRef.current;
      if (map && !map.isMoving() && map.loaded() && map.areTilesLoaded()) readyRef.current?.(map);
      else window.setTimeout(check, 150);
    };
    // After the fit's animation has started.
    const timer = window.setTimeout(check, 700);
    return () => { stopped = true; window.clearTimeout(timer); };
  }, [classes, positioned, camera?.id]);

  return (
    <div className="slide-map">
      <PantauMap
        filters={filters}
        level={scope.level}
        parent={scope.parent}
        classes={classes}
        measure="count"
        layers={layers}
        selectedArea={view.region}
        position={view.map}
        camera={camera}
        label={label}
        onMove={onMove}
        onHoverArea={noop}
        onClickArea={noop}
        onSelectRecord={noop}
        onMapError={onMapError}
        onMapReady={onMapReady}
      />
      <div className="slide-legend">
        <ChoroplethLegend classes={classes ?? []} measure="count" typesLabel={typesLabel} parentName={null} />
      </div>
    </div>
  );
}

const noop = () => {};

/** The map's pixels right after a frame is drawn (the drawing buffer is cleared after each frame). */
export function mapImage(map: MapLibreMap): Promise<string> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    map.triggerRepaint();
  });
}
