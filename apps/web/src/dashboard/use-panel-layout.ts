import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { Bbox } from '../auth/scope-camera.js';
import type { CameraMove, CameraRequest } from '../map/pantau-map.js';
import { useRefitWhenCovered } from '../map/use-refit-when-covered.js';

interface LayoutInput {
  hasSelection: boolean;
  regionDetail: { bbox: Bbox } | null;
  camera: CameraRequest | null;
  requestCamera: (move: CameraMove) => void;
  mapInstance: MapLibreMap | null;
}

/**
 * The sidebar, the detail column and the legend around the map: which are open, and the selected
 * area fitted again into the room they leave.
 */
export function usePanelLayout({ hasSelection, regionDetail, camera, requestCamera, mapInstance }: LayoutInput) {
  // Open beside the map on laptops and projectors; over the map (closed at first) on narrow windows.
  const [sidebarOpen, setSidebarOpen] = useState(() => window.matchMedia('(min-width: 1001px)').matches);
  // On a laptop the map keeps its width: opening the detail panel folds the filters away.
  useEffect(() => {
    if (hasSelection && window.matchMedia('(max-width: 1500px)').matches) setSidebarOpen(false);
  }, [hasSelection]);

  // Folding the legend frees the bottom left of the map; unfolding it covers it again.
  const [legendCollapsed, setLegendCollapsed] = useState(false);

  // Opening or closing a side panel changes the map's width, and folding the legend the room left in
  // it: the selected area is fitted again into what is free, instead of being cut by a panel, left
  // off-centre or covered by the legend.
  const panelsKey = `${sidebarOpen}:${hasSelection}:${legendCollapsed}`;
  const panelsKeyRef = useRef(panelsKey);
  useEffect(() => {
    if (panelsKeyRef.current === panelsKey) return;
    panelsKeyRef.current = panelsKey;
    if (regionDetail) requestCamera({ kind: 'fit', bbox: regionDetail.bbox });
  }, [panelsKey, regionDetail, requestCamera]);

  // The legend grows after a fit (its classes arrive, a note for the area drilled into): the selected
  // area is fitted again when the legend, or another card at the bottom, now covers it.
  // Only an area the app fitted: a link's own map position is where the user asked to be.
  const mapBottomRef = useRef<HTMLDivElement>(null);
  const fittedRegion = camera?.kind === 'fit' && regionDetail && camera.bbox.join() === regionDetail.bbox.join() ? regionDetail.bbox : null;
  useRefitWhenCovered(mapInstance, mapBottomRef, fittedRegion, () => {
    if (regionDetail) requestCamera({ kind: 'fit', bbox: regionDetail.bbox });
  });

  return {
    sidebarOpen,
    toggleSidebar: () => setSidebarOpen((open) => !open),
    legendCollapsed,
    toggleLegend: () => setLegendCollapsed((collapsed) => !collapsed),
    mapBottomRef,
  };
}
