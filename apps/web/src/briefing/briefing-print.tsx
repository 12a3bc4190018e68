// The print page of a briefing (`?page=briefing-print&briefing=ID`): every slide, one per 16:9 page,
// each map drawn as SVG (slide-vector-map.tsx) so Chromium prints it as vector paths. When all maps and
// panels are in, the page marks itself ready for the PDF renderer (data-print-ready). With
// `#export=pptx` or `#export=html` it then writes the PPTX (maps rasterised from the SVG at twice
// their size or more) or the self-contained offline HTML file (maps inline as SVG).
import type { Briefing } from '@pantau/domain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getArea, getMeta } from '../api/pantau-api.js';
import { shownOverlays } from '../auth/permissions.js';
import { useNationalScope, usePermissions } from '../auth/session-context.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { useRoute } from '../state/router.js';
import { addBriefingResources } from './briefing-locales.js';
import type { ExportMap } from './briefing-export.js';
import { getBriefing } from './briefings-api.js';
import { loadPanel, type PanelTable } from './slide-data.js';
import { SlideFrame } from './slide-frame.js';
import { dataSourceText } from './slide-key.js';
import { useSlideKey } from './use-slide-key.js';
import type { VectorMap } from './slide-vector-map.js';
import './briefing.css';

export type ExportKind = 'pptx' | 'html';

export default function BriefingPrintPage() {
  const { i18n } = useTranslation();
  addBriefingResources(i18n);
  return <BriefingPrint />;
}

function markPrint(state: { ready: true } | { error: string }) {
  if ('ready' in state) document.documentElement.dataset.printReady = 'true';
  else document.documentElement.dataset.printError = state.error;
}

function BriefingPrint() {
  const { t } = useTranslation('briefing');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const id = useRoute('briefing-print').view.briefing;
  // In the hash: the app rewrites the query to its canonical form, which keeps the hash as it is.
  const [exportKind] = useState(() => {
    const value = new URLSearchParams(window.location.hash.slice(1)).get('export');
    return value === 'pptx' || value === 'html' ? (value as ExportKind) : null;
  });
  const loaded = useApiRequest(id === null ? null : `briefing:${id}`, (signal) => getBriefing(id ?? 0, signal));
  const meta = useApiRequest('meta', getMeta);
  const briefing = dataOf(loaded)?.briefing ?? null;
  const demo = dataOf(meta)?.demo ?? false;
  const area = useApiRequest(briefing?.areaCode ? `area:${briefing.areaCode}` : null, (signal) => getArea(briefing?.areaCode ?? '', signal));
  const permissions = usePermissions();
  const nationalScope = useNationalScope();
  const key = useSlideKey();
  const [maps, setMaps] = useState<Record<number, VectorMap>>({});
  const drawnCount = Object.keys(maps).length;
  const [exported, setExported] = useState<string | null>(null);

  useEffect(() => {
    document.documentElement.classList.add('printing-slides');
    return () => document.documentElement.classList.remove('printing-slides');
  }, []);
  useEffect(() => {
    if (id === null) markPrint({ error: 'no briefing named (briefing=ID)' });
    else if (loaded.status === 'error') markPrint({ error: loaded.error instanceof Error ? loaded.error.message : String(loaded.error) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reported once per status, with the error of that moment
  }, [id, loaded.status]);

  // A map may be drawn twice (a late size or data change): only the first drawing of a slide counts.
  const onVectorMap = useCallback(
    (index: number) => (map: VectorMap) => {
      setMaps((done) => (done[index] === undefined ? { ...done, [index]: map } : done));
    },
    [],
  );
  const onMapError = useCallback((index: number) => (message: string) => markPrint({ error: `slide ${index + 1}: ${message}` }), []);

  // All maps drawn: wait for the panels' data, then mark ready and (when asked) export.
  useEffect(() => {
    // The area's name names the exported file; a briefing without an area (or one that failed to load) is named by its date.
    if (!briefing || meta.status !== 'ok' || drawnCount < briefing.slides.length || area.status === 'loading') return;
    let stopped = false;
    const check = async () => {
      if (stopped) return;
      if (document.querySelector('.slide-panel[aria-busy="true"]')) {
        window.setTimeout(() => void check(), 200);
        return;
      }
      // Two frames: the panels have been shrunk to fit (use-fit-to-box.ts) before the page is printed.
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      if (stopped) return;
      markPrint({ ready: true });
      if (!exportKind) return;
      try {
        const tables = await Promise.all(
          briefing.slides.map((slide) =>
            Promise.all(slide.panels.map((panel) => loadPanel(panel, slide.view, slide.view.asOf ?? briefing.date, t as never, briefing.lang, format.date))),
          ),
        );
        const source = dataSourceText(dataOf(meta) ?? null, t as never, format.date);
        const texts = {
          demo: t('demo'),
          footer: (date: string) => t('footer', { date: format.date(date), source }),
          continued: (title: string) => t('continued', { title }),
          areaName: dataOf(area)?.name ?? null,
        };
        const { exportPptx, exportOfflineHtml } = await import('./briefing-export.js');
        const exportMaps = briefing.slides.map((slide, index): ExportMap | null => {
          const map = maps[index];
          if (!map) return null;
          const typesLabel = (slide.view.permitTypes.length > 0 ? slide.view.permitTypes : ['itas', 'itap'])
            .map((type) => tCommon(`filters.permitTypes.${type}` as 'filters.permitTypes.itas'))
            .join(' + ');
          const legend = key({
            classes: map.classes,
            measure: slide.view.measure,
            layers: shownOverlays(slide.view.layers, permissions, { region: slide.view.region, nationalScope }),
            typesLabel,
            asOf: slide.view.asOf ?? briefing.date,
            source,
          });
          return { ...map, legend };
        });
        const name =
          exportKind === 'pptx' ? await exportPptx(briefing, exportMaps, tables, demo, texts) : exportOfflineHtml(briefing, exportMaps, tables, demo, texts);
        setExported(name);
      } catch (error) {
        setExported(`${t('exportFailed')}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    void check();
    return () => {
      stopped = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the drawings or the data arrive; the rest is read as it is then
  }, [briefing, drawnCount, meta.status, area.status]);

  if (!briefing) return <p>{loaded.status === 'error' ? String(loaded.error) : t('loading')}</p>;
  return (
    <div className="print-slides" data-testid="print-slides">
      {exported && (
        <p className="print-status no-print" role="status" data-testid="export-status">
          {exported}
        </p>
      )}
      {briefing.slides.map((slide, index) => (
        <div className="print-page" key={slide.id}>
          <SlideFrame
            slide={slide}
            number={index + 1}
            count={briefing.slides.length}
            date={briefing.date}
            demo={demo}
            vector
            onVectorMap={onVectorMap(index)}
            onMapError={onMapError(index)}
          />
        </div>
      ))}
    </div>
  );
}

export type { Briefing, PanelTable };
