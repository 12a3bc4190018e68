import type { RiskAreaAnswer } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useState, type RefObject } from 'react';
import { overlaySourceId } from '../map/overlay-style.js';
import type { UpdateRoute } from '../state/router.js';

/**
 * The risk-area drawing tool: while it is open, a click on the map places a corner, not a selection.
 * `drawing.areaId` null: a new area; else the risk area whose outline is changed.
 */
export function useRiskDrawing(mapRef: RefObject<MapLibreMap | null>, updateView: UpdateRoute<'map'>, clearHover: () => void) {
  const [drawing, setDrawing] = useState<{ areaId: number | null } | null>(null);
  const [drawNotice, setDrawNotice] = useState<string | null>(null);
  // Bumped after a save: the detail panel of a changed area keeps its selection and reads it again.
  const [panelRevision, setPanelRevision] = useState(0);
  const onRiskAreaSaved = useCallback(
    (riskArea: RiskAreaAnswer, message: string) => {
      setDrawing(null);
      setDrawNotice(message);
      setPanelRevision((revision) => revision + 1);
      // The risk layer shows the new outline: switched on if it was off, its tiles asked for again if it was on.
      const map = mapRef.current;
      if (map?.getSource(overlaySourceId('risk'))) map.refreshTiles(overlaySourceId('risk'));
      updateView((current) => ({
        layers: current.layers.includes('risk') ? current.layers : [...current.layers, 'risk'],
        select: { kind: 'risk_area', id: riskArea.id },
      }));
    },
    [mapRef, updateView],
  );
  const openDrawing = (areaId: number | null) => {
    setDrawNotice(null);
    clearHover();
    setDrawing({ areaId });
  };
  return { drawing, drawNotice, panelRevision, onRiskAreaSaved, openDrawing, closeDrawing: () => setDrawing(null) };
}
