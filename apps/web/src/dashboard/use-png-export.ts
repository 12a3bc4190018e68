import { downloadFileName, nationalityName } from '@pantau/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { ChoroplethClass } from '../map/choropleth-classes.js';
import { classRangeLabel } from '../map/choropleth-legend.js';
import { CONTEXT_LAND_COLOR, NO_DATA_COLOR } from '../map/map-style.js';
import { OVERLAYS } from '../map/overlay-style.js';
import type { MapError } from '../map/pantau-map.js';
import type { MapContext, MapLevel, OverlayLayer } from '../state/view-state.js';

interface PngExportInput {
  mapRef: RefObject<MapLibreMap | null>;
  view: MapContext;
  classes: ChoroplethClass[] | null;
  demo: boolean;
  typesLabel: string;
  trail: readonly { name: string }[];
  shownAsOf: string | null;
  level: MapLevel;
  shownLayers: readonly OverlayLayer[];
  parentName: string | null;
  regionName: string | null;
  onError: (error: MapError) => void;
}

/** The map as a PNG with its title, filters, legends and source line, as shown at a meeting. */
export function usePngExport(input: PngExportInput) {
  const { t } = useTranslation();
  const { t: tMap } = useTranslation('map');
  const format = useFormat();
  const [exporting, setExporting] = useState(false);
  const exportPng = async () => {
    const { mapRef, view, classes, demo, typesLabel, trail, shownAsOf, level, shownLayers, parentName, regionName } = input;
    const map = mapRef.current;
    if (!map || !classes) return;
    setExporting(true);
    try {
      const { exportMapPng } = await import('../map/export-png.js');
      const filterParts = [
        view.permitTypes.length > 0 ? `${t('filters.permitType')}: ${typesLabel}` : null,
        view.nationalities.length > 0
          ? `${t('filters.nationality')}: ${view.nationalities.map((code) => nationalityName(code, format.lang)).join(', ')}`
          : null,
        view.purposes.length > 0 ? `${t('filters.purpose')}: ${view.purposes.map((purpose) => t(`filters.purposes.${purpose}`)).join(', ')}` : null,
      ].filter((part): part is string => part !== null);
      const period =
        view.from || view.to ? `${t('export.period')}: ${view.from ? format.date(view.from) : '…'} – ${view.to ? format.date(view.to) : '…'}` : null;
      const legendTitle = view.measure === 'density' ? tMap('legend.titleDensity', { types: typesLabel }) : tMap('legend.title', { types: typesLabel });
      await exportMapPng(map, {
        title: `${t('title')} — ${legendTitle}${trail.length > 0 ? ` — ${trail.map((area) => area.name).join(' › ')}` : ''}`,
        lines: [
          `${t('asOfLabel')} ${shownAsOf ? format.date(shownAsOf) : ''} · ${tMap(`level.${level}`)}`,
          `${t('export.filters')}: ${filterParts.length > 0 ? filterParts.join(' · ') : t('export.noFilters')}`,
          ...(period ? [period] : []),
          ...(shownLayers.length > 0 ? [`${t('export.layers')}: ${shownLayers.map((layer) => tMap(`layers.${layer}`)).join(', ')}`] : []),
        ],
        legends: [
          {
            title: legendTitle,
            rows: [
              ...classes.map((choroplethClass) => ({ color: choroplethClass.color, label: classRangeLabel(choroplethClass, view.measure, format.number) })),
              { color: NO_DATA_COLOR, label: tMap('legend.noData') },
              ...(parentName !== null ? [{ color: CONTEXT_LAND_COLOR, label: tMap('legend.outside') }] : []),
            ],
            notes: [tMap('legend.method', { count: classes.length }), ...(parentName !== null ? [tMap('legend.within', { name: parentName })] : [])],
          },
          ...shownLayers.map((layer) => ({
            title: tMap(`layers.${layer}`),
            rows: OVERLAYS[layer].legend.map((entry) => ({
              color: entry.color,
              label: tMap(`legend.${entry.key}` as 'legend.noData'),
              shape: entry.shape === 'circle' ? ('circle' as const) : entry.shape === 'outline' ? ('outline' as const) : ('square' as const),
            })),
            notes: [],
          })),
        ],
        footer: `${demo ? `${t('export.demo')} · ` : ''}Pantau · Batas wilayah © Cahya DSN (MIT) · Natural Earth · ${window.location.href}`,
        warning: demo ? t('export.demo') : null,
        fileName: downloadFileName({
          kind: t('export.fileName'),
          areaName: regionName,
          areaCode: view.region,
          date: shownAsOf ?? '',
          extension: 'png',
        }).replace(/\.png$/, ''),
      });
    } catch (error) {
      input.onError({ kind: 'webgl', message: t('export.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportPng };
}
