// The drawing on the map (terra-draw with its MapLibre adapter): a polygon drawn corner by corner and
// closed on the first corner, then its corners dragged; an existing area's outline loaded to change
// instead. The polygon follows every change; it can be cleared to draw again, or replaced by typed corners.
import type { RiskAreaAnswer } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { editablePolygon, type Polygon } from './drawn-geometry.js';

const polygonOf = (feature: GeoJSONStoreFeatures | undefined): Polygon | null =>
  feature?.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: feature.geometry.coordinates } : null;

/** Puts a polygon on the drawing, ready to adjust; its id, or null when terra-draw refuses the shape (the checks say why). */
function showPolygon(draw: TerraDraw, polygon: Polygon): string | number | null {
  const [added] = draw.addFeatures([{ type: 'Feature', geometry: polygon, properties: { mode: 'polygon' } }]);
  if (!added?.valid || added.id === undefined) return null;
  draw.setMode('select');
  draw.selectFeature(added.id);
  return added.id;
}

export function useTerraDraw(map: MapLibreMap, area: RiskAreaAnswer | null) {
  const drawRef = useRef<TerraDraw | null>(null);
  const featureIdRef = useRef<string | number | null>(null);
  const [polygon, setPolygon] = useState<Polygon | null>(null);

  useEffect(() => {
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode(),
        new TerraDrawSelectMode({
          flags: { polygon: { feature: { coordinates: { draggable: true, midpoints: true, deletable: true } } } },
        }),
      ],
    });
    drawRef.current = draw;
    const readDrawing = (ids: ReadonlyArray<string | number>) => {
      const current = featureIdRef.current;
      if (current === null || !ids.includes(current)) return;
      setPolygon(polygonOf(draw.getSnapshotFeature(current)));
    };
    draw.on('finish', (featureId, context) => {
      featureIdRef.current = featureId;
      setPolygon(polygonOf(draw.getSnapshotFeature(featureId)));
      // Once closed, the corners can be dragged (and a midpoint dragged adds one).
      if (context.action === 'draw') {
        draw.setMode('select');
        draw.selectFeature(featureId);
      }
    });
    draw.on('change', (ids) => readDrawing(ids));
    draw.start();
    const saved = editablePolygon(area?.geometry);
    const shown = saved ? showPolygon(draw, saved) : null;
    if (shown !== null) {
      featureIdRef.current = shown;
      setPolygon(polygonOf(draw.getSnapshotFeature(shown)));
    } else draw.setMode('polygon');
    return () => {
      drawRef.current = null;
      draw.stop();
    };
  }, [map, area]);

  /** Clears the drawing to draw again; false when there is no drawing (the tool is closing). */
  const clear = (): boolean => {
    const draw = drawRef.current;
    if (!draw) return false;
    draw.clear();
    featureIdRef.current = null;
    setPolygon(null);
    draw.setMode('polygon');
    return true;
  };

  /** Replaces the drawing with typed corners, which the map then shows to adjust. */
  const replaceWith = (typed: Polygon) => {
    const draw = drawRef.current;
    if (draw) {
      draw.clear();
      featureIdRef.current = showPolygon(draw, typed);
      if (featureIdRef.current === null) draw.setMode('polygon');
    }
    // Kept even when the map refuses the shape (a crossing outline), so the checks name the problem.
    setPolygon(typed);
  };

  return { polygon, clear, replaceWith };
}
