// A slide's map: the dashboard's map (same tiles, classes and layers) at the slide's view. It stays
// interactive during the talk; `onReady` fires once the choropleth of the slide's view is painted.
// Print and the exports draw the same view as SVG instead (slide-vector-map.tsx).
import type { SlideView } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getArea } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { shownOverlays } from '../auth/permissions.js';
import { useNationalScope, usePermissions } from '../auth/session-context.js';
import { choroplethScope } from '../map/choropleth.js';
import { useSlideClasses } from './slide-classes.js';
import { useSlideKey } from './use-slide-key.js';
import { SlideLegend } from './slide-legend.js';
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
  /** The source line under the legend ("Sumber: …, dimuat …"). */
  source: string;
  onReady?(map: MapLibreMap): void;
  onError?(message: string): void;
}

export function SlideMap({ view, fallbackAsOf, label, typesLabel, source, onReady, onError }: SlideMapProps) {
  const permissions = usePermissions();
  const asOf = view.asOf ?? fallbackAsOf;
  const permitTypes = countedPermitTypes(view);
  const key = useSlideKey();
  const [zoom, setZoom] = useState(view.map?.zoom ?? NATIONAL_ZOOM);
  const scope = choroplethScope(view, zoom);
  const nationalScope = useNationalScope();
  const layers = useMemo(
    () => shownOverlays(view.layers, permissions, { region: view.region, nationalScope }),
    [view.layers, permissions, view.region, nationalScope],
  );
  const filters = useMemo<TileFilters | null>(
    () =>
      asOf === null
        ? null
        : { asOf, permitTypes, nationalities: view.nationalities, purposes: view.purposes, from: view.from, to: view.to, region: view.region },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- arrays compared by their content (joined), not by identity
    [asOf, view.permitTypes.join(), view.nationalities.join(), view.purposes.join(), view.from, view.to, view.region],
  );
  const { classes } = useSlideClasses(view, scope, asOf);
  const region = useApiRequest(view.region && !view.map ? `area:${view.region}` : null, (signal) => getArea(view.region ?? '', signal));

  // A slide without a map position shows its whole area.
  const [camera, setCamera] = useState<CameraRequest | null>(null);
  const regionBox = dataOf(region)?.bbox;
  useEffect(() => {
    if (regionBox) setCamera({ kind: 'fit', bbox: regionBox, id: 1 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the box compared by its content, not by identity
  }, [regionBox?.join()]);

  const mapRef = useRef<MapLibreMap | null>(null);
  const onMapReady = useCallback((map: MapLibreMap | null) => {
    mapRef.current = map;
  }, []);
  const onMove = useCallback((position: MapPosition) => setZoom(position.zoom), []);
  const onMapError = useCallback(
    (error: MapError | null) => {
      if (error) onError?.(error.message);
    },
    [onError],
  );

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
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [classes, positioned, camera?.id]);

  return (
    <div className="slide-map">
      <PantauMap
        filters={filters}
        level={scope.level}
        parent={scope.parent}
        classes={classes}
        measure={view.measure}
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
        {classes && asOf && <SlideLegend slideKey={key({ classes, measure: view.measure, layers, typesLabel, asOf, source })} />}
      </div>
    </div>
  );
}

const noop = () => {};
