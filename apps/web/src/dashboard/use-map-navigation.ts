import { INDONESIA_BBOX, type SearchCompany } from '@pantau/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { mapStart, withinScope, type Bbox, type MapStart } from '../auth/scope-camera.js';
import type { CameraMove, CameraRequest } from '../map/pantau-map.js';
import type { SearchSelection, Selection } from '../panels/types.js';
import type { UpdateRoute } from '../state/router.js';
import type { MapContext } from '../state/view-state.js';
import { placeKindToRecord } from './dashboard-text.js';

interface NavigationInput {
  view: MapContext;
  updateView: UpdateRoute<'map'>;
  /** The caller's work area; `null` for the national scope. */
  scopeCodes: readonly string[] | null;
  scopeBbox: Bbox | null;
  /** Whether `/meta` has answered (the work area's box comes with it). */
  metaSettled: boolean;
  regionDetail: { code: string; bbox: Bbox } | null;
}

/**
 * Where the map looks: its start, the camera moves asked of it, and what a click, the breadcrumb or
 * the search select (an area is fitted once it is known, a place flown to).
 */
export function useMapNavigation({ view, updateView, scopeCodes, scopeBbox, metaSettled, regionDetail }: NavigationInput) {
  const [camera, setCamera] = useState<CameraRequest | null>(null);
  const cameraIdRef = useRef(0);
  const requestCamera = useCallback((move: CameraMove) => {
    cameraIdRef.current += 1;
    setCamera({ ...move, id: cameraIdRef.current });
  }, []);
  const fitToScope = useCallback(() => {
    if (scopeBbox) requestCamera({ kind: 'fit', bbox: scopeBbox });
  }, [scopeBbox, requestCamera]);
  // The map is created on the work area (its box comes with /meta), so its first frame shows it; a
  // link with a map position, or the national scope, needs no wait.
  const startRef = useRef<MapStart | null>(null);
  if (startRef.current === null && (view.map !== null || scopeCodes === null || metaSettled)) {
    startRef.current = mapStart(view, scopeBbox, scopeCodes);
  }
  // The API serves nothing outside the work area (the province above an office's regencies, a link
  // made by another user): the map shows the work area instead of an error.
  const regionOutsideScope = view.region !== null && !withinScope(view.region, scopeCodes);
  useEffect(() => {
    if (!regionOutsideScope) return;
    updateView({ region: null, select: null }, 'replace');
    fitToScope();
  }, [regionOutsideScope, updateView, fitToScope]);

  // Fit the area once it is known, when it was chosen here (click, breadcrumb, search) or opened from
  // a link without a map position.
  const fitPendingRef = useRef<string | null>(view.region !== null && view.map === null ? view.region : null);
  useEffect(() => {
    if (!regionDetail || fitPendingRef.current !== regionDetail.code) return;
    fitPendingRef.current = null;
    requestCamera({ kind: 'fit', bbox: regionDetail.bbox });
  }, [regionDetail, requestCamera]);

  const selectArea = useCallback(
    (code: string | null) => {
      if (scopeCodes !== null && (code === null || !withinScope(code, scopeCodes))) {
        fitPendingRef.current = null;
        updateView({ region: null, select: null, panelOpen: true });
        fitToScope();
        return;
      }
      fitPendingRef.current = code;
      if (code === null) requestCamera({ kind: 'fit', bbox: INDONESIA_BBOX });
      updateView({ region: code, select: null, panelOpen: true });
    },
    [updateView, requestCamera, scopeCodes, fitToScope],
  );
  const selectRecord = useCallback(
    (selection: Selection) => {
      if (selection.kind === 'area') selectArea(selection.code);
      else updateView({ select: { kind: selection.kind, id: selection.id } });
    },
    [selectArea, updateView],
  );
  const selectCompany = useCallback(
    (company: SearchCompany) => {
      requestCamera({ kind: 'fly', center: [company.lng, company.lat], zoom: 12 });
      updateView({ select: { kind: 'company', id: company.id } });
    },
    [requestCamera, updateView],
  );
  const onSearch = useCallback(
    (result: SearchSelection) => {
      if (result.kind === 'area') {
        selectArea(result.code);
        return;
      }
      requestCamera({ kind: 'fly', center: [result.lng, result.lat], zoom: 12 });
      const kind = result.kind === 'company' ? 'company' : placeKindToRecord(result.placeKind);
      if (kind) updateView({ select: { kind, id: result.id } });
    },
    [selectArea, requestCamera, updateView],
  );

  return { camera, requestCamera, start: startRef.current, selectArea, selectRecord, selectCompany, onSearch };
}
