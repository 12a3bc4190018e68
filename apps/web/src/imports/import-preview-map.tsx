// The import page's map of a check's located rows, before anything is written (issue 24): each row's
// point coloured by what the import would do with it (imported as is, imported with a correction or a
// warning, refused), fitted to their bounds. Loaded lazily from the (lazy) import page, with MapLibre:
// the app's offline basemap, no tiles of its own. The report carries at most IMPORT_PREVIEW_POINTS points.
import type { ImportReportAnswer } from '@pantau/domain';
import { LngLatBounds, Map as MapLibreMap, NavigationControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { createBaseStyle, WORLD_LAND_SOURCE } from '../map/map-style.js';
import { loadWorldLand } from '../map/world-land.js';

setWorkerUrl(maplibreWorkerUrl);

type PreviewPoint = NonNullable<ImportReportAnswer['points']>[number];
const SOURCE = 'import-points';
const LAYER = 'import-points';
const STATUS_COLORS: Record<PreviewPoint['status'], string> = { ok: '#2e7d32', warning: '#ef8f00', error: '#c62828' };

export interface ImportPreviewMapProps {
  points: readonly PreviewPoint[];
  /** Every located row of the file (more than `points` when the report was capped). */
  total: number;
}

export default function ImportPreviewMap({ points, total }: ImportPreviewMapProps) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  /** Points drawn on the map once it is idle with the current ones (what a test or a reader can check). */
  const [drawn, setDrawn] = useState<number | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = new MapLibreMap({
      container,
      style: createBaseStyle(),
      bounds: [94.7, -11.2, 141.2, 6.3],
      minZoom: 3,
      maxZoom: 16,
      dragRotate: false,
      pitchWithRotate: false,
      renderWorldCopies: false,
      fadeDuration: 0,
      attributionControl: { compact: true, customAttribution: 'Natural Earth (world-atlas)' },
    });
    created.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    created.on('load', () => {
      loadWorldLand().then(
        (land) => created.getSource<GeoJSONSource>(WORLD_LAND_SOURCE)?.setData(land),
        (error: unknown) => console.error(error),
      );
      created.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      created.addLayer({
        id: LAYER,
        type: 'circle',
        source: SOURCE,
        paint: {
          'circle-radius': 5,
          'circle-color': ['match', ['get', 'status'], 'error', STATUS_COLORS.error, 'warning', STATUS_COLORS.warning, STATUS_COLORS.ok],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      });
      setMap(created);
    });
    return () => {
      setMap(null);
      created.remove();
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    setDrawn(null);
    void map.getSource<GeoJSONSource>(SOURCE)?.setData({
      type: 'FeatureCollection',
      features: points.map((p) => ({
        type: 'Feature',
        properties: { row: p.row, status: p.status },
        geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      })),
    });
    if (points.length) {
      const bounds = new LngLatBounds();
      for (const p of points) bounds.extend([p.lng, p.lat]);
      map.fitBounds(bounds, { padding: 40, maxZoom: 13, animate: false });
    }
    // Counted when the map has drawn the new data; until then ask for frames (a single idle may have passed already).
    let done = false;
    const count = () => {
      if (done) return;
      if (!map.isStyleLoaded() || !map.isSourceLoaded(SOURCE)) {
        map.triggerRepaint();
        return;
      }
      done = true;
      setDrawn(new Set(map.queryRenderedFeatures({ layers: [LAYER] }).map((f) => (f.properties as { row?: number }).row)).size);
    };
    map.on('idle', count);
    map.triggerRepaint();
    return () => {
      done = true;
      map.off('idle', count);
    };
  }, [map, points]);

  const byStatus = { ok: 0, warning: 0, error: 0 };
  for (const p of points) byStatus[p.status] += 1;
  return (
    <figure className="import-preview-map" data-testid="import-preview-map" data-points={points.length} data-drawn={drawn ?? undefined}>
      <div ref={containerRef} className="import-preview-map-canvas" role="img" aria-label={t('import.previewMap.label')} />
      <figcaption data-testid="import-preview-summary">
        {(['ok', 'warning', 'error'] as const).map((status) => (
          <span key={status} className="import-preview-legend">
            <span className="import-preview-swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
            {t(`import.previewMap.${status}`, { count: byStatus[status], n: format.number(byStatus[status]) })}
          </span>
        ))}
        {total > points.length && (
          <span className="field-hint"> · {t('import.previewMap.capped', { shown: format.number(points.length), total: format.number(total) })}</span>
        )}
      </figcaption>
    </figure>
  );
}
